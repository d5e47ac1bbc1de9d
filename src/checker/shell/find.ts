/**
 * `find`: leading options, start directories (read), then the expression, whose primaries must be on
 * the policy's list for find (`-name <value>`, `-print0` …). `-exec`/`-execdir` run the command up
 * to `;` or `+`, judged like any other; `-delete` is refused; `-fprint`/`-fls` write files. A word
 * only known at run time where a start directory or primary stands could be `-delete` or `-exec`.
 */
import type { Arg, Invocation, ShContext } from './context.ts';
import { judge } from './commands.ts';
import { judgeValue, refuse } from './option-parse.ts';
import { commandOptions } from './options.ts';
import { checkPathWord } from './paths.ts';
import { OPTION_FACTS } from './tables.ts';

const EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const OPERATORS = new Set(['(', ')', '!', ',']);

export function checkFind(ctx: ShContext, inv: Invocation): void {
  const spec = commandOptions(ctx.policy, 'find');
  const args = inv.args;
  let i = 0;
  for (; i < args.length && args[i]!.v.exact && /^-[HLP]$/.test(args[i]!.v.value); i++) {
    if (!spec.short.has(args[i]!.v.value[1]!) && !spec.words.has(args[i]!.v.value)) refuse(ctx, 'find', args[i]!, args[i]!.v.value, i);
  }
  for (; i < args.length && !isExpression(args[i]!); i++) {
    const a = args[i]!;
    if (!a.v.exact && a.v.value === '' && !ctx.values().word(a.node).noDash) unknownWord(ctx, a, 'start directory');
    else checkPathWord(ctx, a, 'read', inv.at);
  }
  for (; i < args.length; i++) i = primary(ctx, spec, args, i, inv);
}

function isExpression(a: Arg): boolean {
  const v = a.v.value;
  return v.startsWith('-') || (a.v.exact && OPERATORS.has(v));
}

function unknownWord(ctx: ShContext, a: Arg, what: string): void {
  ctx.sink.report(
    'sh.option.dynamic',
    a.node,
    `find ${what} '${ctx.text(a.node)}' is only known at run time and could be an expression such as -delete or -exec; ` +
      'write it as "./$dir" or "/data/$dir", or check it with [[ $dir != -* ]]',
  );
}

/** One primary at `args[i]`; returns the index of the last word it used. */
function primary(ctx: ShContext, spec: ReturnType<typeof commandOptions>, args: Arg[], i: number, inv: Invocation): number {
  const a = args[i]!;
  const v = a.v.value;
  if (!a.v.exact) {
    unknownWord(ctx, a, 'expression word');
    return i;
  }
  if (OPERATORS.has(v)) return i;
  if (v === '-delete') {
    ctx.sink.report('sh.find.delete', a.node, 'find -delete removes files');
    return i;
  }
  const def = spec.words.get(v) ?? (v.length === 2 ? spec.short.get(v[1]!) : undefined);
  if (!def) {
    refuse(ctx, 'find', a, v, i);
    const fact = OPTION_FACTS.find![v];
    if (fact === 'output' || fact === 'file') {
      const value = args[i + 1];
      if (value) judgeValue(ctx, 'find', v, fact, value, inv);
      return i + (v === '-fprintf' ? 2 : 1);
    }
    return EXEC.has(v) ? exec(ctx, args, i, inv) : i;
  }
  if (EXEC.has(v)) return exec(ctx, args, i, inv);
  const values = args.slice(i + 1, i + 1 + def.values.length);
  values.forEach((val, k) => judgeValue(ctx, 'find', v, def.values[k]!, val, inv));
  return i + values.length;
}

function exec(ctx: ShContext, args: Arg[], i: number, inv: Invocation): number {
  const a = args[i]!;
  let end = i + 1;
  while (end < args.length && !(args[end]!.v.exact && (args[end]!.v.value === ';' || args[end]!.v.value === '+'))) end++;
  const inner = args.slice(i + 1, end);
  if (inner.length === 0) ctx.sink.report('sh.wrapper.dynamic', a.node, `find ${a.v.value} without a command`);
  else {
    const via = [...inv.via, `find ${a.v.value}`];
    const substitutes = [...inv.substitutes, '{}'];
    judge(ctx, { name: inner[0]!.v, nameNode: inner[0]!.node, args: inner.slice(1), at: inv.at, via, substitutes });
  }
  return end;
}
