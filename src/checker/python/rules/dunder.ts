/**
 * Object-graph walks. Harmless dunders (`__name__`, `__class__`, `__init__`, `__dict__` of your own
 * objects …, see HARMLESS_DUNDER_ATTRS) are allowed: every walk from an object to globals, builtins
 * or subclasses needs at least one other dunder (`__globals__`, `__subclasses__`, `__base__`,
 * `__mro__`, `__builtins__`, `__code__`, `__self__` …), a frame attribute or a module's `__dict__`,
 * and those are blocked wherever they appear: as attributes, names, string keys, getattr names or
 * str.format fields.
 */
import { startOf, type SyntaxNode } from '../../grammars.ts';
import type { Span } from '../../findings.ts';
import { normName, type PyContext } from '../context.ts';
import { evalStr } from '../strings.ts';
import { DANGEROUS_ATTRS, FRAME_ATTRS, HARMLESS_DUNDER_ATTRS, HARMLESS_DUNDER_NAMES } from '../tables.ts';
import { isAttributeNameAt, isBindingPosition } from '../positions.ts';

const DUNDER_RE = /^__\w+__$/;

/** Judge one attribute name reached on `obj` (an attribute node, or a getattr with a literal name). */
export function checkAttributeName(ctx: PyContext, name: string, obj: SyntaxNode | null | (() => SyntaxNode | null), at: Span): void {
  if (FRAME_ATTRS.has(name)) {
    ctx.sink.report('py.frame.access', at, `'${name}' reaches frames, code objects or globals`);
    return;
  }
  const why = DANGEROUS_ATTRS.get(name);
  if (why) {
    ctx.sink.report('py.attribute.dangerous', at, `'${name}': ${why}`);
    return;
  }
  if (!DUNDER_RE.test(name)) return;
  const object = typeof obj === 'function' ? (name === '__dict__' ? obj() : null) : obj;
  if (name === '__dict__' && object && ctx.qualify(object).some((q) => q.root === 'module' || q.parts[0] === '__builtins__')) {
    ctx.sink.report('py.dunder.attribute', at, `'__dict__' of a module exposes everything it imported`);
    return;
  }
  if (!HARMLESS_DUNDER_ATTRS.has(name)) {
    ctx.sink.report(
      'py.dunder.attribute',
      at,
      `'${name}' is an object-graph walk (only harmless dunders such as __name__, __class__, __doc__ are allowed)`,
    );
  }
}

export function checkDunders(ctx: PyContext): void {
  for (const attr of ctx.cap('attr')) {
    checkAttributeName(ctx, ctx.attrName(attr), () => attr.childForFieldName('object'), attr);
  }
  for (const id of ctx.identifiers()) {
    const t = ctx.idText(id);
    if (!t.startsWith('__') && !/[^\x00-\x7f]/.test(t)) continue;
    const name = normName(t);
    if (!DUNDER_RE.test(name) || HARMLESS_DUNDER_NAMES.has(name) || HARMLESS_DUNDER_ATTRS.has(name)) continue;
    if (name !== '__builtins__' && name !== '__loader__' && name !== '__spec__' && isBindingPosition(ctx, id)) continue;
    if (name === '__import__') continue; // a forbidden callable, reported by references
    if (isAttributeNameAt(ctx.src, startOf(id))) continue; // reported as an attribute
    ctx.sink.report('py.dunder.name', id, `'${name}' reaches interpreter internals`);
  }
  for (const key of ctx.cap('sub.key')) checkLookupKey(ctx, key);
}

/** `d['__builtins__']`, `d.get('__globals__')`: a dunder or frame name used as a lookup key. */
export function checkLookupKey(ctx: PyContext, key: SyntaxNode): void {
  if (
    key.type !== 'string' &&
    key.type !== 'concatenated_string' &&
    key.type !== 'binary_operator' &&
    key.type !== 'identifier' &&
    key.type !== 'call'
  )
    return;
  const values = evalStr(ctx, key);
  if (!values) return;
  for (const v of values) if (v.exact && checkNameValue(ctx, v.value, key)) return;
}

/** Report a string that names a dangerous dunder or frame attribute; true when reported. */
export function checkNameValue(ctx: PyContext, value: string, at: Span): boolean {
  const trimmed = value.trim();
  if (DUNDER_RE.test(trimmed) && !HARMLESS_DUNDER_ATTRS.has(trimmed) && !HARMLESS_DUNDER_NAMES.has(trimmed) && trimmed !== '__main__') {
    ctx.sink.report('py.dunder.string', at, `the key '${trimmed}' names an interpreter-internal attribute`);
    return true;
  }
  if (FRAME_ATTRS.has(trimmed)) {
    ctx.sink.report('py.frame.access', at, `the key '${trimmed}' names a frame or code attribute`);
    return true;
  }
  return false;
}
