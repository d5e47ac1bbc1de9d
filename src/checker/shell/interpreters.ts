/**
 * Interpreters as commands. `sh -c '…'`/`bash -c '…'` code is parsed with the bash grammar and
 * `python3 -c '…'` code with the Python grammar, recursively, under the same policy; `python3 -m M`
 * is judged as `import M`. Code that is not a literal, code read from stdin (pipes, here-docs,
 * here-strings, /dev/stdin, process substitution) and inline code for interpreters without a grammar
 * are blocked; script files are blocked because they were never checked.
 */
import type { Arg, Invocation, ShContext } from './context.ts';
import { OTHER_INTERPRETERS, PYTHONS, SHELLS } from './tables.ts';

export function isInterpreter(cmd: string): boolean {
  return SHELLS.has(cmd) || PYTHONS.test(cmd) || OTHER_INTERPRETERS.has(cmd);
}

const STDIN_NAMES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export function checkInterpreter(ctx: ShContext, cmd: string, inv: Invocation): void {
  if (SHELLS.has(cmd)) return checkShellInterpreter(ctx, cmd, inv);
  if (PYTHONS.test(cmd)) return checkPythonInterpreter(ctx, cmd, inv);
  return checkOther(ctx, cmd, inv);
}

function inline(ctx: ShContext, cmd: string, code: Arg | undefined, language: 'shell' | 'python', inv: Invocation): void {
  if (!code) {
    ctx.sink.report('sh.interpreter.dynamic', inv.at, `${cmd} -c without code`);
    return;
  }
  if (!code.v.exact) {
    ctx.sink.report('sh.interpreter.dynamic', code.node, `${cmd} runs code that is not a literal string`);
    return;
  }
  const sub = inv.substitutes.find((s) => s !== '' && code.v.value.includes(s));
  if (sub !== undefined) {
    ctx.sink.report('sh.interpreter.dynamic', code.node, `${inv.via.join(' → ')} pastes data into the code run by ${cmd} ('${sub}')`);
    return;
  }
  ctx.nested(code.v.value, language, code.node, `in ${cmd} -c`);
}

function scriptOperand(ctx: ShContext, cmd: string, arg: Arg | undefined, inv: Invocation): void {
  if (!arg) {
    ctx.sink.report('sh.pipe-to-shell', inv.at, `${cmd} reads its code from stdin (a pipe, here-doc or here-string)`);
    return;
  }
  if (arg.node.type === 'process_substitution' || (arg.v.exact && STDIN_NAMES.has(arg.v.value))) {
    ctx.sink.report(
      'sh.pipe-to-shell',
      arg.node,
      `${cmd} runs code from ${arg.node.type === 'process_substitution' ? 'a process substitution' : 'stdin'}`,
    );
    return;
  }
  ctx.sink.report('sh.interpreter.script', arg.node, `${cmd} runs the script file '${ctx.text(arg.node)}', which was not checked`);
}

function checkShellInterpreter(ctx: ShContext, cmd: string, inv: Invocation): void {
  const args = inv.args;
  let hasC = false;
  let readsStdin = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.exact ? a.v.value : '';
    if (v === '--' || v === '-') {
      if (v === '-') return scriptOperand(ctx, cmd, a, inv);
      const next = args[i + 1];
      return hasC ? inline(ctx, cmd, next, 'shell', inv) : scriptOperand(ctx, cmd, readsStdin ? undefined : next, inv);
    }
    if (/^[-+][A-Za-z]+$/.test(v)) {
      if (v.startsWith('-') && v.includes('c')) hasC = true;
      if (v.startsWith('-') && v.includes('s')) readsStdin = true;
      if (/[oO]$/.test(v)) i++;
      continue;
    }
    if (v === '--rcfile' || v === '--init-file') {
      ctx.sink.report('sh.interpreter.script', a.node, `${cmd} ${v} runs a file that was not checked`);
      i++;
      continue;
    }
    if (v.startsWith('--')) continue;
    return hasC ? inline(ctx, cmd, a, 'shell', inv) : scriptOperand(ctx, cmd, readsStdin ? undefined : a, inv);
  }
  if (hasC) return inline(ctx, cmd, undefined, 'shell', inv);
  scriptOperand(ctx, cmd, undefined, inv);
}

function checkPythonInterpreter(ctx: ShContext, cmd: string, inv: Invocation): void {
  const args = inv.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.exact ? a.v.value : '';
    if (v === '-c') return inline(ctx, cmd, args[i + 1], 'python', inv);
    if (v.startsWith('-c') && v.length > 2) return inline(ctx, cmd, { node: a.node, v: { ...a.v, value: v.slice(2) } }, 'python', inv);
    if (v === '-m' || (v.startsWith('-m') && v.length > 2)) {
      const mod = v === '-m' ? args[i + 1] : { node: a.node, v: { ...a.v, value: v.slice(2) } };
      if (!mod || !mod.v.exact || !/^[A-Za-z_][\w.]*$/.test(mod.v.value)) {
        ctx.sink.report('sh.interpreter.dynamic', a.node, `${cmd} -m with a module name that is not a literal`);
        return;
      }
      ctx.nested(`import ${mod.v.value}\n`, 'python', mod.node, `in ${cmd} -m`);
      return;
    }
    if (v === '-W' || v === '-X') {
      i++;
      continue;
    }
    if (v.startsWith('-') && v !== '-') continue;
    return scriptOperand(ctx, cmd, a, inv);
  }
  scriptOperand(ctx, cmd, undefined, inv);
}

function checkOther(ctx: ShContext, cmd: string, inv: Invocation): void {
  const args = inv.args;
  for (const a of args) {
    const v = a.v.exact ? a.v.value : '';
    if (/^-[A-Za-z]*[eErcp]/.test(v) || v === '--eval' || v === '--print' || v.startsWith('--eval=')) {
      ctx.sink.report('sh.interpreter.unsupported', a.node, `${cmd} ${v} runs inline code the checker cannot parse`);
      return;
    }
    if (v.startsWith('-') && v !== '-') continue;
    return scriptOperand(ctx, cmd, a, inv);
  }
  scriptOperand(ctx, cmd, undefined, inv);
}
