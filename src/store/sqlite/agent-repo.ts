import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ListScope } from '../../access/index.ts';
import { AgentBlueprint } from '../../blueprints/index.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../../util/page.ts';
import type { AgentRecord, AgentRepository } from '../repositories.ts';
import { checked, ColumnCache, type Run } from './columns.ts';
import { scopeWhere } from './scope.ts';

const Origin = z.enum(['blueprint', 'specialist', 'clone']);

interface Row {
  id: string;
  name: string;
  origin: string;
  parent: string | null;
  blueprint: string;
  created_by: string;
  shared: number;
  created_at: string;
  expires_at: string | null;
  destroyed_at: string | null;
}
const fromRow = (r: Row, cache: ColumnCache): AgentRecord => ({
  id: r.id,
  name: r.name,
  origin: checked(Origin, r.origin, 'agents', r.id, 'origin'),
  parent: r.parent,
  blueprint: cache.column(AgentBlueprint, r.blueprint, 'agents', r.id, 'blueprint'),
  createdBy: r.created_by,
  shared: r.shared === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  destroyedAt: r.destroyed_at,
});

/** The agent pool: every agent created, destroyed ones kept. */
export class AgentRepo implements AgentRepository {
  /** blueprints parsed once (the coordinator lists the pool for every sub-task) */
  private readonly cache = new ColumnCache();

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {}

  insert(a: Omit<AgentRecord, 'createdAt' | 'destroyedAt'>): Promise<AgentRecord> {
    return this.run(() => {
      this.db
        .prepare(
          `INSERT INTO agents (id, name, origin, parent, blueprint, created_by, shared, created_at, expires_at)
                  VALUES (@id, @name, @origin, @parent, @blueprint, @createdBy, @shared, @createdAt, @expiresAt)`,
        )
        .run({ ...a, shared: a.shared ? 1 : 0, blueprint: JSON.stringify(a.blueprint), createdAt: new Date().toISOString() });
      return this.getNow(a.id)!;
    });
  }

  get(id: string): Promise<AgentRecord | undefined> {
    return this.run(() => this.getNow(id));
  }

  private getNow(id: string): AgentRecord | undefined {
    const r = this.db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r, this.cache) : undefined;
  }

  /** Agents neither destroyed nor expired, in the scope, oldest first; a page of them after (createdAt, id). */
  list(scope: ListScope = { all: true }, page?: PageRequest): Promise<PageOf<AgentRecord>> {
    return this.run(() => {
      const w = scopeWhere(scope, 'created_by', 'shared');
      const after = page?.after ? 'AND (created_at, id) > (@a0, @a1)' : '';
      const params = {
        ...w.params,
        now: new Date().toISOString(),
        ...(page?.after ? { a0: String(page.after[0]), a1: String(page.after[1] ?? '') } : {}),
        ...(page ? { limit: page.limit + 1 } : {}),
      };
      const rows = this.db
        .prepare(
          `SELECT * FROM agents WHERE destroyed_at IS NULL AND (expires_at IS NULL OR expires_at > @now) AND ${w.sql} ${after}
                  ORDER BY created_at, id ${page ? 'LIMIT @limit' : ''}`,
        )
        .all(params) as Row[];
      return pageFromRows(
        rows.map((r) => fromRow(r, this.cache)),
        page?.limit ?? Infinity,
        (a) => [a.createdAt, a.id],
      );
    });
  }

  setShared(id: string, shared: boolean): Promise<boolean> {
    return this.run(
      () => this.db.prepare('UPDATE agents SET shared = ? WHERE id = ? AND destroyed_at IS NULL').run(shared ? 1 : 0, id).changes === 1,
    );
  }

  destroy(id: string): Promise<boolean> {
    return this.run(
      () =>
        this.db.prepare('UPDATE agents SET destroyed_at = ? WHERE id = ? AND destroyed_at IS NULL').run(new Date().toISOString(), id)
          .changes === 1,
    );
  }

  expired(now: string): Promise<string[]> {
    return this.run(() =>
      (
        this.db.prepare('SELECT id FROM agents WHERE destroyed_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ?').all(now) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
  }
}
