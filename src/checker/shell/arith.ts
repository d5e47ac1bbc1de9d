/**
 * Arithmetic injection: bash evaluates the values of variables used in arithmetic as expressions,
 * array subscripts included, so a value such as `a[$(cmd)]` runs `cmd`. Every arithmetic context is
 * judged — `$(( ))`, `(( ))`, `for (( ))`, `let`, `[[ x -eq y ]]`, indexed-array subscripts
 * (`${a[$i]}`, `a[$i]=`), substring offsets (`${s:$o:$n}`) and assignments to `declare -i`
 * variables — and each variable in it must hold a value that cannot carry code (values.ts): a
 * literal, a number, or a value the script validated. Subscripts of associative arrays
 * (`declare -A`) are keys, not arithmetic (bash 5.2, the sandbox's shell, expands them once).
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import { commandShape } from './shapes.ts';

const ARITH_TEST_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TEXT_REFS = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9]+)|(?<![$\w])([A-Za-z_][A-Za-z0-9_]*)|(\$\(|`)/g;

export function checkArithmetic(ctx: ShContext): void {
  for (const n of [...ctx.cap('arith'), ...ctx.cap('arith_cmd')]) report(ctx, n, firstUnsafe(ctx, n, false), 'arithmetic on');
  for (const n of ctx.cap('cfor')) {
    const bad =
      forHeader(n)
        .map((c) => firstUnsafe(ctx, c, false))
        .find((b) => b !== null) ?? null;
    report(ctx, n, bad, 'arithmetic on');
  }
  for (const t of ctx.cap('test')) {
    if (!/-(eq|ne|lt|le|gt|ge)\b/.test(ctx.text(t))) continue;
    for (const b of t.descendantsOfType('binary_expression')) {
      const op = b.children.find((c) => c.type === 'test_operator');
      if (!op || !ARITH_TEST_OPS.has(ctx.text(op))) continue;
      const bad = firstUnsafe(ctx, b.childForFieldName('left'), false) ?? firstUnsafe(ctx, b.childForFieldName('right'), false);
      report(ctx, b, bad, `[[ ${ctx.text(op)} ]] evaluates`);
    }
  }
  const names = ctx.cap('command.name');
  ctx.cap('command').forEach((c, k) => {
    if (ctx.text(names[k]!) !== 'let') return;
    for (const a of c.childrenForFieldName('argument')) {
      report(ctx, a, firstUnsafe(ctx, a, false) ?? textRefs(ctx, ctx.word(a).value, false), 'let evaluates');
    }
  });
  for (const s of ctx.cap('subscript')) checkSubscript(ctx, s);
  for (const a of ctx.cap('assign')) checkArrayKeys(ctx, a);
  for (const e of ctx.cap('expansion')) if (ctx.text(e).includes(':')) checkOffsets(ctx, e);
  checkIntegerAssignments(ctx);
}

/** The `(( init; cond; update ))` parts of a C-style for loop (not its body). */
export function forHeader(n: SyntaxNode): SyntaxNode[] {
  const body = n.childForFieldName('body');
  return n.namedChildren.filter((c) => !body || c.startIndex < body.startIndex);
}

function report(ctx: ShContext, at: SyntaxNode, bad: string | null, what: string): void {
  if (bad === null) return;
  ctx.sink.report(
    'sh.arith.injection',
    at,
    `${what} ${bad}, whose value is built at run time and is not validated as a number: a value like a[$(cmd)] would run cmd`,
  );
}

/** The first variable or substitution in an arithmetic expression whose value could carry code. */
function firstUnsafe(ctx: ShContext, node: SyntaxNode | null, inKey: boolean): string | null {
  if (!node) return null;
  const values = ctx.values();
  switch (node.type) {
    case 'simple_expansion':
    case 'expansion':
      return inKey || values.expansion(node).noCode ? null : `'${ctx.text(node)}'`;
    case 'command_substitution':
      return inKey || commandShape(ctx, node, (n) => values.word(n)).noCode ? null : `the output of '${ctx.text(node).slice(0, 40)}'`;
    case 'subscript': {
      const name = ctx.text(node.childForFieldName('name') ?? node);
      if (!values.variable(name).noCode) return `'${name}'`;
      return firstUnsafe(ctx, node.childForFieldName('index'), values.assoc.has(name));
    }
    case 'variable_name':
    case 'word': {
      const t = ctx.text(node);
      if (inKey || !IDENT.test(t)) return node.type === 'word' && !inKey ? textRefs(ctx, t, false) : null;
      return values.variable(t).noCode ? null : `'${t}'`;
    }
    case 'string_content':
      return inKey ? null : textRefs(ctx, ctx.text(node), false);
    default:
      for (const c of node.namedChildren) {
        const bad = firstUnsafe(ctx, c, inKey);
        if (bad) return bad;
      }
      return null;
  }
}

/** Variables named in an expression's text (`let 'n = x + 1'`, an offset `$o`). */
function textRefs(ctx: ShContext, text: string, expandedOnly: boolean): string | null {
  for (const m of text.matchAll(TEXT_REFS)) {
    if (m[3]) return `a command substitution ('${text.slice(0, 40)}')`;
    const name = m[1] ?? (expandedOnly ? undefined : m[2]);
    if (name && !ctx.values().variable(name).noCode) return `'${name}'`;
  }
  return null;
}

/** `${a[$i]}`, `a[$i]=…`: the subscript of an indexed array is arithmetic. */
function checkSubscript(ctx: ShContext, s: SyntaxNode): void {
  if (/\[\s*(?:[@*]|-?\d+)\s*\]$/.test(ctx.text(s))) return; // a[@], a[0]: nothing to evaluate
  const name = ctx.text(s.childForFieldName('name') ?? s);
  const index = s.childForFieldName('index');
  if (!index || ctx.values().assoc.has(name) || /^[@*]$/.test(ctx.text(index))) return;
  report(ctx, s, firstUnsafe(ctx, index, false), `the subscript of the indexed array '${name}' evaluates`);
}

/** `arr=([$k]=v)`: the keys of an indexed array literal are arithmetic. */
function checkArrayKeys(ctx: ShContext, a: SyntaxNode): void {
  if (!/=\(\s*\[/.test(ctx.text(a))) return;
  const value = a.childForFieldName('value');
  if (value?.type !== 'array') return;
  const name = ctx.text(a).replace(/[+]?=[\s\S]*$/, '');
  if (ctx.values().assoc.has(name)) return;
  for (const el of value.namedChildren) {
    const key = /^\[([^\]]*)\]=/.exec(ctx.text(el));
    if (key) report(ctx, el, textRefs(ctx, key[1]!, false), `the key of an element of the indexed array '${name}' evaluates`);
  }
}

/** `${s:offset:length}`: both are arithmetic. */
function checkOffsets(ctx: ShContext, e: SyntaxNode): void {
  const m = /^\$\{[#!]?(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(?:\[[^\]]*\])?:(?![-=?+])(.*)\}$/s.exec(ctx.text(e));
  if (m) report(ctx, e, textRefs(ctx, m[1]!, false), 'the substring offset evaluates');
}

/** `declare -i n; n=$1`: assignments to integer variables are evaluated. */
function checkIntegerAssignments(ctx: ShContext): void {
  const values = ctx.values();
  if (values.integer.size === 0) return;
  for (const a of ctx.cap('assign')) {
    const name = a.childForFieldName('name');
    const value = a.childForFieldName('value');
    if (!name || !value || !values.integer.has(ctx.text(name))) continue;
    if (values.word(value).noCode) continue;
    report(ctx, a, `'${ctx.text(value)}'`, `assigning to the integer variable '${ctx.text(name)}' evaluates`);
  }
}
