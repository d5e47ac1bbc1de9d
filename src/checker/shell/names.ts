/**
 * Names evaluated at run time. bash parses a variable name given as a value — `${!x}`, `printf -v
 * "$x"`, `read "$x"`, `declare "$x=…"`, `[[ -v $x ]]`, `test -v "$x"`, `unset "$x"`, `getopts o
 * "$x"`, `wait -p "$x"` — and a subscript in it is expanded and evaluated, so `x='a[$(cmd)]'` runs
 * `cmd`; `${x@P}` expands the value as a prompt, command substitutions included. Each is refused
 * unless the name is literal (with a subscript whose variables cannot carry code) or the variable
 * only ever holds literal names (or is validated with `=~ ^[A-Za-z_][A-Za-z0-9_]*$`).
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import { checkHiddenVariable } from './hidden.ts';

const NAME_WORD = /^([A-Za-z_][A-Za-z0-9_]*)(\[(.*)\])?(?:[+]?=.*)?$/s;
const REFS = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9]+)|(?<![$\w])([A-Za-z_][A-Za-z0-9_]*)|(\$\(|`)/g;
const NAME_ARGS: Record<string, { valueOpts: RegExp; names: 'all' | 'second' | RegExp }> = {
  read: { valueOpts: /^-[dinNptu]$/, names: 'all' },
  mapfile: { valueOpts: /^-[dnOsuCc]$/, names: 'all' },
  readarray: { valueOpts: /^-[dnOsuCc]$/, names: 'all' },
  getopts: { valueOpts: /^$/, names: 'second' },
  printf: { valueOpts: /^$/, names: /^-v$/ },
  wait: { valueOpts: /^$/, names: /^-p$/ },
  test: { valueOpts: /^$/, names: /^-[vR]$/ },
  '[': { valueOpts: /^$/, names: /^-[vR]$/ },
};

export function checkNames(ctx: ShContext): void {
  for (const e of ctx.cap('expansion')) if (/^\$\{!|@P\}$/.test(ctx.text(e))) checkExpansion(ctx, e);
  for (const t of ctx.cap('test')) {
    if (!/-[vR]\b/.test(ctx.text(t))) continue;
    for (const u of t.descendantsOfType('unary_expression')) {
      const op = u.children.find((c) => c.type === 'test_operator');
      const operand = u.namedChildren.find((c) => c.type !== 'test_operator') ?? null;
      if (op && /^-[vR]$/.test(ctx.text(op)) && operand) nameWord(ctx, operand, true, `[[ ${ctx.text(op)} ]]`);
    }
  }
  const names = ctx.cap('command.name');
  ctx.cap('command').forEach((c, k) => {
    const cmd = ctx.text(names[k]!);
    const spec = NAME_ARGS[cmd];
    if (spec) nameArgs(ctx, cmd, c.childrenForFieldName('argument'), spec);
  });
  for (const d of ctx.cap('decl')) {
    for (const c of d.namedChildren) {
      if (c.type === 'variable_name' || (c.type === 'word' && ctx.text(c).startsWith('-'))) continue;
      if (c.type === 'variable_assignment') continue; // a literal name; its subscript is judged as arithmetic
      const v = ctx.word(c);
      const m = v.exact ? NAME_WORD.exec(v.value) : null;
      if (m) checkHiddenVariable(ctx, m[1]!, c);
      nameWord(ctx, c, false, ctx.text(d.child(0)!));
    }
  }
  for (const u of ctx.cap('unset')) {
    for (const c of u.namedChildren) if (!(c.type === 'word' && ctx.text(c).startsWith('-'))) nameWord(ctx, c, false, 'unset');
  }
}

function nameArgs(ctx: ShContext, cmd: string, args: SyntaxNode[], spec: (typeof NAME_ARGS)[string]): void {
  const values = args.map((a) => ctx.word(a));
  if (spec.names === 'second') {
    if (args[1]) nameWord(ctx, args[1], false, cmd);
    return;
  }
  for (let i = 0; i < args.length; i++) {
    const v = values[i]!;
    if (spec.names instanceof RegExp) {
      const leading = cmd !== 'test' && cmd !== '[' ? true : i === 0 || values[i - 1]!.value === '!';
      if (v.exact && leading && spec.names.test(v.value) && args[i + 1]) nameWord(ctx, args[++i]!, false, `${cmd} ${v.value}`);
      continue;
    }
    if (v.exact && spec.valueOpts.test(v.value)) i++;
    else if (v.exact && v.value === '-a' && args[i + 1]) nameWord(ctx, args[++i]!, false, `${cmd} -a`);
    else if (!(v.exact && v.value.startsWith('-'))) nameWord(ctx, args[i]!, false, cmd);
  }
}

/** A word that bash reads as a variable name (with an optional subscript). */
function nameWord(ctx: ShContext, node: SyntaxNode, assocKeysAreData: boolean, what: string): void {
  const values = ctx.values();
  const v = ctx.word(node);
  const whole = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(ctx.text(node));
  if (whole) {
    if (values.holdsName(whole[1]!)) return;
    report(ctx, node, `${what} takes the variable name from '$${whole[1]}', whose value is built at run time`);
    return;
  }
  const text = v.exact ? v.value : ctx.text(node).replace(/^["']|["']$/g, '');
  const m = NAME_WORD.exec(text);
  if (!m || (!v.exact && !/^[A-Za-z_]/.test(ctx.text(node).replace(/^"/, '')))) {
    report(ctx, node, `${what} takes a variable name that is built at run time ('${ctx.text(node)}')`);
    return;
  }
  if (m[2] === undefined || (assocKeysAreData && values.assoc.has(m[1]!))) return;
  for (const r of m[3]!.matchAll(REFS)) {
    const name = r[1] ?? r[2];
    if (r[3] || (name && !values.variable(name).noCode)) {
      const uses = r[3] ? 'a command substitution' : `'${name}'`;
      report(ctx, node, `${what} evaluates the subscript of '${m[1]}', which uses ${uses}, a value built at run time`);
      return;
    }
  }
}

/** `${!x}` (indirection) and `${x@P}` (prompt expansion). */
function checkExpansion(ctx: ShContext, e: SyntaxNode): void {
  const t = ctx.text(e);
  const values = ctx.values();
  const ind = /^\$\{!([A-Za-z_][A-Za-z0-9_]*|[0-9]+)(\[[^\]]*\])?(.*)\}$/s.exec(t);
  if (ind && !/^\[[@*]\]$/.test(ind[2] ?? '') && !/^[@*]$/.test(ind[3]!) && !values.holdsName(ind[1]!)) {
    report(ctx, e, `'${t}' reads the variable named by the value of '${ind[1]}', which is built at run time`);
  }
  const prompt = /^\$\{!?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(\[[^\]]*\])?@P\}$/.exec(t);
  if (prompt && !values.literalsOnly(prompt[1]!, /^[^$`]*$/)) {
    report(ctx, e, `'${t}' expands the value of '${prompt[1]}' as a prompt, which runs command substitutions in it`);
  }
}

function report(ctx: ShContext, at: SyntaxNode, message: string): void {
  ctx.sink.report('sh.name.dynamic', at, message);
}
