import type Database from 'better-sqlite3';
import type { Run } from './columns.ts';
import type { EpisodeRecord, KnowledgeRecord, MemoryRepository, NewEpisode, NewKnowledge, VectorRow } from '../../coordinator/index.ts';

/**
 * The coordinator's long-term memory (its MemoryRepository): knowledge items and episodes of finished
 * projects, each row owned by one principal. Every query names the owner: nothing here lists or
 * searches across owners. Embeddings are stored as little-endian float32 BLOBs with the model that
 * made them (vectors of different models are never compared).
 */
interface KRow {
  id: string;
  owner: string;
  project: string | null;
  title: string;
  content: string;
  tags: string;
  source: string;
  model: string | null;
  created_at: string;
  expires_at: string | null;
}
interface ERow {
  project: string;
  owner: string;
  pipeline: string;
  task: string;
  plan: string | null;
  status: string;
  outcome: string;
  scores: string;
  model: string | null;
  created_at: string;
  expires_at: string | null;
}

const toBlob = (v: number[]): Buffer => Buffer.from(new Float32Array(v).buffer);
const fromBlob = (b: Buffer): number[] => Array.from(new Float32Array(b.buffer, b.byteOffset, Math.floor(b.byteLength / 4)));

const knowledge = (r: KRow): KnowledgeRecord => ({
  id: r.id,
  owner: r.owner,
  project: r.project,
  title: r.title,
  content: r.content,
  tags: JSON.parse(r.tags) as string[],
  source: r.source,
  model: r.model,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});
const episode = (r: ERow): EpisodeRecord => ({
  project: r.project,
  owner: r.owner,
  pipeline: r.pipeline,
  task: r.task,
  plan: r.plan === null ? null : (JSON.parse(r.plan) as unknown),
  status: r.status,
  outcome: JSON.parse(r.outcome) as EpisodeRecord['outcome'],
  scores: JSON.parse(r.scores) as EpisodeRecord['scores'],
  model: r.model,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

const TABLE = { knowledge: { table: 'knowledge', key: 'id' }, episodes: { table: 'episodes', key: 'project' } } as const;
type Kind = keyof typeof TABLE;

/**
 * A repository whose methods run their statements synchronously (no await inside) made to go through
 * the store's gate (or a transaction's `run`), like every other repository's statements.
 */
export function gated(repo: MemoryRepo, run: Run): MemoryRepository {
  const out: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(MemoryRepo.prototype)) {
    if (name === 'constructor') continue;
    const method = (repo as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!;
    out[name] = (...args: unknown[]) => run(() => method.apply(repo, args)).then((p) => p);
  }
  return out as unknown as MemoryRepository;
}

export class MemoryRepo implements MemoryRepository {
  constructor(private readonly db: Database.Database) {}

  async addKnowledge(k: NewKnowledge): Promise<KnowledgeRecord> {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO knowledge (id, owner, project, title, content, tags, source, model, embedding, created_at, expires_at)
         VALUES (@id, @owner, @project, @title, @content, @tags, @source, @model, @embedding, @createdAt, @expiresAt)`,
      )
      .run({
        ...k,
        project: k.project ?? null,
        tags: JSON.stringify(k.tags),
        model: k.embedding ? k.model : null,
        embedding: k.embedding ? toBlob(k.embedding) : null,
        createdAt: new Date().toISOString(),
        expiresAt: k.expiresAt ?? null,
      });
    return (await this.knowledge(k.owner, k.id))!;
  }

  async knowledge(owner: string, id: string): Promise<KnowledgeRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM knowledge WHERE owner = ? AND id = ?').get(owner, id) as KRow | undefined;
    return r ? knowledge(r) : undefined;
  }

  async listKnowledge(owner: string, q: { before?: string; limit: number }): Promise<KnowledgeRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM knowledge WHERE owner = @owner
         ${q.before ? 'AND (created_at, id) < (SELECT created_at, id FROM knowledge WHERE owner = @owner AND id = @before)' : ''}
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all({ owner, limit: q.limit, before: q.before ?? null }) as KRow[];
    return rows.map(knowledge);
  }

  async deleteKnowledge(owner: string, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM knowledge WHERE owner = ? AND id = ?').run(owner, id).changes === 1;
  }

  async countKnowledge(owner: string): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM knowledge WHERE owner = ?').get(owner) as { n: number }).n;
  }

  async addEpisode(e: NewEpisode): Promise<boolean> {
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO episodes (project, owner, pipeline, task, plan, status, outcome, scores, model, embedding, created_at, expires_at)
         VALUES (@project, @owner, @pipeline, @task, @plan, @status, @outcome, @scores, @model, @embedding, @createdAt, @expiresAt)`,
      )
      .run({
        ...e,
        plan: e.plan === null ? null : JSON.stringify(e.plan),
        outcome: JSON.stringify(e.outcome),
        scores: JSON.stringify(e.scores),
        model: e.embedding ? e.model : null,
        embedding: e.embedding ? toBlob(e.embedding) : null,
        createdAt: new Date().toISOString(),
        expiresAt: e.expiresAt ?? null,
      });
    return r.changes === 1;
  }

  async episode(owner: string, project: string): Promise<EpisodeRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM episodes WHERE owner = ? AND project = ?').get(owner, project) as ERow | undefined;
    return r ? episode(r) : undefined;
  }

  async listEpisodes(owner: string, q: { limit: number }): Promise<EpisodeRecord[]> {
    const rows = this.db.prepare('SELECT * FROM episodes WHERE owner = ? ORDER BY created_at DESC LIMIT ?').all(owner, q.limit) as ERow[];
    return rows.map(episode);
  }

  /** Keeps the newest `max` episodes of an owner; returns how many older ones were removed. */
  async trimEpisodes(owner: string, max: number): Promise<number> {
    return this.db
      .prepare(
        `DELETE FROM episodes WHERE owner = @owner AND project NOT IN
           (SELECT project FROM episodes WHERE owner = @owner ORDER BY created_at DESC LIMIT @max)`,
      )
      .run({ owner, max }).changes;
  }

  /** Finished projects (completed, failed, cancelled) that have no episode yet (a crash between the two writes). */
  async projectsWithoutEpisode(limit: number): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT p.id FROM projects p LEFT JOIN episodes e ON e.project = p.id
         WHERE p.status IN ('completed', 'failed', 'cancelled') AND e.project IS NULL ORDER BY p.finished_at LIMIT ?`,
      )
      .all(limit) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The owner's rows with a vector of `model`, for a similarity search (the newest `limit`). */
  async vectors(kind: Kind, owner: string, model: string, limit: number): Promise<VectorRow[]> {
    const { table, key } = TABLE[kind];
    const rows = this.db
      .prepare(
        `SELECT ${key} AS id, embedding FROM ${table} WHERE owner = ? AND model = ? AND embedding IS NOT NULL
         ORDER BY created_at DESC LIMIT ?`,
      )
      .all(owner, model, limit) as { id: string; embedding: Buffer }[];
    return rows.map((r) => ({ id: r.id, vector: fromBlob(r.embedding) }));
  }

  /** Rows of the owner without a vector of `model` (made before, or while the embedding model was away). */
  async unembedded(kind: Kind, owner: string, model: string, limit: number): Promise<{ id: string; text: string }[]> {
    const text = kind === 'knowledge' ? "title || '\n' || content" : 'task';
    const { table, key } = TABLE[kind];
    const rows = this.db
      .prepare(
        `SELECT ${key} AS id, ${text} AS text FROM ${table} WHERE owner = ? AND (model IS NULL OR model <> ? OR embedding IS NULL)
         ORDER BY created_at DESC LIMIT ?`,
      )
      .all(owner, model, limit) as { id: string; text: string }[];
    return rows;
  }

  async setVector(kind: Kind, owner: string, id: string, model: string, vector: number[]): Promise<void> {
    const { table, key } = TABLE[kind];
    this.db.prepare(`UPDATE ${table} SET model = ?, embedding = ? WHERE owner = ? AND ${key} = ?`).run(model, toBlob(vector), owner, id);
  }

  /** Removes rows past their expiry; returns how many of each kind. */
  async deleteExpired(now: string): Promise<{ knowledge: number; episodes: number }> {
    return {
      knowledge: this.db.prepare('DELETE FROM knowledge WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now).changes,
      episodes: this.db.prepare('DELETE FROM episodes WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now).changes,
    };
  }
}
