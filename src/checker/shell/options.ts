/**
 * Options of allowed commands, checked against the policy's `shell.allowedOptions` (an allow-list
 * per command: a command without an entry takes no options). Short options may be combined (`-rn`)
 * and take their value attached or as the next word (`-k2`, `-k 2`); long options are matched in
 * full (`--key=2`, `--key 2`; GNU's abbreviations are not accepted: `--compress` is not
 * `--compress-program`). What an option's value is (a file read or written, a program run) comes
 * from the policy, raised to what the tool really does (OPTION_FACTS). A word that is only known at
 * run time where an option could stand is refused for commands with options that run programs.
 */
import type { Policy } from '../../policy/schema.ts';
import type { Arg, Invocation, ShContext } from './context.ts';
import { OPTION_FACTS, type FactKind } from './tables.ts';

export interface OptionDef {
  spelled: string;
  /** Kinds of the values the option takes (as the next words, or the first attached). */
  values: FactKind[];
  /** An optional value, only attached (`--color=auto`, `-I{}`). */
  optional: FactKind | null;
}

export interface CommandOptions {
  short: Map<string, OptionDef>;
  long: Map<string, OptionDef>;
  /** Single-dash words (`find -name`, `-print0`). */
  words: Map<string, OptionDef>;
  /** `-NUM` (`head -20`). */
  num: boolean;
  /** True when the command has an option that runs a program or loads code. */
  injectable: boolean;
}

const RANK: Record<FactKind, number> = { value: 0, file: 1, output: 2, program: 3, code: 4 };
const cache = new WeakMap<Policy, Map<string, CommandOptions>>();

/** The compiled options of a command under a policy. */
export function commandOptions(policy: Policy, cmd: string): CommandOptions {
  let byCmd = cache.get(policy);
  if (!byCmd) cache.set(policy, (byCmd = new Map()));
  let c = byCmd.get(cmd);
  if (!c) byCmd.set(cmd, (c = compile(Object.hasOwn(policy.shell.allowedOptions, cmd) ? policy.shell.allowedOptions[cmd]! : [], cmd)));
  return c;
}

function compile(entries: readonly string[], cmd: string): CommandOptions {
  const facts = Object.hasOwn(OPTION_FACTS, cmd) ? OPTION_FACTS[cmd]! : {};
  const out: CommandOptions = { short: new Map(), long: new Map(), words: new Map(), num: false, injectable: false };
  out.injectable = Object.values(facts).some((k) => k === 'program' || k === 'code');
  for (const entry of entries) {
    if (entry === '-NUM') {
      out.num = true;
      continue;
    }
    const m = /^(\S+?)(\[=?<(\w+)>\])?((?: <\w+>)*)$/.exec(entry)!;
    const spelled = m[1]!;
    const values = [...m[4]!.matchAll(/<(\w+)>/g)].map((x) => x[1] as FactKind);
    const def: OptionDef = { spelled, values, optional: (m[3] as FactKind | undefined) ?? null };
    const fact = facts[spelled];
    if (fact) raise(def, fact);
    if (spelled.startsWith('--')) out.long.set(spelled, def);
    else if (spelled.length === 2) out.short.set(spelled[1]!, def);
    else out.words.set(spelled, def);
  }
  return out;
}

/** A listed option keeps its shape but its value is judged as what the tool really does with it. */
function raise(def: OptionDef, fact: FactKind): void {
  const last = def.values.length - 1;
  if (last >= 0) def.values[last] = RANK[fact] > RANK[def.values[last]!] ? fact : def.values[last]!;
  else if (def.optional) def.optional = RANK[fact] > RANK[def.optional] ? fact : def.optional;
  else def.values = [fact];
}

/** True when `opt` (spelled in full) takes a value as the next word. */
export function takesValue(policy: Policy, cmd: string, opt: string): boolean {
  const c = commandOptions(policy, cmd);
  const def = opt.startsWith('--') ? c.long.get(opt) : opt.length === 2 ? c.short.get(opt[1]!) : c.words.get(opt);
  return def !== undefined && def.values.length > 0;
}

export interface OptionUse {
  def: OptionDef;
  /** The option as written (`-k`, `--key`). */
  name: string;
  arg: Arg;
  values: Arg[];
}

export interface ParsedArgs {
  options: OptionUse[];
  operands: Arg[];
}

export interface ParseMode {
  /** GNU style: options may follow operands. Otherwise options end at the first operand (awk, xargs). */
  permute: boolean;
}

export { parseOptions } from './option-parse.ts';
export type { Invocation, ShContext };
