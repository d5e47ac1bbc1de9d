/**
 * Arithmetic injection from data: bash evaluates array subscripts inside arithmetic, so a value
 * such as `a[$(cmd)]` read from input runs `cmd` in `$(( n ))`, `(( n ))`, `let`, or `[[ n -eq 1 ]]`.
 * Variables assigned by `read`/`mapfile` that reach an arithmetic context are blocked unless the
 * script checks them against a regex (`[[ $n =~ ^[0-9]+$ ]]`) first.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';

const READ_VALUE_OPTS = new Set(['-d', '-i', '-n', '-N', '-p', '-t', '-u', '-a']);
const ARITH_TEST_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** Names set by read/mapfile/readarray anywhere in the script. */
function readVariables(ctx: ShContext): Set<string> {
  const out = new Set<string>();
  const commands = ctx.cap('command');
  const names = ctx.cap('command.name');
  for (let k = 0; k < commands.length; k++) {
    const cmd = commands[k]!;
    const name = ctx.text(names[k]!);
    if (name !== 'read' && name !== 'mapfile' && name !== 'readarray') continue;
    const args = cmd.childrenForFieldName('argument').map((a) => ctx.word(a).value);
    let named = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-a' && args[i + 1]) {
        out.add(args[++i]!);
        named = true;
      } else if (READ_VALUE_OPTS.has(a) || (name !== 'read' && /^-[dnOstuC]$/.test(a))) i++;
      else if (!a.startsWith('-') && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) {
        out.add(a);
        named = true;
      }
    }
    if (!named) out.add(name === 'read' ? 'REPLY' : 'MAPFILE');
  }
  return out;
}

/** Variables the script validates with `[[ $x =~ … ]]`. */
function validatedVariables(ctx: ShContext): Set<string> {
  const out = new Set<string>();
  for (const t of ctx.cap('test')) {
    if (!ctx.text(t).includes('=~')) continue;
    for (const v of t.descendantsOfType('variable_name')) out.add(ctx.text(v));
  }
  return out;
}

export function checkArithmetic(ctx: ShContext): void {
  const contexts: SyntaxNode[] = [...ctx.cap('arith'), ...ctx.cap('arith_cmd')];
  for (const t of ctx.cap('test')) {
    if (ctx.text(t).startsWith('[[') && t.descendantsOfType('test_operator').some((o) => ARITH_TEST_OPS.has(ctx.text(o)))) contexts.push(t);
  }
  const names = ctx.cap('command.name');
  const letCmds = ctx.cap('command').filter((_c, k) => ctx.text(names[k]!) === 'let');
  if (contexts.length === 0 && letCmds.length === 0) return;
  const fromData = readVariables(ctx);
  if (fromData.size === 0) return;
  for (const v of validatedVariables(ctx)) fromData.delete(v);
  for (const node of contexts) {
    const hit = node.descendantsOfType('variable_name').map((v) => ctx.text(v)).find((n) => fromData.has(n));
    if (hit) ctx.sink.report('sh.arith.injection', node, `arithmetic on '${hit}', which is read from input: a value like a[$(cmd)] would run cmd`);
  }
  for (const cmd of letCmds) {
    const words = ctx.text(cmd).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    const hit = words.find((w) => fromData.has(w));
    if (hit) ctx.sink.report('sh.arith.injection', cmd, `let evaluates '${hit}', which is read from input`);
  }
}
