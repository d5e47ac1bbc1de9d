/**
 * A project's plan as a DAG for the page: sub-tasks in stages (a sub-task's stage is one past the
 * latest of its inputs), and who works on what now (seed 000 §3's live status of each participant).
 */
import type { Schemas } from '../api.ts';
import type { OpenStep } from './live.ts';

type Project = Schemas['Project'];
type Task = Schemas['ProjectTask'];

/** Sub-tasks by stage: stage 0 needs nothing, stage n needs something of stage n-1. */
export function stagesOf(tasks: Task[]): Task[][] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const depth = new Map<string, number>();
  const visit = (t: Task, seen: Set<string>): number => {
    const known = depth.get(t.id);
    if (known !== undefined) return known;
    if (seen.has(t.id)) return 0; // a cycle (never in a validated plan): stop here
    seen.add(t.id);
    const inputs = t.inputFrom.map((id) => byId.get(id)).filter((x): x is Task => x !== undefined);
    const d = inputs.length ? 1 + Math.max(...inputs.map((i) => visit(i, seen))) : 0;
    depth.set(t.id, d);
    return d;
  };
  const stages: Task[][] = [];
  for (const t of tasks) (stages[visit(t, new Set())] ??= []).push(t);
  return stages.filter(Boolean);
}

export type Presence = 'working' | 'waiting' | 'ready';

export interface Participant {
  name: string;
  role: string;
  presence: Presence;
  /** what it does now, in words */
  doing: string;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * The coordinator's roles and the agents of the plan with their presence: working (a step of theirs
 * runs), waiting (for a review of their work, for a person, or paused), ready (nothing to do now).
 * `open`: the steps in flight as the stream tells them; without word of a sub-task's step, an
 * assigned or running sub-task of an executing project counts as worked on (assignment and work
 * follow each other within the concurrency limit).
 */
export function participantsOf(p: Project, reviewers: string[], open: OpenStep[] = []): Participant[] {
  const active = !TERMINAL.has(p.status);
  const held = p.status === 'waiting_for_approval' || p.status === 'paused';
  const flying = (phase: string, task?: string) => open.some((s) => s.phase === phase && (task === undefined || s.task === task));
  const out: Participant[] = [
    role('strategist', 'plans', p.status === 'planning' || flying('plan') ? 'working' : 'ready', p.status === 'planning' ? 'planning' : ''),
    role('delegator', 'assigns', flying('assign') ? 'working' : 'ready', ''),
    role(
      'coordinator',
      'decides',
      held ? 'waiting' : active ? 'working' : 'ready',
      p.status === 'waiting_for_approval'
        ? `waiting for a decision on the ${p.waiting?.gate ?? ''} gate`
        : p.paused
          ? `paused (${p.paused.reason})`
          : active
            ? p.status
            : '',
    ),
    role('aggregator', 'merges', flying('aggregate') ? 'working' : 'ready', flying('aggregate') ? 'merging the results' : ''),
  ];
  const agents = new Map<string, Task[]>();
  for (const t of p.tasks) if (t.agent) agents.set(t.agent.name, [...(agents.get(t.agent.name) ?? []), t]);
  for (const [name, tasks] of agents) {
    const busy = tasks.filter((t) => t.status === 'assigned' || t.status === 'running');
    const known = (t: Task) => open.some((s) => s.task === t.id);
    const working = busy.filter((t) => flying('execute', t.id) || (!known(t) && p.status === 'executing'));
    const reviewed = busy.filter((t) => flying('review', t.id));
    const presence: Presence = !active || busy.length === 0 ? 'ready' : held ? 'waiting' : working.length ? 'working' : 'waiting';
    const doing = working.length
      ? `on ${working.map((t) => `${t.id} (iteration ${Math.max(1, t.iterations + (flying('execute', t.id) ? 1 : 0))})`).join(', ')}`
      : reviewed.length
        ? `waiting for the review of ${reviewed.map((t) => t.id).join(', ')}`
        : '';
    out.push({ name, role: tasks.some((t) => t.agent?.created) ? 'specialist' : 'agent', presence, doing });
  }
  const reviewing = flying('review') || flying('final-review');
  for (const r of reviewers) if (!out.some((x) => x.name === r)) out.push(role(r, 'reviews', reviewing ? 'working' : 'ready', ''));
  return out;
}

function role(name: string, what: string, presence: Presence, doing: string): Participant {
  return { name, role: what, presence, doing };
}

/** Finished sub-tasks (accepted, flagged or failed) out of all. */
export function progressOf(p: Pick<Project, 'tasks' | 'status'>): { done: number; total: number; fraction: number } {
  const total = p.tasks.length;
  const done = p.tasks.filter((t) => t.status === 'accepted' || t.status === 'flagged' || t.status === 'failed').length;
  const fraction = p.status === 'completed' ? 1 : total ? (done / total) * 0.9 : 0;
  return { done, total, fraction };
}

/** The mean of the sub-tasks' scores (the metrics' average once the project ended). */
export function qualityOf(p: Pick<Project, 'tasks' | 'metrics'>): number | null {
  if (p.metrics?.averageQualityScore != null) return p.metrics.averageQualityScore;
  const scores = p.tasks.map((t) => t.score).filter((s): s is number => typeof s === 'number');
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}
