/**
 * Code from data beyond the forbidden callables (eval/exec/compile are policy entries, reported by
 * references.ts under every name): the Python 2 exec statement, deserializers that run code, and
 * pandas eval/query strings that reach interpreter internals.
 */
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr } from '../strings.ts';

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
    const method = call.method;
    if (method === 'eval' || method === 'query') {
      if (call.is('pandas.eval')) continue; // a policy decision (forbiddenCallables), not this rule's
      const expr = call.arg(0, ['expr']);
      if (!expr) continue;
      const values = evalStr(ctx, expr);
      if (values?.some((v) => /__|@|\bimport\b|\blambda\b/.test(v.value))) {
        ctx.sink.report('py.code.dynamic-query', call.node, `${method}() expression reaches interpreter internals or local variables`);
      } else if (values === null && call.keywords.get('engine') && /python/.test(ctx.text(call.keywords.get('engine')!))) {
        ctx.sink.report('py.code.dynamic-query', call.node, `${method}() with engine='python' and an expression that is not a literal`);
      }
    }
  }
}
