/**
 * Walking a command's arguments with its allowed options (options.ts): every option must be listed,
 * its values are consumed (attached or following) and judged by kind (files read or written,
 * programs judged as commands), and what remains are the operands.
 */
import type { Arg, Invocation, ShContext } from './context.ts';
import { commandOptions, type CommandOptions, type OptionDef, type OptionUse, type ParseMode, type ParsedArgs } from './options.ts';
import { OPTION_FACTS, type FactKind } from './tables.ts';
import { judge } from './commands.ts';
import { checkPathWord } from './paths.ts';

const HOW = (cmd: string) => `add it to shell.allowedOptions.${cmd} in the policy if it is needed and safe`;

/** Parse and judge the options of an allowed command; returns the options used and the operands. */
export function parseOptions(ctx: ShContext, cmd: string, inv: Invocation, mode: ParseMode, args: Arg[] = inv.args): ParsedArgs {
  const spec = commandOptions(ctx.policy, cmd);
  const out: ParsedArgs = { options: [], operands: [] };
  let ended = false;
  if (spec.injectable && inv.via.includes('xargs') && !args.some((a) => a.v.exact && a.v.value === '--')) {
    ctx.sink.report(
      'sh.option.dynamic',
      inv.nameNode,
      `xargs adds words from its input to ${cmd}, where an option could stand (some options of ${cmd} run programs or load code); ` +
        `end ${cmd}'s options with --: xargs ${cmd} … --`,
    );
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.value;
    if (ended || (!a.v.exact && v !== '' && !v.startsWith('-')) || (a.v.exact && (v === '-' || !v.startsWith('-')))) {
      out.operands.push(a);
      if (!mode.permute) ended = true;
      continue;
    }
    if (a.v.exact && v === '--') {
      ended = true;
      continue;
    }
    if (!a.v.exact && v === '') {
      if (spec.injectable && !ctx.values().word(a.node).noDash) {
        ctx.sink.report(
          'sh.option.dynamic',
          a.node,
          `'${cmd}' gets '${ctx.text(a.node)}', which is only known at run time, where an option could stand ` +
            `(some options of ${cmd} run programs or load code); put -- before operands that come from variables`,
        );
      }
      out.operands.push(a);
      if (!mode.permute) ended = true;
      continue;
    }
    i = option(ctx, cmd, spec, inv, args, i, out);
  }
  return out;
}

/**
 * Judge option words whose place in the command line another parser already decided (awk, sed and
 * wrappers keep their own grammar for where the program or command starts): `words` is one option
 * word, followed by the word a value-taking option consumes.
 */
export function checkOptionWords(ctx: ShContext, cmd: string, inv: Invocation, words: Arg[]): void {
  parseOptions(ctx, cmd, inv, { permute: true }, words);
}

/** One option word at `args[i]`; returns the index of the last word it consumed. */
function option(ctx: ShContext, cmd: string, spec: CommandOptions, inv: Invocation, args: Arg[], i: number, out: ParsedArgs): number {
  const a = args[i]!;
  const v = a.v.value;
  const known = a.v.exact;
  if (/^-\d+$/.test(v) && known && spec.num) return i;
  if (v.startsWith('--')) {
    const eq = v.indexOf('=');
    if (eq < 0 && !known) return dynamic(ctx, cmd, a, i);
    const name = eq < 0 ? v : v.slice(0, eq);
    const def = spec.long.get(name);
    if (!def) return refuseAndJudge(ctx, cmd, inv, args, i, name, eq < 0 ? null : attached(a, eq + 1));
    return take(ctx, cmd, def, name, a, eq < 0 ? null : attached(a, eq + 1), args, i, inv, out);
  }
  const word = spec.words.get(v);
  if (word && known) return take(ctx, cmd, word, v, a, null, args, i, inv, out);
  for (let k = 1; k < v.length; k++) {
    const def = spec.short.get(v[k]!);
    const name = `-${v[k]}`;
    if (!def) return refuseAndJudge(ctx, cmd, inv, args, i, name, k + 1 < v.length || !known ? attached(a, k + 1) : null, v);
    if (def.values.length > 0 || def.optional) {
      const rest = k + 1 < v.length || !known ? attached(a, k + 1) : null;
      return take(ctx, cmd, def, name, a, rest, args, i, inv, out);
    }
    out.options.push({ def, name, arg: a, values: [] });
  }
  return known ? i : dynamic(ctx, cmd, a, i);
}

/**
 * Refuse an option; when the checker knows what the option does with its value (a file, a program),
 * judge that value too, so the finding says what the value would have reached.
 */
function refuseAndJudge(
  ctx: ShContext,
  cmd: string,
  inv: Invocation,
  args: Arg[],
  i: number,
  name: string,
  inline: Arg | null,
  word?: string,
): number {
  refuse(ctx, cmd, args[i]!, name, i, word);
  const fact = Object.hasOwn(OPTION_FACTS, cmd) ? OPTION_FACTS[cmd]![name] : undefined;
  if (!fact || fact === 'code' || fact === 'value') return i;
  const value = inline && (inline.v.value !== '' || !inline.v.exact) ? inline : args[i + 1];
  if (value) judgeValue(ctx, cmd, name, fact, value, inv);
  return value === inline ? i : i + 1;
}

/** The part of a word after `offset` characters of its literal prefix (an attached value). */
function attached(a: Arg, offset: number): Arg {
  return { node: a.node, v: { ...a.v, value: a.v.value.slice(offset) }, offset };
}

function take(
  ctx: ShContext,
  cmd: string,
  def: OptionDef,
  name: string,
  a: Arg,
  inline: Arg | null,
  args: Arg[],
  i: number,
  inv: Invocation,
  out: ParsedArgs,
): number {
  const values: Arg[] = [];
  let next = i;
  if (def.values.length === 0) {
    if (inline && def.optional) values.push(inline);
    else if (inline && (inline.v.value !== '' || !inline.v.exact)) return refuse(ctx, cmd, a, name, i, undefined, `${name} takes no value`);
  } else {
    if (inline) values.push(inline);
    while (values.length < def.values.length && next + 1 < args.length) values.push(args[++next]!);
  }
  out.options.push({ def, name, arg: a, values });
  const kinds = def.values.length > 0 ? def.values : def.optional ? [def.optional] : [];
  values.forEach((val, k) => judgeValue(ctx, cmd, name, kinds[k] ?? 'value', val, inv));
  return next;
}

export function judgeValue(ctx: ShContext, cmd: string, name: string, kind: FactKind, val: Arg, inv: Invocation): void {
  switch (kind) {
    case 'file':
      checkPathWord(ctx, val, 'read', inv.at);
      return;
    case 'output':
      checkPathWord(ctx, val, 'write', inv.at);
      return;
    case 'program':
      // a value with spaces or shell syntax is a command line (split --filter runs it with $SHELL -c)
      if (val.v.exact && /[\s;|&$<>`'"()]/.test(val.v.value)) {
        const at = ctx.text(val.node).indexOf(val.v.value);
        ctx.nested(val.v.value, 'shell', val.node, `in ${cmd} ${name}`, at >= 0 ? at : 1);
      } else {
        const via = [...inv.via, `${cmd} ${name}`];
        judge(ctx, { name: val.v, nameNode: val.node, args: [], at: inv.at, via, substitutes: inv.substitutes });
      }
      return;
    case 'code':
      ctx.sink.report('sh.option.dangerous', val.node, `${cmd} ${name} loads code from a file the checker never saw`);
      return;
    default:
      return;
  }
}

export function refuse(ctx: ShContext, cmd: string, a: Arg, name: string, i: number, word?: string, why?: string): number {
  const facts = Object.hasOwn(OPTION_FACTS, cmd) ? OPTION_FACTS[cmd]! : {};
  const fact = facts[name] ?? (word ? facts[word] : undefined);
  const shown = word && word !== name ? `'${name}' (in '${word}')` : `'${name}'`;
  if (fact === 'program' || fact === 'code' || fact === 'output') {
    const does = fact === 'program' ? 'runs a program' : fact === 'code' ? 'loads code from a file' : 'writes a file';
    ctx.sink.report('sh.option.dangerous', a.node, `${cmd} option ${shown} ${does}; the policy does not allow it for ${cmd}`);
  } else {
    ctx.sink.report('sh.option.not-allowed', a.node, `${cmd} option ${shown} is not allowed${why ? ` (${why})` : ''}: ${HOW(cmd)}`);
  }
  return i;
}

function dynamic(ctx: ShContext, cmd: string, a: Arg, i: number): number {
  ctx.sink.report('sh.option.dynamic', a.node, `the ${cmd} option '${ctx.text(a.node)}' is built at run time, so it cannot be checked`);
  return i;
}

export type { OptionUse };
