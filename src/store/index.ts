import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FactoryError } from '../errors/catalog.ts';
import { AuditRepo } from './audit-repo.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { AgentRepo } from './agent-repo.ts';
import { EventRepo } from './event-repo.ts';
import { LlmRepo } from './llm-repo.ts';
import { PolicyRepo } from './policy-repo.ts';
import { ProjectRepo } from './project-repo.ts';
import { ToolRepo } from './tool-repo.ts';
import { WorkRepo } from './work-repo.ts';
import { TokenRepo } from './token-repo.ts';

export type { Role, TokenRecord } from './token-repo.ts';
export type { AuditRepo } from './audit-repo.ts';
export type { TokenRepo } from './token-repo.ts';
export type { PolicyRepo, PolicyVersion } from './policy-repo.ts';
export type { EventRepo, ProgressEvent } from './event-repo.ts';
export type { WorkRepo, WorkItem, WorkKind, WorkStatus } from './work-repo.ts';
export type { ToolRepo, ToolRecord, ToolVersion } from './tool-repo.ts';
export type { AgentRepo, AgentRecord } from './agent-repo.ts';
export type { LlmRepo, LlmCallRow, UsageBucketRow } from './llm-repo.ts';
export type { ProjectRepo } from './project-repo.ts';

export interface StoreOptions {
  /** 'full' fsyncs each commit (survives power loss); 'normal' survives process crashes. */
  synchronous?: 'full' | 'normal';
  /** ms to wait for another process's write lock before failing with STORE_BUSY */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/** The only owner of the SQLite file. Everything else reaches data through its repositories. */
export class Store {
  readonly audit: AuditRepo;
  readonly tokens: TokenRepo;
  readonly policies: PolicyRepo;
  readonly events: EventRepo;
  readonly work: WorkRepo;
  readonly tools: ToolRepo;
  readonly agents: AgentRepo;
  readonly llm: LlmRepo;
  /** the coordinator's projects and journals */
  readonly projects: ProjectRepo;
  private readonly db: Database.Database;

  private constructor(readonly path: string, db: Database.Database) {
    this.db = db;
    this.audit = new AuditRepo(db);
    this.tokens = new TokenRepo(db);
    this.policies = new PolicyRepo(db);
    this.events = new EventRepo(db);
    this.work = new WorkRepo(db);
    this.tools = new ToolRepo(db);
    this.agents = new AgentRepo(db);
    this.llm = new LlmRepo(db);
    this.projects = new ProjectRepo(db, this.audit, this.events);
  }

  /** Opens (creating if needed) `<dataDir>/factory.db` in WAL mode and applies pending migrations. */
  static open(dataDir: string, opts: StoreOptions = {}): Store {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, 'factory.db');
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: opts.readonly ?? false });
    } catch (e) {
      throw new FactoryError('STORE_UNAVAILABLE', `Cannot open the store at ${path}: ${(e as Error).message}`, { path }, { cause: e });
    }
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS);
    }
    return new Store(path, db);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  /** A cheap round trip that proves the file is open and readable. */
  ping(): boolean {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > latest) {
    throw new FactoryError('STORE_UNAVAILABLE', `The store's schema version ${current} is newer than this build knows (${latest}); upgrade agent-factory.`);
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // another process may have applied it since `current` was read: the lock is held only from here
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
