/**
 * Names and literals: the policy's forbidden globals wherever they are referenced (not as property
 * names or object keys), `import` in every form, `.constructor` and prototype properties, strings
 * that name them, the global object (`globalThis`, `self`, `this` outside methods) and the
 * prototype APIs (`Object.getPrototypeOf`, `Reflect`), and timers given code as a string.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { JsContext } from './context.ts';
import { DANGEROUS_KEYS, stringValue } from './computed.ts';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'self', 'window', 'frames', 'top', 'parent']);
const PROTO_NAMES = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const PROTO_APIS =
  /^(Object\.(getPrototypeOf|setPrototypeOf|getOwnPropertyDescriptors?|defineProperty|defineProperties|getOwnPropertyNames)|Reflect\.\w+)$/;
const STRING_CODE = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
const SCOPES = new Set([
  'class_body',
  'method_definition',
  'function_declaration',
  'function_expression',
  'generator_function',
  'generator_function_declaration',
]);

export function checkNames(ctx: JsContext): void {
  const forbidden = new Set(ctx.policy.javascript.forbiddenGlobals);
  for (const id of ctx.cap('id')) {
    const name = ctx.name(id);
    if (forbidden.has(name)) ctx.sink.report('js.global.forbidden', id, `'${name}' is forbidden by the policy`);
    else if (PROTO_NAMES.has(name)) ctx.sink.report('js.dunder', id, `${name} changes or inspects prototypes`);
  }
  for (const prop of ctx.cap('prop')) property(ctx, prop);
  for (const w of ctx.cap('with')) {
    ctx.sink.report('js.global.computed', w, 'with turns the properties of an object (constructor, __proto__ …) into variables');
  }
  for (const s of ctx.cap('str')) literal(ctx, s, stringValue(ctx, s));
  for (const t of ctx.cap('template')) {
    for (const f of t.namedChildren) if (f.type === 'string_fragment') literal(ctx, f, ctx.text(f));
  }
  for (const n of ctx.cap('import')) ctx.sink.report('js.import.dynamic', n, 'import loads code that was not checked');
  for (const m of ctx.cap('meta')) {
    if (ctx.text(m).startsWith('import'))
      ctx.sink.report('js.import.dynamic', m, 'import.meta belongs to module code that was not checked');
  }
  globalObject(ctx);
  calls(ctx);
}

/** `.constructor`, `{ constructor: F } = x`, `{ __proto__: p }`: only a class's own constructor method is fine. */
function property(ctx: JsContext, prop: SyntaxNode): void {
  const name = ctx.name(prop);
  if (name !== 'constructor' && !PROTO_NAMES.has(name)) return;
  const p = prop.parent;
  if (name === 'constructor' && p?.type === 'method_definition' && p.parent?.type === 'class_body') return;
  const where = p?.type === 'member_expression' ? `.${name}` : `a property named ${name}`;
  if (name === 'constructor') ctx.sink.report('js.constructor', prop, `${where} reaches the Function constructor`);
  else ctx.sink.report('js.dunder', prop, `${where} changes or inspects prototypes`);
}

function literal(ctx: JsContext, node: SyntaxNode, value: string): void {
  if (!DANGEROUS_KEYS.test(value)) return;
  ctx.sink.report(
    value === 'constructor' ? 'js.constructor' : 'js.dunder',
    node,
    `the string '${value}' names a prototype or constructor property`,
  );
}

/** `self[…]`, `window.x`, and `this` outside classes, methods and functions (the global object in scripts). */
function globalObject(ctx: JsContext): void {
  for (const obj of ctx.cap('sub.object')) {
    if (obj.type === 'identifier' && GLOBAL_OBJECTS.has(ctx.name(obj))) {
      ctx.sink.report('js.global.computed', obj, `computed property access on ${ctx.name(obj)}`);
    }
  }
  for (const obj of ctx.cap('member.object')) {
    const name = ctx.name(obj);
    if (GLOBAL_OBJECTS.has(name) && !ctx.bindings.has(name)) ctx.sink.report('js.global.computed', obj, `${name} is the global object`);
  }
  for (const t of ctx.cap('this')) {
    let p = t.parent;
    while (p && !SCOPES.has(p.type)) p = p.parent;
    if (!p) ctx.sink.report('js.global.computed', t, "'this' outside a class, method or function is the global object");
  }
}

function calls(ctx: JsContext): void {
  const fns = ctx.cap('call.fn');
  ctx.cap('call.args').forEach((args, i) => {
    const fn = ctx.text(fns[i]!).replace(/\s+/g, '');
    if (PROTO_APIS.test(fn)) ctx.sink.report('js.dunder', fns[i]!, `${fn} reaches or changes prototypes`);
    const first = args.namedChild(0);
    const code = first !== null && ['string', 'template_string', 'binary_expression'].includes(first.type);
    if (STRING_CODE.has(fn) && code) {
      ctx.sink.report('js.global.forbidden', fns[i]!, `${fn} with a string runs it as code`);
    }
  });
}
