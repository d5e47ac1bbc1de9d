/**
 * The policy rules a tool blueprint must meet before anything is generated: its dependencies are
 * modules or commands the policy allows, and the paths its examples pass lie where the policy lets a
 * tool look. (The code itself is judged later by the checker.)
 */
import { pathAccess, resolveScriptPath } from '../policy/access.ts';
import type { Policy } from '../policy/schema.ts';
import type { BlueprintIssue } from './common.ts';
import type { ToolBlueprint } from './tool.ts';

function covers(names: readonly string[], mod: string): boolean {
  return names.some((n) => mod === n || mod.startsWith(`${n}.`));
}

/** Why the policy does not let a Python tool import `mod`, or null when it does. */
export function pythonModuleProblem(policy: Policy, mod: string): string | null {
  if (covers(policy.python.forbiddenModules, mod)) return `module '${mod}' is forbidden by policy '${policy.name}'`;
  if (covers(policy.python.allowedModules, mod) || Object.hasOwn(policy.python.partialModules, mod)) return null;
  return `module '${mod}' is not allowed by policy '${policy.name}'`;
}

/** Why the policy does not let a shell tool run `cmd`, or null when it does. */
export function shellCommandProblem(policy: Policy, cmd: string): string | null {
  if (policy.shell.forbiddenCommands.includes(cmd)) return `command '${cmd}' is forbidden by policy '${policy.name}'`;
  return policy.shell.allowedCommands.includes(cmd) ? null : `command '${cmd}' is not allowed by policy '${policy.name}'`;
}

/** Every policy problem of a (schema-valid) tool blueprint; empty when it may be generated and run. */
export function toolPolicyIssues(bp: ToolBlueprint, policy: Policy): BlueprintIssue[] {
  const issues: BlueprintIssue[] = [];
  if (bp.policy !== policy.name)
    issues.push({ path: 'policy', message: `the blueprint names policy '${bp.policy}' but is checked against '${policy.name}'` });
  bp.dependencies.forEach((dep, i) => {
    const why =
      bp.language === 'python'
        ? pythonModuleProblem(policy, dep.trim())
        : bp.language === 'shell'
          ? shellCommandProblem(policy, dep.trim())
          : `javascript tools run in an isolate without modules: '${dep}' cannot be provided`;
    if (why !== null) issues.push({ path: `dependencies.${i}`, message: why });
  });
  bp.examples.forEach((ex, i) => {
    for (const p of bp.inputSpec) {
      const v = ex.input[p.name];
      if (p.type !== 'path' || typeof v !== 'string') continue;
      if (bp.language === 'javascript') {
        issues.push({ path: `examples.${i}.input.${p.name}`, message: 'javascript tools have no file system to read a path from' });
        continue;
      }
      const abs = resolveScriptPath(v);
      if (pathAccess(policy, abs) === 'none') {
        const where = [...policy.paths.readOnly, ...policy.paths.readWrite].join(', ') || '(none)';
        issues.push({
          path: `examples.${i}.input.${p.name}`,
          message: `${abs} is outside the paths policy '${policy.name}' allows (${where})`,
        });
      }
    }
  });
  return issues;
}
