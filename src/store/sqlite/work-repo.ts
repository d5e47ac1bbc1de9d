import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ListScope } from '../../access/index.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../../util/page.ts';
import { JsonValue, WorkError, type WorkItem, type WorkKind, type WorkRepository } from '../repositories.ts';
import { checked, column, nullableColumn, type Run } from './columns.ts';
import { scopeWhere } from './scope.ts';

const Kind = z.enum(['job', 'run']);
const Status = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const Steps = z.array(JsonValue);

interface Row {
  id: string;
  kind: string;
  type: string;
  target: string;
  owner: string;
  status: string;
  progress: number;
  input: string;
  result: string | null;
  error: string | null;
  steps: string;
  created_at: string;
  updated_at: string;
}
const fromRow = (r: Row): WorkItem => ({
  id: r.id,
  kind: checked(Kind, r.kind, 'work', r.id, 'kind'),
  type: r.type,
  target: r.target,
  owner: r.owner,
  status: checked(Status, r.status, 'work', r.id, 'status'),
  progress: r.progress,
  input: column(JsonValue, r.input, 'work', r.id, 'input'),
  result: nullableColumn(JsonValue, r.result, 'work', r.id, 'result'),
  error: nullableColumn(WorkError, r.error, 'work', r.id, 'error'),
  steps: column(Steps, r.steps, 'work', r.id, 'steps'),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Jobs and runs. */
export class WorkRepo implements WorkRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {}

  create(w: Pick<WorkItem, 'id' | 'kind' | 'type' | 'target' | 'owner'> & { input: unknown }): Promise<WorkItem> {
    return this.run(() => {
      const now = new Date().toISOString();
      this.db
        .prepare(
          `INSERT INTO work (id, kind, type, target, owner, status, progress, input, steps, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, '[]', ?, ?)`,
        )
        .run(w.id, w.kind, w.type, w.target, w.owner, JSON.stringify(w.input ?? null), now, now);
      return this.getNow(w.id)!;
    });
  }

  update(
    id: string,
    patch: Partial<Pick<WorkItem, 'status' | 'progress'>> & { result?: unknown; error?: unknown; step?: unknown },
  ): Promise<void> {
    return this.run(() => {
      const cur = this.getNow(id);
      if (!cur) return;
      const steps = patch.step === undefined ? cur.steps : [...cur.steps, patch.step];
      this.db
        .prepare('UPDATE work SET status = ?, progress = ?, result = ?, error = ?, steps = ?, updated_at = ? WHERE id = ?')
        .run(
          patch.status ?? cur.status,
          patch.progress ?? cur.progress,
          JSON.stringify(patch.result === undefined ? cur.result : patch.result),
          JSON.stringify(patch.error === undefined ? cur.error : patch.error),
          JSON.stringify(steps),
          new Date().toISOString(),
          id,
        );
    });
  }

  get(id: string): Promise<WorkItem | undefined> {
    return this.run(() => this.getNow(id));
  }

  private getNow(id: string): WorkItem | undefined {
    const r = this.db.prepare('SELECT * FROM work WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Who owns a job or run (a cheap lookup for the access rules). */
  ownerOf(id: string): Promise<{ kind: WorkKind; owner: string } | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT kind, owner FROM work WHERE id = ?').get(id) as { kind: string; owner: string } | undefined;
      return r && { kind: checked(Kind, r.kind, 'work', id, 'kind'), owner: r.owner };
    });
  }

  /** Jobs or runs in the scope, newest first; a page of them before (createdAt, id). */
  list(kind: WorkKind, scope: ListScope = { all: true }, page: PageRequest = { limit: 100 }): Promise<PageOf<WorkItem>> {
    return this.run(() => {
      const w = scopeWhere(scope, 'owner');
      const before = page.after ? 'AND (created_at, id) < (@a0, @a1)' : '';
      const rows = this.db
        .prepare(`SELECT * FROM work WHERE kind = @kind AND ${w.sql} ${before} ORDER BY created_at DESC, id DESC LIMIT @limit`)
        .all({
          ...w.params,
          kind,
          limit: page.limit + 1,
          ...(page.after ? { a0: String(page.after[0]), a1: String(page.after[1] ?? '') } : {}),
        }) as Row[];
      return pageFromRows(rows.map(fromRow), page.limit, (x) => [x.createdAt, x.id]);
    });
  }

  /** Work left queued or running by a process that died: marked failed at start. */
  failInterrupted(): Promise<number> {
    return this.run(
      () =>
        this.db
          .prepare(
            `UPDATE work SET status = 'failed', error = '{"code":"SHUTTING_DOWN","message":"interrupted by a service restart","retryable":true}', updated_at = ? WHERE status IN ('queued', 'running')`,
          )
          .run(new Date().toISOString()).changes,
    );
  }
}
