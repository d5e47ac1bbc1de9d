import type Database from 'better-sqlite3';
import type { ListScope } from '../access/index.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../util/page.ts';
import { scopeWhere } from './scope.ts';

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
  input: unknown;
  result: unknown;
  error: unknown;
  steps: unknown[];
  createdAt: string;
  updatedAt: string;
}

interface Row { id: string; kind: WorkKind; type: string; target: string; owner: string; status: WorkStatus; progress: number; input: string; result: string | null; error: string | null; steps: string; created_at: string; updated_at: string }
const fromRow = (r: Row): WorkItem => ({
  id: r.id, kind: r.kind, type: r.type, target: r.target, owner: r.owner, status: r.status, progress: r.progress,
  input: JSON.parse(r.input) as unknown, result: r.result === null ? null : (JSON.parse(r.result) as unknown),
  error: r.error === null ? null : (JSON.parse(r.error) as unknown), steps: JSON.parse(r.steps) as unknown[],
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export class WorkRepo {
  constructor(private readonly db: Database.Database) {}

  create(w: Pick<WorkItem, 'id' | 'kind' | 'type' | 'target' | 'owner' | 'input'>): WorkItem {
    const now = new Date().toISOString();
    this.db
      .prepare(`INSERT INTO work (id, kind, type, target, owner, status, progress, input, steps, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, '[]', ?, ?)`)
      .run(w.id, w.kind, w.type, w.target, w.owner, JSON.stringify(w.input ?? null), now, now);
    return this.get(w.id)!;
  }

  update(id: string, patch: Partial<Pick<WorkItem, 'status' | 'progress' | 'result' | 'error'>> & { step?: unknown }): void {
    const cur = this.get(id);
    if (!cur) return;
    const steps = patch.step === undefined ? cur.steps : [...cur.steps, patch.step];
    this.db
      .prepare('UPDATE work SET status = ?, progress = ?, result = ?, error = ?, steps = ?, updated_at = ? WHERE id = ?')
      .run(
        patch.status ?? cur.status, patch.progress ?? cur.progress,
        JSON.stringify(patch.result === undefined ? cur.result : patch.result),
        JSON.stringify(patch.error === undefined ? cur.error : patch.error),
        JSON.stringify(steps), new Date().toISOString(), id,
      );
  }

  get(id: string): WorkItem | undefined {
    const r = this.db.prepare('SELECT * FROM work WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Who owns a job or run (a cheap lookup for the access rules). */
  ownerOf(id: string): { kind: WorkKind; owner: string } | undefined {
    return this.db.prepare('SELECT kind, owner FROM work WHERE id = ?').get(id) as { kind: WorkKind; owner: string } | undefined;
  }

  /** Jobs or runs in the scope, newest first; a page of them before (createdAt, id). */
  list(kind: WorkKind, scope: ListScope = { all: true }, page: PageRequest = { limit: 100 }): PageOf<WorkItem> {
    const w = scopeWhere(scope, 'owner');
    const before = page.after ? 'AND (created_at, id) < (@a0, @a1)' : '';
    const rows = this.db
      .prepare(`SELECT * FROM work WHERE kind = @kind AND ${w.sql} ${before} ORDER BY created_at DESC, id DESC LIMIT @limit`)
      .all({ ...w.params, kind, limit: page.limit + 1, ...(page.after ? { a0: String(page.after[0]), a1: String(page.after[1] ?? '') } : {}) }) as Row[];
    return pageFromRows(rows.map(fromRow), page.limit, (x) => [x.createdAt, x.id]);
  }

  /** Work left queued or running by a process that died: marked failed at start. */
  failInterrupted(): number {
    return this.db
      .prepare(`UPDATE work SET status = 'failed', error = '{"code":"SHUTTING_DOWN","message":"interrupted by a service restart"}', updated_at = ? WHERE status IN ('queued', 'running')`)
      .run(new Date().toISOString()).changes;
  }
}
