/**
 * Code from data beyond the forbidden callables (eval/exec/compile are policy entries, reported by
 * references.ts under every name): the Python 2 exec statement, deserializers that run code, string
 * annotations that are code (typing.get_type_hints and functools.singledispatch evaluate them), and
 * classes built by three-argument type() from a namespace the checker cannot read as a class body.
 */
import type { SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr, literalValue } from '../strings.ts';
import { checkNameValue } from './dunder.ts';

const DESERIALIZERS = [
  'pandas.read_pickle',
  'joblib.load',
  'torch.load',
  'yaml.load',
  'yaml.unsafe_load',
  'dill.loads',
  'pickle.loads',
  'pickle.load',
  'marshal.loads',
  'shelve.open',
  'numpy.ma.load',
  'numpy.ma.loads',
  'pandas.compat.pickle_compat.load',
];
/** What a string annotation may contain: names, dots, subscripts, unions, quotes for nested forward references. */
const TYPE_EXPRESSION = /^[\w.\[\], |'"]*$/;

export function checkCodeFromData(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const stmt of ctx.cap('exec')) {
    ctx.sink.report('py.code.exec-statement', stmt, 'exec statement runs a string as code');
  }
  for (const call of calls) {
    if (call.is(...DESERIALIZERS)) {
      ctx.sink.report('py.code.deserialize', call.node, `'${call.names[0]}' deserializes data in a way that can run code`);
    } else if (call.is('type') && (call.positional.length === 3 || call.hasSplat)) {
      checkTypeCall(ctx, call);
    }
  }
  for (const t of ctx.cap('annotation')) checkAnnotation(ctx, t);
}

/** `type(name, bases, namespace)`: only a dict literal with literal, ordinary keys is a readable class body. */
function checkTypeCall(ctx: PyContext, call: CallInfo): void {
  const ns = call.positional[2];
  const readable =
    ns?.type === 'dictionary' &&
    !call.hasSplat &&
    ns.namedChildren.every((pair) => {
      if (pair.type === 'comment') return true;
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
      const v = key ? evalStr(ctx, key) : null;
      return v !== null && v.every((x) => x.exact) && !v.some((x) => checkNameValue(ctx, x.value, key!));
    });
  if (!readable) {
    ctx.sink.report(
      'py.reflection.type-call',
      call.node,
      'type() with three arguments builds a class from a namespace that is not a literal dict with ordinary keys',
    );
  }
}

/** A string in an annotation is evaluated as code by typing.get_type_hints and singledispatch. */
function checkAnnotation(ctx: PyContext, type: SyntaxNode): void {
  if (!/['"]/.test(ctx.text(type))) return;
  for (const s of type.descendantsOfType('string')) {
    const v = literalValue(ctx.text(s));
    if (!v || !v.exact || !TYPE_EXPRESSION.test(v.value)) {
      ctx.sink.report(
        'py.code.annotation',
        s,
        'a string annotation that is not a plain type expression is code (typing.get_type_hints and functools.singledispatch evaluate it)',
      );
    }
  }
}
