/**
 * A project's plan as a DAG for the page: sub-tasks in stages (a sub-task's stage is one past the
 * latest of its inputs), and who works on what now (seed 000 §3's live status of each participant).
 */
import type { Schemas } from '../api.ts';

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
 * runs), waiting (for inputs, for a person, or paused), ready (nothing to do now).
 */
export function participantsOf(p: Project, reviewers: string[]): Participant[] {
  const open = !TERMINAL.has(p.status);
  const waiting = p.status === 'waiting_for_approval' || p.status === 'paused';
  const out: Participant[] = [
    role('strategist', 'plans', p.status === 'planning' ? 'working' : 'ready', p.status === 'planning' ? 'planning' : ''),
    role('delegator', 'assigns', p.status === 'executing' && p.tasks.some((t) => t.status === 'pending' && !t.agent) ? 'working' : 'ready', ''),
    role(
      'coordinator',
      'decides',
      waiting ? 'waiting' : open ? 'working' : 'ready',
      p.status === 'waiting_for_approval' ? `waiting for a decision on the ${p.waiting?.gate ?? ''} gate` : p.paused ? `paused (${p.paused.reason})` : open ? p.status : '',
    ),
    role('aggregator', 'merges', p.status === 'reviewing' ? 'working' : 'ready', p.status === 'reviewing' ? 'merging the results' : ''),
  ];
  const agents = new Map<string, Task[]>();
  for (const t of p.tasks) if (t.agent) agents.set(t.agent.name, [...(agents.get(t.agent.name) ?? []), t]);
  for (const [name, tasks] of agents) {
    const running = tasks.filter((t) => t.status === 'running');
    const queued = tasks.filter((t) => t.status === 'assigned' || t.status === 'pending');
    const presence: Presence = !open ? 'ready' : running.length ? (waiting ? 'waiting' : 'working') : queued.length ? 'waiting' : 'ready';
    const doing = running.length
      ? `on ${running.map((t) => `${t.id} (iteration ${Math.max(1, t.iterations)})`).join(', ')}`
      : queued.length
        ? `next: ${queued.map((t) => t.id).join(', ')}`
        : '';
    out.push({ name, role: tasks.some((t) => t.agent?.created) ? 'specialist' : 'agent', presence, doing });
  }
  for (const r of reviewers) if (!out.some((x) => x.name === r)) out.push(role(r, 'reviews', 'ready', ''));
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
