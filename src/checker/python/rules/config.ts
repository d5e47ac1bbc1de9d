/**
 * Settings that make libraries import modules or run programs by name:
 *  - plotting backends: pandas imports any module named as `plotting.backend` (`set_option`,
 *    `options.plotting.backend = …`, `df.plot(backend=…)`), matplotlib imports `module://name`
 *    backends (`matplotlib.use`, `switch_backend`, `rcParams['backend']`): a literal name is judged
 *    as an import of that module, anything else is refused;
 *  - matplotlib settings that run programs or load code: animation writer paths, LaTeX
 *    (`text.usetex`, preambles), the distiller, and rc files (which can set all of these);
 *  - environment variables that libraries read to find programs, libraries or config (`PATH`,
 *    `LD_PRELOAD`, `PYTHONPATH`, `MPLBACKEND`, `MPLCONFIGDIR` …), or whose name is not a literal.
 */
import type { SyntaxNode } from '../../grammars.ts';
import { DANGEROUS_VARIABLES } from '../../shell/tables.ts';
import type { CallInfo } from '../calls.ts';
import { dotted, type PyContext } from '../context.ts';
import { evalStr } from '../strings.ts';
import { checkModuleImport } from './imports.ts';

const RC_OBJECTS = new Set(['matplotlib.rcParams', 'matplotlib.pyplot.rcParams', 'matplotlib.rcParamsDefault']);
const RC_PROGRAMS = /^(animation\.|text\.latex\.preamble$|pgf\.|ps\.usedistiller$|text\.usetex$)/;
const ENV_CONFIG = new Set(['MPLBACKEND', 'MPLCONFIGDIR', 'MATPLOTLIBRC', 'HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PYTHONWARNINGS']);
const RC_FILES = ['matplotlib.rc_file', 'matplotlib.rc_params_from_file', 'matplotlib.pyplot.rc_file', 'matplotlib.rc_params'];

type Kind = 'pandas' | 'matplotlib';

export function checkConfig(ctx: PyContext, calls: readonly CallInfo[]): void {
  // only scripts that mention these libraries or the environment can reach these settings
  if (/\b(matplotlib|pandas|environ|backend|set_option|option_context|rcParams|rc_file|rc_context)\b/.test(ctx.src)) {
    const backends = ctx.src.includes('backend');
    for (const call of calls) checkCall(ctx, call, backends);
  }
  const subs = ctx.cap('assign.sub');
  const subValues = ctx.cap('assign.sub.value');
  subs.forEach((sub, i) => checkItemAssignment(ctx, sub, subValues[i] ?? null));
  const attrs = ctx.cap('assign.attr');
  const attrValues = ctx.cap('assign.attr.value');
  attrs.forEach((attr, i) => {
    const plotting = /plotting$/.test(ctx.text(attr.childForFieldName('object')!));
    if (ctx.attrName(attr) === 'backend' && plotting) backend(ctx, attrValues[i]!, 'pandas', attr);
    if (names(ctx, attr).includes('os.environ')) {
      ctx.sink.report('py.environ.dangerous', attr, 'replaces os.environ with variables whose names cannot all be checked');
    }
  });
  for (const target of ctx.cap('aug.target')) {
    if (names(ctx, target).includes('os.environ')) {
      ctx.sink.report('py.environ.dangerous', target, 'os.environ |= … sets variables whose names cannot all be checked');
    }
  }
}

function checkCall(ctx: PyContext, call: CallInfo, backends: boolean): void {
  const kw = backends ? call.keywords.get('backend') : undefined;
  if (kw) backend(ctx, kw, call.names.some((n) => n.startsWith('matplotlib.')) ? 'matplotlib' : 'pandas', call.node);
  if (call.is('matplotlib.use', 'matplotlib.pyplot.switch_backend')) {
    const b = call.arg(0, ['backend', 'newbackend']);
    if (b && !call.hasSplat) backend(ctx, b, 'matplotlib', call.node);
    else {
      ctx.sink.report(
        'py.library.config',
        call.node,
        'a matplotlib backend given with * arguments: the module it imports cannot be checked',
      );
    }
  } else if (call.is('pandas.set_option', 'pandas.option_context')) options(ctx, call);
  else if (call.is(...RC_FILES)) {
    ctx.sink.report('py.library.config', call.node, 'matplotlib rc files can set backends and the programs matplotlib runs');
  } else if (call.is('matplotlib.rc', 'matplotlib.pyplot.rc')) rcGroup(ctx, call);
  else if (call.is('matplotlib.rc_context', 'matplotlib.pyplot.rc_context', 'matplotlib.pyplot.style.use', 'matplotlib.style.use')) {
    const d = call.arg(0, ['rc', 'style']);
    if (d && d.type === 'dictionary') rcDict(ctx, d);
  } else if (call.method === 'update' && call.receiver && names(ctx, call.receiver).some((n) => RC_OBJECTS.has(n))) {
    const d = call.positional[0];
    if (d?.type === 'dictionary' && !call.hasSplat) rcDict(ctx, d);
    else ctx.sink.report('py.library.config', call.node, 'rcParams.update with settings that are not a literal dict');
  } else if (
    call.method !== null &&
    /^(setdefault|update)$/.test(call.method) &&
    call.receiver &&
    names(ctx, call.receiver).includes('os.environ')
  ) {
    if (call.method === 'update' || call.hasSplat) {
      ctx.sink.report('py.environ.dangerous', call.node, 'os.environ.update sets variables whose names cannot all be checked');
    } else env(ctx, call.positional[0] ?? null, call.positional[1] ?? null, call.node);
  }
}

function names(ctx: PyContext, node: SyntaxNode): string[] {
  return ctx.qualify(node).map(dotted);
}

/** `x[k] = v` for rcParams and os.environ. */
function checkItemAssignment(ctx: PyContext, sub: SyntaxNode, value: SyntaxNode | null): void {
  const obj = sub.childForFieldName('value');
  if (!obj) return;
  const n = names(ctx, obj);
  const key = sub.childForFieldName('subscript');
  if (n.includes('os.environ')) env(ctx, key, value, sub);
  else if (n.some((x) => RC_OBJECTS.has(x))) rcSetting(ctx, key, value, sub);
}

function literal(ctx: PyContext, node: SyntaxNode | null): string[] | null {
  const v = node ? evalStr(ctx, node) : null;
  return v && v.every((x) => x.exact) ? v.map((x) => x.value) : null;
}

function backend(ctx: PyContext, value: SyntaxNode, kind: Kind, at: SyntaxNode): void {
  const values = literal(ctx, value);
  if (!values) {
    ctx.sink.report('py.library.config', at, `a ${kind} backend that is not a literal: the module it imports cannot be checked`);
    return;
  }
  for (const v of values) {
    const module = kind === 'pandas' ? (v === 'matplotlib' ? null : v) : v.startsWith('module://') ? v.slice(9) : null;
    if (module !== null) checkModuleImport(ctx, module, at);
  }
}

function options(ctx: PyContext, call: CallInfo): void {
  const args = call.positional;
  if (call.hasSplat) ctx.sink.report('py.library.config', call.node, 'pandas options set with * arguments cannot be checked');
  for (let i = 0; i + 1 < args.length; i += 2) {
    const key = literal(ctx, args[i]!);
    if (!key) {
      ctx.sink.report('py.library.config', call.node, 'a pandas option whose name is not a literal (plotting.backend imports a module)');
    } else if (key.some((k) => /(^|\.)backend$/.test(k))) backend(ctx, args[i + 1]!, 'pandas', call.node);
  }
}

function rcGroup(ctx: PyContext, call: CallInfo): void {
  const group = literal(ctx, call.positional[0] ?? null);
  if (!group || call.hasSplat) {
    ctx.sink.report('py.library.config', call.node, 'matplotlib.rc with a group or settings that are not literals');
    return;
  }
  for (const [k, v] of call.keywords) for (const g of group) rcValue(ctx, `${g}.${k}`, v, call.node);
}

function rcDict(ctx: PyContext, d: SyntaxNode): void {
  for (const pair of d.namedChildren) {
    if (pair.type === 'comment') continue;
    if (pair.type !== 'pair') {
      ctx.sink.report('py.library.config', pair, 'matplotlib settings unpacked from another dict cannot be checked');
    } else rcSetting(ctx, pair.childForFieldName('key'), pair.childForFieldName('value'), pair);
  }
}

function rcSetting(ctx: PyContext, key: SyntaxNode | null, value: SyntaxNode | null, at: SyntaxNode): void {
  const keys = literal(ctx, key);
  if (!keys) {
    ctx.sink.report(
      'py.library.config',
      at,
      'a matplotlib setting whose name is not a literal (some settings run programs or import modules)',
    );
    return;
  }
  for (const k of keys) if (value) rcValue(ctx, k, value, at);
}

function rcValue(ctx: PyContext, key: string, value: SyntaxNode, at: SyntaxNode): void {
  if (key === 'backend') return backend(ctx, value, 'matplotlib', at);
  if (!RC_PROGRAMS.test(key)) return;
  if (/^(text\.usetex|ps\.usedistiller)$/.test(key) && /^(False|None)$/.test(ctx.text(value).trim())) return;
  ctx.sink.report(
    'py.library.config',
    at,
    `matplotlib setting '${key}' makes matplotlib run programs (ffmpeg, LaTeX, ghostscript) or embed code`,
  );
}

function env(ctx: PyContext, key: SyntaxNode | null, value: SyntaxNode | null, at: SyntaxNode): void {
  const keys = literal(ctx, key);
  if (!keys) {
    ctx.sink.report('py.environ.dangerous', at, 'sets an environment variable whose name is not a literal');
    return;
  }
  for (const k of keys) {
    if (k === 'MPLBACKEND' && value) backend(ctx, value, 'matplotlib', at);
    else if (DANGEROUS_VARIABLES.has(k) || ENV_CONFIG.has(k) || /^(LD_|PYTHON|BASH_FUNC_)/.test(k)) {
      ctx.sink.report('py.environ.dangerous', at, `setting ${k} makes libraries or programs load code, configuration or other programs`);
    }
  }
}
