/**
 * The narrow ports through which the coordinator reaches the rest of the service. The engine knows
 * only these; adapters.ts binds them to the store, the event bus, the audit trail and the factory.
 */
import type { AuditEvent, AuditEventInput } from '../audit/event.ts';
import type { AgentBlueprint, ToolBlueprint } from '../blueprints/index.ts';
import type { ProgressEvent, ProgressInput } from '../events/bus.ts';
import type { JournalEntry, ProjectRecord, ProjectStatus, Usage } from './model.ts';

/** Builds the complete (hashed) row from the current head, inside the writer's transaction. */
export type ChainBuilder<T> = (prev: { seq: number; hash: string } | undefined) => T;

export type ProjectPatch = Partial<
  Pick<
    ProjectRecord,
    'status' | 'phase' | 'plan' | 'result' | 'error' | 'waiting' | 'paused' | 'metrics' | 'config' | 'startedAt' | 'finishedAt'
  >
>;

/** Everything one transaction writes: journal rows, the project's new state, its events and audit rows. */
export interface ProjectCommit {
  project: string;
  /** the lease owner the write requires (a runner's writes are fenced); absent: any writer */
  fence?: string;
  /** a fenced write fails with PROJECT_CANCELLED once a cancel was requested, unless this is set */
  ignoreCancel?: boolean;
  /** nothing that must be durable at once (progress events): may wait briefly to share a later write's transaction */
  lazy?: boolean;
  journal?: ChainBuilder<JournalEntry>[];
  patch?: ProjectPatch;
  /** added to the running totals */
  usage?: Partial<Usage>;
  events?: ProgressInput[];
  audit?: ChainBuilder<AuditEvent>[];
}

export interface Committed {
  project: ProjectRecord;
  journal: JournalEntry[];
  events: ProgressEvent[];
  audit: AuditEvent[];
}

export interface ProjectListQuery {
  owner?: string;
  status?: ProjectStatus[];
  /** projects created before this cursor (an id from a previous page) */
  before?: string;
  limit: number;
}

export type NewProject = Pick<ProjectRecord, 'id' | 'name' | 'owner' | 'task' | 'pipeline' | 'config'>;

/**
 * Projects and their journals. Asynchronous by contract (a later store is asynchronous throughout);
 * `commit` is atomic, and calls `then` synchronously right after the transaction commits, so live
 * listeners see the written events in order before any other write can interleave.
 */
export interface ProjectRepository {
  create(p: NewProject, extras: Omit<ProjectCommit, 'project' | 'fence' | 'patch'>, then?: (c: Committed) => void): Promise<Committed>;
  commit(c: ProjectCommit, then?: (c: Committed) => void): Promise<Committed>;
  get(id: string): Promise<ProjectRecord | undefined>;
  list(q: ProjectListQuery): Promise<ProjectRecord[]>;
  /** journal rows in order; `kinds` filters, `afterSeq` pages */
  journal(id: string, q?: { afterSeq?: number; kinds?: JournalEntry['kind'][]; limit?: number }): Promise<JournalEntry[]>;
  journalEntry(id: string, key: string): Promise<JournalEntry | undefined>;
  /** takes the lease when it is free, lapsed, held by `owner` already, or held by `takeOverFrom` */
  acquire(id: string, owner: string, expiresAt: string, takeOverFrom?: string): Promise<boolean>;
  renew(id: string, owner: string, expiresAt: string): Promise<boolean>;
  release(id: string, owner: string): Promise<void>;
  requestCancel(id: string): Promise<void>;
  /** projects in `statuses`, oldest first, with their lease (for recovery after a restart) */
  inStatus(statuses: readonly ProjectStatus[]): Promise<Pick<ProjectRecord, 'id' | 'status' | 'lease' | 'createdAt'>[]>;
}

/** The progress stream: `prepare`d events go into a commit; `publish` writes one on its own (not state). */
export interface EventsPort {
  publish(e: ProgressInput): void;
  /** hands an event that a commit wrote to live subscribers */
  announce(e: ProgressEvent): void;
}

export interface AuditPort {
  /** validates an audit input now and returns the builder a commit chains in */
  prepare(input: AuditEventInput): ChainBuilder<AuditEvent>;
  /** hands an event that a commit wrote to live subscribers */
  announce(e: AuditEvent): void;
}

/** An agent of the pool, as the delegator sees it. */
export interface PoolAgent {
  id: string;
  name: string;
  origin: 'blueprint' | 'specialist' | 'clone';
  createdBy: string;
  blueprint: AgentBlueprint;
}

export interface AgentPool {
  /** agents that are alive (not destroyed, not expired) */
  list(): Promise<PoolAgent[]>;
  get(id: string): Promise<PoolAgent | undefined>;
  /** validated like any blueprint (schema and policy) before it is stored; audited and streamed by the factory */
  create(bp: unknown, owner: string, origin: 'specialist'): Promise<PoolAgent>;
  destroy(id: string, actor: string, reason: string): Promise<boolean>;
  /** policies an agent may name */
  policies(): string[];
}

export interface ToolRunOutcome {
  /** what the model is shown as the tool's result */
  reply: Record<string, unknown>;
  ok: boolean;
  runId?: string;
}

export interface GeneratedTool {
  name: string;
  version: number;
  /** the job's model calls; `estimatedCalls` of them had no counts and are charged an estimate */
  usage: { promptTokens: number; completionTokens: number; costUsd: number; llmCalls: number; estimatedCalls: number };
}

export interface ToolPool {
  /** registered, active tools */
  list(): Promise<{ name: string; blueprint: ToolBlueprint }[]>;
  get(name: string): Promise<ToolBlueprint | undefined>;
  /** checked under the policy in force now, then sandboxed; failures come back as a reply, never thrown (abort excepted) */
  execute(
    name: string,
    args: Record<string, unknown>,
    ctx: { actor: string; project: string; task: string; agent: string; signal: AbortSignal },
  ): Promise<ToolRunOutcome>;
  /** generate → check → probe → register through the tool factory; resolves when it is registered */
  generate(bp: ToolBlueprint, actor: string, signal: AbortSignal): Promise<GeneratedTool>;
  destroy(name: string, actor: string, reason: string): Promise<boolean>;
}

/** A knowledge item (seed 004 §9.4): what agents are given when it is similar to their work. */
export interface KnowledgeRecord {
  id: string;
  owner: string;
  /** the project whose result it was saved from, if any */
  project: string | null;
  title: string;
  content: string;
  tags: string[];
  /** `user`, or `project:<id>` for a saved result */
  source: string;
  /** the embedding model of its vector (null: not embedded yet) */
  model: string | null;
  createdAt: string;
  expiresAt: string | null;
}
export type NewKnowledge = Omit<KnowledgeRecord, 'createdAt' | 'model'> & { model: string | null; embedding: number[] | null };

/** A finished project as the strategist looks it up: task, plan, outcome, scores. */
export interface EpisodeRecord {
  project: string;
  owner: string;
  pipeline: string;
  task: string;
  plan: unknown;
  status: string;
  outcome: { summary: string; error: { code: string; message: string } | null; flagged: boolean };
  scores: { quality: number | null; firstPassRate: number | null; tasks: number; failedTasks: number; tokens: number; durationMs: number | null };
  model: string | null;
  createdAt: string;
  expiresAt: string | null;
}
export type NewEpisode = Omit<EpisodeRecord, 'createdAt' | 'model'> & { model: string | null; embedding: number[] | null };

export interface VectorRow {
  id: string;
  vector: number[];
}

/**
 * Long-term memory, owner-scoped: every method names the owner, nothing lists or searches across
 * owners. Asynchronous by contract, like the ProjectRepository.
 */
export interface MemoryRepository {
  addKnowledge(k: NewKnowledge): Promise<KnowledgeRecord>;
  knowledge(owner: string, id: string): Promise<KnowledgeRecord | undefined>;
  listKnowledge(owner: string, q: { before?: string; limit: number }): Promise<KnowledgeRecord[]>;
  deleteKnowledge(owner: string, id: string): Promise<boolean>;
  countKnowledge(owner: string): Promise<number>;
  /** false when the project has an episode already */
  addEpisode(e: NewEpisode): Promise<boolean>;
  episode(owner: string, project: string): Promise<EpisodeRecord | undefined>;
  listEpisodes(owner: string, q: { limit: number }): Promise<EpisodeRecord[]>;
  trimEpisodes(owner: string, max: number): Promise<number>;
  projectsWithoutEpisode(limit: number): Promise<string[]>;
  vectors(kind: 'knowledge' | 'episodes', owner: string, model: string, limit: number): Promise<VectorRow[]>;
  unembedded(kind: 'knowledge' | 'episodes', owner: string, model: string, limit: number): Promise<{ id: string; text: string }[]>;
  setVector(kind: 'knowledge' | 'episodes', owner: string, id: string, model: string, vector: number[]): Promise<void>;
  deleteExpired(now: string): Promise<{ knowledge: number; episodes: number }>;
}
