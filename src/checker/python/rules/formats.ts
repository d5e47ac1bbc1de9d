/**
 * Format templates look attributes and items up by the names in their fields: `'{0.__class__}'`,
 * `'{0[__builtins__]}'`, `'{0.gi_frame.f_globals}'` walk the object graph of the arguments without
 * any attribute in the code. So a template (every string literal with fields, and every value that
 * reaches `str.format`/`format_map`, `string.Formatter` or a `'{'`-style logging format) may not
 * name private, dunder, frame or dangerous attributes, and a template that is not a literal is
 * refused: its fields cannot be checked. `Formatter.get_field`/`get_value` return the objects
 * themselves, so their field names are judged the same way.
 */
import { startOf, type SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr, literalValue } from '../strings.ts';
import { DANGEROUS_ATTRS, FRAME_ATTRS } from '../tables.ts';

const FIELD_HINT = /\{[^{}]*[.[]/;
const FORMAT_METHODS = new Set(['format', 'format_map']);
const FORMATTER_METHODS = new Map<string, 'template' | 'field'>([
  ['vformat', 'template'],
  ['get_field', 'field'],
  ['get_value', 'field'],
]);
const NOT_STRINGS = new Set(['self', 'cls', 'super']);

export function checkFormats(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const s of ctx.cap('str')) {
    const t = ctx.text(s);
    if (!t.includes('{') || /^[rRbBuU]{0,2}[fF]/.test(t)) continue;
    const v = literalValue(t);
    if (v && FIELD_HINT.test(v.value)) reportTemplate(ctx, v.value, s);
  }
  const called = new Set(calls.map((c) => startOf(c.fn)));
  for (const call of calls) checkCall(ctx, call);
  for (const attr of ctx.cap('attr')) {
    if (!FORMAT_METHODS.has(ctx.attrName(attr)) || called.has(startOf(attr))) continue;
    const recv = attr.childForFieldName('object');
    if (recv && mayBeString(ctx, recv)) checkTemplateExpr(ctx, recv, attr, `'.${ctx.attrName(attr)}' used as a value`);
  }
}

function checkCall(ctx: PyContext, call: CallInfo): void {
  if (call.is('getattr', 'operator.methodcaller') && !call.hasSplat) return checkReflectedFormat(ctx, call);
  if (call.is('str.format', 'str.format_map')) {
    const t = call.positional[0];
    if (t) checkTemplateExpr(ctx, t, call.node, 'str.format');
    else if (call.hasSplat) report(ctx, call.node, 'str.format with * arguments: the template cannot be checked');
    return;
  }
  if (call.is('logging.Formatter', 'logging.basicConfig')) return checkLogging(ctx, call);
  const method = call.method;
  if (method === null) return;
  if (!FORMAT_METHODS.has(method) && !FORMATTER_METHODS.has(method)) return;
  const recv = call.receiver;
  const formatter = recv !== null && ctx.qualify(recv).some((q) => q.parts.join('.').startsWith('string.Formatter'));
  if (FORMAT_METHODS.has(method) && !formatter) {
    if (recv && mayBeString(ctx, recv)) checkTemplateExpr(ctx, recv, call.node, `${method}()`);
    return;
  }
  const kind = FORMATTER_METHODS.get(method) ?? (formatter && method === 'format' ? 'template' : undefined);
  if (!kind) return;
  const arg = call.positional[0];
  if (!arg) {
    if (call.hasSplat) report(ctx, call.node, `${method}() with * arguments: the field cannot be checked`);
    return;
  }
  if (kind === 'template') return checkTemplateExpr(ctx, arg, call.node, `${method}()`);
  const values = evalStr(ctx, arg);
  if (!values || values.some((v) => !v.exact)) {
    return report(ctx, call.node, `${method}() with a field name that is not a literal returns any attribute of its arguments`);
  }
  for (const v of values) reportTemplate(ctx, `{${v.value}}`, call.node);
}

/** `getattr(t, 'format')`, `operator.methodcaller('format', …)`: a format method reached by name. */
function checkReflectedFormat(ctx: PyContext, call: CallInfo): void {
  const getattr = call.is('getattr');
  const name = call.positional[getattr ? 1 : 0];
  const values = name ? evalStr(ctx, name) : null;
  if (!values?.some((v) => FORMAT_METHODS.has(v.value) || FORMATTER_METHODS.has(v.value))) return;
  const recv = getattr ? call.positional[0] : undefined;
  if (recv) {
    if (mayBeString(ctx, recv)) checkTemplateExpr(ctx, recv, call.node, 'a format method reached with getattr');
  } else report(ctx, call.node, 'methodcaller of a format method: the template it will format cannot be checked');
}

/** `logging.Formatter(fmt, style='{')`: a '{' template is a str.format template. */
function checkLogging(ctx: PyContext, call: CallInfo): void {
  const style = call.arg(2, ['style']);
  const styleValue = style ? evalStr(ctx, style) : [{ value: '%', exact: true }];
  if (styleValue && styleValue.every((v) => v.exact && v.value !== '{')) return;
  const fmt = call.is('logging.basicConfig') ? call.keywords.get('format') : call.arg(0, ['fmt']);
  if (fmt) checkTemplateExpr(ctx, fmt, call.node, 'a logging format');
}

/** A value that may be a str (not `self`, `super()`, or an instance of a library class). */
function mayBeString(ctx: PyContext, recv: SyntaxNode): boolean {
  const t = ctx.text(recv);
  if (NOT_STRINGS.has(t) || /^super\s*\(/.test(t)) return false;
  if (recv.type === 'string' || recv.type === 'concatenated_string' || recv.type === 'binary_operator') return true;
  return !ctx.qualify(recv).some((q) => q.root === 'module');
}

function checkTemplateExpr(ctx: PyContext, expr: SyntaxNode, at: SyntaxNode, what: string): void {
  const values = evalStr(ctx, expr) ?? tableValues(ctx, expr);
  if (!values || values.some((v) => !v.exact)) {
    const why = "its fields ('{0.attr}', '{0[key]}') could reach any attribute of the arguments";
    report(ctx, at, `${what} with a template that is not a literal: ${why}`);
    return;
  }
  for (const v of values) if (reportTemplate(ctx, v.value, at)) return;
}

/** `TEMPLATES[kind]` where TEMPLATES is a dict literal of literal strings: any of its values. */
function tableValues(ctx: PyContext, expr: SyntaxNode): { value: string; exact: boolean }[] | null {
  const table = expr.type === 'subscript' ? expr.childForFieldName('value') : null;
  if (!table || table.type !== 'identifier') return null;
  const name = ctx.idText(table);
  const sources = ctx.constantSources(name);
  if (!sources || sources.some((d) => d.type !== 'dictionary') || mutated(ctx, name)) return null;
  const out: { value: string; exact: boolean }[] = [];
  for (const d of sources) {
    for (const pair of d.namedChildren) {
      const v = pair.type === 'pair' ? pair.childForFieldName('value') : null;
      const values = v ? evalStr(ctx, v) : null;
      if (!values) return null;
      out.push(...values);
    }
  }
  return out;
}

/** `T[k] = …`, `T |= …`, `T.update(…)`, `U = T`: the table may not keep its literal values. */
function mutated(ctx: PyContext, name: string): boolean {
  if (ctx.cap('assign.sub').some((s) => ctx.text(s.childForFieldName('value') ?? s) === name)) return true;
  // every other mention must be a definition (`T = {…}`) or a lookup (`T[k]`): no aliases, no method calls
  const all = ctx.src.match(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g'))?.length ?? 0;
  const ok = ctx.src.match(new RegExp(`(?<![\\w.])${name}\\s*(?:\\[|=(?!=))`, 'g'))?.length ?? 0;
  return all !== ok;
}

function report(ctx: PyContext, at: SyntaxNode, message: string): void {
  ctx.sink.report('py.format.computed', at, message);
}

/** Report the first field of a template that walks into something dangerous; true when reported. */
export function reportTemplate(ctx: PyContext, template: string, at: SyntaxNode): boolean {
  for (const field of fieldNames(template)) {
    const bad = badPart(field);
    if (bad) {
      ctx.sink.report('py.dunder.format-string', at, `format field '{${field}}' walks into '${bad}'`);
      return true;
    }
  }
  return false;
}

/** The field names of a template, nested ones in format specs included. */
export function fieldNames(template: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '{') continue;
    if (template[i + 1] === '{') {
      i++;
      continue;
    }
    const m = /^[^{}!:]*/.exec(template.slice(i + 1))!;
    out.push(m[0]);
  }
  return out;
}

/** The first attribute or key of a field that is private, dunder, a frame attribute or dangerous. */
function badPart(field: string): string | null {
  for (const m of field.matchAll(/\.([^.[]*)|\[([^\]]*)\]/g)) {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (name.startsWith('_') || FRAME_ATTRS.has(name) || DANGEROUS_ATTRS.has(name)) return name;
  }
  return null;
}
