/**
 * Arguments of otherwise harmless builtins that can still hide code or escape: variables assigned by
 * read/printf -v/getopts, callbacks (mapfile -C, compgen -C), command rebinding (hash -p), `let`
 * expressions that evaluate code, and `cd` out of the allowed paths.
 */
import type { Invocation, ShContext } from './context.ts';
import { checkHiddenVariable } from './hidden.ts';
import { checkPathWord } from './paths.ts';

const READ_VALUE_OPTS = new Set(['-d', '-i', '-n', '-N', '-p', '-t', '-u']);

export function checkBuiltinArgs(ctx: ShContext, name: string, inv: Invocation): void {
  const args = inv.args;
  const flag = (re: RegExp) => args.some((a) => a.v.exact && re.test(a.v.value));
  switch (name) {
    case 'read': {
      for (let i = 0; i < args.length; i++) {
        const v = args[i]!.v.value;
        if (READ_VALUE_OPTS.has(v)) i++;
        else if (v === '-a' && args[i + 1]) checkHiddenVariable(ctx, args[++i]!.v.value, args[i]!.node);
        else if (!v.startsWith('-')) checkHiddenVariable(ctx, v, args[i]!.node);
      }
      return;
    }
    case 'printf': {
      const idx = args.findIndex((a) => a.v.value === '-v');
      if (idx >= 0 && args[idx + 1]) checkHiddenVariable(ctx, args[idx + 1]!.v.value, args[idx + 1]!.node);
      return;
    }
    case 'getopts':
      if (args[1]) checkHiddenVariable(ctx, args[1].v.value, args[1].node);
      return;
    case 'mapfile':
    case 'readarray':
    case 'compgen':
      if (flag(/^-[A-Za-z]*C/)) ctx.sink.report('sh.builtin.dangerous', inv.at, `${name} -C runs a callback command`);
      if (name === 'compgen' && flag(/^-[A-Za-z]*[ve]/)) ctx.sink.report('sh.env.dump', inv.at, 'compgen -v/-e lists the variables');
      return;
    case 'set':
      if (args.length === 0) ctx.sink.report('sh.env.dump', inv.at, "'set' without arguments prints every variable");
      return;
    case 'hash':
      if (flag(/^-[A-Za-z]*p/)) ctx.sink.report('sh.builtin.dangerous', inv.at, 'hash -p binds a command name to another program');
      return;
    case 'let':
      for (const a of args) {
        if (a.v.exact && /\$\(|`/.test(a.v.value))
          ctx.sink.report('sh.arith.injection', a.node, 'let evaluates a command substitution hidden in its expression');
      }
      return;
    case 'cd':
    case 'pushd': {
      const target = args.find((a) => !(a.v.exact && /^-[LPe@]*$/.test(a.v.value) && a.v.value !== '-'));
      if (target && target.v.exact && target.v.value !== '-') checkPathWord(ctx, target, 'read', inv.at);
      return;
    }
    case 'export':
    case 'declare':
    case 'typeset':
    case 'local':
    case 'readonly':
      // parsed as declaration_command normally; as a plain command, judge NAME=VALUE arguments
      for (const a of args) {
        if (a.v.exact && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a.v.value)) checkHiddenVariable(ctx, a.v.value.split('=')[0]!, a.node);
        if (a.v.exact && /^-[A-Za-z]*n/.test(a.v.value)) ctx.sink.report('sh.declare.nameref', inv.at, `${name} -n makes a name reference`);
      }
      return;
    default:
      return;
  }
}
