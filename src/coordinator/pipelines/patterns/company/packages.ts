/**
 * Seed 003's Estimator and Workers with the retry matrix. The Estimator rates tasks 1-5 and packs
 * them (total complexity within the budget; checked in its step, problems sent back once). A worker
 * is a fresh session per package; its result must cover every task of the package as done:
 * - a bad result is retried workerRetries times with the error in the prompt, then the CEO
 *   reformulates the tasks and a worker tries the reformulated package (with its retries); still
 *   bad: the package fails (the phase fails past the matrix);
 * - a reply cut at its token limit (LLM_TRUNCATED) gets a smaller package once (the package split in
 *   two halves); cut again: the package is reported `truncated` and the phase has the Estimator pack
 *   again with a lower budget.
 */
import { FactoryError } from '../../../../errors/catalog.ts';
import { codeOf, errorValue } from '../../../engine/errors.ts';
import { runBounded } from '../../../engine/parallel.ts';
import type { ErrorValue } from '../../../model.ts';
import type { PipelineOf } from '../../schema.ts';
import type { PipelineRun } from '../../runtime.ts';
import type { EstimatorReply, Package, Phase, Task, TaskResult, WorkerReply } from './types.ts';

type Spec = PipelineOf<'company'>;
export interface Budget {
  min: number;
  max: number;
}
export type WorkOutcome =
  | { ok: true; results: TaskResult[]; reformulated: Task[] }
  | { ok: false; kind: 'truncated' | 'failed'; package: string; tasks: string[]; errors: ErrorValue[] };

export function packageProblems(v: EstimatorReply, tasks: Task[], budget: Budget): string[] {
  const problems: string[] = [];
  const known = new Set(tasks.map((t) => t.id));
  const rating = new Map(v.tasks.map((t) => [t.id, t.complexity]));
  for (const t of tasks) {
    const c = rating.get(t.id);
    if (c === undefined) problems.push(`task ${t.id} has no complexity`);
    else if (!Number.isInteger(c) || c < 1 || c > 5) problems.push(`task ${t.id}: complexity ${c} is not 1-5`);
  }
  const placed = new Map<string, string>();
  const ids = new Set<string>();
  for (const p of v.packages) {
    if (ids.has(p.id)) problems.push(`package id ${p.id} is used twice`);
    ids.add(p.id);
    for (const id of p.taskIds) {
      if (!known.has(id)) problems.push(`package ${p.id} names the unknown task ${id}`);
      else if (placed.has(id)) problems.push(`task ${id} is in packages ${placed.get(id)} and ${p.id}`);
      else placed.set(id, p.id);
    }
    const total = p.taskIds.reduce((n, id) => n + (rating.get(id) ?? 0), 0);
    if (p.taskIds.length > 1 && total > budget.max) problems.push(`package ${p.id} has total complexity ${total}, more than ${budget.max}`);
  }
  for (const t of tasks) if (!placed.has(t.id)) problems.push(`task ${t.id} is in no package`);
  return problems;
}

export async function estimate(run: PipelineRun, key: string, phase: Phase, tasks: Task[], budget: Budget): Promise<Package[]> {
  const r = await run.callRetrying(
    key,
    'estimator',
    {
      input: {
        phase: { id: phase.id, name: phase.name },
        tasks: tasks.map(({ id, title, description }) => ({ id, title, description })),
        budget,
      },
      instructions: `Rate each task from 1 to 5 and pack the tasks into packages of total complexity about ${budget.min}-${budget.max}, never more than ${budget.max}.`,
    },
    run.ctx.config.workerRetries,
    {
      meta: { phaseId: phase.id, budget: budget.max },
      check: (reply) => {
        const problems = packageProblems((reply as { value: EstimatorReply }).value, tasks, budget);
        if (problems.length)
          throw new FactoryError('PLAN_INVALID', `The packages do not validate: ${problems.join('; ')}`, { issues: problems });
      },
    },
  );
  const v = (r as { value: EstimatorReply }).value;
  const rating = new Map(v.tasks.map((t) => [t.id, t.complexity]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return v.packages.map((p) => ({
    id: p.id,
    tasks: p.taskIds.map((id) => byId.get(id)!),
    totalComplexity: p.taskIds.reduce((n, id) => n + rating.get(id)!, 0),
  }));
}

function checkResult(pkg: Package) {
  return (reply: unknown) => {
    const v = (reply as { value: WorkerReply }).value;
    const got = new Map(v.results.map((r) => [r.taskId, r]));
    const missing = pkg.tasks.filter((t) => !got.has(t.id)).map((t) => t.id);
    const failed = v.results.filter((r) => r.status !== 'done' && pkg.tasks.some((t) => t.id === r.taskId));
    if (missing.length || failed.length) {
      const why = [
        missing.length ? `no result for ${missing.join(', ')}` : '',
        ...failed.map((f) => `${f.taskId} failed: ${f.output.slice(0, 300)}`),
      ];
      throw new FactoryError('TASK_FAILED', `The package result is not usable: ${why.filter(Boolean).join('; ')}`, {
        missing,
        failed: failed.map((f) => f.taskId),
      });
    }
  };
}

/** Attempts of one package (1 + workerRetries), each with the previous error in its prompt. */
async function attempts(run: PipelineRun, key: string, pkg: Package, context: unknown, notes: Map<string, string>, errors: ErrorValue[]) {
  for (let a = 1; a <= run.ctx.config.workerRetries + 1; a++) {
    const last = errors.at(-1);
    try {
      const r = await run.call(
        `${key}:${a}`,
        'worker',
        {
          input: {
            package: { id: pkg.id, tasks: pkg.tasks },
            project: context,
            notes: pkg.tasks.flatMap((t) => (notes.has(t.id) ? [{ taskId: t.id, note: notes.get(t.id)! }] : [])),
          },
          notes: run.notesFor('worker'),
          instructions: `Do every task of package ${pkg.id}.${last ? ` Your previous attempt failed: ${last.code}: ${last.message.slice(0, 600)}. Correct that.` : ''}`,
        },
        { check: checkResult(pkg), meta: { package: pkg.id, attempt: a } },
      );
      return {
        ok: true as const,
        results: (r as { value: WorkerReply }).value.results.filter((x) => pkg.tasks.some((t) => t.id === x.taskId)),
      };
    } catch (e) {
      run.ctx.rethrowIfStop(e);
      errors.push(errorValue(e));
      if (codeOf(e) === 'LLM_TRUNCATED') return { ok: false as const, truncated: true };
    }
  }
  return { ok: false as const, truncated: false };
}

export async function workPackage(
  run: PipelineRun,
  spec: Spec,
  key: string,
  pkg: Package,
  context: unknown,
  notes: Map<string, string>,
  smaller = false,
): Promise<WorkOutcome> {
  const errors: ErrorValue[] = [];
  const fail = (kind: 'truncated' | 'failed'): WorkOutcome => ({
    ok: false,
    kind,
    package: pkg.id,
    tasks: pkg.tasks.map((t) => t.id),
    errors,
  });
  const first = await attempts(run, `${key}/work`, pkg, context, notes, errors);
  if (first.ok) return { ok: true, results: first.results, reformulated: [] };
  if (first.truncated) {
    if (smaller || pkg.tasks.length < 2 || spec.company.tokenLimitRetries < 1) return fail('truncated');
    const half = Math.ceil(pkg.tasks.length / 2);
    const parts: Package[] = [
      { id: `${pkg.id}a`, tasks: pkg.tasks.slice(0, half), totalComplexity: 0 },
      { id: `${pkg.id}b`, tasks: pkg.tasks.slice(half), totalComplexity: 0 },
    ];
    await decide(run, `${key}/smaller`, {
      agent: 'coordinator',
      decision: `package ${pkg.id} split in two after its reply was cut at the token limit`,
      reason: errors.at(-1)?.message ?? '',
    });
    const outs = await runBounded(run.ctx, parts, 2, (p) => workPackage(run, spec, `${key}/${p.id}`, p, context, notes, true));
    const settled = outs.map((o) => (o.ok ? o.value : fail('failed')));
    const bad = settled.find((o) => !o.ok);
    if (bad) return { ...(bad as Extract<WorkOutcome, { ok: false }>), package: pkg.id, tasks: pkg.tasks.map((t) => t.id) };
    return {
      ok: true,
      results: settled.flatMap((o) => (o.ok ? o.results : [])),
      reformulated: settled.flatMap((o) => (o.ok ? o.reformulated : [])),
    };
  }
  // bad results past the retries: the CEO reformulates the tasks, a worker tries once more
  let tasks: Task[];
  try {
    const r = await run.call(
      `${key}/reformulate`,
      'ceo-reformulate',
      {
        input: { tasks: pkg.tasks, errors: errors.map((e) => `${e.code}: ${e.message.slice(0, 500)}`) },
        instructions: 'Reformulate these tasks so that a worker can do them; keep their ids.',
      },
      {
        check: (reply) => {
          const ids = (reply as { value: { tasks: Task[] } }).value.tasks.map((t) => t.id).sort();
          const want = pkg.tasks.map((t) => t.id).sort();
          if (ids.join() !== want.join())
            throw new FactoryError('PLAN_INVALID', `The reformulated tasks must be ${want.join(', ')} (got ${ids.join(', ')})`);
        },
      },
    );
    tasks = (r as { value: { tasks: Task[] } }).value.tasks;
  } catch (e) {
    run.ctx.rethrowIfStop(e);
    errors.push(errorValue(e));
    return fail('failed');
  }
  await decide(run, `${key}/reformulated`, {
    agent: 'ceo',
    decision: `reformulated the tasks of package ${pkg.id}`,
    reason: errors.at(-1)?.message ?? '',
  });
  const again = await attempts(run, `${key}/work-reformulated`, { ...pkg, tasks }, context, notes, errors);
  if (again.ok) return { ok: true, results: again.results, reformulated: tasks };
  return fail(again.truncated ? 'truncated' : 'failed');
}

/** A decisions-log entry, as a step (so views and replays read it from the journal). */
export async function decide(
  run: PipelineRun,
  key: string,
  d: { agent: string; decision: string; reason: string; phase?: string },
  extra: Record<string, unknown> = {},
) {
  return run.ctx.step(key, async () => ({ decision: d, ...extra }), {
    quiet: true,
    meta: { phase: 'decision' },
    effects: () => ({ events: [{ status: 'decision', message: `${d.agent}: ${d.decision}`.slice(0, 500), metadata: { ...d } }] }),
  });
}
