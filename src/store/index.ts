/**
 * The store's door: the repository interfaces every caller uses (./repositories.ts) and how to open
 * the store. SQLite (./sqlite, better-sqlite3) is the one implementation; a second one (PostgreSQL)
 * would be another directory implementing `Store`, chosen in `Store.open`. See README.md.
 */
import type { Store as StoreApi } from './repositories.ts';
import { SqliteStore, type SqliteOptions } from './sqlite/store.ts';

export type {
  AgentRecord,
  AgentRepository,
  JsonValue,
  LlmCallRow,
  LlmRepository,
  LlmTotals,
  UsageBucketRow,
  UsageSeriesQuery,
  PolicyRepository,
  PolicyVersion,
  Repositories,
  Role,
  StoreInfo,
  TokenRecord,
  TokenRepository,
  ToolRecord,
  ToolRepository,
  ToolVersion,
  WorkError,
  WorkItem,
  WorkKind,
  WorkRepository,
  WorkStatus,
} from './repositories.ts';
export type { AuditRepository } from '../audit/index.ts';
export type { EventRepository, ProgressEvent } from '../events/index.ts';
export type { MemoryRepository, ProjectRepository } from '../coordinator/ports.ts';
export { migrate } from './sqlite/store.ts';

export type StoreOptions = SqliteOptions;
export type Store = StoreApi;

/** Opens the service's store: `<dataDir>/factory.db` (SQLite, WAL), migrated to this build's schema. */
export const Store = {
  open(dataDir: string, opts: StoreOptions = {}): Store {
    return SqliteStore.open(dataDir, opts);
  },
};
