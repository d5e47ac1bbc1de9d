/**
 * What the door shows of pipelines: a pipeline's summary (its roles and example project), a project's
 * conversation (short-term memory: people, agents, routing, as the journal has them), and a pipeline
 * project's decisions log and known issues (company), all derived from the journal.
 */
import type { JournalEntry } from '../model.ts';
import type { ConversationLine, PipelineSummary } from '../door-schemas.ts';
import type { Pipeline } from './load.ts';

export type { ConversationLine, PipelineSummary } from '../door-schemas.ts';

export function pipelineSummary(pl: Pipeline): PipelineSummary {
  return {
    name: pl.name,
    pattern: pl.pattern,
    description: pl.description,
    digest: pl.digest,
    file: pl.bundle.file,
    roles: [...pl.roles.values()].map((r) => ({
      name: r.key,
      agent: r.blueprint.name,
      description: r.blueprint.description,
      model: r.blueprint.model ?? null,
      tools: r.blueprint.tools,
      output: r.output !== undefined,
      remember: r.remember,
    })),
    agents: pl.participants,
    example: pl.spec.example ?? null,
  };
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The project's conversation in journal order. */
export function conversationOf(rows: JournalEntry[]): ConversationLine[] {
  const out: ConversationLine[] = [];
  for (const r of rows) {
    const base = { seq: r.seq, at: r.at };
    if (r.kind === 'signal' && r.key.startsWith('signal:message:')) {
      const d = r.data as { text: string; by: string; mentions: string[] | 'all' };
      out.push({
        ...base,
        kind: 'message',
        from: `human:${d.by}`,
        to: d.mentions === 'all' ? ['all'] : d.mentions.length ? d.mentions : null,
        text: d.text,
      });
    } else if (r.kind === 'signal' && r.key.startsWith('signal:gate:')) {
      const d = r.data as { decision: string; by: string; message?: string; reason?: string };
      const gate = r.key.split(':')[2] ?? '';
      if (d.decision === 'message') out.push({ ...base, kind: 'answer', from: `human:${d.by}`, to: [gate], text: d.message ?? '' });
      else
        out.push({ ...base, kind: 'decision', from: `human:${d.by}`, to: [gate], text: `${d.decision}${d.reason ? `: ${d.reason}` : ''}` });
    } else if (r.kind === 'step' && r.ok && r.meta.phase === 'role') {
      const d = r.data as { kind: string; value?: unknown; text: string; to?: string; reason?: string };
      const from = String(r.meta.role);
      if (d.kind === 'transfer') out.push({ ...base, kind: 'transfer', from, to: [d.to!], text: d.reason ?? '' });
      else out.push({ ...base, kind: 'agent', from, to: null, text: asText(d.value ?? d.text) });
    } else if (r.kind === 'step' && r.ok && r.meta.phase === 'route') {
      const d = r.data as { agent: string; by: string };
      out.push({ ...base, kind: 'routed', from: 'router', to: [d.agent], text: `by ${d.by}` });
    } else if (r.kind === 'step' && r.ok && r.meta.phase === 'select') {
      const d = r.data as { speaker: string; by: string; reason: string };
      out.push({ ...base, kind: 'selected', from: 'selector', to: [d.speaker], text: `${d.by}: ${d.reason}` });
    }
  }
  return out;
}

export interface Decision {
  at: string;
  agent: string;
  decision: string;
  reason: string;
  phase?: string;
}

/** Company projects: the decisions log and the known issues, from the steps that made them. */
export function pipelineLog(rows: JournalEntry[]): { decisions: Decision[]; knownIssues: unknown[] } {
  const decisions: Decision[] = [];
  const knownIssues: unknown[] = [];
  for (const r of rows) {
    if (r.kind !== 'step' || !r.ok) continue;
    const d = r.data as { decision?: Decision; knownIssues?: unknown[] } | null;
    if (d && typeof d === 'object' && d.decision && typeof d.decision === 'object') decisions.push({ ...d.decision, at: r.at });
    if (d && typeof d === 'object' && Array.isArray(d.knownIssues)) knownIssues.push(...d.knownIssues);
  }
  return { decisions, knownIssues };
}
