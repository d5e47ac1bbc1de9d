/**
 * Rule data for the Python checker. The policy carries what is allowed per deployment; these tables
 * carry what is true of Python itself (which dunders are harmless, which attributes expose frames,
 * which functions open files or URLs).
 */

/** Dunder attributes that do not lead anywhere dangerous by themselves. */
export const HARMLESS_DUNDER_ATTRS = new Set([
  '__name__',
  '__qualname__',
  '__doc__',
  '__module__',
  '__version__',
  '__file__',
  '__class__',
  '__dict__',
  '__init__',
  '__new__',
  '__post_init__',
  '__str__',
  '__repr__',
  '__format__',
  '__len__',
  '__iter__',
  '__next__',
  '__enter__',
  '__exit__',
  '__aenter__',
  '__aexit__',
  '__eq__',
  '__ne__',
  '__lt__',
  '__le__',
  '__gt__',
  '__ge__',
  '__hash__',
  '__bool__',
  '__contains__',
  '__getitem__',
  '__setitem__',
  '__delitem__',
  '__add__',
  '__sub__',
  '__mul__',
  '__truediv__',
  '__floordiv__',
  '__mod__',
  '__pow__',
  '__neg__',
  '__abs__',
  '__call__',
  '__slots__',
  '__all__',
  '__members__',
  '__dataclass_fields__',
  '__sizeof__',
  '__copy__',
  '__deepcopy__',
  '__missing__',
  '__length_hint__',
  '__fspath__',
  '__round__',
  '__float__',
  '__int__',
  '__index__',
  '__reversed__',
  '__radd__',
  '__rmul__',
  '__iadd__',
  '__and__',
  '__or__',
]);

/** Dunder names usable as plain names (identifiers). */
export const HARMLESS_DUNDER_NAMES = new Set([
  '__name__',
  '__file__',
  '__doc__',
  '__debug__',
  '__annotations__',
  '__all__',
  '__version__',
  '__author__',
  '__slots__',
  '__qualname__',
  '__module__',
  '__class__',
  '__dict__',
]);

/** Frame, traceback, generator, coroutine and code-object attributes (reach globals and builtins). */
export const FRAME_ATTRS = new Set([
  'tb_frame',
  'tb_next',
  'tb_lasti',
  'f_globals',
  'f_locals',
  'f_builtins',
  'f_back',
  'f_code',
  'f_trace',
  'gi_frame',
  'gi_code',
  'gi_yieldfrom',
  'cr_frame',
  'cr_code',
  'cr_await',
  'ag_frame',
  'ag_code',
  'ag_await',
  'co_code',
  'co_consts',
  'co_names',
  'func_globals',
  'func_code',
  'im_func',
  'im_self',
]);

/** Other attribute names that reach interpreter internals, native code or processes on any object. */
export const DANGEROUS_ATTRS = new Map<string, string>([
  ['_module', 'catch_warnings()._module reaches the warnings module and its builtins'],
  ['enable_load_extension', 'SQLite extensions load native code'],
  ['load_extension', 'SQLite extensions load native code'],
  ['subprocess_exec', 'event-loop subprocesses'],
  ['subprocess_shell', 'event-loop subprocesses'],
  ['to_clipboard', 'the clipboard runs xclip/xsel as a subprocess'],
  ['read_clipboard', 'the clipboard runs xclip/xsel as a subprocess'],
  ['_getframe', 'frames reach globals and builtins'],
  ['_current_frames', 'frames reach globals and builtins'],
  ['currentframe', 'frames reach globals and builtins (logging.currentframe, inspect.currentframe)'],
  ['ctypes', "an object's ctypes interface (numpy arrays, random bit generators) leads to the ctypes module and raw memory"],
  ['_ctypes', 'the ctypes module: native code and raw memory'],
  ['cffi', "a bit generator's cffi interface loads cffi: native code and raw memory"],
  ['ctypeslib', 'numpy.ctypeslib loads shared libraries'],
  ['as_strided', 'as_strided makes arrays over arbitrary memory (no bounds check)'],
  ['from_custom_template', 'Styler templates are Jinja2, which runs code'],
  ['to_pickle', 'writes a pickle, which runs code when it is read'],
  ['read_pickle', 'unpickling runs code'],
  ['pickle_compat', "pandas' unpickler runs code"],
]);

/**
 * Module names that, reached as an attribute of another module (logging.os, warnings.sys,
 * json.codecs.builtins), are treated as that module. The policy's forbidden and partial modules are
 * added to this set at check time.
 */
export const SENSITIVE_MODULES = new Set([
  'os',
  'sys',
  'subprocess',
  'builtins',
  'importlib',
  'posix',
  'nt',
  'socket',
  'shutil',
  'ctypes',
  'pickle',
  'marshal',
  'inspect',
  'gc',
  'types',
  'pty',
  'signal',
  'multiprocessing',
  'threading',
  '_thread',
  'code',
  'runpy',
  'pkgutil',
  'zipimport',
  'codeop',
  '_os',
  '_sys',
  '_posixsubprocess',
  '_imp',
  'sysconfig',
  'site',
  'ftplib',
  'telnetlib',
  'smtplib',
  'shelve',
  'dill',
  'cffi',
  '_ctypes',
  'posixpath',
]);

/** Real submodules of allowed packages whose last name collides with a sensitive module name. */
export const REAL_SUBMODULES = new Set([
  'pandas.api.types',
  'pandas.core.dtypes',
  'scipy.signal',
  'scipy.io',
  'numpy.typing',
  'sympy.core',
  'networkx.algorithms',
  'xml.etree',
  'email.mime',
  'urllib.parse',
  'os.path',
]);

/** Builtins handled by the reflection rules. */
export const REFLECTION_BUILTINS = new Set(['getattr', 'setattr', 'delattr', 'vars', '__import__']);

/** How a file-opening function takes its path and whether it reads or writes. */
export interface FileFunction {
  /** Positional index of the path argument, and keyword names for it. */
  arg: number;
  kw: readonly string[];
  /** 'read', 'write', or 'mode' (decide from a mode argument: position `modeArg`, keyword `mode`). */
  access: 'read' | 'write' | 'mode';
  modeArg?: number;
  defaultMode?: string;
  /** True when a URL in the path argument makes the function fetch over the network. */
  urls?: boolean;
}
const fileFn = (access: FileFunction['access'], arg = 0, kw: readonly string[] = [], extra: Partial<FileFunction> = {}): FileFunction => ({
  access,
  arg,
  kw,
  ...extra,
});
const OPEN = fileFn('mode', 0, ['file'], { modeArg: 1, defaultMode: 'r' });
const PD_READ = fileFn('read', 0, ['filepath_or_buffer', 'path', 'io', 'path_or_buf'], { urls: true });

/** Module-level functions (qualified names) that open files. */
export const FILE_FUNCTIONS = new Map<string, FileFunction>([
  ['open', OPEN],
  ['io.open', OPEN],
  ['codecs.open', OPEN],
  ['os.open', fileFn('write', 0, ['path'])],
  ['gzip.open', fileFn('mode', 0, ['filename'], { modeArg: 1, defaultMode: 'rb' })],
  ['bz2.open', fileFn('mode', 0, ['filename'], { modeArg: 1, defaultMode: 'rb' })],
  ['lzma.open', fileFn('mode', 0, ['filename'], { modeArg: 1, defaultMode: 'rb' })],
  ['zipfile.ZipFile', fileFn('mode', 0, ['file'], { modeArg: 1, defaultMode: 'r' })],
  ['tarfile.open', fileFn('mode', 0, ['name'], { modeArg: 1, defaultMode: 'r' })],
  ['sqlite3.connect', fileFn('read', 0, ['database'])],
  ['io.FileIO', fileFn('mode', 0, ['file'], { modeArg: 1, defaultMode: 'r' })],
  ['numpy.memmap', fileFn('mode', 0, ['filename'], { modeArg: 2, defaultMode: 'r+' })],
  ...['mkstemp', 'mkdtemp', 'NamedTemporaryFile', 'TemporaryDirectory', 'TemporaryFile', 'SpooledTemporaryFile'].map(
    (f) => [`tempfile.${f}`, fileFn('write', 99, ['dir'])] as const,
  ),
  ['pathlib.Path', fileFn('read')],
  ['pathlib.PurePath', fileFn('read')],
  ['pathlib.PosixPath', fileFn('read')],
  ['os.listdir', fileFn('read')],
  ['os.scandir', fileFn('read')],
  ['os.walk', fileFn('read', 0, ['top'])],
  ['os.stat', fileFn('read')],
  ['os.lstat', fileFn('read')],
  ['os.makedirs', fileFn('write', 0, ['name'])],
  ['os.mkdir', fileFn('write')],
  ['os.chdir', fileFn('read')],
  ['os.path.getsize', fileFn('read')],
  ['os.path.exists', fileFn('read')],
  ['os.path.isfile', fileFn('read')],
  ['os.path.isdir', fileFn('read')],
  ['os.path.getmtime', fileFn('read')],
  ['os.remove', fileFn('write')],
  ['os.unlink', fileFn('write')],
  ['glob.glob', fileFn('read', 0, ['pathname'])],
  ['glob.iglob', fileFn('read', 0, ['pathname'])],
  ['shutil.rmtree', fileFn('write')],
  ['shutil.copy', fileFn('read')],
  ['shutil.copyfile', fileFn('read')],
  ['shutil.move', fileFn('write')],
  ['pandas.read_csv', PD_READ],
  ['pandas.read_table', PD_READ],
  ['pandas.read_json', PD_READ],
  ['pandas.read_excel', PD_READ],
  ['pandas.read_parquet', PD_READ],
  ['pandas.read_feather', PD_READ],
  ['pandas.read_html', PD_READ],
  ['pandas.read_xml', PD_READ],
  ['pandas.read_fwf', PD_READ],
  ['pandas.read_orc', PD_READ],
  ['pandas.read_sas', PD_READ],
  ['pandas.read_stata', PD_READ],
  ['pandas.read_spss', PD_READ],
  ['pandas.read_hdf', PD_READ],
  ['pandas.read_pickle', PD_READ],
  ['pandas.ExcelFile', PD_READ],
  ['numpy.load', fileFn('read', 0, ['file'], { urls: true })],
  ['numpy.loadtxt', fileFn('read', 0, ['fname'], { urls: true })],
  ['numpy.genfromtxt', fileFn('read', 0, ['fname'], { urls: true })],
  ['numpy.fromfile', fileFn('read', 0, ['file'])],
  ['numpy.save', fileFn('write', 0, ['file'])],
  ['numpy.savetxt', fileFn('write', 0, ['fname'])],
  ['numpy.savez', fileFn('write', 0, ['file'])],
  ['numpy.savez_compressed', fileFn('write', 0, ['file'])],
  ['matplotlib.pyplot.savefig', fileFn('write', 0, ['fname'])],
  ['matplotlib.pyplot.imread', fileFn('read', 0, ['fname'], { urls: true })],
]);

/** Method names (on any object) that write the path given as their first argument. */
export const WRITING_METHODS = new Map<string, readonly string[]>([
  ['to_csv', ['path_or_buf']],
  ['to_json', ['path_or_buf']],
  ['to_excel', ['excel_writer']],
  ['to_parquet', ['path']],
  ['to_feather', ['path']],
  ['to_html', ['buf']],
  ['to_pickle', ['path']],
  ['to_hdf', ['path_or_buf']],
  ['to_markdown', ['buf']],
  ['to_latex', ['buf']],
  ['to_xml', ['path_or_buffer']],
  ['to_string', ['buf']],
  ['savefig', ['fname']],
  ['tofile', ['fid']],
  ['extractall', ['path']],
  ['extract', ['path']],
]);

/** Methods of a path object: reads, writes, and links. */
export const PATH_READ_METHODS = new Set([
  'read_text',
  'read_bytes',
  'iterdir',
  'glob',
  'rglob',
  'exists',
  'stat',
  'is_file',
  'is_dir',
  'open',
  'walk',
  'lstat',
  'resolve',
  'readlink',
  'owner',
  'samefile',
]);
export const PATH_WRITE_METHODS = new Set([
  'write_text',
  'write_bytes',
  'touch',
  'mkdir',
  'unlink',
  'rmdir',
  'rename',
  'replace',
  'chmod',
  'lchmod',
]);
export const LINK_FUNCTIONS = new Set(['symlink_to', 'hardlink_to', 'link_to']);

/** Constructors whose result is a path derived from their arguments. */
export const PATH_CONSTRUCTORS = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath']);

/** Network entry points (qualified; `()` marks an instance of a class, e.g. requests.Session()). */
const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'send'];
export const NETWORK_CALLS = new Set<string>([
  ...HTTP_VERBS.flatMap((v) => [
    `requests.${v}`,
    `requests.Session().${v}`,
    `requests.session().${v}`,
    `requests.api.${v}`,
    `httpx.${v}`,
    `httpx.Client().${v}`,
    `httpx.AsyncClient().${v}`,
    `urllib3.PoolManager().${v}`,
    `aiohttp.ClientSession().${v}`,
  ]),
  'urllib.request.urlopen',
  'urllib.request.urlretrieve',
  'urllib.request.Request',
  'urllib.request.build_opener',
  'http.client.HTTPConnection',
  'http.client.HTTPSConnection',
  'socket.socket',
  'socket.create_connection',
  'ftplib.FTP',
  'smtplib.SMTP',
  'telnetlib.Telnet',
  'xmlrpc.client.ServerProxy',
  'webbrowser.open',
  'logging.handlers.HTTPHandler',
  'logging.handlers.SocketHandler',
  'logging.handlers.DatagramHandler',
  'logging.handlers.SysLogHandler',
  'logging.handlers.SMTPHandler',
  'logging.config.listen',
]);

/** Environment variables that name the home directory (paths built from them are under ~). */
export const HOME_VARIABLES = new Map<string, string>([
  ['HOME', '~'],
  ['USERPROFILE', '~'],
  ['XDG_CONFIG_HOME', '~/.config'],
  ['XDG_DATA_HOME', '~/.local/share'],
  ['XDG_CACHE_HOME', '~/.cache'],
]);

/** Library functions that evaluate a string argument as Python (formula and expression parsers). */
export const EVALUATING_CALLS = new Map<string, { arg: number; kw: readonly string[] }>([
  ...['sympy.sympify', 'sympy.S', 'sympy.parse_expr', 'sympy.parsing.sympy_parser.parse_expr', 'pandas.eval', 'numexpr.evaluate'].map(
    (n) => [n, { arg: 0, kw: ['a', 's', 'expr', 'ex'] }] as const,
  ),
  ...['dmatrix', 'dmatrices'].map((n) => [`patsy.${n}`, { arg: 0, kw: ['formula_like'] }] as const),
  ...['ols', 'logit', 'probit', 'glm', 'mixedlm', 'poisson', 'wls', 'gls', 'quantreg', 'negativebinomial', 'mnlogit', 'rlm'].map(
    (n) => [`statsmodels.formula.api.${n}`, { arg: 0, kw: ['formula'] }] as const,
  ),
]);

/** Decoders whose output fed to exec/eval is code from data (for a more precise message). */
export const DECODERS = new Set([
  'b64decode',
  'b32decode',
  'b16decode',
  'a85decode',
  'b85decode',
  'decodebytes',
  'unhexlify',
  'fromhex',
  'decompress',
  'decode',
  'loads',
  'read',
  'read_text',
  'urlsafe_b64decode',
]);
