import type Database from 'better-sqlite3';
import { FactoryError } from '../../errors/catalog.ts';
import type { Gate } from './gate.ts';

/** A lazy write (progress events, model-call records) waits this long for other writes to share their transaction. */
const LAZY_MS = 100;

/** One write waiting for its batch: run inside the batch's transaction, in a savepoint of its own. */
export interface GroupWrite<T> {
  write: () => T;
  /** starts no transaction of its own before LAZY_MS: it joins the next one */
  lazy?: boolean;
  /** runs right after the transaction has committed, before the promise resolves */
  then?: (value: T) => void;
  /** maps a failure of this write (or of the batch) to the error its caller gets */
  error?: (e: unknown) => unknown;
}

interface Queued {
  w: GroupWrite<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for the store's connection: the writes asked for in the same turn of the event loop (project
 * commits, model-call records) are written in one IMMEDIATE transaction (one fsync), each in its own
 * savepoint, so one that fails (fence, cancel, a duplicate key) fails alone. The batch takes its turn at
 * the store's gate like any other write. Each `then` runs right after the transaction, in order. A lazy
 * write starts no transaction of its own before LAZY_MS: it joins the next one. `flush` writes what waits
 * at once (the store calls it before it closes).
 */
export class GroupCommit {
  private readonly batchTx: (fn: () => void) => void;
  private readonly one: (fn: () => unknown) => unknown;
  private readonly queue: Queued[] = [];
  private immediate = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly gate: Gate,
  ) {
    const outer = db.transaction((fn: () => void) => fn());
    this.batchTx = (fn) => outer.immediate(fn);
    // nested inside the outer transaction: a savepoint, rolled back alone when its write fails
    this.one = db.transaction((fn: () => unknown) => fn());
  }

  enqueue<T>(w: GroupWrite<T>): Promise<T> {
    if (this.closed) return Promise.reject(new FactoryError('STORE_UNAVAILABLE', 'The store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ w: w as GroupWrite<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!w.lazy && !this.immediate) {
        this.immediate = true;
        setImmediate(() => this.flush());
      } else if (w.lazy && !this.timer && !this.immediate) {
        this.timer = setTimeout(() => this.flush(), LAZY_MS);
      }
    });
  }

  /** No more writes: what waits is written (the store closes once this resolves); later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Writes everything waiting now; resolves once every batch started so far has settled. */
  flush(): Promise<void> {
    this.immediate = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0);
    if (batch.length > 0) {
      const done = this.gate
        .run(() => this.write(batch))
        .then(
          (results) => this.settle(batch, results),
          (e: unknown) => {
            for (const item of batch) item.reject(item.w.error ? item.w.error(e) : e);
          },
        );
      this.inFlight = Promise.all([this.inFlight, done]).then(() => undefined);
    }
    return this.inFlight;
  }

  private write(batch: Queued[]): Outcome[] {
    const results: Outcome[] = [];
    this.batchTx(() => {
      for (const item of batch) {
        // an error that rolled back the whole transaction (disk full, I/O) must not leave the rest to
        // commit one by one outside it: they fail with it
        if (!this.db.inTransaction) {
          results.push({ ok: false, error: new FactoryError('STORE_UNAVAILABLE', 'The batch was rolled back by an earlier error') });
          continue;
        }
        try {
          results.push({ ok: true, value: this.one(item.w.write) });
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
      if (!r.ok) return item.reject(item.w.error ? item.w.error(r.error) : r.error);
      try {
        item.w.then?.(r.value);
      } catch {
        // a listener's failure is not the writer's
      }
      item.resolve(r.value);
    });
  }
}
