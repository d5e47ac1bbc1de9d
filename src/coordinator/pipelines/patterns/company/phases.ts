/**
 * Seed 003's ProjectManager: the approved plan into phases with dependencies. Checked inside its step
 * (unique phase and task ids, known dependencies, no cycles); problems go back with the error once
 * (config.workerRetries), then the project fails. Phases run in dependency order.
 */
import { FactoryError } from '../../../../errors/catalog.ts';
import type { PipelineRun } from '../../runtime.ts';
import type { Phase, ProjectPlan } from './types.ts';

export function phaseProblems(phases: Phase[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const taskIds = new Set<string>();
  for (const p of phases) {
    if (ids.has(p.id)) problems.push(`phase id ${p.id} is used twice`);
    ids.add(p.id);
    for (const t of p.tasks) {
      if (taskIds.has(t.id)) problems.push(`task id ${t.id} is used twice`);
      taskIds.add(t.id);
    }
  }
  for (const p of phases) for (const d of p.dependsOn) if (!ids.has(d)) problems.push(`phase ${p.id} depends on the unknown phase ${d}`);
  if (problems.length === 0 && order(phases) === null) problems.push('the phase dependencies form a cycle');
  return problems;
}

/** Phases in dependency order (stable: the given order among ready ones); null on a cycle. */
export function order(phases: Phase[]): Phase[] | null {
  const done = new Set<string>();
  const out: Phase[] = [];
  const left = [...phases];
  while (left.length) {
    const i = left.findIndex((p) => p.dependsOn.every((d) => done.has(d)));
    if (i < 0) return null;
    const [p] = left.splice(i, 1);
    done.add(p!.id);
    out.push(p!);
  }
  return out;
}

export async function makePhases(run: PipelineRun, plan: ProjectPlan): Promise<Phase[]> {
  const r = await run.callRetrying(
    'project-manager',
    'project-manager',
    { input: { plan }, instructions: 'Break the plan into phases with dependencies, and each phase into tasks.' },
    run.ctx.config.workerRetries,
    {
      check: (reply) => {
        const phases = (reply.kind === 'answer' ? (reply.value as { phases: Phase[] }).phases : []) ?? [];
        const problems = phaseProblems(phases);
        if (problems.length)
          throw new FactoryError('PLAN_INVALID', `The phases do not validate: ${problems.join('; ')}`, { issues: problems });
      },
    },
  );
  return order((r as { value: { phases: Phase[] } }).value.phases)!;
}
