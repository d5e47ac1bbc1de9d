/**
 * File paths that are literals or built from literals (concatenation, f-string prefixes,
 * os.path.join, `Path(a) / b`, constants): reads need a readable path, writes a writable one,
 * relative paths resolve in /workspace and may not climb out with `..`; links are never created.
 * Paths known only at run time are left to the sandbox (read-only root, only /workspace and /tmp writable).
 */
import { accessAllows, pathAccess, prefixAllowed, resolveScriptPath, WORKDIR } from '../../../policy/access.ts';
import type { SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr, type StaticStr } from '../strings.ts';
import { FILE_FUNCTIONS, LINK_FUNCTIONS, PATH_READ_METHODS, PATH_WRITE_METHODS, WRITING_METHODS, type FileFunction } from '../tables.ts';

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function checkPaths(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const call of calls) {
    const ff = fileFunction(call);
    if (ff) {
      const p = call.arg(ff.arg, ff.kw);
      if (p) checkPathExpr(ctx, p, modeOf(ctx, call, ff), call.node);
      continue;
    }
    const method = call.method;
    if (!method) continue;
    if (SQL_METHODS.has(method)) {
      checkSql(ctx, call);
      continue;
    }
    if (LINK_FUNCTIONS.has(method) || (method === 'symlink' && call.is('os.symlink'))) {
      ctx.sink.report('py.path.symlink', call.node, `${method}() creates a link whose target can leave the allowed paths`);
      continue;
    }
    const writeKw = WRITING_METHODS.get(method);
    if (writeKw) {
      const p = call.arg(0, writeKw);
      if (p) checkPathExpr(ctx, p, 'write', call.node);
      continue;
    }
    const isRead = PATH_READ_METHODS.has(method);
    const isWrite = PATH_WRITE_METHODS.has(method);
    if (!isRead && !isWrite) continue;
    const recv = call.receiver;
    if (!recv || !looksLikePath(ctx, recv)) continue;
    let mode: 'read' | 'write' = isWrite ? 'write' : 'read';
    if (method === 'open') mode = modeOf(ctx, call, { access: 'mode', arg: 0, kw: [], modeArg: 0, defaultMode: 'r' });
    checkPathExpr(ctx, recv, mode, call.node);
    if (method === 'rename' || method === 'replace') {
      const target = call.arg(0, ['target']);
      if (target) checkPathExpr(ctx, target, 'write', call.node);
    }
  }
}

const SQL_METHODS = new Set(['execute', 'executescript', 'executemany']);

/** SQL that opens other files (ATTACH DATABASE, VACUUM INTO) or loads native code (load_extension). */
function checkSql(ctx: PyContext, call: CallInfo): void {
  const sqlNode = call.positional[0];
  const values = sqlNode ? evalStr(ctx, sqlNode) : null;
  if (!values) return;
  for (const v of values) {
    if (/\bload_extension\s*\(/i.test(v.value)) {
      ctx.sink.report('py.attribute.dangerous', call.node, 'SQL load_extension() loads native code');
      return;
    }
    for (const m of v.value.matchAll(/\b(?:ATTACH(?:\s+DATABASE)?|VACUUM(?:\s+\w+)?\s+INTO)\s+(['"])(.*?)\1/gi)) {
      const file = m[2]!;
      if (file === ':memory:' || file === '') continue;
      if (checkPathValue(ctx, { value: file.replace(/^file:/, '').replace(/\?.*$/, ''), exact: true }, 'write', call.node)) return;
    }
  }
}

function fileFunction(call: CallInfo): FileFunction | undefined {
  for (const n of call.names) {
    const ff = FILE_FUNCTIONS.get(n);
    if (ff) return ff;
  }
  return undefined;
}

/** Receivers worth evaluating as paths: Path(...) expressions, `/` joins, names, attributes. */
function looksLikePath(ctx: PyContext, recv: SyntaxNode): boolean {
  return (
    recv.type === 'call' ||
    recv.type === 'binary_operator' ||
    recv.type === 'identifier' ||
    recv.type === 'parenthesized_expression' ||
    (recv.type === 'attribute' && ctx.attrName(recv) === 'parent')
  );
}

function modeOf(ctx: PyContext, call: CallInfo, ff: FileFunction): 'read' | 'write' {
  if (ff.access !== 'mode') return ff.access;
  const m = call.arg(ff.modeArg ?? 1, ['mode']);
  if (!m) return /[wax+]/.test(ff.defaultMode ?? 'r') ? 'write' : 'read';
  const values = evalStr(ctx, m);
  if (!values || values.some((v) => !v.exact)) return 'write';
  return values.some((v) => /[wax+]/.test(v.value)) ? 'write' : 'read';
}

export function checkPathExpr(ctx: PyContext, expr: SyntaxNode, mode: 'read' | 'write', at: SyntaxNode): void {
  const values = evalStr(ctx, expr, 'path');
  if (!values) return;
  for (const v of values) if (checkPathValue(ctx, v, mode, at)) return;
}

/** Report a finding for one static path value; true when one was reported. */
export function checkPathValue(ctx: PyContext, v: StaticStr, mode: 'read' | 'write', at: SyntaxNode): boolean {
  if (URL_RE.test(v.value) || v.value.includes('\0')) return false;
  const shown = v.exact ? `'${v.value}'` : `a path starting with '${v.value}'`;
  if (!v.exact) {
    if (v.value === '' || prefixAllowed(ctx.policy, v.value, mode)) return false;
    const climbs = !v.value.startsWith('/') && !v.value.startsWith('~') && /(^|\/)\.\.(\/|$)/.test(v.value);
    ctx.sink.report(
      climbs ? 'py.path.traversal' : mode === 'write' ? 'py.path.write-outside' : 'py.path.outside',
      at,
      `${mode === 'write' ? 'writes' : 'reads'} ${shown}, outside the allowed paths`,
    );
    return true;
  }
  const abs = resolveScriptPath(v.value);
  const access = pathAccess(ctx.policy, abs);
  if (accessAllows(access, mode)) return false;
  const relative = !v.value.startsWith('/') && !v.value.startsWith('~');
  if (relative && /(^|\/)\.\.(\/|$)/.test(v.value) && !abs.startsWith(WORKDIR)) {
    ctx.sink.report('py.path.traversal', at, `${shown} climbs out of ${WORKDIR} to ${abs}`);
  } else if (mode === 'write') {
    ctx.sink.report(
      'py.path.write-outside',
      at,
      `writes ${shown}${abs !== v.value ? ` (${abs})` : ''}, which is ${access === 'read-only' ? 'read-only' : 'outside the allowed paths'}`,
    );
  } else {
    ctx.sink.report('py.path.outside', at, `reads ${shown}${abs !== v.value ? ` (${abs})` : ''}, outside the allowed paths`);
  }
  return true;
}
