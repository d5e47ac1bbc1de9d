/**
 * A project's conversation, derived from its journal (GET /projects/:id/steps) as seed 000 §3 shows it:
 * who said what to whom. The strategist plans, the delegator hands sub-tasks to agents (@name), the
 * agents answer, the reviewers score, the coordinator decides; people's approvals and messages too.
 * Pipelines' conversation lines (`messages` in a project view, when the service sends them) join in.
 */
import type { Schemas } from '../api.ts';

type Step = Schemas['ProjectStep'];

export interface ChatLine {
  id: string;
  at: string;
  /** who speaks: an agent's name, a coordinator role, or `person:<token id>` */
  from: string;
  /** who it is for (the path the message takes), empty when it is for everyone */
  to: string[];
  text: string;
  tone: 'plain' | 'good' | 'bad';
  /** the sub-task it belongs to */
  task: string | null;
}

/** A pipeline's conversation line (the pipelines' project view): people, agents, routing. */
export interface ConversationLine {
  seq: number;
  at: string;
  kind: string;
  from: string;
  to: string[] | null;
  text: string;
}

const MAX_TEXT = 1200;
const text = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** The coordinator's own roles (the rest are agents). */
export const ROLES = ['strategist', 'delegator', 'coordinator', 'aggregator'] as const;

export function chatOf(steps: Step[], messages: ConversationLine[] = []): ChatLine[] {
  const workers = new Map<string, string>(); // task → agent name
  const out: ChatLine[] = [];
  for (const s of steps) {
    const line = lineOf(s, workers);
    if (line) out.push(line);
  }
  for (const m of messages) {
    out.push({ id: `m${m.seq}`, at: m.at, from: m.from, to: m.to ?? [], text: text(m.text), tone: 'plain', task: null });
  }
  // journal order; a pipeline's lines carry journal numbers too
  const seqOf = (l: ChatLine) => Number(l.id.slice(1));
  return out.sort((a, b) => seqOf(a) - seqOf(b) || a.id.localeCompare(b.id));
}

function lineOf(s: Step, workers: Map<string, string>): ChatLine | null {
  const d = obj(s.data);
  const m = s.meta;
  const task = typeof m.task === 'string' ? m.task : null;
  const base = { id: `s${s.seq}`, at: s.at, task, tone: s.ok ? ('plain' as const) : ('bad' as const) };
  if (s.kind === 'signal') return signalLine(s, d, base);
  if (s.kind === 'mark') return d.resumed ? { ...base, from: 'coordinator', to: [], text: 'Resumed where the project stopped.' } : null;
  if (s.kind !== 'step') return null;
  const failure = s.ok ? null : `failed: ${str(d.message, text(s.data))}${d.code ? ` (${str(d.code)})` : ''}`;
  const phase = str(m.phase);
  switch (phase) {
    case 'status':
      return { ...base, from: 'coordinator', to: [], text: `Status: ${str(d.status, str(m.status))}` };
    case 'plan': {
      if (failure) return { ...base, from: 'strategist', to: [], text: `Planning ${failure}` };
      const plan = obj(d.plan);
      const subs = Array.isArray(plan.subTasks) ? (plan.subTasks as Record<string, unknown>[]) : [];
      const list = subs.map((t) => {
        const after = Array.isArray(t.inputFrom) && t.inputFrom.length ? ` (after ${t.inputFrom.join(', ')})` : '';
        return `${str(t.id)}${after}`;
      });
      return { ...base, from: 'strategist', to: ['delegator'], text: `${str(plan.analysis)}\nSub-tasks: ${list.join(', ')}` };
    }
    case 'assign': {
      if (failure) return { ...base, from: 'delegator', to: [], text: `Assigning ${task} ${failure}` };
      const agent = str(d.agentName, 'an agent');
      if (task) workers.set(task, agent);
      return { ...base, from: 'delegator', to: [agent], text: `@${agent} takes sub-task ${task}${d.created ? ' (a new specialist)' : ''}` };
    }
    case 'execute': {
      const agent = str(d.agentName, task ? (workers.get(task) ?? 'agent') : 'agent');
      if (failure) return { ...base, from: agent, to: [], text: `Sub-task ${task}, iteration ${String(m.iteration)} ${failure}` };
      return { ...base, from: agent, to: ['reviewers'], text: text(d.answer ?? d) };
    }
    case 'review':
    case 'final-review': {
      const reviewer = str(obj(d.reviewer).name, phase === 'final-review' ? 'coordinator' : 'reviewer');
      const to = phase === 'final-review' ? ['aggregator'] : task && workers.has(task) ? [workers.get(task)!] : [];
      if (failure) return { ...base, from: reviewer, to, text: `Review ${failure}` };
      const issues = Array.isArray(d.issues) ? (d.issues as Record<string, unknown>[]) : [];
      const score = typeof d.score === 'number' ? `score ${d.score.toFixed(2)}` : 'no score';
      const detail = issues.map((i) => `\n• ${str(i.severity)} ${str(i.category)}: ${str(i.description, str(i.suggestion))}`).join('');
      return {
        ...base,
        from: reviewer,
        to,
        tone: d.accepted ? 'good' : 'bad',
        text: `${d.accepted ? 'Accepted' : 'Not accepted'} (${str(d.stage)}, ${score}). ${str(d.summary)}${detail}`,
      };
    }
    case 'task':
      return {
        ...base,
        from: 'coordinator',
        to: [],
        tone: d.status === 'accepted' ? 'good' : d.status === 'failed' ? 'bad' : 'plain',
        text: failure ?? `Sub-task ${task} ${str(d.status)} after ${String(d.iterations)} iteration(s), score ${String(d.score ?? '—')}`,
      };
    case 'aggregate':
      if (failure) return { ...base, from: 'aggregator', to: [], text: `Aggregation ${failure}` };
      return { ...base, from: 'aggregator', to: ['coordinator'], text: `${str(d.summary)}\n${text(d.result)}` };
    case 'close':
      return { ...base, from: 'coordinator', to: [], text: 'Closed: temporary agents and tools destroyed.' };
    case 'role': {
      // pipelines: a role's turn
      const from = str(m.role, 'agent');
      return { ...base, from, to: d.to ? [str(d.to)] : [], text: failure ?? text(d.value ?? d.text ?? d) };
    }
    default:
      return failure ? { ...base, from: 'coordinator', to: [], text: `${s.key} ${failure}` } : null;
  }
}

function signalLine(s: Step, d: Record<string, unknown>, base: Omit<ChatLine, 'from' | 'to' | 'text'>): ChatLine | null {
  const by = `person:${str(d.by, 'someone')}`;
  if (s.key.startsWith('signal:gate:')) {
    const gate = s.key.split(':')[2] ?? '';
    if (d.decision === 'message') return { ...base, from: by, to: [gate], text: text(d.message ?? '') };
    const edited = d.plan !== undefined ? ' with an edited plan' : '';
    return {
      ...base,
      from: by,
      to: ['coordinator'],
      tone: d.decision === 'approve' ? 'good' : 'bad',
      text: `${d.decision === 'approve' ? 'Approved' : 'Rejected'} the ${gate} gate${edited}${d.reason ? `: ${str(d.reason)}` : ''}`,
    };
  }
  if (s.key.startsWith('signal:message:')) {
    const to = d.mentions === 'all' ? ['all'] : Array.isArray(d.mentions) ? d.mentions.map(String) : [];
    return { ...base, from: by, to, text: text(d.text ?? '') };
  }
  return null;
}

/** Text split into plain parts and @mentions (shown highlighted). */
export function mentions(t: string): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const m of t.matchAll(/(^|[^\w@])(@[A-Za-z][\w-]*)/g)) {
    const start = m.index + m[1]!.length;
    if (start > last) parts.push({ text: t.slice(last, start), mention: false });
    parts.push({ text: m[2]!, mention: true });
    last = start + m[2]!.length;
  }
  if (last < t.length) parts.push({ text: t.slice(last), mention: false });
  return parts;
}

/** Avatar colours (classes avatar-c0 … avatar-c9 in styles.css: white text at ≥ 4.5:1); a name keeps its colour everywhere. */
export const AVATAR_COLOURS = 10;

export function colourOf(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `avatar-c${h % AVATAR_COLOURS}`;
}

export function initialsOf(name: string): string {
  const words = name
    .replace(/^person:/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words[1]?.[0] ?? words[0]?.[1] ?? '')).toUpperCase();
}

/** A name as people read it: a person's token id as "you" when it is the signed-in one. */
export function displayName(name: string, me: string): string {
  if (name === `person:${me}`) return 'you';
  return name.startsWith('person:') ? `person ${name.slice(7)}` : name;
}
