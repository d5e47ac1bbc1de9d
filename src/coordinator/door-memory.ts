/**
 * The door to long-term memory: a principal's knowledge base (add, list, read, search, delete, save
 * a finished project's result into it) and its episodes (finished projects, searchable). Private to
 * the owner: a submitter reaches only its own; admins and viewers name an owner (`owner`, default
 * themselves); only the owner or an admin changes anything; viewers never do.
 */
import { z } from 'zod';
import { FactoryError } from '../errors/catalog.ts';
import { pageFromRows, type PageOf } from '../util/page.ts';
import { Cursor, cursorKey, parseInput } from './api.ts';
import type { EngineDeps } from './engine/run.ts';
import { EMBED_ROLE, type Memory } from './memory.ts';
import type { Principal, ProjectRecord } from './model.ts';
import type { EpisodeRecord, KnowledgeRecord } from './ports.ts';

const Owner = z.string().min(1).max(200);
const tags = z.array(z.string().min(1).max(64)).max(20).default([]);
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

/** POST /api/v1/knowledge */
export const KnowledgeBody = z.strictObject({
  title: nonBlank(300),
  content: nonBlank(200_000).describe('the text agents get when it is similar to their task (cut to memory.knowledge.maxChars)'),
  tags,
});
export type KnowledgeBody = z.input<typeof KnowledgeBody>;

/** GET /api/v1/knowledge */
export const KnowledgeListQuery = z.strictObject({
  owner: Owner.optional().describe('admins and viewers: whose knowledge base (default: your own)'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('items per page (1-100)'),
  cursor: Cursor.optional(),
});
export type KnowledgeListQuery = z.input<typeof KnowledgeListQuery>;

/** GET /api/v1/knowledge/search and /api/v1/episodes/search */
export const MemorySearchQuery = z.strictObject({
  q: nonBlank(8000).describe('the text to find similar items for (embedded with the embedding model)'),
  owner: Owner.optional().describe('admins and viewers: whose memory (default: your own)'),
  topK: z.coerce.number().int().min(1).max(50).optional().describe('at most this many hits (default: memory.knowledge.topK)'),
  minScore: z.coerce.number().min(-1).max(1).optional().describe('only hits at least this similar (cosine, -1..1)'),
});
export type MemorySearchQuery = z.input<typeof MemorySearchQuery>;

/** POST /api/v1/projects/:id/remember: a completed project's result into the knowledge base */
export const RememberBody = z.strictObject({ title: nonBlank(300).optional(), tags });
export type RememberBody = z.input<typeof RememberBody>;

/** GET /api/v1/episodes */
export const EpisodesQuery = z.strictObject({
  owner: Owner.optional().describe('admins and viewers: whose episodes (default: your own)'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('episodes, newest first (1-100)'),
});
export type EpisodesQuery = z.input<typeof EpisodesQuery>;

export abstract class MemoryDoor {
  constructor(
    protected readonly memoryDeps: EngineDeps,
    protected readonly memory: Memory,
  ) {}

  protected abstract visible(who: Principal, id: string): Promise<ProjectRecord>;

  /** Whose memory a request reads: a submitter's own (another's does not exist for it: 404); admins and viewers may name an owner. */
  private reader(who: Principal, owner: string | undefined): string {
    if (owner !== undefined && owner !== who.id && who.role === 'submitter')
      throw new FactoryError('RESOURCE_NOT_FOUND', `No memory of ${owner} that you may read (leave 'owner' out for your own)`, {
        kind: 'memory',
        id: owner,
      });
    return owner ?? who.id;
  }

  private writer(who: Principal): string {
    if (who.role === 'viewer') throw new FactoryError('FORBIDDEN', 'A viewer may not change memory');
    return who.id;
  }

  async addKnowledge(who: Principal, input: unknown): Promise<KnowledgeRecord & { embedded: boolean }> {
    const owner = this.writer(who);
    const b = parseInput(KnowledgeBody, input, 'knowledge item');
    const item = await this.memory.addKnowledge(this.memoryDeps.llm, owner, b, { embedFailures: 'keep' });
    return { ...item, embedded: item.model !== null };
  }

  /** Newest first, `limit` per page after `cursor`. */
  async listKnowledge(who: Principal, query: unknown = {}): Promise<PageOf<KnowledgeRecord>> {
    const q = parseInput(KnowledgeListQuery, query, 'query');
    const before = cursorKey(q.cursor)?.[0];
    const rows = await this.memory.repo.listKnowledge(this.reader(who, q.owner), {
      ...(before !== undefined ? { before: String(before) } : {}),
      limit: q.limit + 1,
    });
    return pageFromRows(rows, q.limit, (k) => [k.id]);
  }

  async knowledgeItem(who: Principal, id: string, owner?: string): Promise<KnowledgeRecord> {
    const item = await this.memory.repo.knowledge(this.reader(who, owner), id);
    if (!item) throw new FactoryError('RESOURCE_NOT_FOUND', `No knowledge item ${id}`, { id });
    return item;
  }

  async deleteKnowledge(who: Principal, id: string, owner?: string): Promise<{ deleted: true }> {
    const mine = this.writer(who);
    const of = owner !== undefined && who.role === 'admin' ? owner : mine;
    if (!(await this.memory.repo.deleteKnowledge(of, id))) throw new FactoryError('RESOURCE_NOT_FOUND', `No knowledge item ${id}`, { id });
    return { deleted: true };
  }

  /**
   * A search embeds the query first: when the model server is away that fails (503) whether or not there
   * is anything to search, so an empty answer always means nothing similar. Items saved while it was away
   * are embedded next; one the model cannot embed while it answers otherwise is left out of this search
   * and tried again at the next.
   */
  private async prepareSearch(owner: string, query: string): Promise<number[]> {
    const llm = this.memoryDeps.llm;
    const [vector] = (await llm.embed({ role: EMBED_ROLE, input: [query] })).embeddings;
    await this.memory.embedMissing(llm, owner).catch(() => 0);
    return vector!;
  }

  /** The items most similar to `q` (items saved while the model server was away are embedded first). */
  async searchKnowledge(who: Principal, query: unknown): Promise<{ hits: { item: KnowledgeRecord; score: number }[] }> {
    const q = parseInput(MemorySearchQuery, query, 'query');
    const owner = this.reader(who, q.owner);
    const vector = await this.prepareSearch(owner, q.q);
    const opts = { ...(q.topK !== undefined ? { topK: q.topK } : {}), ...(q.minScore !== undefined ? { minScore: q.minScore } : {}) };
    return { hits: await this.memory.searchKnowledge(this.memoryDeps.llm, owner, vector, opts) };
  }

  /** Saves a completed project's result into its owner's knowledge base (idempotent). */
  async saveResult(who: Principal, projectId: string, input: unknown = {}): Promise<KnowledgeRecord & { embedded: boolean }> {
    const p = await this.visible(who, projectId);
    if (who.role !== 'admin' && p.owner !== who.id)
      throw new FactoryError('FORBIDDEN', `Only the owner of project ${projectId} or an admin may do this`);
    if (p.status !== 'completed')
      throw new FactoryError('PROJECT_STATE_INVALID', `Project ${projectId} is ${p.status}: only a completed project's result is saved`, {
        status: p.status,
      });
    const b = parseInput(RememberBody, input, 'body');
    const r = p.result as { result?: unknown } | null;
    const value = r && typeof r === 'object' && 'result' in r ? r.result : r;
    const content = (typeof value === 'string' ? value : JSON.stringify(value, null, 1)).slice(0, this.memory.settings.knowledge.maxChars);
    const item = await this.memory.addKnowledge(
      this.memoryDeps.llm,
      p.owner,
      { id: `kn_${p.id}_result`, title: b.title ?? p.name, content, tags: b.tags, source: `project:${p.id}`, project: p.id },
      { embedFailures: 'keep' },
    );
    return { ...item, embedded: item.model !== null };
  }

  async listEpisodes(who: Principal, query: unknown = {}): Promise<{ episodes: EpisodeRecord[] }> {
    const q = parseInput(EpisodesQuery, query, 'query');
    return { episodes: await this.memory.repo.listEpisodes(this.reader(who, q.owner), { limit: q.limit }) };
  }

  /** Finished projects whose task is most similar to `q` (how similar work went before). */
  async searchEpisodes(who: Principal, query: unknown): Promise<{ hits: { item: EpisodeRecord; score: number }[] }> {
    const q = parseInput(MemorySearchQuery, query, 'query');
    const owner = this.reader(who, q.owner);
    const vector = await this.prepareSearch(owner, q.q);
    const opts = { ...(q.topK !== undefined ? { topK: q.topK } : {}), ...(q.minScore !== undefined ? { minScore: q.minScore } : {}) };
    return { hits: await this.memory.searchEpisodes(this.memoryDeps.llm, owner, vector, opts) };
  }
}
