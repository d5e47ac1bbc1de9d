import { describe, expect, it } from 'vitest';
import { explain, py, rules } from './helpers.ts';

describe('python references: every name a forbidden callable can be reached under', () => {
  it.each([
    ['import os as o\no.system("id")', 'py.callable.forbidden'],
    ['from os import system as s\ns("id")', 'py.callable.forbidden'],
    ['import os\nx = os.system\nx("id")', 'py.callable.forbidden'],
    ['import os\np = os\np.system("id")', 'py.callable.forbidden'],
    ['import os\na = b = os\nb.popen("id")', 'py.callable.forbidden'],
    ['import os\nlist(map(os.system, ["id"]))', 'py.callable.forbidden'],
    ['eval("1+1")', 'py.callable.forbidden'],
    ['f = eval\nf("1")', 'py.callable.forbidden'],
    ['list(map(exec, ["print(1)"]))', 'py.callable.forbidden'],
    ['ｅｖａｌ("1")', 'py.callable.forbidden'],
    ['exec(compile("1", "x", "eval"))', 'py.callable.forbidden'],
    ['globals()["os"]', 'py.callable.forbidden'],
    ['breakpoint()', 'py.callable.forbidden'],
    ['import os\nos.fork()', 'py.callable.forbidden'],
    ['import os\nos.kill(1, 9)', 'py.callable.forbidden'],
    ['import os\nos.getpid()', 'py.module.attribute-not-allowed'],
    ['import sys\nsys.modules["os"]', 'py.module.attribute-not-allowed'],
    ['import sys\nsys._getframe()', 'py.attribute.dangerous'],
    ['import random\nrandom._os.system("id")', 'py.module.reach-through'],
    ['import tempfile\ntempfile._shutil.rmtree("/")', 'py.attribute.private'],
    ['import logging\nlogging.os.system("id")', 'py.callable.forbidden'],
    ['import warnings\nwarnings.sys.modules', 'py.module.attribute-not-allowed'],
    ['import os\nos.path.os.system("id")', 'py.callable.forbidden'],
    ['import pandas as pd\npd.io.common.os.system("id")', 'py.callable.forbidden'],
    ['import json\njson.codecs.builtins.eval("1")', 'py.module.reach-through'],
    ['import os\ndef f(m):\n    return m.system("id")\nf(os)', 'py.module.escape'],
    ['import os\nmods = [os]', 'py.module.escape'],
    ['import os\nclass A:\n    m = os\nA.m.system("id")', 'py.module.escape'],
    ['import os\nclass A:\n    def __init__(self):\n        self.m = os', 'py.module.escape'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it('reports the position of the aliased use', () => {
    const r = py('import os as o\n\no.system("id")\n');
    const f = r.findings.find((x) => x.rule === 'py.callable.forbidden')!;
    expect(f).toMatchObject({ line: 3, column: 1, snippet: 'o.system', severity: 'critical' });
    expect(f.suggestion.length).toBeGreaterThan(10);
  });

  it.each([
    'class Model:\n    def eval(self):\n        return 1\nmodel = Model()\nmodel.eval()',
    'exec_time = 3.2\nprint(exec_time)',
    'def compile_report(rows):\n    return len(rows)\ncompile_report([])',
    'import re\npat = re.compile(r"\\d+")',
    'from re import compile\ncompile("x")',
    'x = {"exec": 1, "eval": 2}\nprint(x["exec"])',
    'import os\nprint(os.getcwd(), os.sep, os.environ.get("LANG"))',
    'import sys\nprint(sys.argv[1:], file=sys.stderr)\nsys.exit(0)',
    'import os\nfor root, dirs, files in os.walk("."):\n    pass',
    'def run(eval_fn):\n    return eval_fn(1)',
  ])('benign: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});

describe('python positions with non-ASCII text', () => {
  it('finds forbidden names after emoji and umlauts, with UTF-16 columns', () => {
    const r = py('x = "😀 äöü — ☃"  # ünïcödé\ny = 1; eval("1")\n');
    expect(r.findings.map((f) => [f.rule, f.line, f.column, f.snippet])).toEqual([['py.callable.forbidden', 2, 8, 'eval']]);
  });
});
