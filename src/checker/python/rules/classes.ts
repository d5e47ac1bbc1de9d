/**
 * Expressions that are (or may well be) a class or type: builtin types and exceptions, classes the
 * script defines, `type(x)`, `x.__class__`, capitalized names of modules (`json.JSONDecoder`), the
 * `cls` of a classmethod, and names bound to any of these.
 */
import type { SyntaxNode } from '../../grammars.ts';
import { normName, type PyContext } from '../context.ts';

const BUILTIN_TYPES = new Set([
  'object',
  'type',
  'int',
  'float',
  'complex',
  'bool',
  'str',
  'bytes',
  'bytearray',
  'memoryview',
  'list',
  'tuple',
  'dict',
  'set',
  'frozenset',
  'range',
  'slice',
  'property',
  'staticmethod',
  'classmethod',
  'super',
  'enumerate',
  'zip',
  'map',
  'filter',
  'reversed',
  'BaseException',
  'Exception',
  'NotImplementedType',
  'function',
  'cls',
  'klass',
  'metaclass',
]);
const EXCEPTION_NAME = /^[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration)$/;
const CLASS_ATTRS = new Set(['__class__', '__base__', '__bases__', '__mro__', '__self_class__', '__thisclass__', '__objclass__']);

export function classLike(ctx: PyContext, node: SyntaxNode, depth = 0): boolean {
  if (depth > 8) return true;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChild(0) !== null && classLike(ctx, node.namedChild(0)!, depth + 1);
    case 'identifier': {
      const name = normName(ctx.idText(node));
      if (ctx.classNames.has(name)) return true;
      const sources = ctx.constantSources(name);
      if (sources) return sources.some((s) => classLike(ctx, s, depth + 1));
      return !ctx.bindings.has(name) ? BUILTIN_TYPES.has(name) || EXCEPTION_NAME.test(name) : name === 'cls' || name === 'klass';
    }
    case 'attribute': {
      const attr = ctx.attrName(node);
      if (CLASS_ATTRS.has(attr)) return true;
      return /^[A-Z]/.test(attr) && ctx.qualify(node).some((q) => q.root === 'module' && !q.parts.includes('()'));
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      return fn !== null && ctx.text(fn) === 'type' && args.length === 1;
    }
    case 'conditional_expression':
    case 'boolean_operator':
      return node.namedChildren.some((c) => classLike(ctx, c, depth + 1));
    default:
      return false;
  }
}
