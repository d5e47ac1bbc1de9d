/**
 * Seed 004's project workflow (§3.1): plan (strategist) → approval gate → allocate and execute the
 * sub-tasks with their review chains (delegator, workers, evaluator) → approval gate → aggregate and
 * final review. Replans when a sub-task fails (or a plan is rejected), up to maxReplans. Closing
 * (temporary resources, metrics) is the runner's, for every workflow.
 */
import { FactoryError } from '../../errors/catalog.ts';
import type { GateDecision, WorkflowContext } from '../engine/context.ts';
import { aggregate, type TaskResult } from '../roles/aggregator.ts';
import { decide, review } from '../roles/evaluator.ts';
import type { Plan, QualityIssue } from '../roles/schemas.ts';
import { makePlan } from '../roles/strategist.ts';
import { runDag } from './dag.ts';
import { runTask, type TaskOutcome } from './task.ts';
import type { WorkflowOutcome } from './types.ts';

const SUMMARY_CHARS = 300;
const summaryOf = (s: string): string => (s.length > SUMMARY_CHARS ? `${s.slice(0, SUMMARY_CHARS)}…` : s).replace(/\s+/g, ' ');

export async function seed004(ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const cfg = ctx.config;
  let feedback: string | undefined;
  let earlier: { id: string; summary: string }[] = [];
  let results: TaskOutcome[] = [];
  let plan: Plan | undefined;
  for (let v = 1; ; v++) {
    await ctx.transition('planning', `planning:${v}`, v === 1 ? 'planning' : `replanning (plan ${v})`);
    ctx.progress(0.02);
    const made = await ctx.step(
      `plan:${v}`,
      async (io) =>
        makePlan(io, {
          task: ctx.project.task,
          maxTasks: cfg.maxTasks,
          feedback,
          earlier,
          tools: (await ctx.deps.tools.list(ctx.project.owner)).map((t) => ({ name: t.name, description: t.blueprint.description })),
        }),
      {
        announce: true,
        meta: { phase: 'plan', version: v },
        summary: (r) => `plan ${v}: ${r.plan.subTasks.length} sub-task(s)${r.asks > 1 ? ' (problems sent back once)' : ''}`,
        effects: (r) => ({ patch: { plan: { version: v, ...r.plan } } }),
      },
    );
    plan = made.plan;
    if (cfg.approvals.plan) {
      const d: GateDecision = await ctx.gate('plan', v, { version: v, plan });
      if (d.decision === 'reject') {
        if (v > cfg.maxReplans) throw rejected('plan', d);
        feedback = `The plan was rejected by ${d.by}: ${d.reason ?? 'no reason given'}`;
        continue;
      }
      if (d.plan !== undefined) plan = d.plan as Plan;
    }
    await ctx.transition('executing', `executing:${v}`, `executing plan ${v} (${plan.subTasks.length} sub-task(s))`, {
      plan: { version: v, ...plan },
    });
    const outcome = await execute(ctx, v, plan);
    const failed = [...outcome.failed.entries()];
    if (failed.length === 0 && outcome.skipped.length === 0) {
      results = [...outcome.done.values()];
      break;
    }
    const first = failed[0]?.[1];
    const replan = failed.every(
      ([, e]) => (e as FactoryError).details && ((e as FactoryError).details as { replan?: boolean }).replan !== false,
    );
    if (!replan || v > cfg.maxReplans)
      throw first ?? new FactoryError('TASK_FAILED', 'sub-tasks were skipped', { skipped: outcome.skipped });
    const why = failed.map(([id, e]) => `${id} (${(e as Error).message})`).join('; ');
    feedback = `Sub-tasks failed: ${why}. Plan again so that the task can still be done.`;
    earlier = [...earlier, ...[...outcome.done.values()].map((r) => ({ id: `p${v}/${r.id}`, summary: summaryOf(r.result) }))];
  }
  if (cfg.approvals.aggregation) {
    const d = await ctx.gate('aggregation', 1, {
      tasks: results.map((r) => ({ id: r.id, status: r.status, score: r.score, summary: summaryOf(r.result) })),
    });
    if (d.decision === 'reject') throw rejected('aggregation', d);
  }
  await ctx.transition('reviewing', 'reviewing', 'aggregating the results');
  ctx.progress(0.9);
  const byId = new Map(plan!.subTasks.map((t) => [t.id, t]));
  return aggregateWithReview(
    ctx,
    results.map((r) => ({ id: r.id, description: byId.get(r.id)?.description ?? r.id, result: r.result, flagged: r.status === 'flagged' })),
    results,
  );
}

function rejected(gate: string, d: GateDecision): FactoryError {
  return new FactoryError('APPROVAL_REJECTED', `The ${gate} was rejected by ${d.by}: ${d.reason ?? 'no reason given'}`, {
    gate,
    by: d.by,
    reason: d.reason ?? null,
  });
}

async function execute(ctx: WorkflowContext, v: number, plan: Plan) {
  const done = new Map<string, TaskOutcome>();
  const share = 0.75 / plan.subTasks.length;
  return runDag(ctx, plan.subTasks, ctx.config.maxConcurrentAgents, async (task) => {
    const out = await runTask(ctx, {
      v,
      task,
      share: share * (done.size + 1),
      inputs: task.inputFrom.map((id) => ({ id, result: done.get(id)!.result })),
      knowledge: [...done.values()].filter((r) => !task.inputFrom.includes(r.id)).map((r) => ({ id: r.id, summary: summaryOf(r.result) })),
    });
    done.set(task.id, out);
    return out;
  });
}

const FINAL = {
  name: 'final',
  kind: 'coordinator',
  mustPass: true,
  canImprove: true,
  criteria: ['the result answers the original task completely', 'the parts are consistent with each other'],
} as const;

async function aggregateWithReview(ctx: WorkflowContext, parts: TaskResult[], tasks: TaskOutcome[]): Promise<WorkflowOutcome> {
  const cfg = ctx.config;
  let issues: QualityIssue[] = [];
  let best: { result: string; summary: string; score: number; consistent: boolean; conflicts: unknown[] } | undefined;
  for (let round = 1; round <= cfg.maxIterations; round++) {
    const agg = await ctx.step(`aggregate:${round}`, (io) => aggregate(io, { task: ctx.project.task, results: parts, issues }), {
      announce: true,
      meta: { phase: 'aggregate', round },
      summary: (a) => `merged ${parts.length} result(s)${a.consistent ? '' : `; ${a.conflicts.length} conflict(s)`}`,
    });
    const rev = await ctx.step(
      `final-review:${round}`,
      (io) =>
        review(io, {
          stage: { ...FINAL, criteria: [...FINAL.criteria] },
          task: { id: 'project', description: ctx.project.task, acceptanceCriteria: [] },
          result: agg.result,
          threshold: cfg.qualityThreshold,
          reviewer: undefined,
        }),
      {
        meta: { phase: 'final-review', round, stage: 'final', kind: 'coordinator' },
        summary: (r) => `final review: ${r.score === null ? 'invalid' : r.score.toFixed(2)}`,
      },
    );
    const verdict = decide([rev], cfg.qualityThreshold);
    if (!best || verdict.score > best.score)
      best = { result: agg.result, summary: agg.summary, score: verdict.score, consistent: agg.consistent, conflicts: agg.conflicts };
    if (verdict.accepted) return outcome(best, tasks, false);
    issues = verdict.issues;
  }
  if (cfg.onIterationsExhausted === 'fail') {
    throw new FactoryError(
      'TASK_FAILED',
      `The merged result did not reach the quality threshold ${cfg.qualityThreshold} in ${cfg.maxIterations} round(s)`,
      { task: 'aggregation', reason: 'quality', replan: false },
    );
  }
  return outcome(best!, tasks, true);
}

function outcome(
  best: { result: string; summary: string; score: number; consistent: boolean; conflicts: unknown[] },
  tasks: TaskOutcome[],
  finalFlagged: boolean,
): WorkflowOutcome {
  const flagged = finalFlagged || tasks.some((t) => t.status === 'flagged');
  return {
    result: {
      result: best.result,
      summary: best.summary,
      score: best.score,
      consistent: best.consistent,
      conflicts: best.conflicts,
      flagged,
      tasks: tasks.map((t) => ({ id: t.id, status: t.status, score: t.score, iterations: t.iterations, agent: t.agentName })),
    },
    flagged,
    summary: best.summary,
  };
}
