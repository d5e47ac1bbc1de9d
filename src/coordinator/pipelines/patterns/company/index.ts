/**
 * Seed 003's company: Planner (with the person) → ProjectManager → per phase, in dependency order:
 * Estimator → Workers in parallel (one fresh session per package, at most config.maxConcurrentAgents)
 * → Critic → Pragmatist → Integrator → CEO, with seed 003's retry matrix (packages.ts, review.ts and
 * below). Every decision goes into the decisions log, the issues a phase was approved with into the
 * known issues; past the matrix the project fails with a report and does not go on by itself.
 */
import { FactoryError } from '../../../../errors/catalog.ts';
import { errorValue } from '../../../engine/errors.ts';
import { runBounded } from '../../../engine/parallel.ts';
import type { WorkflowOutcome } from '../../../workflows/types.ts';
import type { PipelineOf } from '../../schema.ts';
import { oneLine, type PipelineRun } from '../../runtime.ts';
import { makePhases } from './phases.ts';
import { decide, estimate, workPackage, type Budget, type WorkOutcome } from './packages.ts';
import { plan as makePlan } from './planner.ts';
import { ceoDecision, review, split } from './review.ts';
import type { Package, Phase, PhaseOutcome, ProjectPlan, Task, TaskResult } from './types.ts';

type Spec = PipelineOf<'company'>;

export async function company(run: PipelineRun, spec: Spec): Promise<WorkflowOutcome> {
  const { ctx } = run;
  await ctx.transition('planning', 'planning', 'the planner talks with the person');
  const planned = await makePlan(run, spec);
  await decide(run, 'decision:plan', {
    agent: planned.by === 'planner' ? 'planner' : `human:${planned.by}`,
    decision: 'project plan approved',
    reason: `after ${planned.turns} planner turn(s)`,
  });
  const queue = await makePhases(run, planned.plan);
  await ctx.transition('executing', 'executing', `${queue.length} phase(s)`, {
    plan: {
      kind: 'company',
      ...planned.plan,
      phases: queue.map(({ id, name, dependsOn, tasks }) => ({ id, name, dependsOn, tasks: tasks.map((t) => t.id) })),
    },
  });
  const done: PhaseOutcome[] = [];
  const state = { escalations: 0 };
  for (let i = 0; i < queue.length; i++) {
    if (i >= spec.company.maxPhases)
      throw new FactoryError('PIPELINE_LIMIT', `More than ${spec.company.maxPhases} phases (after splits)`, { limit: 'maxPhases' });
    const out = await runPhase(run, spec, planned.plan, queue[i]!, done, state);
    if ('split' in out) queue.splice(i + 1, 0, ...out.split);
    else done.push(out);
    ctx.progress(0.1 + (0.85 * (i + 1)) / queue.length);
  }
  await ctx.transition('reviewing', 'closing', 'all phases approved');
  const knownIssues = done.flatMap((p) => p.knownIssues.map((k) => ({ ...k, phase: p.id })));
  await run.remember(done.map((p) => ({ role: 'integrator', text: `${p.name}\n${p.result}` })));
  return {
    result: {
      result: done.map((p) => `## ${p.name}\n${p.result}`).join('\n\n'),
      plan: planned.plan,
      phases: done.map(({ id, name, rounds, approvedBy, result }) => ({ id, name, rounds, approvedBy, result })),
      knownIssues,
    },
    flagged: knownIssues.some((k) => k.severity === 'critical' || k.severity === 'major'),
    summary: oneLine(`${done.length} phase(s) approved: ${done.map((p) => p.name).join(', ')}`, 300),
  };
}

interface PhaseState {
  tasks: Map<string, Task>;
  packages: Package[];
  results: Map<string, TaskResult>;
  notes: Map<string, string>;
}

async function runPhase(
  run: PipelineRun,
  spec: Spec,
  plan: ProjectPlan,
  phase: Phase,
  earlier: PhaseOutcome[],
  state: { escalations: number },
): Promise<PhaseOutcome | { split: Phase[] }> {
  const { ctx } = run;
  const px = `phase:${phase.id}`;
  let budget: Budget = { ...spec.company.package };
  let e = 1;
  const s: PhaseState = { tasks: new Map(phase.tasks.map((t) => [t.id, t])), packages: [], results: new Map(), notes: new Map() };
  s.packages = await estimate(run, `${px}/estimate:1`, phase, phase.tasks, budget);
  const context = {
    goals: plan.goals,
    techDecisions: plan.techDecisions,
    constraints: plan.constraints,
    phase: phase.name,
    earlier: earlier.map((p) => ({ phase: p.name, result: oneLine(p.result, 1500) })),
  };
  let todo = s.packages;
  let integrationFailures = 0;
  let reworks = 0;
  for (let round = 1; ; round++) {
    const outs = await work(run, spec, `${px}/e${e}/r${round}`, todo, context, s);
    const cut = outs.filter((o): o is Extract<WorkOutcome, { ok: false }> => !o.ok && o.kind === 'truncated');
    const bad = outs.filter((o): o is Extract<WorkOutcome, { ok: false }> => !o.ok && o.kind === 'failed');
    if (bad.length)
      throw await failPhase(run, px, phase, 'a package failed past the retry matrix (retries, CEO reformulation)', { packages: bad });
    if (cut.length) {
      if (e > spec.company.tokenLimitRetries)
        throw await failPhase(run, px, phase, 'replies stayed over the token limit, also after packing again with a lower budget', {
          packages: cut,
        });
      e++;
      budget = { min: Math.max(1, Math.floor(budget.min / 2)), max: Math.max(1, Math.floor(budget.max / 2)) };
      await decide(run, `${px}/estimate:${e}/why`, {
        agent: 'coordinator',
        decision: `the Estimator packs again with budget ${budget.max}`,
        reason: 'a package stayed over the token limit',
        phase: phase.id,
      });
      const again = cut.flatMap((o) => o.tasks.map((id) => s.tasks.get(id)!));
      const repacked = await estimate(run, `${px}/estimate:${e}`, phase, again, budget);
      s.packages = [...s.packages.filter((p) => !cut.some((o) => o.package === p.id)), ...repacked];
      todo = repacked;
      continue;
    }
    const results = phase.tasks.map((t) => s.results.get(t.id)!);
    const rv = await review(run, `${px}/r${round}`, plan, phase, results);
    for (const r of rv.results) s.results.set(r.taskId, r);
    if (!rv.integration.compatible) {
      integrationFailures++;
      const why = rv.integration.conflicts.map((c) => `${c.taskIds.join('+')}: ${c.description}`).join('; ');
      await decide(run, `${px}/r${round}/integration`, {
        agent: 'integrator',
        decision: 'the results do not fit together',
        reason: why,
        phase: phase.id,
      });
      if (integrationFailures <= spec.company.integrationRetries) {
        todo = restart(
          s,
          rv.integration.conflicts.flatMap((c) =>
            c.taskIds.map((id) => ({ taskId: id, instruction: `Integration conflict: ${c.description}` })),
          ),
        );
        continue;
      }
      if (phase.splitOf)
        throw await failPhase(run, px, phase, 'a phase split by the CEO did not integrate either', { conflicts: rv.integration.conflicts });
      const parts = await split(run, `${px}/split`, phase, rv.integration.conflicts);
      await decide(run, `${px}/split/decision`, {
        agent: 'ceo',
        decision: `phase ${phase.name} split into ${parts.length} phases`,
        reason: why,
        phase: phase.id,
      });
      return { split: parts };
    }
    let ceo = await ceoDecision(run, `${px}/r${round}/ceo`, { plan, phase, review: rv, round, reworks, maxRework: spec.company.maxRework });
    if (ceo.action === 'request_rework' && reworks >= spec.company.maxRework)
      ceo = { ...ceo, action: 'escalate', reason: `rework limit reached: ${ceo.reason}` };
    const outcome = (by: string): PhaseOutcome => ({
      id: phase.id,
      name: phase.name,
      result: rv.integration.mergedResult,
      results: rv.results,
      rounds: round,
      approvedBy: by,
      knownIssues: rv.pragmatist.validIssues,
    });
    if (ceo.action === 'approve_phase') {
      await decide(
        run,
        `${px}/approved`,
        { agent: 'ceo', decision: `phase ${phase.name} approved`, reason: ceo.reason, phase: phase.id },
        { knownIssues: rv.pragmatist.validIssues.map((k) => ({ ...k, phase: phase.id })) },
      );
      return outcome('ceo');
    }
    if (ceo.action === 'request_rework') {
      reworks++;
      await decide(run, `${px}/r${round}/rework`, {
        agent: 'ceo',
        decision: `rework ${reworks} of phase ${phase.name}`,
        reason: ceo.reason,
        phase: phase.id,
      });
      todo = restart(s, ceo.rework.length ? ceo.rework : phase.tasks.map((t) => ({ taskId: t.id, instruction: ceo.reason })));
      continue;
    }
    const n = ++state.escalations;
    await decide(run, `${px}/r${round}/escalated`, {
      agent: 'ceo',
      decision: `phase ${phase.name} escalated to a person`,
      reason: ceo.reason,
      phase: phase.id,
    });
    const d = await ctx.gate('escalation', n, {
      phase: { id: phase.id, name: phase.name },
      reason: ceo.reason,
      integration: rv.integration.mergedResult.slice(0, 4000),
      validIssues: rv.pragmatist.validIssues,
    });
    if (d.decision === 'approve') {
      await decide(
        run,
        `${px}/approved`,
        {
          agent: `human:${d.by}`,
          decision: `phase ${phase.name} approved`,
          reason: d.reason ?? 'approved at the escalation',
          phase: phase.id,
        },
        { knownIssues: rv.pragmatist.validIssues.map((k) => ({ ...k, phase: phase.id })) },
      );
      return outcome(`human:${d.by}`);
    }
    if (reworks >= spec.company.maxRework)
      throw await failPhase(run, px, phase, `rejected by ${d.by} with no rework left: ${d.reason ?? ''}`, {});
    reworks++;
    await decide(run, `${px}/r${round}/rework`, {
      agent: `human:${d.by}`,
      decision: `rework ${reworks} of phase ${phase.name}`,
      reason: d.reason ?? '',
      phase: phase.id,
    });
    todo = restart(
      s,
      phase.tasks.map((t) => ({ taskId: t.id, instruction: d.reason ?? 'rework' })),
    );
  }
}

/** The packages holding these tasks, to be worked again with the instructions as notes. */
function restart(s: PhaseState, items: { taskId: string; instruction: string }[]): Package[] {
  for (const it of items) s.notes.set(it.taskId, it.instruction);
  const ids = new Set(items.map((i) => i.taskId));
  const pkgs = s.packages.filter((p) => p.tasks.some((t) => ids.has(t.id)));
  return pkgs.length ? pkgs.map((p) => ({ ...p, tasks: p.tasks.map((t) => s.tasks.get(t.id)!) })) : s.packages;
}

async function work(run: PipelineRun, spec: Spec, key: string, todo: Package[], context: unknown, s: PhaseState): Promise<WorkOutcome[]> {
  const settled = await runBounded(run.ctx, todo, run.ctx.config.maxConcurrentAgents, (p) =>
    workPackage(run, spec, `${key}/pkg:${p.id}`, p, context, s.notes),
  );
  return settled.map((o, i) => {
    if (!o.ok)
      return { ok: false, kind: 'failed', package: todo[i]!.id, tasks: todo[i]!.tasks.map((t) => t.id), errors: [errorValue(o.error)] };
    if (o.value.ok) {
      for (const r of o.value.results) s.results.set(r.taskId, r);
      for (const t of o.value.reformulated) s.tasks.set(t.id, t);
    }
    return o.value;
  });
}

/** Past the matrix: the report is journaled, the error returned to be thrown (the project fails and waits). */
async function failPhase(run: PipelineRun, px: string, phase: Phase, why: string, details: Record<string, unknown>): Promise<FactoryError> {
  const report = { phase: { id: phase.id, name: phase.name }, why, ...details };
  await run.ctx.step(
    `${px}/failed`,
    async () => ({ report, decision: { agent: 'coordinator', decision: `phase ${phase.name} failed`, reason: why, phase: phase.id } }),
    {
      meta: { phase: 'decision' },
      summary: () => why,
    },
  );
  return new FactoryError('PHASE_FAILED', `Phase ${phase.name} failed: ${why}`, { report });
}
