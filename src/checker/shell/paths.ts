/**
 * File operands of commands: literal paths (and literal prefixes of partly expanded words) must be
 * readable, or writable for tools that write (tee, mkdir, touch, sort -o, sed -i, gzip …). Relative
 * paths resolve in /workspace. Operands known only at run time are left to the sandbox.
 * Also `find`: start directories, -exec/-execdir/-ok (the command is judged), -delete, -fprint.
 */
import { accessAllows, pathAccess, prefixAllowed, resolveScriptPath, WORKDIR } from '../../policy/access.ts';
import type { Span } from '../findings.ts';
import type { Arg, Invocation, ShContext } from './context.ts';
import { judge } from './commands.ts';
import { TOOL_SPECS } from './tables.ts';

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Judge one static path; returns true when a finding was reported. */
export function checkPathValue(ctx: ShContext, v: { value: string; exact: boolean }, mode: 'read' | 'write', at: Span, what = 'path'): boolean {
  const value = v.value;
  if (value === '' || value === '-' || URL_RE.test(value)) return false;
  if (/^\/dev\/(tcp|udp)\//.test(value)) {
    ctx.sink.report('sh.network.dev-tcp', at, `${what} '${value}' opens a network connection`);
    return true;
  }
  const rule = mode === 'write' ? 'sh.path.write-outside' : 'sh.path.outside';
  if (!v.exact) {
    if (prefixAllowed(ctx.policy, value, mode)) return false;
    ctx.sink.report(rule, at, `${what} starting with '${value}' ${mode === 'write' ? 'writes' : 'reads'} outside the allowed paths`);
    return true;
  }
  const abs = resolveScriptPath(value);
  const access = pathAccess(ctx.policy, abs);
  if (accessAllows(access, mode)) return false;
  const climbs = !value.startsWith('/') && !value.startsWith('~') && /(^|\/)\.\.(\/|$)/.test(value) && !abs.startsWith(WORKDIR);
  const where = abs !== value ? ` (${abs})` : '';
  ctx.sink.report(rule, at, `${what} '${value}'${where} ${climbs ? `climbs out of ${WORKDIR}` : mode === 'write' ? (access === 'read-only' ? 'is read-only' : 'is outside the writable paths') : 'is outside the allowed paths'}`);
  return true;
}

/** Judge a word used as a path operand. */
export function checkPathWord(ctx: ShContext, arg: Arg, mode: 'read' | 'write', at: Span): boolean {
  const v = ctx.pathWord(arg);
  if (!v.exact && v.value === '') return false; // `$(…)`, `<(…)`, "$x": known only at run time
  return checkPathValue(ctx, v, mode, arg.node ?? at, 'path');
}

/** Operands of an allowed tool, judged by its ToolSpec (unknown tools: only obvious absolute paths). */
export function checkToolPaths(ctx: ShContext, cmd: string, inv: Invocation): void {
  const spec = TOOL_SPECS[cmd];
  const args = inv.args;
  let operands = 0;
  let patternSeen = !spec?.pattern;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.value;
    if (!endOfOptions && a.v.exact && v === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const opt = eq > 0 ? v.slice(0, eq) : v;
      const inlineValue = eq > 0 ? { value: v.slice(eq + 1), exact: a.v.exact } : null;
      const takesValue = spec?.valueOpts?.includes(opt) || spec?.writeOpts?.includes(opt) || spec?.readOpts?.includes(opt);
      const valueArg = inlineValue ? { node: a.node, v: { ...a.v, ...inlineValue } } : takesValue ? args[i + 1] : undefined;
      if (takesValue && !inlineValue) i++;
      if (valueArg) {
        if (spec?.writeOpts?.includes(opt)) checkPathWord(ctx, valueArg, 'write', inv.at);
        else if (spec?.readOpts?.includes(opt)) checkPathWord(ctx, valueArg, 'read', inv.at);
        else if (!spec && /^[~/]/.test(valueArg.v.value)) checkPathWord(ctx, valueArg, 'read', inv.at);
      }
      if ((opt === '-e' || opt === '--regexp' || opt === '-f' || opt === '--file') && spec?.pattern) patternSeen = true;
      continue;
    }
    if (spec?.noFiles) continue;
    if (!patternSeen) {
      patternSeen = true;
      continue;
    }
    operands++;
    if (!spec) {
      if (a.v.exact && /^(~|\/|\.\.(\/|$))/.test(v)) checkPathWord(ctx, a, 'read', inv.at);
      continue;
    }
    const write = spec.write || (spec.writeFrom !== undefined && operands > spec.writeFrom);
    checkPathWord(ctx, a, write ? 'write' : 'read', inv.at);
  }
}

const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const FIND_WRITE = new Set(['-fprint', '-fprint0', '-fls', '-fprintf']);
const FIND_START_STOP = /^(-|\(|!|\))/;

export function checkFind(ctx: ShContext, inv: Invocation): void {
  const args = inv.args;
  let i = 0;
  while (i < args.length && ['-H', '-L', '-P'].includes(args[i]!.v.value)) i++;
  for (; i < args.length && !FIND_START_STOP.test(args[i]!.v.value); i++) checkPathWord(ctx, args[i]!, 'read', inv.at);
  for (; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.value;
    if (!a.v.exact) continue;
    if (v === '-delete') {
      ctx.sink.report('sh.find.delete', a.node, 'find -delete removes files');
      continue;
    }
    if (FIND_WRITE.has(v) && args[i + 1]) {
      checkPathWord(ctx, args[++i]!, 'write', inv.at);
      continue;
    }
    if (FIND_EXEC.has(v)) {
      let end = i + 1;
      while (end < args.length && !(args[end]!.v.exact && (args[end]!.v.value === ';' || args[end]!.v.value === '+'))) end++;
      const inner = args.slice(i + 1, end);
      if (inner.length === 0) {
        ctx.sink.report('sh.wrapper.dynamic', a.node, `find ${v} without a command`);
      } else {
        judge(ctx, { name: inner[0]!.v, nameNode: inner[0]!.node, args: inner.slice(1), at: inv.at, via: [...inv.via, `find ${v}`], substitutes: [...inv.substitutes, '{}'] });
      }
      i = end;
    }
  }
}
