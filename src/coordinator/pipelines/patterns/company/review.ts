/**
 * Seed 003's review cycle of one round of a phase: the Critic (issues with severity), the Pragmatist
 * (valid and dismissed issues, corrected results), the Integrator (compatible, conflicts, merged
 * result), then (when it integrates) the CEO (approve, rework, escalate). A CEO whose reply stays
 * invalid has not decided: that is an escalation to the person.
 */
import { FactoryError } from '../../../../errors/catalog.ts';
import type { PipelineRun } from '../../runtime.ts';
import type { CeoReply, Issue, IntegratorReply, Phase, PragmatistReply, ProjectPlan, TaskResult } from './types.ts';

const valueOf = <T>(r: unknown): T => (r as { value: T }).value;

export interface Review {
  issues: Issue[];
  pragmatist: PragmatistReply;
  results: TaskResult[];
  integration: IntegratorReply;
}

export async function review(run: PipelineRun, key: string, plan: ProjectPlan, phase: Phase, results: TaskResult[]): Promise<Review> {
  const retries = run.ctx.config.workerRetries;
  const requirements = { goals: plan.goals, constraints: plan.constraints, phase: { id: phase.id, name: phase.name, tasks: phase.tasks } };
  const critic = await run.callRetrying(
    `${key}/critic`,
    'critic',
    {
      input: { requirements, results },
      notes: run.notesFor('critic'),
      instructions: 'Review every result of this phase extremely critically.',
    },
    retries,
  );
  const issues = valueOf<{ issues: Issue[] }>(critic).issues;
  const prag = await run.callRetrying(
    `${key}/pragmatist`,
    'pragmatist',
    {
      input: { requirements, issues, results },
      notes: run.notesFor('pragmatist'),
      instructions: 'Keep the valid issues, dismiss the rest with a reason, correct what you can.',
    },
    retries,
  );
  const pragmatist = valueOf<PragmatistReply>(prag);
  const corrected = new Map(pragmatist.correctedResults.map((c) => [c.taskId, c.output]));
  const fixed = results.map((r) => (corrected.has(r.taskId) ? { ...r, output: corrected.get(r.taskId)! } : r));
  const integ = await run.callRetrying(
    `${key}/integrate`,
    'integrator',
    {
      input: { phase: { id: phase.id, name: phase.name }, results: fixed },
      notes: run.notesFor('integrator'),
      instructions: 'Check that these results fit together; merge them if they do.',
    },
    retries,
  );
  return { issues, pragmatist, results: fixed, integration: valueOf<IntegratorReply>(integ) };
}

export async function ceoDecision(
  run: PipelineRun,
  key: string,
  input: { plan: ProjectPlan; phase: Phase; review: Review; round: number; reworks: number; maxRework: number },
): Promise<CeoReply> {
  try {
    const r = await run.call(key, 'ceo', {
      input: {
        plan: input.plan,
        phase: {
          id: input.phase.id,
          name: input.phase.name,
          tasks: input.phase.tasks.map((t) => ({ id: t.id, title: t.title, acceptanceCriteria: t.acceptanceCriteria })),
        },
        integration: {
          compatible: input.review.integration.compatible,
          mergedResult: input.review.integration.mergedResult.slice(0, 8000),
        },
        validIssues: input.review.pragmatist.validIssues,
        dismissedIssues: input.review.pragmatist.dismissedIssues,
        round: input.round,
        reworksLeft: Math.max(0, input.maxRework - input.reworks),
      },
      notes: run.notesFor('ceo'),
      instructions: 'Decide on this phase: approve_phase, request_rework (with an instruction per task), or escalate to the person.',
    });
    return valueOf<CeoReply>(r);
  } catch (e) {
    run.ctx.rethrowIfStop(e);
    return { action: 'escalate', reason: `the CEO gave no valid decision (${e instanceof FactoryError ? e.code : 'error'})`, rework: [] };
  }
}

/** The CEO's split of a phase that did not integrate: each task in exactly one of two or more phases. */
export async function split(run: PipelineRun, key: string, phase: Phase, conflicts: IntegratorReply['conflicts']): Promise<Phase[]> {
  const want = phase.tasks.map((t) => t.id);
  const r = await run.callRetrying(
    key,
    'ceo-split',
    {
      input: { phase, conflicts },
      instructions: 'Split this phase into smaller phases that can each be integrated; every task in exactly one.',
    },
    run.ctx.config.workerRetries,
    {
      check: (reply) => {
        const parts = valueOf<{ phases: { name: string; taskIds: string[] }[] }>(reply).phases;
        const got = parts.flatMap((p) => p.taskIds);
        const ok = parts.length >= 2 && got.length === want.length && want.every((id) => got.includes(id));
        if (!ok)
          throw new FactoryError('PLAN_INVALID', `The split must put each of ${want.join(', ')} into exactly one of two or more phases`);
      },
    },
  );
  const byId = new Map(phase.tasks.map((t) => [t.id, t]));
  const parts = valueOf<{ phases: { name: string; taskIds: string[] }[] }>(r).phases;
  return parts.map((p, i) => ({
    id: `${phase.id}.${i + 1}`,
    name: p.name,
    dependsOn: i === 0 ? phase.dependsOn : [`${phase.id}.${i}`],
    tasks: p.taskIds.map((id) => byId.get(id)!),
    splitOf: phase.id,
  }));
}
