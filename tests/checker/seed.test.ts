import { describe, expect, it } from 'vitest';
import { check, CheckResultSchema, FindingSchema } from '../../src/checker/index.ts';
import { explain, fixture, py, rules, sh, shippedPolicy } from './helpers.ts';

describe('seed 004 consistency', () => {
  it('the csv_aggregator tool of seed 004 §2.3.2 passes the default policy unchanged', () => {
    const r = py(fixture('csv_aggregator.py'));
    expect(r.allowed, explain(r)).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it.each(['default', 'data-science'])('csv_aggregator also passes %s', (name) => {
    expect(py(fixture('csv_aggregator.py'), shippedPolicy(name)).allowed).toBe(true);
  });

  it.each([
    ['python', 'import os\nos.system("ls")', 'py.callable.forbidden'],
    ['python', 'import subprocess\nsubprocess.Popen(["ls"])', 'py.import.forbidden'],
    ['python', 'import socket', 'py.import.forbidden'],
    ['python', 'import http.server', 'py.import.forbidden'],
    ['python', 'import pickle', 'py.import.forbidden'],
    ['python', 'eval("1")', 'py.callable.forbidden'],
    ['python', 'exec("x = 1")', 'py.callable.forbidden'],
    ...[
      'rm',
      'rmdir',
      'mv',
      'cp',
      'sudo',
      'su',
      'chmod',
      'chown',
      'dd',
      'mkfs',
      'fdisk',
      'shutdown',
      'reboot',
      'init',
      'iptables',
      'systemctl',
    ].map((c) => ['shell', `${c} x`, 'sh.command.forbidden'] as const),
  ] as const)('seed forbidden list: %s %s', (lang, src, rule) => {
    const r = lang === 'python' ? py(src) : sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r)).toContain(rule);
  });

  it.each([
    'ls',
    'cat x',
    'grep a b',
    'awk 1 f',
    'sed p f',
    'sort f',
    'uniq f',
    'head f',
    'tail f',
    'wc f',
    'find .',
    'xargs',
    'cut -f1 f',
    'jq . f',
    'yq . f',
  ])('seed allowed command: %s', (src) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('strict blocks what default allows', () => {
    expect(sh('curl https://x', shippedPolicy('strict')).findings[0]?.rule).toBe('sh.command.forbidden');
    expect(py('import requests', shippedPolicy('strict')).allowed).toBe(false);
    expect(py('import os\nos.walk(".")', shippedPolicy('strict')).allowed).toBe(false);
    expect(py('getattr(a, "b")', shippedPolicy('strict')).allowed).toBe(false);
  });

  it('data-science allows scientific modules that default does not', () => {
    const src = 'import scipy.stats as st\nfrom sklearn.linear_model import LinearRegression\nimport seaborn as sns';
    expect(py(src).allowed).toBe(false);
    const r = py(src, shippedPolicy('data-science'));
    expect(r.allowed, explain(r)).toBe(true);
  });
});

describe('check() contract', () => {
  it('returns results that validate against the exported schemas', () => {
    const r = check('import os\nos.system("x")\n', 'python', shippedPolicy());
    expect(CheckResultSchema.parse(r)).toEqual(r);
    for (const f of r.findings) expect(FindingSchema.parse(f)).toEqual(f);
    expect(r.language).toBe('python');
  });

  it('major or critical findings block; the result has no parseErrors key for clean code', () => {
    const r = check('print(1)\n', 'python', shippedPolicy());
    expect(r).toEqual({ allowed: true, language: 'python', findings: [] });
  });

  it('unparseable code is a major finding and is listed in parseErrors', () => {
    const r = check('def f(:\n  pass\n', 'python', shippedPolicy());
    expect(r.allowed).toBe(false);
    expect(rules(r)).toContain('py.syntax');
    expect(r.parseErrors?.[0]?.line).toBe(1);
    const s = check('if then fi fi\n', 'shell', shippedPolicy());
    expect(rules(s)).toContain('sh.syntax');
  });

  it('rejects unknown languages with LANGUAGE_UNSUPPORTED', () => {
    expect(() => check('x', 'ruby' as never, shippedPolicy())).toThrow(expect.objectContaining({ code: 'LANGUAGE_UNSUPPORTED' }));
  });

  it('findings are sorted by position', () => {
    const r = sh('ls\nrm a\nsudo b\n');
    expect(r.findings.map((f) => f.line)).toEqual([2, 3]);
  });

  it('handles sources larger than the default tree-sitter buffer', () => {
    const big = `${'x = 1\n'.repeat(20_000)}eval("1")\n`;
    const r = py(big);
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([['py.callable.forbidden', 20_001]]);
  });
});
