import { describe, expect, it } from 'vitest';
import { explain, py, rules } from './helpers.ts';

describe('python reflection, dunder walks and frames', () => {
  it.each([
    ['import os\ngetattr(os, "sys" + "tem")("id")', 'py.callable.forbidden'],
    ['import os\ngetattr(os, "".join(["sy", "stem"]))("id")', 'py.callable.forbidden'],
    ['import os\nname = "system"\ngetattr(os, name)("id")', 'py.callable.forbidden'],
    ['import os\ngetattr(os, input())("id")', 'py.reflection.computed-name'],
    ['import os\ngetattr(os, chr(115) + "ystem")', 'py.callable.forbidden'],
    ['getattr(__builtins__, "ev" + "al")("1")', 'py.callable.forbidden'],
    ['import codecs\ngetattr(__builtins__, codecs.decode("riny", "rot13"))', 'py.callable.forbidden'],
    ['def f(obj, n):\n    return getattr(obj, n)', 'py.reflection.computed-name'],
    ['import functools\ng = functools.partial(getattr, object)', 'py.reflection.indirect'],
    ['list(map(getattr, [1], ["real"]))', 'py.reflection.indirect'],
    ['import operator\noperator.attrgetter("__globals__")(f)', 'py.dunder.attribute'],
    ['import operator\nname = input()\noperator.attrgetter(name)', 'py.reflection.computed-name'],
    ['import json\nsetattr(json, "loads", print)', 'py.reflection.setattr-module'],
    ['import json\nvars(json)', 'py.reflection.vars'],
    ['vars()', 'py.reflection.vars'],
    ['__import__("o" + "s").system("id")', 'py.callable.forbidden'],
    ['m = input()\n__import__(m)', 'py.import.dynamic'],
    ['().__class__.__base__.__subclasses__()', 'py.dunder.attribute'],
    ['(lambda: 0).__globals__["__builtins__"]', 'py.dunder.attribute'],
    ['print.__self__', 'py.dunder.attribute'],
    ['type(1).__mro__[-1]', 'py.dunder.attribute'],
    ['x = __builtins__', 'py.dunder.name'],
    ['d = {}\nd["__builtins__"]', 'py.dunder.string'],
    ['f = lambda: 0\nf.__code__', 'py.dunder.attribute'],
    ['import json\njson.__dict__["codecs"]', 'py.dunder.attribute'],
    ['try:\n    1/0\nexcept Exception as e:\n    e.__traceback__.tb_frame.f_back.f_globals', 'py.frame.access'],
    ['def g():\n    yield 1\ng().gi_frame.f_builtins', 'py.frame.access'],
    ['import warnings\nwarnings.catch_warnings()._module', 'py.attribute.dangerous'],
    ['"{0.__class__.__init__.__globals__}".format(x)', 'py.dunder.format-string'],
    ['getattr(obj, "__glo" + "bals__")', 'py.dunder.attribute'],
    ['globals().get("__builtins__")', 'py.dunder.string'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    'class A:\n    def __init__(self):\n        super().__init__()\n        self.name = type(self).__name__',
    'print(obj.__class__.__name__, obj.__doc__, obj.__dict__)',
    'if __name__ == "__main__":\n    print(__file__)',
    'getattr(args, "verbose", False)',
    'def visit(self, node):\n    return getattr(self, f"visit_{node.kind}")(node)',
    'hasattr(obj, name)',
    'setattr(self, key, value)',
    'vars(args)',
    'import dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\nprint(P.__dataclass_fields__)',
    'msg = "{0} has {1} rows".format(name, n)',
    'print("__import__ and __globals__ in a string are only words")',
  ])('benign: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});

describe('python code from data', () => {
  it.each([
    ['exec "print 1"', 'py.code.exec-statement'],
    ['import base64\nexec(base64.b64decode("cHJpbnQoMSk="))', 'py.callable.forbidden'],
    ['exec(open("/workspace/x.py").read())', 'py.callable.forbidden'],
    ['import marshal', 'py.import.forbidden'],
    ['import numpy as np\nnp.load("x.npy", allow_pickle=True)', 'py.code.deserialize'],
    ['import pandas as pd\npd.read_pickle("x.pkl")', 'py.callable.forbidden'],
    ['df.query("@__builtins__")', 'py.code.dynamic-query'],
    ['import types\ntypes.FunctionType', 'py.import.forbidden'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each(['import numpy as np\nnp.load("x.npy")', 'df.query("price > 10")', 'model.eval()'])('benign: %s', (src) => {
    expect(py(src).allowed).toBe(true);
  });
});

describe('python: more reach and evaluation paths', () => {
  it.each([
    ['eval.__call__("1")', 'py.callable.forbidden'],
    ['getattr.__call__(obj, "x")', 'py.reflection.indirect'],
    ['import importlib\nm = importlib.import_module("subprocess")', 'py.import.forbidden'],
    ['from os import path as p\np.os.system("id")', 'py.callable.forbidden'],
    ['import os.path as osp\nosp.os.popen("id")', 'py.callable.forbidden'],
    ['import io\nio.FileIO("/etc/shadow")', 'py.path.outside'],
    ['import tempfile\ntempfile.mkstemp(dir="/etc")', 'py.path.write-outside'],
    ['import logging.config', 'py.import.forbidden'],
    ['df.query("index.__class__.__init__.__globals__")', 'py.code.dynamic-query'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it('data-science: formula strings that reach internals and sympify are blocked', async () => {
    const { shippedPolicy } = await import('./helpers.ts');
    const ds = shippedPolicy('data-science');
    const f = py("import statsmodels.formula.api as smf\nsmf.ols(\"y ~ I(__import__('os').system('id'))\", data=df)", ds);
    expect(rules(f)).toContain('py.code.dynamic-query');
    expect(rules(py('import sympy\nsympy.sympify(expr)', ds))).toContain('py.callable.forbidden');
    const ok = py('import statsmodels.formula.api as smf\nmodel = smf.ols("sales ~ price + C(region)", data=df).fit()', ds);
    expect(ok.allowed, explain(ok)).toBe(true);
  });

  it.each(['df.query("price > @limit")', 'import sqlite3\nsqlite3.connect("/data/ref.db")'])('benign: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
