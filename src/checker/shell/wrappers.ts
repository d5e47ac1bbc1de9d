/**
 * Wrappers that run their argument as a command (env, xargs, timeout, nice, nohup, time, command,
 * builtin, exec, sudo …): the wrapped command is found by skipping the wrapper's own options and is
 * judged like any other command. A wrapped command that cannot be determined is blocked.
 */
import type { Arg, Invocation, ShContext } from './context.ts';
import { judge } from './commands.ts';
import { checkHiddenVariable } from './hidden.ts';
import { checkOptionWords } from './option-parse.ts';
import { checkPathWord } from './paths.ts';

/** Wrappers that are bash builtins or keywords (no allow-list entry needed for themselves). */
export const SHELL_KEYWORD_WRAPPERS = new Set(['exec', 'command', 'builtin', 'time', 'coproc']);

interface WrapperSpec {
  /** Options that consume the next argument. */
  valueOpts?: readonly string[];
  /** Plain operands before the command (timeout's duration, flock's file). */
  leading?: number;
  /** The wrapped command is a shell string made of the remaining arguments (watch, su -c). */
  shellString?: boolean;
  /** NAME=VALUE arguments before the command are environment assignments. */
  assignments?: boolean;
  /** A replacement token that the wrapper fills with data (xargs -I). */
  replaceOpts?: readonly string[];
}

const SPECS: Record<string, WrapperSpec> = {
  env: { valueOpts: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], assignments: true },
  timeout: { valueOpts: ['-s', '--signal', '-k', '--kill-after'], leading: 1 },
  nice: { valueOpts: ['-n', '--adjustment'] },
  nohup: {},
  time: { valueOpts: ['-f', '--format', '-o', '--output'] },
  command: {},
  builtin: {},
  exec: { valueOpts: ['-a'] },
  coproc: {},
  stdbuf: { valueOpts: ['-i', '-o', '-e'] },
  ionice: { valueOpts: ['-c', '-n', '-p', '-P', '-u'] },
  setsid: {},
  xargs: {
    valueOpts: [
      '-n',
      '-P',
      '-d',
      '-L',
      '-s',
      '-E',
      '-a',
      '--arg-file',
      '--delimiter',
      '--max-args',
      '--max-procs',
      '--max-lines',
      '--max-chars',
      '--eof',
      '--process-slot-var',
    ],
    replaceOpts: ['-I', '--replace', '-i'],
  },
  flock: { valueOpts: ['-w', '--timeout', '-E', '--conflict-exit-code'], leading: 1 },
  watch: { valueOpts: ['-n', '--interval', '-d', '--differences'], shellString: true },
  taskset: { leading: 1 },
  chrt: { leading: 1 },
  sudo: { valueOpts: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'] },
  doas: { valueOpts: ['-u', '-C'] },
  su: { valueOpts: ['-c', '--command', '-s', '--shell', '-g', '-G'] },
  runuser: { valueOpts: ['-u', '-g', '-G', '-c'] },
  chroot: { leading: 1 },
  unbuffer: {},
  strace: { valueOpts: ['-e', '-o', '-p', '-s', '-u'] },
  ltrace: { valueOpts: ['-e', '-o', '-p', '-s', '-u'] },
};

export function checkWrapper(ctx: ShContext, name: string, inv: Invocation): void {
  const spec = SPECS[name] ?? {};
  const args = inv.args;
  let i = 0;
  let leading = spec.leading ?? 0;
  const substitutes: string[] = [...inv.substitutes];
  if ((name === 'command' || name === 'type') && args.some((a) => a.v.exact && /^-[a-zA-Z]*[vV]/.test(a.v.value))) return; // lookup only
  if (name === 'xargs' && args.some((a) => a.v.exact && (a.v.value === '-a' || a.v.value.startsWith('--arg-file')))) {
    const idx = args.findIndex((a) => a.v.value === '-a');
    if (idx >= 0 && args[idx + 1]) checkPathWord(ctx, args[idx + 1]!, 'read', inv.at);
  }
  const policed = ctx.allowed.has(name) && !SHELL_KEYWORD_WRAPPERS.has(name);
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.v.exact) break;
    const v = a.v.value;
    if (policed && v.startsWith('-') && v.length > 1 && v !== '--') {
      checkOptionWords(ctx, name, inv, spec.valueOpts?.includes(v) || spec.replaceOpts?.includes(v) ? args.slice(i, i + 2) : [a]);
    }
    if (v === '--') {
      i++;
      break;
    }
    if (name === 'su' && (v === '-c' || v === '--command')) {
      checkShellString(ctx, name, args.slice(i + 1, i + 2), inv);
      return;
    }
    if (
      name === 'env' &&
      (v === '-S' || v === '--split-string' || v.startsWith('--split-string=') || (v.startsWith('-S') && v.length > 2))
    ) {
      const rest = v.startsWith('--split-string=')
        ? [{ ...a, v: { ...a.v, value: v.slice(15) } }]
        : v.length > 2 && v.startsWith('-S')
          ? [{ ...a, v: { ...a.v, value: v.slice(2) } }]
          : args.slice(i + 1, i + 2);
      checkShellString(ctx, name, rest, inv);
      return;
    }
    if (spec.replaceOpts?.some((o) => v === o || (v.startsWith(o) && o.length === 2) || v.startsWith(`${o}=`))) {
      const opt = spec.replaceOpts.find((o) => v === o || v.startsWith(o))!;
      if (v === opt && opt !== '-i') {
        substitutes.push(args[i + 1]?.v.value ?? '{}');
        i++;
      } else substitutes.push(v.includes('=') ? v.slice(v.indexOf('=') + 1) : v.slice(2) || '{}');
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      if (spec.valueOpts?.includes(v)) i++;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      checkHiddenVariable(ctx, v.slice(0, v.indexOf('=')), a.node);
      continue;
    }
    if (leading > 0) {
      leading--;
      continue;
    }
    break;
  }
  const rest = args.slice(i);
  if (spec.shellString) {
    checkShellString(ctx, name, rest, inv);
    return;
  }
  if (rest.length === 0) {
    // xargs alone runs echo; exec alone only redirects; env alone prints the environment
    if (name === 'env') ctx.sink.report('sh.env.dump', inv.at, 'env without a command prints the whole environment');
    return;
  }
  const first = rest[0]!;
  judge(ctx, { name: first.v, nameNode: first.node, args: rest.slice(1), at: inv.at, via: [...inv.via, name], substitutes });
}

/** `watch 'cmd'`, `su -c 'cmd'`, `env -S 'cmd'`: the arguments form a shell command line. */
function checkShellString(ctx: ShContext, name: string, parts: Arg[], inv: Invocation): void {
  if (parts.length === 0) return;
  if (parts.some((p) => !p.v.exact)) {
    ctx.sink.report('sh.interpreter.dynamic', inv.at, `${name} runs a command line that is not a literal`);
    return;
  }
  ctx.nested(parts.map((p) => p.v.value).join(' '), 'shell', parts[0]!.node, `in the command line run by ${name}`);
}
