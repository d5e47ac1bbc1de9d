import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FactoryError } from '../../errors/catalog.ts';
import type { Repositories, Store, StoreInfo } from '../repositories.ts';
import { AgentRepo } from './agent-repo.ts';
import { AuditRepo } from './audit-repo.ts';
import { settle, type Run } from './columns.ts';
import { EventRepo } from './event-repo.ts';
import { Gate } from './gate.ts';
import { GroupCommit } from './group-commit.ts';
import { LlmRepo } from './llm-repo.ts';
import { gated, MemoryRepo } from './memory-repo.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { PolicyRepo } from './policy-repo.ts';
import { ProjectRepo, type ProjectWrites } from './project-repo.ts';
import { storeError } from './project-rows.ts';
import { cachePrepared } from './statements.ts';
import { TokenRepo } from './token-repo.ts';
import { ToolRepo } from './tool-repo.ts';
import { WorkRepo } from './work-repo.ts';

export interface SqliteOptions {
  /** 'full' fsyncs each commit (survives power loss); 'normal' survives process crashes. */
  synchronous?: 'full' | 'normal';
  /** ms to wait for another process's write lock before failing with STORE_BUSY */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/** The repositories over one connection, each running its statements through `run`. */
function repositories(db: Database.Database, run: Run, writes: ProjectWrites) {
  const audit = new AuditRepo(db, run);
  const events = new EventRepo(db, run);
  return {
    audit,
    events,
    tokens: new TokenRepo(db, run),
    policies: new PolicyRepo(db, run),
    work: new WorkRepo(db, run),
    tools: new ToolRepo(db, run),
    agents: new AgentRepo(db, run),
    llm: new LlmRepo(db, run, writes.mode === 'store' ? writes.group : undefined),
    projects: new ProjectRepo(db, run, writes, audit, events),
    memory: gated(new MemoryRepo(db), run),
  } satisfies Repositories;
}
type SqliteRepositories = ReturnType<typeof repositories>;

/**
 * The store on one SQLite file (better-sqlite3, WAL). Statements are synchronous underneath: a method
 * runs its statement at once and returns a settled promise, unless a transaction holds the connection
 * (then it waits at the gate). `transaction` takes the gate, BEGIN IMMEDIATE, runs the callback with
 * repositories bound to it, COMMIT (or ROLLBACK when it throws); another process waits for the file's
 * write lock up to busyTimeoutMs.
 */
export class SqliteStore implements Store {
  readonly audit: SqliteRepositories['audit'];
  readonly tokens: SqliteRepositories['tokens'];
  readonly policies: SqliteRepositories['policies'];
  readonly events: SqliteRepositories['events'];
  readonly work: SqliteRepositories['work'];
  readonly tools: SqliteRepositories['tools'];
  readonly agents: SqliteRepositories['agents'];
  readonly llm: SqliteRepositories['llm'];
  readonly projects: SqliteRepositories['projects'];
  readonly memory: SqliteRepositories['memory'];
  private readonly gate = new Gate();
  /** the store's batched writes (project commits, model-call records): one transaction per turn */
  private readonly group: GroupCommit;
  /** the transaction's repositories (one transaction at a time holds the gate) */
  private readonly tx: Repositories;
  /** listeners to run once the transaction in progress commits */
  private afterCommit: (() => void)[] = [];

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.group = new GroupCommit(db, this.gate);
    const outside = repositories(db, (fn) => this.gate.run(fn), { mode: 'store', group: this.group });
    ({ audit: this.audit, tokens: this.tokens, policies: this.policies, events: this.events, work: this.work } = outside);
    ({ tools: this.tools, agents: this.agents, llm: this.llm, projects: this.projects, memory: this.memory } = outside);
    this.tx = repositories(db, settle, { mode: 'tx', afterCommit: (fn) => this.afterCommit.push(fn) });
  }

  /** Opens (creating if needed) `<dataDir>/factory.db` in WAL mode and applies pending migrations. */
  static open(dataDir: string, opts: SqliteOptions = {}): SqliteStore {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, 'factory.db');
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: opts.readonly ?? false });
    } catch (e) {
      throw new FactoryError('STORE_UNAVAILABLE', `Cannot open the store at ${path}: ${(e as Error).message}`, { path }, { cause: e });
    }
    cachePrepared(db);
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS);
    }
    return new SqliteStore(path, db);
  }

  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.gate.exclusive(async () => {
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        throw storeError(e, '');
      }
      this.afterCommit = [];
      let value: T;
      try {
        value = await fn(this.tx);
        this.db.exec('COMMIT');
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.afterCommit = [];
        throw e;
      }
      const listeners = this.afterCommit;
      this.afterCommit = [];
      for (const l of listeners) l();
      return value;
    });
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  ping(): Promise<boolean> {
    return this.gate.run(() => (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1);
  }

  info(): Promise<StoreInfo> {
    return this.gate.run(() => ({
      location: this.path,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
    }));
  }

  async close(): Promise<void> {
    if (this.db.open) await this.group.close().catch(() => undefined);
    return this.gate.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > latest) {
    throw new FactoryError(
      'STORE_UNAVAILABLE',
      `The store's schema version ${current} is newer than this build knows (${latest}); upgrade agent-factory.`,
    );
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
