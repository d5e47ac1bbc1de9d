import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { explain, js, ROOT, rules } from './helpers.ts';

describe('javascript (tree-sitter-javascript, for isolated-vm tools)', () => {
  it.each([
    ["const fs = require('fs')", 'js.global.forbidden'],
    ['process.exit(1)', 'js.global.forbidden'],
    ["import('fs').then(x => x)", 'js.import.dynamic'],
    ["import fs from 'fs'", 'js.import.dynamic'],
    ["export * from 'fs'", 'js.import.dynamic'],
    ['console.log(import.meta.url)', 'js.import.dynamic'],
    ["new Function('return this')()", 'js.global.forbidden'],
    ["eval('1 + 1')", 'js.global.forbidden'],
    ["\\u0065val('1')", 'js.global.forbidden'],
    ["\\u{65}val('1')", 'js.global.forbidden'],
    ['const { process: p } = { process }', 'js.global.forbidden'],
    ["[].filter.constructor('return process')()", 'js.constructor'],
    ["[].filter?.constructor('return 1')()", 'js.constructor'],
    ["({})['constructor']['constructor']('x')", 'js.constructor'],
    ["({})['\\x63onstructor']", 'js.constructor'],
    ["const k = 'constructor'; ({})[k][k]('x')()", 'js.constructor'],
    ['const k = `constructor`; (() => 1)[k]("x")', 'js.constructor'],
    ["globalThis['ev' + 'al']", 'js.global.forbidden'],
    ["self['fetch']", 'js.global.computed'],
    ["window['x'] = 1", 'js.global.computed'],
    ['const g = this; g.x = 1', 'js.global.computed'],
    ['const g = (() => this)(); console.log(g)', 'js.global.computed'],
    ['obj.__proto__ = evil', 'js.dunder'],
    ['Object.getPrototypeOf(x).polluted = 1', 'js.dunder'],
    ['Reflect.get(x, key)', 'js.dunder'],
    ["Object.defineProperty(x, 'a', { get() { return 1 } })", 'js.dunder'],
    ["setTimeout('console.log(1)', 0)", 'js.global.forbidden'],
    ['const t = `${require("fs")}`', 'js.global.forbidden'],
    ['const key = input.key; const f = (x) => x; f[key][key]("return 1")()', 'js.computed-key'],
    ['const o = {}; o[input.name] = input.value', 'js.computed-key'],
    ['for (const k in input) { out[k] = input[k] }', 'js.computed-key'],
    ['const name = args[0]; console.log(input[name])', 'js.computed-key'],
    ['const { constructor: { constructor: F } } = []; F("return 1")()', 'js.constructor'],
    ["const { ['constr' + 'uctor']: C } = []", 'js.computed-key'],
    ["with ({}) { constructor('return 1') }", 'js.global.computed'],
    ["self.eval('1')", 'js.global.computed'],
    ['const o = { __proto__: evil }', 'js.dunder'],
    ["let s = 'unterminated", 'js.syntax'],
    ['function (', 'js.syntax'],
  ])('%s → %s', (src, rule) => {
    const r = js(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    "// require('fs') and process.env in a comment\nconst x = 1;",
    "const s = 'process.env.SECRET and eval(x) inside a string';",
    'const t = `template with require and ${1 + 2} eval`;',
    'const re = /require\\(|process/g;',
    'const o = { process: 1, eval: 2 }; console.log(o.process, o.eval);',
    'function evaluate(x) { return x * 2; }\nconst requirement = 3;',
    'const rows = input.map((r) => r.total).reduce((a, b) => a + b, 0);',
    'const a = input.values; for (let i = 0; i < a.length; i++) { console.log(a[i], a[a.length - 1 - i]); }',
    'input.values.forEach((v, i) => { out[i] = v * 2; });',
    'const total = input.values.reduce((acc, v, i) => acc + v * input.weights[i], 0);',
    'const counts = Object.create(null); for (const w of input.text.split(/\\s+/)) counts[w] = (counts[w] || 0) + 1;',
    'const m = new Map(); for (const w of input.words) m.set(w, (m.get(w) ?? 0) + 1); console.log([...m]);',
    'const cfg = input.config; for (const k of Object.keys(cfg)) { if (Object.hasOwn(cfg, k)) console.log(k, cfg[k]); }',
    'const row = { a: 1 }; console.log(row[\'a\'], row["a"], row[`a`]);',
    'const mid = Math.floor(input.values.length / 2); console.log(input.values[mid], input.values[mid - 1]);',
    'class Stats { constructor(v) { this.v = v; } mean() { return this.v.reduce((a, b) => a + b, 0) / this.v.length; } }\nconsole.log(new Stats([1, 2]).mean());',
    'function Counter() { this.n = 0; }\nconsole.log(new Counter().n);',
    'const idx = input.values.indexOf(3); console.log(idx >= 0 ? input.values[idx] : null);',
    'console.log(JSON.stringify({ ok: true, when: new Date(0).toISOString() }));',
    'const self = { n: 1 }; console.log(self.n);',
    'const { a, b: [first] } = input; console.log(a, first);',
  ])('benign: %s', (src) => {
    const r = js(src);
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('passes the shipped JavaScript tool blueprint', () => {
    const bp = parseYaml(readFileSync(path.join(ROOT, 'blueprints/tools/json_stats.yaml'), 'utf8')) as { source: string };
    const r = js(bp.source);
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('reports syntax errors with their position', () => {
    const r = js('const a = 1;\nconst b = ;\n');
    expect(r.parseErrors?.[0]).toMatchObject({ line: 2 });
  });
});
