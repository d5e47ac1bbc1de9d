/**
 * How `factory project …` shows a project in the terminal: one line per progress event while it runs
 * (phases, sub-tasks, iterations, scores, budget warnings), a clear final line, and the exit code.
 */
import { seedPlan } from '../../client/index.ts';
import type { Io } from '../command.ts';
import type { Project, ProjectEvent, ProjectSummary, Report } from './project-backend.ts';

/** 0 completed, 1 failed or cancelled, 3 waiting for approval, 4 paused, 5 still running (the command stopped following). */
export function exitCodeOf(status: string): number {
  if (status === 'completed') return 0;
  if (status === 'failed' || status === 'cancelled') return 1;
  if (status === 'waiting_for_approval') return 3;
  if (status === 'paused') return 4;
  return 5;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints each event as `[+12.3s] what  message`, leaving out what another line says already. */
export function eventPrinter(io: Io): (e: ProjectEvent) => void {
  const t0 = Date.now();
  return (e) => {
    const phase = typeof e.metadata.phase === 'string' ? e.metadata.phase : undefined;
    if (e.status === 'step_started' && phase !== 'execute' && phase !== 'tool') return;
    if (e.status === 'step_completed' && phase === 'assign') return; // task_assigned says it
    let label = e.status;
    let message = e.message;
    if (e.status === 'step_started') {
      label = phase === 'execute' ? 'running' : 'generating';
      const attempt = Number(e.metadata.attempt) > 1 ? `, attempt ${String(e.metadata.attempt)}` : '';
      const task = e.task ?? (typeof e.metadata.task === 'string' ? e.metadata.task : '');
      message = phase === 'execute' ? `${task} iteration ${String(e.metadata.iteration ?? 1)}${attempt}` : message;
    } else if (e.status === 'step_completed' || e.status === 'step_failed') {
      label = `${phase ?? 'step'}${e.status === 'step_failed' ? ' failed' : ''}`;
    }
    io.err(`[+${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${label.padEnd(16)} ${message}\n`);
  };
}

function budgetLine(p: { budget: Project['budget']; usage: Project['usage'] }): string {
  const b = p.budget;
  const of = (used: number, limit: number | null, fmt: (x: number) => string) => `${fmt(used)}${limit === null ? '' : ` of ${fmt(limit)}`}`;
  return [
    `tokens ${of(b.tokens.used, b.tokens.limit, n)}`,
    `cost $${of(b.costUsd.used, b.costUsd.limit, (x) => x.toFixed(4))}`,
    `time ${of(b.wallMs.used, b.wallMs.limit, secs)}`,
    `tool runs ${of(b.toolRuns.used, b.toolRuns.limit, n)}`,
    `${p.usage.llmCalls} model call(s)`,
  ].join(', ');
}

/** How to drive the project from here, as commands (the CLI's own flags repeated). */
export interface Hints {
  /** e.g. `--url http://… ` or `--data-dir ./data `, repeated in each command shown */
  flags: string;
}

/** The final lines: what happened, the numbers, and what to do next. Returns the exit code. */
export function finalLines(p: Project, io: Io, hints: Hints): number {
  const tasks = p.tasks.length;
  const accepted = p.tasks.filter((t) => t.status === 'accepted' || t.status === 'flagged').length;
  const scores = p.tasks.map((t) => t.score).filter((s): s is number => s !== null);
  const avg = scores.length ? ` average score ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(2)},` : '';
  const iterations = p.tasks.reduce((a, t) => a + t.iterations, 0);
  const cmd = (verb: string, rest = '') => `factory project ${verb} ${p.id}${rest} ${hints.flags}`.trimEnd();
  io.out(`project ${p.id} "${p.name}": ${tasks} sub-task(s), ${accepted} done,${avg} ${iterations} iteration(s)\n`);
  io.out(`budget used: ${budgetLine(p)}\n`);
  switch (p.status) {
    case 'completed': {
      const flagged = p.tasks.filter((t) => t.status === 'flagged').map((t) => t.id);
      const result = (p.result as { result?: unknown } | null)?.result;
      if (typeof result === 'string') io.out(`\n${result.trim()}\n\n`);
      io.out(`COMPLETED${flagged.length ? ` (flagged below the quality threshold: ${flagged.join(', ')})` : ''}: ${cmd('show')}\n`);
      break;
    }
    case 'waiting_for_approval': {
      const w = p.waiting!;
      const plan = seedPlan(p.plan);
      if (w.gate === 'plan' && plan) {
        io.out(`\nplan ${plan.version}: ${plan.analysis.trim().split('\n')[0]}\n`);
        for (const t of plan.subTasks) {
          const inputs = t.inputFrom.length ? `  ← ${t.inputFrom.join(', ')}` : '';
          io.out(`  ${t.id.padEnd(12)} ${t.type.padEnd(11)} ${t.description.trim().split('\n')[0]!.slice(0, 90)}${inputs}\n`);
        }
      }
      io.out(
        `\nWAITING FOR APPROVAL of the ${w.gate} (round ${w.round}). Approve:  ${cmd('approve')}\n` +
          `  reject:  ${cmd('approve', ' --reject "REASON"')}` +
          `${w.gate === 'plan' ? `\n  edited plan:  ${cmd('approve', ' --plan @plan.json')}` : ''}\n`,
      );
      break;
    }
    case 'paused':
      io.out(`PAUSED (${p.paused?.reason}): [${p.paused?.error.code}] ${p.paused?.error.message}\n`);
      io.out(
        p.paused?.reason === 'budget'
          ? `Raise the budget (PATCH /api/v1/projects/${p.id}/budget), or cancel: ${cmd('cancel')}\n`
          : `When fixed: ${cmd('resume')}\n`,
      );
      break;
    case 'failed':
    case 'cancelled':
      io.out(`${p.status.toUpperCase()}: [${p.error?.code}] ${p.error?.message}\n`);
      io.out(`Report: ${cmd('show')}\n`);
      break;
    default:
      io.out(`${p.status.toUpperCase()} (still running${p.running ? '' : ' elsewhere'}): follow with ${cmd('show')}\n`);
  }
  return exitCodeOf(p.status);
}

export function listLines(items: ProjectSummary[], io: Io): void {
  if (items.length === 0) return void io.out('no projects\n');
  for (const p of items) {
    const tokens = n(p.budget.tokens.used).padStart(9);
    io.out(`${p.id}  ${p.status.padEnd(20)} ${p.createdAt.slice(0, 19)}  tokens ${tokens}  ${p.name.slice(0, 60)}\n`);
  }
}

export function reportLines(r: Report, io: Io): void {
  io.out(`${r.id} "${r.name}": ${r.status}${r.error ? ` [${r.error.code}] ${r.error.message}` : ''}\n`);
  io.out(`task: ${r.task.trim().split('\n')[0]!.slice(0, 200)}\n`);
  for (const t of r.tasks) {
    const score = t.score === null ? '' : ` score ${t.score.toFixed(2)}`;
    const error = t.error ? ` [${t.error.code}]` : '';
    io.out(
      `  ${t.id.padEnd(12)} ${t.status.padEnd(9)} ${(t.agent?.name ?? '-').padEnd(20)} ${t.iterations} iteration(s)${score}${error}\n`,
    );
  }
  for (const a of r.approvals) io.out(`  ${a.gate} round ${a.round}: ${a.decision} by ${a.by}${a.reason ? ` (${a.reason})` : ''}\n`);
  for (const f of r.failures) io.out(`  failed step ${f.key}: ${JSON.stringify(f.error).slice(0, 200)}\n`);
  const m = r.metrics;
  if (m) {
    io.out(
      `metrics: ${secs(m.totalMs ?? m.runningMs)}; planning ${secs(m.planningMs)}, ` +
        `execution ${secs(m.executionMs)}, review ${secs(m.reviewMs)}; ` +
        `${m.agentInvocations} agent run(s), ${m.dynamicAgentsCreated} specialist(s) made, ${m.toolsGenerated} tool(s) generated, ` +
        `${m.toolExecutions} tool run(s); first-pass rate ${m.firstPassRate === null ? '-' : m.firstPassRate.toFixed(2)}\n`,
    );
  }
  io.out(`budget used: ${budgetLine(r)}\nnext: ${r.next}\n`);
}
