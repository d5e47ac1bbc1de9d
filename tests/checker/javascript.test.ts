import { describe, expect, it } from 'vitest';
import { explain, js, rules } from './helpers.ts';

describe('javascript (token-level layer for isolated-vm tools)', () => {
  it.each([
    ["const fs = require('fs')", 'js.global.forbidden'],
    ['process.exit(1)', 'js.global.forbidden'],
    ["import('fs').then(x => x)", 'js.import.dynamic'],
    ["import fs from 'fs'", 'js.import.dynamic'],
    ["new Function('return this')()", 'js.global.forbidden'],
    ["eval('1 + 1')", 'js.global.forbidden'],
    ["\\u0065val('1')", 'js.global.forbidden'],
    ["[].filter.constructor('return process')()", 'js.constructor'],
    ["({})['constructor']['constructor']('x')", 'js.constructor'],
    ["globalThis['ev' + 'al']", 'js.global.forbidden'],
    ["self['fetch']", 'js.global.computed'],
    ['obj.__proto__ = evil', 'js.dunder'],
    ['const t = `${require("fs")}`', 'js.global.forbidden'],
    ["let s = 'unterminated", 'js.syntax'],
  ])('%s → %s', (src, rule) => {
    const r = js(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r)).toContain(rule);
  });

  it.each([
    "// require('fs') and process.env in a comment\nconst x = 1;",
    "const s = 'process.env.SECRET and eval(x) inside a string';",
    'const t = `template with require and ${1 + 2} eval`;',
    'const re = /require\\(|process/g;',
    'const o = { process: 1, eval: 2 }; console.log(o.process, o.eval);',
    'function evaluate(x) { return x * 2; }\nconst requirement = 3;',
    'const rows = input.map((r) => r.total).reduce((a, b) => a + b, 0);',
  ])('benign: %s', (src) => {
    const r = js(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
