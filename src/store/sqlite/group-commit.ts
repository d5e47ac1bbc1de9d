import type Database from 'better-sqlite3';
import type { Committed, ProjectCommit } from '../../coordinator/index.ts';
import type { Gate } from './gate.ts';
import { storeError } from './project-rows.ts';

/** A lazy commit (progress events only) waits this long for other writes to share their transaction. */
const LAZY_MS = 100;

interface Queued {
  c: ProjectCommit;
  then: ((c: Committed) => void) | undefined;
  resolve: (c: Committed) => void;
  reject: (e: unknown) => void;
}

type Outcome = { ok: true; done: Committed } | { ok: false; error: unknown };

/**
 * Group commit: the commits asked for in the same turn of the event loop are written in one IMMEDIATE
 * transaction (one fsync), each in its own savepoint, so one that fails (fence, cancel, a duplicate
 * key) fails alone. The batch takes its turn at the store's gate like any other write. Each `then`
 * runs right after the transaction, in order. A lazy commit starts no transaction of its own before
 * LAZY_MS: it joins the next one.
 */
export class GroupCommit {
  private readonly batchTx: (fn: () => void) => void;
  private readonly one: (c: ProjectCommit) => Committed;
  private readonly queue: Queued[] = [];
  private immediate = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    db: Database.Database,
    private readonly gate: Gate,
    write: (c: ProjectCommit) => Committed,
  ) {
    const outer = db.transaction((fn: () => void) => fn());
    this.batchTx = (fn) => outer.immediate(fn);
    // nested inside the outer transaction: a savepoint, rolled back alone when its commit fails
    this.one = db.transaction(write);
  }

  commit(c: ProjectCommit, then?: (c: Committed) => void): Promise<Committed> {
    return new Promise((resolve, reject) => {
      this.queue.push({ c, then, resolve, reject });
      if (!c.lazy && !this.immediate) {
        this.immediate = true;
        setImmediate(() => this.flush());
      } else if (c.lazy && !this.timer && !this.immediate) {
        this.timer = setTimeout(() => this.flush(), LAZY_MS);
      }
    });
  }

  private flush(): void {
    this.immediate = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    this.gate
      .run(() => this.write(batch))
      .then(
        (results) => this.settle(batch, results),
        (e: unknown) => {
          for (const item of batch) item.reject(storeError(e, item.c.project));
        },
      );
  }

  private write(batch: Queued[]): Outcome[] {
    const results: Outcome[] = [];
    this.batchTx(() => {
      for (const item of batch) {
        try {
          results.push({ ok: true, done: this.one(item.c) });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
    });
    return results;
  }

  private settle(batch: Queued[], results: Outcome[]): void {
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (!r.ok) return item.reject(storeError(r.error, item.c.project));
      try {
        item.then?.(r.done);
      } catch {
        // a listener's failure is not the writer's
      }
      item.resolve(r.done);
    });
  }
}
