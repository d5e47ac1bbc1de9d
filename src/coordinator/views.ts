/**
 * What the door returns: a project (status, plan, tasks with their evaluations, usage against the
 * budget, open approval, result, metrics), its steps, and its report. Everything is derived from
 * the project row and its journal.
 */
import type { ProjectBudget } from '../config/schema.ts';
import { ERROR_CATALOG, type ErrorCode, type ErrorSpec } from '../errors/catalog.ts';
import { usedOf, type BudgetKind } from './engine/budget.ts';
import type { GateDecision } from './engine/context.ts';
import type { JournalEntry, ProjectRecord } from './model.ts';
import type { StageReview } from './roles/evaluator.ts';
import type { Plan } from './roles/schemas.ts';
import { pipelineLog } from './pipelines/views.ts';
import type { BudgetLine, ProjectMetrics, ProjectReport, ProjectSummary, ProjectView, StepView, TaskView } from './schemas.ts';

export type { BudgetLine, ProjectReport, ProjectSummary, ProjectView, StepView, TaskView } from './schemas.ts';

export function budgetLines(budget: ProjectBudget, usage: ProjectRecord['usage']): Record<BudgetKind, BudgetLine> {
  const line = (kind: BudgetKind): BudgetLine => {
    const limit = budget[kind];
    const used = usedOf(usage, kind);
    return { limit, used, remaining: limit === null ? null : Math.max(0, limit - used), fraction: limit ? used / limit : null };
  };
  return { tokens: line('tokens'), costUsd: line('costUsd'), wallMs: line('wallMs'), toolRuns: line('toolRuns') };
}

export function summaryOf(p: ProjectRecord, running: boolean): ProjectSummary {
  const { lease: _l, journalHead: _h, journalLength: _n, metrics: _m, result: _r, plan: _p, config, ...rest } = p;
  return { ...rest, budget: budgetLines(config.budget, p.usage), running };
}

function tasksOf(plan: (Plan & { version: number }) | null, steps: JournalEntry[]): TaskView[] {
  if (!plan || !Array.isArray(plan.subTasks)) return []; // a pipeline's plan (company) has phases instead
  return plan.subTasks.map((t) => {
    const prefix = `p${plan.version}/task:${t.id}/`;
    const mine = steps.filter((s) => s.key.startsWith(prefix));
    const assign = mine.filter((s) => s.meta.phase === 'assign' && s.ok).at(-1)?.data as
      { agentId: string; agentName: string; created: boolean } | undefined;
    const done = mine.find((s) => s.meta.phase === 'task');
    const reviews = mine.filter((s) => s.meta.phase === 'review' && s.ok);
    const executes = mine.filter((s) => s.meta.phase === 'execute');
    const doneData = done?.ok ? (done.data as { status: 'accepted' | 'flagged'; score: number; iterations: number }) : undefined;
    const status: TaskView['status'] = done
      ? doneData
        ? doneData.status
        : 'failed'
      : executes.length
        ? 'running'
        : assign
          ? 'assigned'
          : 'pending';
    return {
      id: t.id,
      description: t.description,
      type: t.type,
      inputFrom: t.inputFrom,
      status,
      agent: assign ? { id: assign.agentId, name: assign.agentName, created: assign.created } : null,
      iterations: doneData?.iterations ?? Math.max(0, ...executes.map((s) => Number(s.meta.iteration) || 0)),
      score: doneData?.score ?? null,
      evaluations: reviews.map((s) => {
        const r = s.data as StageReview;
        return {
          iteration: Number(s.meta.iteration),
          stage: r.stage,
          kind: r.kind,
          reviewer: r.reviewer.name,
          score: r.score,
          accepted: r.accepted,
          issues: r.issues,
        };
      }),
      error:
        done && !done.ok
          ? { code: String((done.data as { code: string }).code), message: String((done.data as { message: string }).message) }
          : null,
    };
  });
}

export function projectView(p: ProjectRecord, rows: JournalEntry[], running: boolean): ProjectView {
  const plan = (p.plan as (Plan & { version: number }) | null) ?? null;
  const steps = rows.filter((r) => r.kind === 'step');
  const approvals = rows
    .filter((r) => r.kind === 'signal' && r.key.startsWith('signal:gate:'))
    .map((r) => {
      const [, , gate, round] = r.key.split(':');
      return { ...(r.data as GateDecision), gate: gate!, round: Number(round) };
    });
  return {
    ...summaryOf(p, running),
    config: p.config,
    plan,
    tasks: tasksOf(plan, steps),
    approvals,
    result: p.result,
    metrics: (p.metrics as ProjectMetrics | null) ?? null,
    journal: { length: p.journalLength, head: p.journalHead },
    ...pipelineLog(steps),
  };
}

export const stepView = (r: JournalEntry): StepView => ({
  seq: r.seq,
  key: r.key,
  kind: r.kind,
  ok: r.ok,
  at: r.at,
  meta: r.meta,
  data: r.data,
});

const hintOf = (code: string | undefined): string => {
  const spec = code && Object.hasOwn(ERROR_CATALOG, code) ? (ERROR_CATALOG[code as ErrorCode] as ErrorSpec) : undefined;
  return spec?.hint ? `; ${spec.hint}` : '';
};

/** What to do next, for a person reading the report. */
function nextAction(p: ProjectRecord): string {
  switch (p.status) {
    case 'waiting_for_approval':
      return `Decide the ${p.waiting?.gate} gate: POST /api/v1/projects/${p.id}/approve.`;
    case 'paused':
      return p.paused?.reason === 'budget'
        ? `Raise the budget with PATCH /api/v1/projects/${p.id}/budget; the project resumes by itself.`
        : `Fix the cause (${p.paused?.error.code}: ${p.paused?.error.message}${hintOf(p.paused?.error.code)}), ` +
            `then POST /api/v1/projects/${p.id}/resume (changed ollama settings take effect once the service restarts).`;
    case 'failed':
      return (
        `Read the error${p.error ? ` (${p.error.code}${hintOf(p.error.code)})` : ''} and the failed steps; ` +
        'create a new project with a refined task or config.'
      );
    case 'completed':
      return 'Read the result.';
    case 'cancelled':
      return 'Nothing: the project was cancelled.';
    default:
      return 'Wait: the project is running.';
  }
}

export function projectReport(p: ProjectRecord, rows: JournalEntry[], running: boolean): ProjectReport {
  const view = projectView(p, rows, running);
  const failures = rows.filter((r) => r.kind === 'step' && !r.ok).map((r) => ({ key: r.key, at: r.at, error: r.data }));
  const timeline = rows
    .filter((r) => (r.kind === 'step' && r.key.startsWith('status:')) || r.kind === 'signal' || r.kind === 'mark')
    .map((r) => ({ at: r.at, key: r.key, kind: r.kind, data: r.data }));
  return {
    id: p.id,
    name: p.name,
    task: p.task,
    status: p.status,
    error: p.error,
    paused: p.paused,
    waiting: p.waiting,
    budget: view.budget,
    usage: p.usage,
    metrics: view.metrics,
    result: p.result,
    tasks: view.tasks.map(({ evaluations, ...t }) => ({ ...t, reviews: evaluations.length })),
    approvals: view.approvals,
    failures,
    timeline,
    next: nextAction(p),
  };
}
