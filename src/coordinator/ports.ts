/**
 * The narrow ports through which the coordinator reaches the rest of the service. The engine knows
 * only these; adapters.ts binds them to the store, the event bus, the audit trail and the factory.
 */
import type { AuditEvent, AuditEventInput } from '../audit/event.ts';
import type { AgentBlueprint, ToolBlueprint } from '../blueprints/index.ts';
import type { ProgressEvent, ProgressInput } from '../events/bus.ts';
import type { JournalEntry, Principal, ProjectRecord, ProjectStatus, Usage } from './model.ts';

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
  /** only projects of these owners (absent: every owner) */
  owners?: string[];
  status?: ProjectStatus[];
  /** projects created before this key ([createdAt, id] of the last project of the previous page): newest first */
  before?: [string, string];
  limit: number;
}

export type NewProject = Pick<ProjectRecord, 'id' | 'name' | 'owner' | 'task' | 'pipeline' | 'config'>;

/**
 * Projects and their journals (the store implements it). Asynchronous like every repository; `commit`
 * is atomic (journal rows, state, events and audit rows in one transaction), and calls `then` once the
 * transaction has committed and before the returned promise resolves, so live listeners see the written
 * events in commit order. Inside `store.transaction`, `then` waits for that transaction's commit.
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
  /** a project's owner and creation time (the access rules' lookup) */
  ownerOf(id: string): Promise<{ owner: string; createdAt: string } | undefined>;
  /** how many projects are in each status (readiness) */
  countByStatus(): Promise<Partial<Record<ProjectStatus, number>>>;
  /** projects in `statuses`, oldest first, with their lease (for recovery after a restart) */
  inStatus(statuses: readonly ProjectStatus[]): Promise<Pick<ProjectRecord, 'id' | 'status' | 'lease' | 'createdAt'>[]>;
}

/** The progress stream: `prepare`d events go into a commit; `publish` writes one on its own (not state). */
export interface EventsPort {
  publish(e: ProgressInput): Promise<unknown>;
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

/**
 * The agents a project may use. The coordinator acts for the project's owner: `owner` is the project's
 * owner, and the pool holds what that owner may use (its own agents, shared ones, the service's).
 */
export interface AgentPool {
  /** agents the owner may use that are alive (not destroyed, not expired) */
  list(owner: string): Promise<PoolAgent[]>;
  get(id: string, owner: string): Promise<PoolAgent | undefined>;
  /** the owner's new agent, validated like any blueprint (schema and policy) before it is stored; audited and streamed by the factory */
  create(bp: unknown, owner: string, origin: 'specialist'): Promise<PoolAgent>;
  /** destroys one of the owner's agents; false when it is gone already */
  destroy(id: string, owner: string, reason: string): Promise<boolean>;
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

/** The tools a project may use: those its owner may use (its own, shared ones, the service's). */
export interface ToolPool {
  /** registered, active tools the owner may use */
  list(owner: string): Promise<{ name: string; blueprint: ToolBlueprint }[]>;
  get(name: string, owner: string): Promise<ToolBlueprint | undefined>;
  /**
   * Run as the owner (`ctx.actor`): checked under the policy in force now, then sandboxed; failures (a
   * blocked source included) come back as a reply, never thrown (abort and an unusable sandbox excepted)
   */
  execute(
    name: string,
    args: Record<string, unknown>,
    ctx: { actor: string; project: string; task: string; agent: string; signal: AbortSignal },
  ): Promise<ToolRunOutcome>;
  /** generate → check → probe → register through the tool factory as the owner's tool; resolves when it is registered */
  generate(bp: ToolBlueprint, owner: string, signal: AbortSignal): Promise<GeneratedTool>;
  /** destroys one of the owner's tools; false when it is gone already */
  destroy(name: string, owner: string, reason: string): Promise<boolean>;
}

/**
 * Who may see and change a project: the service's access rules (src/access), where `project` is a kind
 * of resource like tools and agents. Viewers and admins see every project, a submitter its own; only the
 * owner or an admin changes one (cancel, approvals, resume, budget). Every refusal is audited there.
 */
export interface ProjectAccess {
  /** RESOURCE_NOT_FOUND when `who` may not see it (or there is none), FORBIDDEN when it sees it but may not `action` */
  require(who: Principal, id: string, action: 'read' | 'change'): Promise<void>;
  /** whose projects a list shows `who`: every owner's, or these owners' */
  owners(who: Principal): string[] | 'all';
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
  scores: {
    quality: number | null;
    firstPassRate: number | null;
    tasks: number;
    failedTasks: number;
    tokens: number;
    durationMs: number | null;
  };
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
