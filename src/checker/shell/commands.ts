/**
 * Command names: every command is resolved after quote removal and escapes; names that are not
 * known until run time are blocked; `/bin/rm` is `rm`, but a name from any other directory is
 * blocked. Then the name is judged: forbidden, a function of the script, a builtin, a wrapper, an
 * interpreter, an allowed tool (with its own argument rules), or not allowed.
 */
import path from 'node:path';
import { startOf, type SyntaxNode } from '../grammars.ts';
import type { Invocation, ShContext } from './context.ts';
import { checkAwk } from './awk.ts';
import { checkBuiltinArgs } from './builtins.ts';
import { checkAlias, checkTrap } from './hidden.ts';
import { checkInterpreter, isInterpreter } from './interpreters.ts';
import { checkMetadataWords, checkTransfer } from './network.ts';
import { checkFind, checkToolPaths } from './paths.ts';
import { checkSed } from './sed.ts';
import { AWKS, DANGEROUS_BUILTINS, HARMLESS_BUILTINS, NETWORK_TOOLS, SEDS, SYSTEM_BIN_DIRS, WRAPPERS } from './tables.ts';
import { checkWrapper, SHELL_KEYWORD_WRAPPERS } from './wrappers.ts';

/** Judge every command of the script, with names and arguments from the query's captures. */
export function checkCommands(ctx: ShContext): void {
  const argsOf = new Map<number, SyntaxNode[]>();
  const args = ctx.cap('command.arg');
  const owners = ctx.cap('command.argof');
  for (let i = 0; i < args.length; i++) {
    const key = startOf(owners[i]!);
    const list = argsOf.get(key);
    if (list) list.push(args[i]!);
    else argsOf.set(key, [args[i]!]);
  }
  const commands = ctx.cap('command');
  const names = ctx.cap('command.name');
  for (let i = 0; i < commands.length; i++) {
    const cmd = commands[i]!;
    const nameNode = names[i]!;
    const argNodes = (argsOf.get(startOf(cmd)) ?? []).sort((a, b) => startOf(a) - startOf(b));
    judge(ctx, {
      name: ctx.word(nameNode),
      nameNode,
      args: argNodes.map((node) => ({ node, v: ctx.word(node) })),
      at: cmd,
      via: [],
      substitutes: [],
    });
  }
}

const via = (inv: Invocation) => (inv.via.length > 0 ? ` (run by ${inv.via.join(' → ')})` : '');

/** Judge one invocation (a plain command, or the command a wrapper runs). */
export function judge(ctx: ShContext, inv: Invocation): void {
  checkMetadataWords(ctx, inv);
  const name = inv.name;
  if (!name.exact || name.pattern || name.value === '') {
    const shown = ctx.text(inv.nameNode);
    if (inv.via.length > 0) {
      ctx.sink.report('sh.wrapper.dynamic', inv.nameNode, `the command run by ${inv.via.join(' → ')} is not a literal ('${shown}')`);
    } else ctx.sink.report('sh.command.dynamic', inv.nameNode, `the command name '${shown}' is only known at run time`);
    return;
  }
  let cmd = name.value;
  if (cmd.includes('/')) {
    const dir = path.posix.dirname(path.posix.normalize(cmd));
    if (!SYSTEM_BIN_DIRS.has(dir)) {
      ctx.sink.report('sh.command.path', inv.nameNode, `'${cmd}' runs a program from ${dir}, not a system command${via(inv)}`);
      return;
    }
    cmd = path.posix.basename(cmd);
  }
  const display = cmd === ctx.text(inv.nameNode) ? `'${cmd}'` : `'${cmd}' (written '${ctx.text(inv.nameNode)}')`;
  if (ctx.forbidden.has(cmd)) {
    ctx.sink.report('sh.command.forbidden', inv.nameNode, `${display} is forbidden by the policy${via(inv)}`);
    return;
  }
  if (ctx.functions.has(cmd) && inv.via.length === 0) return;
  switch (cmd) {
    case 'eval':
      ctx.sink.report('sh.builtin.eval', inv.at, `eval runs a string as code${via(inv)}`);
      return;
    case 'source':
    case '.':
      ctx.sink.report('sh.builtin.source', inv.at, `'${cmd}' runs code from a file or stdin that was not checked${via(inv)}`);
      return;
    case 'trap':
      checkTrap(ctx, inv);
      return;
    case 'alias':
      checkAlias(ctx, inv);
      return;
    default:
      break;
  }
  const danger = DANGEROUS_BUILTINS.get(cmd);
  if (danger) {
    ctx.sink.report('sh.builtin.dangerous', inv.at, `${danger}${via(inv)}`);
    return;
  }
  if (WRAPPERS.has(cmd)) {
    if (!SHELL_KEYWORD_WRAPPERS.has(cmd) && !ctx.allowed.has(cmd)) notAllowed(ctx, inv, display);
    checkWrapper(ctx, cmd, inv);
    return;
  }
  if (HARMLESS_BUILTINS.has(cmd)) {
    checkBuiltinArgs(ctx, cmd, inv);
    return;
  }
  if (isInterpreter(cmd)) {
    if (!ctx.allowed.has(cmd)) notAllowed(ctx, inv, display);
    checkInterpreter(ctx, cmd, inv);
    return;
  }
  if (!ctx.allowed.has(cmd)) {
    notAllowed(ctx, inv, display);
    return;
  }
  if (AWKS.has(cmd)) checkAwk(ctx, cmd, inv);
  else if (SEDS.has(cmd)) checkSed(ctx, cmd, inv);
  else if (NETWORK_TOOLS.has(cmd)) checkTransfer(ctx, cmd, inv);
  else if (cmd === 'find') checkFind(ctx, inv);
  else checkToolPaths(ctx, cmd, inv);
}

function notAllowed(ctx: ShContext, inv: Invocation, display: string): void {
  ctx.sink.report('sh.command.not-allowed', inv.nameNode, `${display} is not on the policy's allowed commands${via(inv)}`);
}
