/**
 * Computed member access `obj[key]`: every JavaScript value reaches `constructor` (and from there
 * the Function constructor) and `__proto__`, so a key must be known: a literal that names no
 * prototype property, or a number (arithmetic, `.length`, `Math.*`, `parseInt`, a loop counter, an
 * array callback's index). A key known only at run time is allowed only on an object without a
 * prototype (`Object.create(null)`) or after an own-property check of that key
 * (`Object.hasOwn(obj, key)`, `obj.hasOwnProperty(key)`).
 */
import type { SyntaxNode } from '../grammars.ts';
import type { JsContext } from './context.ts';

export const DANGEROUS_KEYS = /^(constructor|__proto__|prototype|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__)$/;
const NUMERIC_OPS = new Set([
  '-',
  '*',
  '/',
  '%',
  '**',
  '&',
  '|',
  '^',
  '<<',
  '>>',
  '>>>',
  '<',
  '>',
  '<=',
  '>=',
  '==',
  '===',
  '!=',
  '!==',
  'instanceof',
  'in',
]);
const NUMERIC_CALLS = new RegExp(
  '^(Math\\.\\w+|Number|parseInt|parseFloat|Number\\.\\w+|Date\\.now|\\S+\\.(indexOf|lastIndexOf|findIndex|' +
    'findLastIndex|search|charCodeAt|codePointAt|getTime|localeCompare))$',
);

export function checkComputedAccess(ctx: JsContext): void {
  const guards = ownChecks(ctx);
  for (const key of ctx.cap('pattern.key')) {
    // `const { [k]: v } = obj` reads obj[k]
    const inner = key.namedChild(0);
    const keys = inner ? staticKeys(ctx, inner) : null;
    const bad = keys?.find((k) => DANGEROUS_KEYS.test(k));
    if (bad) {
      ctx.sink.report(
        bad === 'constructor' ? 'js.constructor' : 'js.dunder',
        key,
        `[${bad}] in a pattern reaches a prototype or constructor`,
      );
    } else if (!keys && !(inner && numeric(ctx, inner, new Set()))) {
      ctx.sink.report(
        'js.computed-key',
        key,
        `'${ctx.text(key)}' reads a key known only at run time, which could be 'constructor' or '__proto__'`,
      );
    }
  }
  const objects = ctx.cap('sub.object');
  const indexes = ctx.cap('sub.index');
  ctx.cap('sub').forEach((sub, i) => {
    const obj = objects[i]!;
    const index = indexes[i]!;
    const keys = staticKeys(ctx, index);
    if (keys) {
      const bad = keys.find((k) => DANGEROUS_KEYS.test(k));
      if (bad) {
        ctx.sink.report(bad === 'constructor' ? 'js.constructor' : 'js.dunder', index, `['${bad}'] reaches a prototype or constructor`);
      }
      return;
    }
    if (numeric(ctx, index, new Set()) || nullPrototype(ctx, obj) || guards.has(`${ctx.text(obj)}\0${ctx.text(index)}`)) return;
    ctx.sink.report(
      'js.computed-key',
      sub,
      `'${ctx.text(sub).slice(0, 60)}' uses a key known only at run time, which could be 'constructor' or '__proto__'`,
    );
  });
}

/** The string values a key can have, when they are all known. */
function staticKeys(ctx: JsContext, node: SyntaxNode, depth = 0): string[] | null {
  switch (node.type) {
    case 'string':
      return [stringValue(ctx, node)];
    case 'number':
      return [ctx.text(node)];
    case 'template_string':
      return node.namedChildren.some((c) => c.type === 'template_substitution') ? null : [ctx.text(node).slice(1, -1)];
    case 'parenthesized_expression':
      return node.namedChild(0) ? staticKeys(ctx, node.namedChild(0)!, depth) : null;
    case 'identifier': {
      const list = ctx.bindings.get(ctx.name(node));
      if (!list || depth > 4) return null;
      const out: string[] = [];
      for (const b of list) {
        const v = 'node' in b ? staticKeys(ctx, b.node, depth + 1) : null;
        if (!v) return null;
        out.push(...v);
      }
      return out;
    }
    default:
      return null;
  }
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

/** A string literal's value, escapes decoded (so '\x63onstructor' is 'constructor'). */
export function stringValue(ctx: JsContext, node: SyntaxNode): string {
  const body = ctx.text(node).slice(1, -1);
  const escape = /\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|[\s\S])/g;
  return body.replace(escape, (_m, all: string, cp?: string, u?: string, x?: string) => {
    const hex = cp ?? u ?? x;
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return SIMPLE[all] ?? all;
  });
}

/** True when an expression always yields a number (or a boolean). */
function numeric(ctx: JsContext, node: SyntaxNode, seen: Set<string>): boolean {
  switch (node.type) {
    case 'number':
    case 'update_expression':
    case 'true':
    case 'false':
      return true;
    case 'unary_expression':
      return ctx.text(node.childForFieldName('operator') ?? node).trim() !== 'void';
    case 'parenthesized_expression':
      return node.namedChild(0) !== null && numeric(ctx, node.namedChild(0)!, seen);
    case 'binary_expression': {
      const op = ctx.text(node.childForFieldName('operator')!);
      if (NUMERIC_OPS.has(op)) return true;
      const both = () => numeric(ctx, node.childForFieldName('left')!, seen) && numeric(ctx, node.childForFieldName('right')!, seen);
      return (op === '+' || op === '&&' || op === '||' || op === '??') && both();
    }
    case 'ternary_expression':
      return numeric(ctx, node.childForFieldName('consequence')!, seen) && numeric(ctx, node.childForFieldName('alternative')!, seen);
    case 'member_expression':
      return /^(length|size|byteLength)$/.test(ctx.text(node.childForFieldName('property')!));
    case 'call_expression':
      return NUMERIC_CALLS.test(ctx.text(node.childForFieldName('function')!).replace(/\s+/g, ''));
    case 'identifier': {
      const name = ctx.name(node);
      const list = ctx.bindings.get(name);
      if (!list || seen.has(name)) return list !== undefined && seen.has(name);
      seen.add(name);
      const ok = list.every((b) => 'numeric' in b || ('node' in b && numeric(ctx, b.node, seen)));
      seen.delete(name);
      return ok;
    }
    default:
      return false;
  }
}

/** `const counts = Object.create(null)`: no prototype, so no key reaches one. */
function nullPrototype(ctx: JsContext, obj: SyntaxNode): boolean {
  if (obj.type !== 'identifier') return false;
  const list = ctx.bindings.get(ctx.name(obj));
  return list !== undefined && list.every((b) => 'node' in b && /^Object\.create\(\s*null\s*\)$/.test(ctx.text(b.node)));
}

/** `Object.hasOwn(obj, key)`, `obj.hasOwnProperty(key)`, `Object.prototype.hasOwnProperty.call(obj, key)`. */
function ownChecks(ctx: JsContext): Set<string> {
  const out = new Set<string>();
  const fns = ctx.cap('call.fn');
  ctx.cap('call.args').forEach((args, i) => {
    const fn = ctx.text(fns[i]!).replace(/\s+/g, '');
    const a = args.namedChildren.map((c) => ctx.text(c));
    if ((fn === 'Object.hasOwn' || fn === 'Object.prototype.hasOwnProperty.call') && a.length === 2) out.add(`${a[0]}\0${a[1]}`);
    else if (fn.endsWith('.hasOwnProperty') && a.length === 1) out.add(`${ctx.text(fns[i]!.childForFieldName('object')!)}\0${a[0]}`);
  });
  return out;
}
