/**
 * `extends` resolution. A child starts from its resolved parent (a root policy from BASE_POLICY):
 *  - allow lists and forbid lists are unions; a name the child forbids is removed from the inherited
 *    allow list (the child's deny wins); a child may not re-allow what an ancestor forbids (an issue);
 *  - `python.partialModules` and `shell.allowedOptions`: the child's entry for a module (command)
 *    replaces the inherited one; options of commands that end up forbidden are dropped;
 *  - paths and allowedHosts are unions; limits, `network.allowOutbound` and `description` override.
 */
import type { PolicyFile, Policy, PolicyIssue } from './schema.ts';
import { BASE_POLICY, PolicySchema } from './schema.ts';

export type ResolveResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

/** Resolve every policy in `files`; a failure in one never affects an unrelated one. */
export function resolveAll(files: ReadonlyMap<string, PolicyFile>): Map<string, ResolveResult> {
  const memo = new Map<string, ResolveResult>();
  for (const name of [...files.keys()].sort()) resolveInto(name, files, memo, []);
  return memo;
}

/** Resolve one policy by name against the given set of parsed files. */
export function resolveOne(name: string, files: ReadonlyMap<string, PolicyFile>): ResolveResult {
  return resolveInto(name, files, new Map(), []);
}

function resolveInto(
  name: string,
  files: ReadonlyMap<string, PolicyFile>,
  memo: Map<string, ResolveResult>,
  stack: string[],
): ResolveResult {
  const done = memo.get(name);
  if (done) return done;
  const file = files.get(name);
  if (!file) return { ok: false, issues: [{ path: 'extends', message: `unknown parent policy '${name}'` }] };
  if (stack.includes(name)) {
    const cycle = [...stack.slice(stack.indexOf(name)), name].join(' -> ');
    return { ok: false, issues: [{ path: 'extends', message: `extends cycle: ${cycle}` }] };
  }
  let result: ResolveResult;
  const parentName = file.extends ?? null;
  if (parentName === null) {
    result = merge({ ...BASE_POLICY, name, extends: null, lineage: [] }, file, name);
  } else {
    const parent = resolveInto(parentName, files, memo, [...stack, name]);
    if (!parent.ok) {
      const cycle = parent.issues.find((i) => i.message.startsWith('extends cycle'));
      result = {
        ok: false,
        issues: cycle
          ? [cycle]
          : files.has(parentName)
            ? [
                {
                  path: 'extends',
                  message: `parent policy '${parentName}' does not resolve: ${parent.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
                },
              ]
            : parent.issues,
      };
    } else {
      result = merge(parent.policy, file, name);
    }
  }
  // Cycle members are memoized by the outermost call only, so every member reports the cycle.
  if (result.ok || stack.length === 0 || !result.issues.some((i) => i.message.startsWith('extends cycle'))) memo.set(name, result);
  return result;
}

function merge(parent: Policy, child: PolicyFile, name: string): ResolveResult {
  const issues: PolicyIssue[] = [];
  const deny = (
    inherited: string[],
    allowAdd: string[] | undefined,
    forbidAdd: string[] | undefined,
    inheritedForbidden: string[],
    at: string,
  ) => {
    const forbidden = union(inheritedForbidden, forbidAdd ?? []);
    const reallowed = new Set(inheritedForbidden);
    (allowAdd ?? []).forEach((a, i) => {
      if (reallowed.has(a))
        issues.push({ path: `${at}.${i}`, message: `'${a}' is forbidden by parent policy '${parent.name}' and cannot be re-allowed` });
    });
    const forbiddenSet = new Set(forbidden);
    return { allowed: union(inherited, allowAdd ?? []).filter((a) => !forbiddenSet.has(a)), forbidden };
  };

  const sh = deny(
    parent.shell.allowedCommands,
    child.shell?.allowedCommands,
    child.shell?.forbiddenCommands,
    parent.shell.forbiddenCommands,
    'shell.allowedCommands',
  );
  const py = deny(
    parent.python.allowedModules,
    child.python?.allowedModules,
    child.python?.forbiddenModules,
    parent.python.forbiddenModules,
    'python.allowedModules',
  );
  const partial: Record<string, string[]> = { ...parent.python.partialModules, ...(child.python?.partialModules ?? {}) };
  const forbiddenModules = new Set(py.forbidden);
  for (const mod of Object.keys(child.python?.partialModules ?? {})) {
    if (parent.python.forbiddenModules.includes(mod))
      issues.push({
        path: `python.partialModules.${mod}`,
        message: `'${mod}' is forbidden by parent policy '${parent.name}' and cannot be re-allowed`,
      });
  }
  for (const mod of Object.keys(partial)) if (forbiddenModules.has(mod)) delete partial[mod];
  for (const mod of Object.keys(partial)) partial[mod] = union([], partial[mod]!);

  const policy: Policy = {
    name,
    description: child.description ?? parent.description,
    extends: child.extends ?? null,
    lineage: [...parent.lineage, name],
    shell: { allowedCommands: sh.allowed, forbiddenCommands: sh.forbidden, allowedOptions: options(parent, child, sh.forbidden) },
    python: {
      allowedModules: py.allowed,
      partialModules: partial,
      forbiddenModules: py.forbidden,
      forbiddenCallables: union(parent.python.forbiddenCallables, child.python?.forbiddenCallables ?? []),
    },
    javascript: { forbiddenGlobals: union(parent.javascript.forbiddenGlobals, child.javascript?.forbiddenGlobals ?? []) },
    limits: { ...parent.limits, ...stripUndefined(child.limits ?? {}) },
    paths: {
      readOnly: union(parent.paths.readOnly, child.paths?.readOnly ?? []),
      readWrite: union(parent.paths.readWrite, child.paths?.readWrite ?? []),
    },
    network: {
      allowOutbound: child.network?.allowOutbound ?? parent.network.allowOutbound,
      allowedHosts: union(parent.network.allowedHosts, child.network?.allowedHosts ?? []),
    },
  };
  if (issues.length > 0) return { ok: false, issues };
  const checked = PolicySchema.safeParse(policy);
  if (!checked.success) {
    return { ok: false, issues: checked.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) };
  }
  return { ok: true, policy: checked.data };
}

/** Inherited option lists, each replaced by the child's entry for its command; forbidden commands have none. */
function options(parent: Policy, child: PolicyFile, forbidden: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = { ...parent.shell.allowedOptions, ...(child.shell?.allowedOptions ?? {}) };
  for (const cmd of forbidden) delete out[cmd];
  for (const cmd of Object.keys(out)) out[cmd] = union([], out[cmd]!);
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
