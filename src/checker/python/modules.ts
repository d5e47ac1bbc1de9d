/**
 * Judging dotted names against the policy: modules (forbidden, private, allowed, partial) and
 * module-rooted attribute chains (forbidden callables, the allowed slice of partial modules, private
 * attributes, and sensitive modules reached through other modules).
 */
import type { Policy } from '../../policy/schema.ts';
import type { Span } from '../findings.ts';
import type { RuleId } from '../rules.ts';
import type { PyContext, Qual } from './context.ts';
import { REAL_SUBMODULES } from './tables.ts';

export type ModuleStatus = 'forbidden' | 'private' | 'allowed' | 'partial' | 'not-allowed' | 'outside-partial';

/** Set views of the policy's Python lists, built once per policy object. */
interface PythonIndex {
  allowed: Set<string>;
  forbidden: Set<string>;
  callables: Set<string>;
  partial: Map<string, ReadonlySet<string>>;
}
const indexes = new WeakMap<Policy, PythonIndex>();

export function pythonIndex(policy: Policy): PythonIndex {
  let idx = indexes.get(policy);
  if (!idx) {
    idx = {
      allowed: new Set(policy.python.allowedModules),
      forbidden: new Set(policy.python.forbiddenModules),
      callables: new Set(policy.python.forbiddenCallables),
      partial: new Map(Object.entries(policy.python.partialModules).map(([m, attrs]) => [m, new Set(attrs)])),
    };
    indexes.set(policy, idx);
  }
  return idx;
}

function prefixes(name: string): string[] {
  const out: string[] = [];
  let i = name.indexOf('.');
  while (i !== -1) {
    out.push(name.slice(0, i));
    i = name.indexOf('.', i + 1);
  }
  out.push(name);
  return out;
}

/** The forbidden-module entry covering `name` (itself or a parent package), if any. */
export function forbiddenModuleOf(policy: Policy, name: string): string | undefined {
  const forbidden = pythonIndex(policy).forbidden;
  return prefixes(name).find((p) => forbidden.has(p));
}

export function moduleStatus(policy: Policy, name: string): ModuleStatus {
  if (forbiddenModuleOf(policy, name)) return 'forbidden';
  const idx = pythonIndex(policy);
  const pre = prefixes(name);
  const explicitlyAllowed = pre.some((p) => idx.allowed.has(p));
  if (!explicitlyAllowed && name.split('.').some((s) => s.startsWith('_') && !/^__\w+__$/.test(s))) return 'private';
  if (outsidePartial(idx, name)) return 'outside-partial';
  if (pre.some((p) => idx.partial.has(p))) {
    // `os.path` may be allowed on its own even though `os` is partial
    return explicitlyAllowed && !idx.partial.has(name) ? 'allowed' : 'partial';
  }
  return explicitlyAllowed ? 'allowed' : 'not-allowed';
}

/** `numpy.lib.format` when numpy.lib is partial without `format`: a submodule outside the allowed part. */
function outsidePartial(idx: PythonIndex, name: string): string | null {
  const parts = name.split('.');
  for (let i = 1; i < parts.length; i++) {
    const allowed = idx.partial.get(parts.slice(0, i).join('.'));
    if (allowed && !allowed.has(parts[i]!)) return parts.slice(0, i).join('.');
  }
  return null;
}

/** The partial module a dotted name falls outside of, if any (for messages). */
export function partialParentOf(policy: Policy, name: string): string | null {
  return outsidePartial(pythonIndex(policy), name);
}

/** The partial module that `parts` starts with, and its allowed attributes. */
function partialOf(policy: Policy, parts: string[]): { len: number; allowed: ReadonlySet<string> } | null {
  const partial = pythonIndex(policy).partial;
  if (partial.size === 0) return null;
  for (let len = parts.length; len >= 1; len--) {
    const allowed = partial.get(parts.slice(0, len).join('.'));
    if (allowed) return { len, allowed };
  }
  return null;
}

export interface ChainCheckOptions {
  /** Only report problems that the last part introduces (each attribute node is checked by itself). */
  lastOnly: boolean;
  /** At a use of a name bound by a from-import, skip what the import already reported. */
  onlyCallables?: boolean;
}

/**
 * Check a module-rooted chain such as ['os', 'path', 'os', 'system']. A sensitive module name inside
 * the chain re-roots it (logging.os.system is judged as os.system).
 */
type Verdict = { rule: RuleId; message: string } | null;
const verdicts = new WeakMap<PyContext, Map<string, Verdict>>();

export function checkModuleChain(ctx: PyContext, q: Qual, at: Span, opts: ChainCheckOptions): void {
  // The same chain (os.path.join, pd.read_csv …) recurs many times: judge it once per file.
  let memo = verdicts.get(ctx);
  if (!memo) verdicts.set(ctx, (memo = new Map()));
  const key = `${q.parts.join('.')}|${q.moduleLen}|${opts.lastOnly ? 1 : 0}${opts.onlyCallables ? 1 : 0}`;
  let v = memo.get(key);
  if (v === undefined) {
    v = judgeModuleChain(ctx, q, opts);
    memo.set(key, v);
  }
  if (v) ctx.sink.report(v.rule, at, v.message);
}

function judgeModuleChain(ctx: PyContext, q: Qual, opts: ChainCheckOptions): Verdict {
  const policy = ctx.policy;
  let parts = q.parts.filter((p) => p !== '()');
  let moduleLen = q.moduleLen;
  if (q.parts.includes('()')) {
    // instance chains (requests.Session().get) are judged by the network rule only
    parts = q.parts.slice(0, q.parts.indexOf('()'));
    if (parts.length === 0 || opts.lastOnly) return null;
  }
  const n = parts.length;
  // Re-root at the last sensitive module name that is not part of the imported module path itself.
  for (let i = n - 1; i >= Math.max(1, moduleLen); i--) {
    const name = parts[i]!;
    if (!ctx.sensitive.has(name)) continue;
    const here = parts.slice(0, i + 1).join('.');
    if (REAL_SUBMODULES.has(here) || pythonIndex(policy).allowed.has(here)) continue;
    if (i === n - 1) {
      const status = moduleStatus(policy, name);
      if (status !== 'allowed' && status !== 'partial') {
        return {
          rule: 'py.module.reach-through',
          message: `module '${name}' reached through '${parts.slice(0, i).join('.')}' (${status === 'forbidden' ? 'forbidden' : 'not allowed'} by the policy)`,
        };
      }
      return null;
    }
    parts = parts.slice(i);
    moduleLen = 1;
    break;
  }
  const full = parts.join('.');
  const last = parts.length - 1;
  if (pythonIndex(policy).callables.has(full)) {
    return { rule: 'py.callable.forbidden', message: `'${full}' is forbidden by the policy` };
  }
  if (opts.onlyCallables) return null;
  const fm = forbiddenModuleOf(policy, full);
  if (fm && (!opts.lastOnly || fm === full) && last >= moduleLen) {
    return { rule: 'py.module.reach-through', message: `'${full}' is inside the forbidden module '${fm}'` };
  }
  const partial = partialOf(policy, parts);
  if (partial && parts.length > partial.len && (!opts.lastOnly || last === partial.len)) {
    const attr = parts[partial.len]!;
    if (!partial.allowed.has(attr)) {
      const mod = parts.slice(0, partial.len).join('.');
      const list = [...partial.allowed];
      const shown = `${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`;
      return { rule: 'py.module.attribute-not-allowed', message: `'${mod}.${attr}' is outside the allowed part of '${mod}' (${shown})` };
    }
  }
  for (let i = opts.lastOnly ? last : Math.max(1, moduleLen); i <= last; i++) {
    const p = parts[i]!;
    if (i >= moduleLen && p.startsWith('_') && !/^__\w+__$/.test(p)) {
      return { rule: 'py.attribute.private', message: `private attribute '${p}' of module '${parts.slice(0, i).join('.')}'` };
    }
  }
  return null;
}
