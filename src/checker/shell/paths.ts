/**
 * File operands of commands: literal paths (and literal prefixes of partly expanded words) must be
 * readable, or writable for tools that write (tee, mkdir, touch, sort -o, sed -i, gzip …). Relative
 * paths resolve in /workspace. Operands known only at run time are left to the sandbox.
 */
import { accessAllows, pathAccess, prefixAllowed, resolveScriptPath, WORKDIR } from '../../policy/access.ts';
import type { Span } from '../findings.ts';
import type { Arg, Invocation, ShContext } from './context.ts';
import { parseOptions } from './options.ts';
import { TOOL_SPECS } from './tables.ts';

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Judge one static path; returns true when a finding was reported. */
export function checkPathValue(
  ctx: ShContext,
  v: { value: string; exact: boolean },
  mode: 'read' | 'write',
  at: Span,
  what = 'path',
): boolean {
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
  ctx.sink.report(
    rule,
    at,
    `${what} '${value}'${where} ${climbs ? `climbs out of ${WORKDIR}` : mode === 'write' ? (access === 'read-only' ? 'is read-only' : 'is outside the writable paths') : 'is outside the allowed paths'}`,
  );
  return true;
}

/** Judge a word used as a path operand. */
export function checkPathWord(ctx: ShContext, arg: Arg, mode: 'read' | 'write', at: Span): boolean {
  const v = ctx.pathWord(arg);
  if (!v.exact && v.value === '') return false; // `$(…)`, `<(…)`, "$x": known only at run time
  return checkPathValue(ctx, v, mode, arg.node ?? at, 'path');
}

/** Options and operands of an allowed tool: options from the policy, operands judged by its ToolSpec. */
export function checkToolPaths(ctx: ShContext, cmd: string, inv: Invocation): void {
  const spec = TOOL_SPECS[cmd];
  const parsed = parseOptions(ctx, cmd, inv, { permute: true });
  if (spec?.noFiles || parsed.options.some((o) => o.name === '--args' || o.name === '--jsonargs')) return;
  let operands = parsed.operands;
  if (spec?.pattern && !parsed.options.some((o) => /^(-e|--regexp|-f|--file|--from-file)$/.test(o.name))) operands = operands.slice(1);
  operands.forEach((a, k) => {
    if (!spec) {
      if (a.v.exact && /^(~|\/|\.\.(\/|$))/.test(a.v.value)) checkPathWord(ctx, a, 'read', inv.at);
      return;
    }
    const write = spec.write || (spec.writeFrom !== undefined && k + 1 > spec.writeFrom);
    checkPathWord(ctx, a, write ? 'write' : 'read', inv.at);
  });
}

export { checkFind } from './find.ts';
