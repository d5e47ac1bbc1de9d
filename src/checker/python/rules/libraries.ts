/**
 * Escape hatches in allowed libraries whose safety depends on their arguments, judged as the worst
 * case when the arguments are not literals:
 *  - unpickling: `numpy.load` and `numpy.lib.format.read_array` pass only with `allow_pickle` absent or
 *    literally False (by keyword or position), never with `*args`/`**kwargs`; any call passing an
 *    `allow_pickle` that is not literally False is refused, whatever the callee is called;
 *  - expressions: `pandas.eval`, `DataFrame.eval`/`query` evaluate their string with access to
 *    variables (`@name`) and attribute calls, so the expression must be a literal without calls on
 *    `@` names or interpreter internals, and the engine must not be python (or unknown).
 */
import { startOf, type SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr } from '../strings.ts';
import { EVALUATING_CALLS } from '../tables.ts';

/** Position of `allow_pickle` in the loaders that take it. */
const PICKLE_LOADERS = new Map([
  ['numpy.load', 2],
  ['numpy.lib.format.read_array', 1],
  ['numpy.lib.npyio.load', 2],
]);
/** Tokens that do not belong in a formula or query string. */
/** Interpreter internals, and calls on `@` variables or dotted names (pandas resolves names to local variables and modules). */
const SUSPICIOUS_CODE = new RegExp(
  [
    '__',
    '\\bimport\\b',
    '\\blambda\\b',
    '\\beval\\b',
    '\\bexec\\b',
    '\\bopen\\s*\\(',
    '\\bgetattr\\b',
    '\\bcompile\\b',
    '\\bglobals\\b',
    '\\bos\\.',
    '\\bsys\\.',
    '@\\s*[A-Za-z_][\\w.\\s]*[([]',
    '[A-Za-z_]\\w*\\s*\\.\\s*[A-Za-z_][\\w.\\s]*\\(',
  ].join('|'),
);
const QUERY_METHODS = new Set(['eval', 'query']);

export function checkLibraries(ctx: PyContext, calls: readonly CallInfo[]): void {
  const called = new Set(calls.map((c) => startOf(c.fn)));
  const pickleKeyword = ctx.src.includes('allow_pickle');
  for (const call of calls) {
    checkPickle(ctx, call, pickleKeyword);
    const evaluating = call.names.map((n) => [n, EVALUATING_CALLS.get(n)] as const).find(([, e]) => e !== undefined);
    if (evaluating) checkExpression(ctx, call, evaluating[0], call.arg(evaluating[1]!.arg, evaluating[1]!.kw));
    else if (
      call.method !== null &&
      QUERY_METHODS.has(call.method) &&
      (call.positional.length > 0 || call.keywords.size > 0 || call.hasSplat)
    ) {
      checkExpression(ctx, call, `${call.method}()`, call.arg(0, ['expr']));
    }
  }
  for (const attr of ctx.cap('attr')) {
    if (!QUERY_METHODS.has(ctx.attrName(attr)) || called.has(startOf(attr))) continue;
    const recv = attr.childForFieldName('object');
    if (recv && ctx.text(recv) !== 'self' && !isCallee(attr)) {
      ctx.sink.report(
        'py.code.dynamic-query',
        attr,
        `'.${ctx.attrName(attr)}' used as a value: the expression it will evaluate cannot be checked`,
        { severity: 'critical' },
      );
    }
  }
}

/** True when the attribute is the function of a call (also through a parenthesis). */
function isCallee(attr: SyntaxNode): boolean {
  const p = attr.parent;
  return p !== null && p.type === 'call' && p.childForFieldName('function')?.startIndex === attr.startIndex;
}

function literalFalse(ctx: PyContext, node: SyntaxNode): boolean {
  return ctx.text(node).trim() === 'False';
}

function checkPickle(ctx: PyContext, call: CallInfo, keyword: boolean): void {
  const kw = keyword ? call.keywords.get('allow_pickle') : undefined;
  if (kw && !literalFalse(ctx, kw)) {
    ctx.sink.report(
      'py.code.deserialize',
      call.node,
      'allow_pickle that is not literally False lets the loader unpickle data, which runs code',
    );
    return;
  }
  const loader = call.names.find((n) => PICKLE_LOADERS.has(n));
  if (!loader) {
    if (keyword && call.hasSplat && call.positional.some((a) => ctx.qualify(a).some((q) => PICKLE_LOADERS.has(q.parts.join('.'))))) {
      ctx.sink.report(
        'py.code.deserialize',
        call.node,
        'a pickle-capable loader passed on with * arguments: whether it unpickles cannot be checked',
      );
    }
    return;
  }
  const pos = call.positional[PICKLE_LOADERS.get(loader)!];
  if (call.hasSplat) ctx.sink.report('py.code.deserialize', call.node, `'${loader}' with * or ** arguments may get allow_pickle=True`);
  else if (pos && !literalFalse(ctx, pos)) {
    ctx.sink.report('py.code.deserialize', call.node, `'${loader}' gets allow_pickle by position, and it is not literally False`);
  }
}

function checkExpression(ctx: PyContext, call: CallInfo, name: string, expr: SyntaxNode | null): void {
  const critical = { severity: 'critical' as const };
  if (call.hasSplat) {
    ctx.sink.report(
      'py.code.dynamic-query',
      call.node,
      `${name} with * or ** arguments: the expression and engine cannot be checked`,
      critical,
    );
    return;
  }
  const engine = call.keywords.get('engine');
  if (engine) {
    const e = evalStr(ctx, engine);
    if (!e || e.some((v) => !v.exact || v.value === 'python')) {
      ctx.sink.report(
        'py.code.dynamic-query',
        call.node,
        `${name} with engine='python' (or an engine that is not a literal) evaluates Python`,
        critical,
      );
      return;
    }
  }
  if (!expr) return;
  const values = evalStr(ctx, expr);
  if (!values || values.some((v) => !v.exact)) {
    ctx.sink.report(
      'py.code.dynamic-query',
      call.node,
      `${name} evaluates an expression that is not a literal (pass values as @variables in a literal expression)`,
      critical,
    );
  } else if (values.some((v) => SUSPICIOUS_CODE.test(v.value))) {
    ctx.sink.report(
      'py.code.dynamic-query',
      call.node,
      `${name} expression calls or walks into objects (@x.attr(…), __…__, os., eval …)`,
      critical,
    );
  }
}
