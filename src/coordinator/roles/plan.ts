/**
 * Plan validation (seed 004 §2.1.2): unique ids, inputs that name other sub-tasks, no cycles, a size
 * bound. The same check serves a generated plan and a plan a person edits at the approval gate.
 */
import { formatIssues } from '../../errors/catalog.ts';
import { PlanSchema, type Plan, type SubTask } from './schemas.ts';

export interface PlanIssue {
  path: string;
  message: string;
}

/** Problems of a plan that already matches the schema. */
export function planProblems(plan: Plan, maxTasks: number): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (plan.subTasks.length > maxTasks) {
    issues.push({ path: 'subTasks', message: `has ${plan.subTasks.length} sub-tasks; at most ${maxTasks} are allowed (merge small ones)` });
  }
  const ids = new Map<string, number>();
  plan.subTasks.forEach((t, i) => {
    if (ids.has(t.id)) issues.push({ path: `subTasks.${i}.id`, message: `'${t.id}' is used twice (also by sub-task ${ids.get(t.id)})` });
    else ids.set(t.id, i);
  });
  plan.subTasks.forEach((t, i) => {
    t.inputFrom.forEach((from, j) => {
      if (from === t.id) issues.push({ path: `subTasks.${i}.inputFrom.${j}`, message: `'${t.id}' cannot take input from itself` });
      else if (!ids.has(from))
        issues.push({ path: `subTasks.${i}.inputFrom.${j}`, message: `'${from}' is not the id of a sub-task in this plan` });
    });
  });
  const cycle = findCycle(plan.subTasks);
  if (cycle)
    issues.push({
      path: 'subTasks',
      message: `the inputs form a cycle: ${cycle.join(' -> ')}; a sub-task can only use results of sub-tasks that finish before it`,
    });
  return issues;
}

/** Schema and structure: what the approval gate runs on an edited plan. */
export function validatePlan(input: unknown, maxTasks: number): { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] } {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error.issues) };
  const issues = planProblems(parsed.data, maxTasks);
  return issues.length ? { ok: false, issues } : { ok: true, plan: parsed.data };
}

/** A cycle through known inputs, as a list of ids (first = last), or null. */
function findCycle(tasks: SubTask[]): string[] | null {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const dep of byId.get(id)?.inputFrom ?? []) {
      if (!byId.has(dep) || dep === id) continue;
      if (state.get(dep) === 1) return [...stack.slice(stack.indexOf(dep)), dep];
      if (!state.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const t of tasks) {
    if (state.has(t.id)) continue;
    const found = visit(t.id);
    if (found) return found;
  }
  return null;
}

/**
 * For each sub-task, the length of the longest chain of sub-tasks that depend on it (itself
 * included): among ready sub-tasks the one with the longest remaining chain goes first, which keeps
 * a bounded pool close to the ideal (critical path, then width).
 */
export function chainLengths(tasks: SubTask[]): Map<string, number> {
  const dependents = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const t of tasks) for (const d of t.inputFrom) dependents.get(d)?.push(t.id);
  const memo = new Map<string, number>();
  const len = (id: string): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const n = 1 + Math.max(0, ...(dependents.get(id) ?? []).map(len));
    memo.set(id, n);
    return n;
  };
  for (const t of tasks) len(t.id);
  return memo;
}
