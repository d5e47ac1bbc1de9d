/**
 * Code from data beyond the forbidden callables (eval/exec/compile are policy entries, reported by
 * references.ts under every name): the Python 2 exec statement, deserializers that run code, and
 * pandas eval/query strings that reach interpreter internals.
 */
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr } from '../strings.ts';
import { EVALUATING_CALLS } from '../tables.ts';

/** Tokens that do not belong in a formula or expression string. */
const SUSPICIOUS_CODE = /__|\bimport\b|\blambda\b|\beval\b|\bexec\b|\bopen\s*\(|\bgetattr\b|\bcompile\b|\bglobals\b|\bos\.|\bsys\./;

export function checkCodeFromData(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const stmt of ctx.cap('exec')) {
    ctx.sink.report('py.code.exec-statement', stmt, 'exec statement runs a string as code');
  }
  for (const call of calls) {
    if (call.is('numpy.load')) {
      const ap = call.keywords.get('allow_pickle');
      if (ap && ctx.text(ap) !== 'False') ctx.sink.report('py.code.deserialize', call.node, 'numpy.load with allow_pickle unpickles data, which can run code');
      continue;
    }
    if (call.is('pandas.read_pickle', 'joblib.load', 'torch.load', 'yaml.load', 'yaml.unsafe_load', 'dill.loads', 'pickle.loads', 'pickle.load', 'marshal.loads', 'shelve.open')) {
      ctx.sink.report('py.code.deserialize', call.node, `'${call.names[0]}' deserializes data in a way that can run code`);
      continue;
    }
    const evaluating = call.names.map((n) => [n, EVALUATING_CALLS.get(n)] as const).find(([, e]) => e !== undefined);
    if (evaluating) {
      const [name, spec] = evaluating;
      const expr = call.arg(spec!.arg, spec!.kw);
      const values = expr ? evalStr(ctx, expr) : null;
      if (values?.some((v) => SUSPICIOUS_CODE.test(v.value))) {
        ctx.sink.report('py.code.dynamic-query', call.node, `'${name}' evaluates its string as Python, and this one reaches interpreter internals`, { severity: 'critical' });
      }
      continue;
    }
    const method = call.method;
    if (method === 'eval' || method === 'query') {
      const expr = call.arg(0, ['expr']);
      if (!expr) continue;
      const values = evalStr(ctx, expr);
      if (values?.some((v) => SUSPICIOUS_CODE.test(v.value))) {
        ctx.sink.report('py.code.dynamic-query', call.node, `${method}() expression reaches interpreter internals or local variables`);
      } else if (values === null && call.keywords.get('engine') && /python/.test(ctx.text(call.keywords.get('engine')!))) {
        ctx.sink.report('py.code.dynamic-query', call.node, `${method}() with engine='python' and an expression that is not a literal`);
      }
    }
  }
}
