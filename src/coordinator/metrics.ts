/**
 * Seed 004 §10.1 project metrics, computed from the journal (each step row carries its phase, task,
 * iteration, agent and duration in `meta`), so they are the same whether read live or after a replay.
 */
import type { JournalEntry, ProjectRecord } from './model.ts';
import type { ProjectMetrics } from './schemas.ts';

export type { ProjectMetrics } from './schemas.ts';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function computeMetrics(p: ProjectRecord, rows: Iterable<JournalEntry>): ProjectMetrics {
  const all = [...rows];
  const steps = all.filter((r) => r.kind === 'step');
  const phase = (ph: string) => steps.filter((s) => s.meta.phase === ph);
  const sum = (xs: JournalEntry[]) => xs.reduce((a, s) => a + num(s.meta.durationMs), 0);
  const work = steps.filter((s) => ['tool', 'assign', 'execute', 'review', 'task'].includes(String(s.meta.phase)));
  const starts = work.map((s) => Date.parse(s.at) - num(s.meta.durationMs));
  const ends = work.map((s) => Date.parse(s.at));
  const done = phase('task');
  const accepted = done.filter((s) => s.ok);
  const assigns = phase('assign').filter((s) => s.ok);
  const executes = phase('execute');
  const retried = new Set([
    ...executes.filter((s) => num(s.meta.attempt) > 1).map((s) => String(s.meta.task)),
    ...phase('assign')
      .filter((s) => num(s.meta.attempt) > 1)
      .map((s) => String(s.meta.task)),
  ]);
  const scores = accepted.map((s) => num((s.data as { score?: number }).score));
  const iterations = accepted.map((s) => num((s.data as { iterations?: number }).iterations));
  const firstPass = accepted.filter(
    (s) =>
      (s.data as { status?: string; iterations?: number }).status === 'accepted' &&
      num((s.data as { iterations?: number }).iterations) === 1,
  );
  const plan = p.plan as { subTasks?: unknown[] } | null;
  const u = p.usage;
  return {
    totalMs: p.startedAt && p.finishedAt ? Date.parse(p.finishedAt) - Date.parse(p.startedAt) : null,
    runningMs: Math.round(u.wallMs),
    planningMs: sum(phase('plan')),
    executionMs: starts.length ? Math.max(...ends) - Math.min(...starts) : 0,
    reviewMs: sum([...phase('review'), ...phase('final-review')]),
    totalTasks: plan?.subTasks?.length ?? 0,
    completedTasks: accepted.length,
    failedTasks: done.filter((s) => !s.ok).length,
    retriedTasks: retried.size,
    flaggedTasks: accepted.filter((s) => (s.data as { status?: string }).status === 'flagged').length,
    staticAgentsUsed: new Set(
      assigns.filter((s) => (s.data as { origin?: string }).origin === 'blueprint').map((s) => (s.data as { agentId: string }).agentId),
    ).size,
    dynamicAgentsCreated: assigns.filter((s) => (s.data as { created?: boolean }).created).length,
    agentInvocations: executes.length,
    toolsGenerated: phase('tool').filter((s) => s.ok && !(s.data as { existed?: boolean }).existed).length,
    toolExecutions: all.filter((r) => r.kind === 'tool' && (r.data as { runId?: string } | null)?.runId).length,
    averageQualityScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    totalIterations: iterations.reduce((a, b) => a + b, 0),
    firstPassRate: accepted.length ? firstPass.length / accepted.length : null,
    steps: u.steps,
    llmCalls: u.llmCalls,
    promptTokens: u.promptTokens,
    completionTokens: u.completionTokens,
    totalTokens: u.promptTokens + u.completionTokens,
    estimatedTokenCalls: u.estimatedCalls ?? 0,
    costUsd: u.costUsd,
  };
}
