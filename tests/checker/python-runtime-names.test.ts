import { describe, expect, it } from 'vitest';
import { explain, py, rules } from './helpers.ts';

/** Class 31: names the checker cannot work out, used to select attributes, namespace keys or code. */
describe('python names built at run time (namespaces, format fields, frames)', () => {
  it.each([
    "k = '__sub' + input()\nvars(type)[k]",
    'name = input()\nns = vars(object)\nns.get(name)',
    'c = type(1)\nfor key, val in vars(c).items():\n    print(key)',
    'class A: pass\nprint(A.__dict__)',
    'def ns(o):\n    return o.__dict__',
    'k = input()\nx = [].__class__.__dict__\nx[k]',
    'import string\nf = string.Formatter()\nfield = input()\nobj = f.get_field(field, [print], {})',
    "import string\nf = string.Formatter()\nf.get_field('0.__self__', [print], {})",
    'tmpl = input()\nprint(tmpl.format(print))',
    "print('{0.__self__}'.format(print))",
    "print('{0.gi_frame.f_globals}'.format((i for i in [1])))",
    "print('{0[__builtins__]}'.format({}))",
    't = "{0.ctypes}"\nprint(t.format(1))',
    'print(str.format(input(), 1))',
    'fmt = "{" + input() + "}"\nprint(fmt.format_map({\'a\': 1}))',
    "import logging\nfmt = input()\nlogging.basicConfig(format=fmt, style='{')",
    'def g(obj, key):\n    return vars(obj)[key]',
    'd = globals()\nd[input()]',
    'def f(self):\n    return [v for k, v in vars(self).items()]',
    'x = object.__dict__.values()',
    'import operator\nk = input()\noperator.itemgetter(k)(vars(int))',
    'class M:\n    def run(self, o):\n        d = o.__dict__\n        return d[o.key]',
    "g = (i for i in range(3))\nprint(getattr(g, 'gi_' + 'frame'))",
    'import logging\nf = logging.currentframe()',
    "d = getattr(type, '__dict__')\nk = input()\nprint(d[k])",
    "import operator\nns = operator.attrgetter('__dict__')(type)\nprint(ns)",
    "T = {'a': '{0.__class__.__mro__}'}\nprint(T[input()].format(1))",
    "T = {'s': '{name}'}\nU = T\nU['s'] = input()\nprint(T['s'].format(name=1))",
    'f = lambda: None\nprint(dict.__getitem__(vars(f), input()))',
    "t = input()\nprint(getattr(t, 'format')(print))",
    "import operator\nprint(operator.methodcaller('format', print)(input()))",
    'import functools\nf = functools.partial(str.format, input())\nprint(f(print))',
    'def g(o):\n    return {**o.__dict__}',
  ])('blocked: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(
      rules(r).some((x) => /^py\.(namespace|format|dunder|frame|attribute|callable)\./.test(x)),
      explain(r),
    ).toBe(true);
  });

  it.each([
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--n', type=int)\nargs = p.parse_args()\nfor k, v in vars(args).items():\n    print(k, v)\nprint(vars(args)['n'])",
    'import json\nclass P:\n    def __init__(self):\n        self.a = 1\nprint(json.dumps(P().__dict__))',
    'import json\nrows = []\nprint(json.dumps(rows, default=lambda o: o.__dict__))',
    'class C:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)',
    "class C:\n    def __repr__(self):\n        return f'C({self.__dict__})'",
    "print('{name}: {count:>5}'.format(name='a', count=3))",
    "x = 3.14159\nprint('{:.2f} and {0}'.format(x))",
    "row = ['a', 'b']\nprint('{0[0]}-{0[1]}'.format(row))",
    "r = {'name': 'x'}\nprint('{row[name]}'.format(row=r))",
    "FMT = '{:<20}{:>10}'\nfor k, v in [('a', 1)]:\n    print(FMT.format(k, v))",
    "import logging\nlogging.basicConfig(format='%(asctime)s %(levelname)s %(message)s')\nh = logging.StreamHandler()\nh.setFormatter(logging.Formatter('{asctime} {levelname} {message}', style='{'))",
    'import logging\nclass F(logging.Formatter):\n    def format(self, record):\n        return super().format(record).upper()',
    "template = 'Total: {total}'\nprint(template.format_map({'total': 4}))",
    "import string\nt = string.Template('$name has $n rows')\nprint(t.substitute(name='a', n=1))",
    "d = {'a': 1}\nk = input()\nprint(d[k], d.get(k))",
    'import dataclasses\n@dataclasses.dataclass\nclass R:\n    a: int\nprint(dataclasses.asdict(R(1)))',
    "TEMPLATES = {'short': '{name}', 'long': '{name}: {count} items'}\nprint(TEMPLATES[input()].format(name='a', count=1))",
  ])('benign: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});

/** Class 32: escape hatches in allowed libraries, judged as the worst case when their arguments are unknown. */
describe('python library escape hatches (numpy, pandas, matplotlib, environment)', () => {
  it.each([
    "import numpy as np\nnp.lib.format.read_array(open('x', 'rb'), allow_pickle=True)",
    "from numpy.lib.format import read_array\nread_array(open('x', 'rb'), True)",
    'import numpy.testing',
    'import numpy as np\na = np.zeros(3)\np = a.ctypes.data',
    'import numpy as np\ng = np.random.MT19937(1)\ng.ctypes.state_address',
    "import pandas as pd\npd.io.pickle.read_pickle('x')",
    "from pandas.compat import pickle_compat\npickle_compat.loads(b'x')",
    "import pandas as pd\ndf = pd.DataFrame()\ndf.to_pickle('/workspace/x.pkl')",
    "import numpy as np\nnp.load('a.npy', None, True)",
    "import numpy as np\nkw = {'allow_pickle': True}\nnp.load('a.npy', **kw)",
    "import numpy as np\nflag = input() == 'y'\nnp.load('a.npy', allow_pickle=flag)",
    "import numpy as np\nload = getattr(np, 'load')\nload('a.npy', allow_pickle=1)",
    "import pandas as pd\ndf = pd.DataFrame({'a': [1]})\nexpr = input()\ndf.query(expr)",
    "import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf.query('a > 1', engine='python')",
    "import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf.eval('@pd.io.common.os.system(\"id\")')",
    'import pandas as pd\npd.eval(f"1 + {input()}")',
    "import pandas as pd\npd.set_option('plotting.backend', 'antigravity')",
    'import pandas as pd\nb = input()\npd.options.plotting.backend = b',
    "import matplotlib\nmatplotlib.use('module://evil')",
    "import matplotlib.pyplot as plt\nplt.rcParams['animation.ffmpeg_path'] = '/tmp/x'",
    "import os\nos.environ['PATH'] = '/tmp'",
    "import os\nk = input()\nos.environ[k] = '1'",
    "x = type('X', (object,), {'__reduce__': print})",
    "def f(x: \"__import__('os').system('id')\"): pass",
    'import numpy as np\nnp.testing.assert_equal(1, 1)',
    "import numpy as np\nnp.ma.load(open('x', 'rb'))",
    'import numpy as np\nnp.lib.stride_tricks.as_strided(np.zeros(1), shape=(10**9,), strides=(1,))',
    "import pandas as pd\npd.read_hdf('x.h5')",
    "import numpy as np\nnp.DataSource().open('x')",
    "import os\nos.environ |= {'PATH': '/tmp'}",
    'import uuid\nprint(uuid.getnode())',
    'import matplotlib.pyplot as plt\nplt.rcParams.update(backend=input())',
  ])('blocked: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
  });

  it.each([
    "import pandas as pd\ndf = pd.DataFrame({'age': [1, 30]})\nmin_age = 18\nprint(df.query('age > @min_age'))",
    "import pandas as pd\ndf = pd.DataFrame({'a': [1], 'b': [2]})\ndf = df.eval('c = a + b')\nprint(df.query(\"a in @df.index\" if False else 'a > 0'))",
    "import numpy as np\na = np.load('/data/x.npy')\nb = np.load('/data/y.npy', allow_pickle=False)\nc = np.load('/data/z.npy', mmap_mode='r')",
    "import matplotlib\nmatplotlib.use(backend='Agg')\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\nplt.rcParams['figure.figsize'] = (8, 4)\nplt.rcParams.update({'font.size': 10})\nplt.savefig('/workspace/a.png')",
    "import os\nos.environ.setdefault('MPLBACKEND', 'Agg')\nos.environ['TZ'] = 'UTC'",
    "from typing import List\ndef f(x: 'Foo', y: 'List[int]') -> 'Optional[str]':\n    return None",
    'import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\nw = sliding_window_view(np.arange(10), 3)\nm = np.ma.masked_invalid(np.array([1.0, np.nan]))\nprint(np.linalg.norm(w), np.random.default_rng(0).normal(), np.fft.fft(w[0]))',
    "import pandas as pd\nprint(pd.api.types.is_numeric_dtype(pd.Series([1])))\ntry:\n    pd.read_csv('/data/x.csv')\nexcept pd.errors.EmptyDataError:\n    pass\npd.testing.assert_frame_equal(pd.DataFrame(), pd.DataFrame())",
    "import pandas as pd\npd.set_option('display.max_rows', 100)\ndf = pd.DataFrame({'a': [1]})\nax = df.plot(kind='bar')\nax.figure.savefig('/workspace/p.png')",
    "import pandas as pd\nimport sqlite3\nconn = sqlite3.connect('/workspace/x.db')\ndf = pd.read_sql_query('SELECT * FROM t', conn)\ndf.to_sql('t2', conn, if_exists='replace')",
    'import numpy as np\nx = np.array([1, 2, 3], dtype=np.float64)\nprint(np.percentile(x, 50), np.nanmean(x), np.unique(x, return_counts=True), x.astype(np.int32).tolist())',
  ])('benign: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('names what the pickle loader gets', () => {
    expect(rules(py('import numpy as np\nnp.load("a.npy", None, True)'))).toEqual(['py.code.deserialize']);
    expect(rules(py('import numpy as np\nnp.load("a.npy", allow_pickle=False)'))).toEqual([]);
  });
});
