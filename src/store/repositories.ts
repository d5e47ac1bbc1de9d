/**
 * What the store keeps, whatever keeps it: the records and the asynchronous repository interfaces that
 * callers use. SQLite (./sqlite) implements them today; a second store implements the same interfaces
 * and nothing above src/store changes. The audit trail, the events module and the coordinator own their
 * repositories' interfaces (AuditRepository, EventRepository, ProjectRepository); the rest are here.
 */
import { z } from 'zod';
import type { ListScope, Role } from '../access/index.ts';
import type { AuditRepository } from '../audit/index.ts';
import type { AgentBlueprint, ProbeResult, ToolBlueprint } from '../blueprints/index.ts';
import type { CheckResult } from '../checker/types.ts';
import type { MemoryRepository, ProjectRepository } from '../coordinator/ports.ts';
import type { EventRepository } from '../events/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';

export type { Role };

/** A JSON value as a free-form column holds it (what a job's input or result is depends on its type). */
export const JsonValue = z.json();
export type JsonValue = z.infer<typeof JsonValue>;

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** API tokens. Only hashes are stored; the secret is shown once at creation. */
export interface TokenRepository {
  insert(t: { id: string; name: string; role: Role; tokenHash: string; createdAt: string; createdBy: string }): Promise<void>;
  findActiveByHash(tokenHash: string): Promise<TokenRecord | undefined>;
  touch(id: string, at: string): Promise<void>;
  revoke(id: string, at: string): Promise<boolean>;
  /** every token, oldest first; a page of them after (createdAt, id) */
  list(page?: PageRequest): Promise<PageOf<TokenRecord>>;
  get(id: string): Promise<TokenRecord | undefined>;
  countActiveAdmins(): Promise<number>;
}

export interface PolicyVersion {
  name: string;
  version: number;
  text: string;
  etag: string;
  author: string;
  source: 'disk' | 'api' | 'restore';
  createdAt: string;
}

/** Every version of every policy file the service has seen, in order. */
export interface PolicyRepository {
  /** adds a version unless the latest one already has this etag; returns the latest version either way */
  record(v: Omit<PolicyVersion, 'version' | 'createdAt'>): Promise<{ version: PolicyVersion; added: boolean }>;
  latest(name: string): Promise<PolicyVersion | undefined>;
  get(name: string, version: number): Promise<PolicyVersion | undefined>;
  history(name: string): Promise<PolicyVersion[]>;
}

/** An error as a job or run stores it: the catalog code, message, details (errorValue in the factory). */
export const WorkError = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean().default(false),
  details: z.unknown().optional(),
});
export type WorkError = z.output<typeof WorkError>;

export type WorkKind = 'job' | 'run';
export type WorkStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job (tool generation) or a run (tool execution, agent run): its state, result and steps. */
export interface WorkItem {
  id: string;
  kind: WorkKind;
  type: string;
  target: string;
  owner: string;
  status: WorkStatus;
  progress: number;
  input: JsonValue;
  result: JsonValue;
  error: WorkError | null;
  steps: JsonValue[];
  createdAt: string;
  updatedAt: string;
}

export interface WorkRepository {
  create(w: Pick<WorkItem, 'id' | 'kind' | 'type' | 'target' | 'owner'> & { input: unknown }): Promise<WorkItem>;
  update(
    id: string,
    patch: Partial<Pick<WorkItem, 'status' | 'progress'>> & { result?: unknown; error?: unknown; step?: unknown },
  ): Promise<void>;
  get(id: string): Promise<WorkItem | undefined>;
  /** who owns a job or run (a cheap lookup for the access rules) */
  ownerOf(id: string): Promise<{ kind: WorkKind; owner: string } | undefined>;
  /** jobs or runs in the scope, newest first; a page of them before (createdAt, id) */
  list(kind: WorkKind, scope?: ListScope, page?: PageRequest): Promise<PageOf<WorkItem>>;
  /** work left queued or running by a process that died: marked failed at start */
  failInterrupted(): Promise<number>;
}

export interface ToolVersion {
  name: string;
  version: number;
  language: string;
  origin: 'source' | 'generated';
  source: string;
  checksum: string;
  policy: string;
  blueprint: ToolBlueprint;
  checkReport: CheckResult;
  probeResults: ProbeResult[];
  attempts: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface ToolRecord {
  name: string;
  latestVersion: number;
  createdAt: string;
  createdBy: string;
  /** marked shared by its owner: other submitters may read and execute it */
  shared: boolean;
  destroyedAt: string | null;
}

/** Registered tools and every version of each. A destroyed tool keeps its history; its name can be registered again. */
export interface ToolRepository {
  /** adds the next version (creating or reviving the tool) atomically; a revived name belongs to its new creator, unshared */
  addVersion(v: Omit<ToolVersion, 'version' | 'createdAt'>): Promise<ToolVersion>;
  get(name: string): Promise<ToolRecord | undefined>;
  active(name: string): Promise<ToolRecord | undefined>;
  /** active tools in the scope, by name; a page of them after a name */
  list(scope?: ListScope, page?: PageRequest): Promise<PageOf<ToolRecord>>;
  setShared(name: string, shared: boolean): Promise<boolean>;
  version(name: string, version: number): Promise<ToolVersion | undefined>;
  versions(name: string): Promise<ToolVersion[]>;
  destroy(name: string): Promise<boolean>;
  /** active tools whose latest version has expired */
  expired(now: string): Promise<string[]>;
}

export interface AgentRecord {
  id: string;
  name: string;
  origin: 'blueprint' | 'specialist' | 'clone';
  parent: string | null;
  blueprint: AgentBlueprint;
  createdBy: string;
  /** marked shared by its owner: other submitters may read, run and clone it */
  shared: boolean;
  createdAt: string;
  expiresAt: string | null;
  destroyedAt: string | null;
}

export interface AgentRepository {
  insert(a: Omit<AgentRecord, 'createdAt' | 'destroyedAt'>): Promise<AgentRecord>;
  get(id: string): Promise<AgentRecord | undefined>;
  /** agents neither destroyed nor expired, in the scope, oldest first; a page of them after (createdAt, id) */
  list(scope?: ListScope, page?: PageRequest): Promise<PageOf<AgentRecord>>;
  setShared(id: string, shared: boolean): Promise<boolean>;
  destroy(id: string): Promise<boolean>;
  expired(now: string): Promise<string[]>;
}

export interface LlmCallRow {
  id: string;
  at: string;
  role: string;
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  durationMs: number;
  attempts: number;
  ok: boolean;
  error: string | null;
  costUsd: number;
  project?: string | null;
  task?: string | null;
  agent?: string | null;
}

export interface LlmTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** calls whose token counts Ollama did not report (not in the sums) */
  callsWithUnknownTokens: number;
}

/** Every model call with its tokens, duration and cost (seed 003 tracks tokens and cost per call). */
export interface LlmRepository {
  record(c: LlmCallRow): Promise<void>;
  /** totals, optionally for one project, one task (a job or run id) or the jobs and runs of one owner */
  totals(filter?: { project?: string; task?: string; owner?: string }): Promise<LlmTotals>;
  /**
   * Calls, tokens, cost and time per time bucket (hour or day, UTC), model and role, oldest first;
   * keyset-paged on (bucket start, model, role). `owner` limits it to the calls of that owner's jobs and runs.
   */
  series(q: UsageSeriesQuery): Promise<UsageBucketRow[]>;
}

export interface UsageSeriesQuery {
  bucket: 'hour' | 'day';
  from?: string;
  to?: string;
  owner?: string;
  after?: [string, string, string];
  limit: number;
}

export interface UsageBucketRow {
  start: string;
  model: string;
  role: string;
  calls: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  durationMs: number;
}

/** Every repository, as a store hands them out and as a transaction hands them to its callback. */
export interface Repositories {
  readonly audit: AuditRepository;
  readonly tokens: TokenRepository;
  readonly policies: PolicyRepository;
  readonly events: EventRepository;
  readonly work: WorkRepository;
  readonly tools: ToolRepository;
  readonly agents: AgentRepository;
  readonly llm: LlmRepository;
  /** the coordinator's projects and journals */
  readonly projects: ProjectRepository;
  /** the coordinator's knowledge base and episodes (long-term memory), each row private to its owner */
  readonly memory: MemoryRepository;
}

/** What the store reports about itself (readiness, `factory status`). */
export interface StoreInfo {
  /** where the data lives (a file path, or a server without its credentials) */
  location: string;
  schemaVersion: number;
  /** the SQLite journal mode, or what stands for it in another store */
  journalMode: string;
}

/**
 * The service's data. Every method is asynchronous. `transaction` runs `fn` with repositories bound to
 * one transaction: it commits when `fn` resolves and rolls back when it throws; other writes wait (they
 * never interleave). Inside `fn`, use only `tx`: calling the store itself there is refused.
 */
export interface Store extends Repositories {
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** a cheap round trip that proves the store answers */
  ping(): Promise<boolean>;
  info(): Promise<StoreInfo>;
  readonly isOpen: boolean;
  /** where the data lives, for messages */
  readonly path: string;
  /** waits for the transaction in progress, then closes */
  close(): Promise<void>;
}
