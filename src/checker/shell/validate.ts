/**
 * Variables the script checks before use (anywhere in the script: the analysis is flow-insensitive):
 *  - `[[ $n =~ ^[0-9]+$ ]]` (a regex of digits, signs and dots only), or a `case $n in` branch for
 *    `*[!0-9]*` that exits/returns: the value is a number (`noCode`);
 *  - `[[ $x =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]`: the value is a plain variable name (for `${!x}`);
 *  - `[[ $p == /* ]]`, `[[ $p != -* ]]`, `=~ ^/`, `=~ ^[^-]`, or a `-*)` case branch that exits:
 *    the value never starts with `-` (`noDash`).
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import type { Shape } from './shapes.ts';

const NUMERIC_RE = /^\^(?:\[0-9\]|\[1-9\]|\[\[:digit:\]\]|\[0-9\.\]|\[-\+\]|\[\+-\]|\\\.|[-+?*()|]|\{\d+(?:,\d*)?\})*\$$/;
const NAME_RE = /^\^\[(?:a-zA-Z|A-Za-z|a-z|A-Z)_?\]\[(?:a-zA-Z0-9|A-Za-z0-9|a-z0-9|A-Z0-9|[[:alnum:]])_?\]\*\$$/;
const NO_DASH_RE = /^\^(?:\/|\[\^-|\[0-9|\[\[:digit:\]|\[\[:alnum:\]|\[a-z|\[A-Z|[A-Za-z0-9_/])/;
const ESCAPES = /\b(exit|return|continue|break)\b/;

export interface Validations {
  shapes: Map<string, Shape>;
  /** Variables checked to hold a plain variable name. */
  names: Set<string>;
}

/** The variable an operand expands (`$x`, `"$x"`, `${x}`), if it is exactly one. */
export function expandedName(ctx: ShContext, node: SyntaxNode | null): string | null {
  if (!node) return null;
  const t = ctx.text(node);
  const m = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(t);
  return m ? m[1]! : null;
}

/** A case branch that ends the script, function or loop (directly or through a function that exits). */
function leaves(ctx: ShContext, body: string): boolean {
  if (ESCAPES.test(body)) return true;
  return ctx.cap('function').some((f) => {
    const n = f.childForFieldName('name');
    const name = n === null ? '' : ctx.text(n).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    return n !== null && new RegExp(`(^|[\\s;(])${name}($|[\\s;)])`).test(body) && ESCAPES.test(ctx.text(f));
  });
}

export function validations(ctx: ShContext): Validations {
  const out: Validations = { shapes: new Map(), names: new Set() };
  const add = (name: string, s: Partial<Shape>) => {
    const prev = out.shapes.get(name) ?? { noCode: false, noDash: false };
    out.shapes.set(name, { noCode: prev.noCode || s.noCode === true, noDash: prev.noDash || s.noDash === true });
  };
  for (const t of ctx.cap('test')) {
    if (!/=~|==|!=|\s=\s/.test(ctx.text(t))) continue;
    for (const b of t.descendantsOfType('binary_expression')) {
      const op = b.children.find((c) => !c.isNamed)?.type ?? '';
      const name = expandedName(ctx, b.childForFieldName('left'));
      const right = b.childForFieldName('right');
      if (!name || !right) continue;
      const r = ctx.word(right).value || ctx.text(right);
      if (op === '=~') {
        if (NUMERIC_RE.test(r)) add(name, { noCode: true, noDash: !/^\^\(?(-|\[\+?-)/.test(r) });
        if (NAME_RE.test(r)) out.names.add(name);
        if (NO_DASH_RE.test(r)) add(name, { noDash: true });
      } else if ((op === '==' || op === '=') && /^\/\*?$/.test(r)) add(name, { noDash: true });
      else if (/^(==|=|!=)$/.test(op) && r === '-*') add(name, { noDash: true });
    }
  }
  for (const c of ctx.cap('case')) {
    const name = expandedName(ctx, c.childForFieldName('value'));
    if (!name) continue;
    for (const item of c.namedChildren.filter((k) => k.type === 'case_item')) {
      const patterns = item
        .childrenForFieldName('value')
        .map((p) => ctx.text(p))
        .join('|');
      if (!leaves(ctx, ctx.text(item).slice(ctx.text(item).indexOf(')')))) continue;
      if (/\[[!^](?:0-9|\[:digit:\])\]/.test(patterns)) add(name, { noCode: true });
      if (/(^|\|)['"]?-\*/.test(patterns)) add(name, { noDash: true });
    }
  }
  return out;
}
