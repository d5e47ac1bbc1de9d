/**
 * Long-term memory (seed 000 §1 memory levels, seed 004 §9.4 knowledge injection): a knowledge base
 * agents are given from and results are saved into, and episodes of finished projects (task, plan,
 * outcome, scores) a planner looks up. Both are searched by embedding similarity (the LLM layer's
 * embed: inside a project through the step's journaling, budgeted provider; at the door directly)
 * and stored by the store, always for one owner: no method reads or searches across owners.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { LlmProvider } from '../llm/index.ts';
import type { ProjectMetrics } from './metrics.ts';
import type { ProjectRecord } from './model.ts';
import type { EpisodeRecord, KnowledgeRecord, MemoryRepository, NewEpisode } from './ports.ts';

export type MemorySettings = Config['coordinator']['memory'];
type Embedder = Pick<LlmProvider, 'embed' | 'modelFor'>;
export const EMBED_ROLE = 'embedder';

export function cosine(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 && a.length === b.length ? dot / Math.sqrt(na * nb) : 0;
}

const days = (d: number | null): string | null => (d === null ? null : new Date(Date.now() + d * 86_400_000).toISOString());
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

export interface Hit<T> {
  item: T;
  score: number;
}

export class Memory {
  constructor(
    readonly repo: MemoryRepository,
    readonly settings: MemorySettings,
  ) {}

  /** The items of the owner most similar to `query` (at least minScore), best first. */
  async searchKnowledge(llm: Embedder, owner: string, query: string | number[], opts: { topK?: number; minScore?: number } = {}) {
    const k = this.settings.knowledge;
    const hits = await this.search(llm, 'knowledge', owner, query, opts.topK ?? k.topK, opts.minScore ?? k.minScore, k.maxItems);
    const out: Hit<KnowledgeRecord>[] = [];
    for (const h of hits) {
      const item = await this.repo.knowledge(owner, h.id);
      if (item) out.push({ item, score: h.score });
    }
    return out;
  }

  async searchEpisodes(llm: Embedder, owner: string, query: string | number[], opts: { topK?: number; minScore?: number } = {}) {
    const e = this.settings.episodes;
    const hits = await this.search(llm, 'episodes', owner, query, opts.topK ?? e.topK, opts.minScore ?? e.minScore, e.maxPerOwner);
    const out: Hit<EpisodeRecord>[] = [];
    for (const h of hits) {
      const item = await this.repo.episode(owner, h.id);
      if (item) out.push({ item, score: h.score });
    }
    return out;
  }

  private async search(
    llm: Embedder,
    kind: 'knowledge' | 'episodes',
    owner: string,
    /** the text, or its embedding already made */
    query: string | number[],
    topK: number,
    min: number,
    limit: number,
  ) {
    if (topK === 0) return [];
    const model = llm.modelFor(EMBED_ROLE);
    const rows = await this.repo.vectors(kind, owner, model, limit);
    if (rows.length === 0) return [];
    const q = typeof query === 'string' ? (await llm.embed({ role: EMBED_ROLE, input: [query] })).embeddings[0] : query;
    return rows
      .map((r) => ({ id: r.id, score: cosine(q!, r.vector) }))
      .filter((r) => r.score >= min)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, topK);
  }

  /**
   * Saves an item (embedded now; an embedding the model server cannot give now is added later by
   * `embedMissing`). `id` makes it idempotent (a step saving a result again after a crash).
   */
  async addKnowledge(
    llm: Embedder,
    owner: string,
    k: { id?: string; title: string; content: string; tags?: string[]; source?: string; project?: string | null },
    opts: { embedFailures?: 'throw' | 'keep' } = {},
  ): Promise<KnowledgeRecord> {
    const s = this.settings.knowledge;
    if (k.content.length > s.maxChars)
      throw new FactoryError('VALIDATION_FAILED', `A knowledge item holds at most ${s.maxChars} characters`, {
        issues: [{ path: 'content', message: `${k.content.length} characters` }],
      });
    const id = k.id ?? `kn_${randomBytes(8).toString('hex')}`;
    const existing = await this.repo.knowledge(owner, id);
    if (existing) return existing;
    if ((await this.repo.countKnowledge(owner)) >= s.maxItems)
      throw new FactoryError('MEMORY_LIMIT', `The knowledge base of ${owner} holds its maximum of ${s.maxItems} items`, {
        maxItems: s.maxItems,
      });
    let embedding: number[] | null = null;
    try {
      embedding = (await llm.embed({ role: EMBED_ROLE, input: [`${k.title}\n${k.content}`] })).embeddings[0] ?? null;
    } catch (e) {
      if (opts.embedFailures !== 'keep') throw e;
    }
    return this.repo.addKnowledge({
      id,
      owner,
      project: k.project ?? null,
      title: k.title,
      content: k.content,
      tags: k.tags ?? [],
      source: k.source ?? 'user',
      model: llm.modelFor(EMBED_ROLE),
      embedding,
      expiresAt: days(s.retentionDays),
    });
  }

  /** Embeds rows of the owner that have no vector of the current model (at most `limit`). */
  async embedMissing(llm: Embedder, owner: string, limit = 64): Promise<number> {
    const model = llm.modelFor(EMBED_ROLE);
    let n = 0;
    for (const kind of ['knowledge', 'episodes'] as const) {
      const rows = await this.repo.unembedded(kind, owner, model, limit);
      if (rows.length === 0) continue;
      const res = await llm.embed({ role: EMBED_ROLE, input: rows.map((r) => r.text) });
      for (const [i, r] of rows.entries()) await this.repo.setVector(kind, owner, r.id, res.model, res.embeddings[i]!);
      n += rows.length;
    }
    return n;
  }

  /** The episode of a finished project (once; a second call changes nothing). Embedding failures keep it without a vector. */
  async recordEpisode(llm: Embedder, p: ProjectRecord): Promise<boolean> {
    if (await this.repo.episode(p.owner, p.id)) return false;
    let embedding: number[] | null = null;
    try {
      embedding = (await llm.embed({ role: EMBED_ROLE, input: [p.task] })).embeddings[0] ?? null;
    } catch {
      // kept without a vector; embedMissing adds it when the model server answers again
    }
    const added = await this.repo.addEpisode({
      ...episodeOf(p),
      expiresAt: this.episodeExpiry(),
      model: llm.modelFor(EMBED_ROLE),
      embedding,
    });
    await this.repo.trimEpisodes(p.owner, this.settings.episodes.maxPerOwner);
    return added;
  }

  /** Retention: removes expired items and episodes. */
  sweep(now = new Date()): Promise<{ knowledge: number; episodes: number }> {
    return this.repo.deleteExpired(now.toISOString());
  }

  episodeExpiry(): string | null {
    return days(this.settings.episodes.retentionDays);
  }
}

/** What an episode keeps of a project: the task, a short plan, the outcome and its scores. */
export function episodeOf(p: ProjectRecord): Omit<NewEpisode, 'model' | 'embedding'> {
  const m = (p.metrics ?? {}) as Partial<ProjectMetrics>;
  const result = p.result as { summary?: unknown; result?: unknown } | string | null;
  const summary =
    typeof result === 'string' ? result : typeof result?.summary === 'string' ? result.summary : result ? JSON.stringify(result) : '';
  return {
    project: p.id,
    owner: p.owner,
    pipeline: p.pipeline,
    task: cut(p.task, 4000),
    plan: planSummary(p.plan),
    status: p.status,
    outcome: {
      summary: cut(summary, 2000),
      error: p.error ? { code: p.error.code, message: cut(p.error.message, 500) } : null,
      flagged: Boolean((p.result as { flagged?: boolean } | null)?.flagged),
    },
    scores: {
      quality: m.averageQualityScore ?? null,
      firstPassRate: m.firstPassRate ?? null,
      tasks: m.totalTasks ?? 0,
      failedTasks: m.failedTasks ?? 0,
      tokens: m.totalTokens ?? p.usage.promptTokens + p.usage.completionTokens,
      durationMs: m.totalMs ?? null,
    },
    expiresAt: null,
  };
}

function planSummary(plan: unknown): unknown {
  if (!plan || typeof plan !== 'object') return null;
  const pl = plan as { analysis?: string; subTasks?: { id: string; description: string }[]; goals?: string[]; phases?: { name: string }[] };
  if (Array.isArray(pl.subTasks))
    return { analysis: cut(pl.analysis ?? '', 500), subTasks: pl.subTasks.map((t) => `${t.id}: ${cut(t.description, 200)}`) };
  return { goals: pl.goals?.slice(0, 10) ?? [], phases: pl.phases?.map((x) => x.name).slice(0, 20) ?? [] };
}
