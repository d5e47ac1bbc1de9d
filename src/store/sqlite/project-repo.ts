import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../audit/index.ts';
import type {
  Committed,
  JournalEntry,
  NewProject,
  ProjectCommit,
  ProjectListQuery,
  ProjectPatch,
  ProjectRecord,
  ProjectRepository,
  ProjectStatus,
} from '../../coordinator/index.ts';
import type { ProgressEvent } from '../../events/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { AuditRepo } from './audit-repo.ts';
import type { EventRepo } from './event-repo.ts';
import { checked, ColumnCache, type Run } from './columns.ts';
import type { GroupCommit } from './group-commit.ts';
import { fromJ, fromRow, GENESIS, PATCH_COLUMNS, StoredUsage, storeError, type JRow, type Row } from './project-rows.ts';

/**
 * How a project repository writes: the store's (commits grouped, each batch one transaction at the
 * gate) or a transaction's (commits written at once inside it; `then` runs once it has committed).
 */
export type ProjectWrites = { mode: 'store'; group: GroupCommit } | { mode: 'tx'; afterCommit: (fn: () => void) => void };

/**
 * Projects and their journals (the coordinator's ProjectRepository). A commit writes journal rows,
 * the project's state, progress events and audit rows in one IMMEDIATE transaction.
 */
export class ProjectRepo implements ProjectRepository {
  private readonly group: GroupCommit | undefined;
  /** parsed JSON columns: a project is read back after every commit of its run */
  private readonly cache = new ColumnCache();
  private readonly selectRow: Database.Statement;
  private readonly insertJ: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly createTx: (p: NewProject, extras: Omit<ProjectCommit, 'project' | 'fence' | 'patch'>) => Committed;
  private readonly oneTx: (c: ProjectCommit) => Committed;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
    private readonly writes: ProjectWrites,
    private readonly audit: AuditRepo,
    private readonly events: EventRepo,
  ) {
    this.group = writes.mode === 'store' ? writes.group : undefined;
    const create = db.transaction((p: NewProject, extras: Omit<ProjectCommit, 'project' | 'fence' | 'patch'>) => this.insert(p, extras));
    this.createTx = (p, extras) => create.immediate(p, extras);
    const one = db.transaction((c: ProjectCommit) => this.write(c));
    this.oneTx = (c) => one.immediate(c);
    this.selectRow = db.prepare('SELECT * FROM projects WHERE id = ?');
    this.insertJ = db.prepare(`INSERT INTO project_journal (project, seq, key, kind, ok, data, meta, at, prev_hash, hash)
      VALUES (@project, @seq, @key, @kind, @ok, @data, @meta, @at, @prevHash, @hash)`);
  }

  /** UPDATE statements by the columns they set (a handful of shapes), prepared once. */
  private update(sql: string): Database.Statement {
    let st = this.updates.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.updates.set(sql, st);
    }
    return st;
  }

  async create(
    p: NewProject,
    extras: Omit<ProjectCommit, 'project' | 'fence' | 'patch'>,
    then?: (c: Committed) => void,
  ): Promise<Committed> {
    const done = await this.run(() => this.createTx(p, extras)).catch((e: unknown) => Promise.reject(storeError(e, p.id)));
    this.after(() => then?.(done));
    return done;
  }

  private insert(p: NewProject, extras: Omit<ProjectCommit, 'project' | 'fence' | 'patch'>): Committed {
    const now = new Date().toISOString();
    const usage = { promptTokens: 0, completionTokens: 0, costUsd: 0, llmCalls: 0, toolRuns: 0, steps: 0, wallMs: 0, estimatedCalls: 0 };
    this.db
      .prepare(
        `INSERT INTO projects (id, name, owner, task, pipeline, status, phase, config, usage, journal_head, created_at, updated_at)
      VALUES (@id, @name, @owner, @task, @pipeline, 'pending', 'pending', @config, @usage, @head, @now, @now)`,
      )
      .run({ ...p, config: JSON.stringify(p.config), usage: JSON.stringify(usage), head: GENESIS, now });
    return this.write({ ...extras, project: p.id });
  }

  /**
   * The store's commits are grouped: those asked for in the same turn of the event loop are written in
   * one IMMEDIATE transaction (one fsync), each in its own savepoint (see group-commit.ts). Inside a
   * transaction, a commit is written at once (a savepoint), and `then` waits for the outer commit.
   */
  async commit(c: ProjectCommit, then?: (c: Committed) => void): Promise<Committed> {
    if (this.group) {
      return this.group.enqueue({
        write: () => this.write(c),
        ...(c.lazy ? { lazy: true } : {}),
        ...(then ? { then } : {}),
        error: (e) => storeError(e, c.project),
      });
    }
    const done = await this.run(() => this.oneTx(c)).catch((e: unknown) => Promise.reject(storeError(e, c.project)));
    this.after(() => then?.(done));
    return done;
  }

  /** Runs a listener once what was written is committed: now, or when the caller's transaction commits. */
  private after(fn: () => void): void {
    const run = () => {
      try {
        fn();
      } catch {
        // a listener's failure is not the writer's
      }
    };
    if (this.writes.mode === 'tx') this.writes.afterCommit(run);
    else run();
  }

  private row(id: string): Row | undefined {
    return this.selectRow.get(id) as Row | undefined;
  }

  /** Inside the transaction: fence, journal, patch and usage, events, audit. */
  private write(c: ProjectCommit): Committed {
    const before = this.row(c.project);
    if (!before) throw new FactoryError('RESOURCE_NOT_FOUND', `No project ${c.project}`);
    if (c.fence !== undefined) {
      if (before.lease_owner !== c.fence)
        throw new FactoryError('PROJECT_BUSY', `Project ${c.project} is leased to another runner`, { project: c.project });
      if (before.cancel_requested === 1 && !c.ignoreCancel)
        throw new FactoryError('PROJECT_CANCELLED', `Project ${c.project} was cancelled`);
    }
    const journal: JournalEntry[] = [];
    let head = before.journal_length > 0 ? { seq: before.journal_length, hash: before.journal_head } : undefined;
    for (const build of c.journal ?? []) {
      const e = build(head);
      this.insertJ.run({ ...e, ok: e.ok ? 1 : 0, data: JSON.stringify(e.data ?? null), meta: JSON.stringify(e.meta) });
      journal.push(e);
      head = { seq: e.seq, hash: e.hash };
    }
    const sets: string[] = ['updated_at = @now'];
    const params: Record<string, unknown> = { id: c.project, now: new Date().toISOString() };
    for (const [k, v] of Object.entries(c.patch ?? {})) {
      const spec = PATCH_COLUMNS[k as keyof ProjectPatch];
      if (!spec) throw new FactoryError('INTERNAL', `not a project field: ${k}`);
      sets.push(`${spec.col} = @${k}`);
      params[k] = spec.json ? (v === null || v === undefined ? null : JSON.stringify(v)) : v;
    }
    if (c.usage) {
      const u: Record<string, number> = { ...this.cache.column(StoredUsage, before.usage, 'projects', c.project, 'usage', true) };
      for (const [k, v] of Object.entries(c.usage)) u[k] = (u[k] ?? 0) + (v ?? 0);
      // checked before it is written (a NaN would be stored as null and make the row unreadable): the commit fails instead
      const usage = checked(StoredUsage, u, 'projects', c.project, 'usage');
      sets.push('usage = @usage');
      params.usage = JSON.stringify(usage);
      this.cache.remember(params.usage as string, usage, 'projects', c.project, 'usage');
    }
    if (journal.length > 0) {
      sets.push('journal_length = @jl', 'journal_head = @jh');
      params.jl = head!.seq;
      params.jh = head!.hash;
    }
    this.update(`UPDATE projects SET ${sets.join(', ')} WHERE id = @id`).run(params);
    const events: ProgressEvent[] = (c.events ?? []).map((p) =>
      this.events.appendNow({
        topic: p.topic,
        owner: p.owner,
        timestamp: new Date().toISOString(),
        project: p.project ?? null,
        task: p.task ?? null,
        agent: p.agent ?? null,
        status: p.status,
        progress: Math.min(1, Math.max(0, p.progress)),
        message: p.message,
        metadata: p.metadata ?? {},
      }),
    );
    const audit: AuditEvent[] = (c.audit ?? []).map((build) => this.audit.appendNow(build));
    // the run that committed keeps the record: unchanged columns are the objects it had (no copy, no parse)
    return { project: fromRow(this.row(c.project)!, this.cache, true), journal, events, audit };
  }

  get(id: string): Promise<ProjectRecord | undefined> {
    return this.run(() => {
      const r = this.row(id);
      return r ? fromRow(r, this.cache) : undefined;
    });
  }

  list(q: ProjectListQuery): Promise<ProjectRecord[]> {
    return this.run(() => {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: q.limit };
      if (q.owners !== undefined) {
        where.push(q.owners.length ? `owner IN (${q.owners.map((_, i) => `@o${i}`).join(', ')})` : '0');
        q.owners.forEach((o, i) => (params[`o${i}`] = o));
      }
      if (q.status?.length) {
        where.push(`status IN (${q.status.map((_, i) => `@s${i}`).join(', ')})`);
        q.status.forEach((s, i) => (params[`s${i}`] = s));
      }
      if (q.before !== undefined) {
        where.push('(created_at, id) < (@b0, @b1)');
        [params.b0, params.b1] = q.before;
      }
      const sql = `SELECT * FROM projects ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`;
      return (this.db.prepare(sql).all(params) as Row[]).map((r) => fromRow(r, this.cache));
    });
  }

  journal(id: string, q: { afterSeq?: number; kinds?: JournalEntry['kind'][]; limit?: number } = {}): Promise<JournalEntry[]> {
    return this.run(() => {
      const params: Record<string, unknown> = { id, after: q.afterSeq ?? 0, limit: q.limit ?? -1 };
      let kinds = '';
      if (q.kinds?.length) {
        kinds = `AND kind IN (${q.kinds.map((_, i) => `@k${i}`).join(', ')})`;
        q.kinds.forEach((k, i) => (params[`k${i}`] = k));
      }
      const sql = `SELECT * FROM project_journal WHERE project = @id AND seq > @after ${kinds} ORDER BY seq LIMIT @limit`;
      return (this.db.prepare(sql).all(params) as JRow[]).map(fromJ);
    });
  }

  journalEntry(id: string, key: string): Promise<JournalEntry | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT * FROM project_journal WHERE project = ? AND key = ?').get(id, key) as JRow | undefined;
      return r ? fromJ(r) : undefined;
    });
  }

  acquire(id: string, owner: string, expiresAt: string, takeOverFrom?: string): Promise<boolean> {
    return this.run(() => {
      const now = new Date().toISOString();
      const info = this.db
        .prepare(
          `UPDATE projects SET lease_owner = @owner, lease_expires = @expiresAt, runs = runs + 1, updated_at = @now
        WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires < @now OR lease_owner = @takeOver)`,
        )
        .run({ id, owner, expiresAt, now, takeOver: takeOverFrom ?? null });
      return info.changes === 1;
    });
  }

  renew(id: string, owner: string, expiresAt: string): Promise<boolean> {
    return this.run(() => {
      return (
        this.db.prepare('UPDATE projects SET lease_expires = ? WHERE id = ? AND lease_owner = ?').run(expiresAt, id, owner).changes === 1
      );
    });
  }

  release(id: string, owner: string): Promise<void> {
    return this.run(() => {
      this.db.prepare('UPDATE projects SET lease_owner = NULL, lease_expires = NULL WHERE id = ? AND lease_owner = ?').run(id, owner);
    });
  }

  requestCancel(id: string): Promise<void> {
    return this.run(() => {
      this.db.prepare('UPDATE projects SET cancel_requested = 1 WHERE id = ?').run(id);
    });
  }

  /** For the access rules: a project's owner and creation time. */
  ownerOf(id: string): Promise<{ owner: string; createdAt: string } | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT owner, created_at FROM projects WHERE id = ?').get(id) as
        { owner: string; created_at: string } | undefined;
      return r && { owner: r.owner, createdAt: r.created_at };
    });
  }

  countByStatus(): Promise<Partial<Record<ProjectStatus, number>>> {
    return this.run(() => {
      const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM projects GROUP BY status').all() as {
        status: ProjectStatus;
        n: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    });
  }

  inStatus(statuses: readonly ProjectStatus[]): Promise<Pick<ProjectRecord, 'id' | 'status' | 'lease' | 'createdAt'>[]> {
    return this.run(() => {
      if (statuses.length === 0) return [];
      const rows = this.db
        .prepare(
          `SELECT id, status, lease_owner, lease_expires, created_at FROM projects
        WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY created_at`,
        )
        .all(...statuses) as Row[];
      return rows.map((r) => ({
        id: r.id,
        status: r.status as ProjectStatus,
        lease: r.lease_owner && r.lease_expires ? { owner: r.lease_owner, expiresAt: r.lease_expires } : null,
        createdAt: r.created_at,
      }));
    });
  }
}
