import { AsyncLocalStorage } from 'node:async_hooks';
import { FactoryError } from '../../errors/catalog.ts';

/** Runs a synchronous step and hands its value or its error back as a settled promise. */
export function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
}

type Waiter = { tx: false; run: () => void } | { tx: true; start: () => void };

/**
 * The one connection's turnstile. A statement outside a transaction runs at once (synchronously, as
 * better-sqlite3 does; the caller gets a settled promise) unless an asynchronous transaction holds the
 * connection: then it waits its turn, in arrival order, so it neither lands inside that transaction
 * nor reads what it has not committed. Transactions take the gate one at a time.
 */
export class Gate {
  private held = false;
  private readonly waiting: Waiter[] = [];
  /** the transaction holding the gate, and the one the current async context runs in (to refuse a deadlock) */
  private current: object | undefined;
  private static readonly inside = new AsyncLocalStorage<object>();

  /** A synchronous step, at once when the connection is free, else after the transactions before it. */
  run<T>(fn: () => T): Promise<T> {
    if (!this.held) return settle(fn);
    if (this.current !== undefined && Gate.inside.getStore() === this.current) {
      return Promise.reject(
        new FactoryError(
          'INTERNAL',
          "A store method was called on the store inside store.transaction(); use the transaction's repositories (tx)",
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        tx: false,
        run: () => {
          try {
            resolve(fn());
          } catch (e) {
            reject(e);
          }
        },
      });
    });
  }

  /** Holds the connection for `fn` (an asynchronous transaction); others wait until it settles. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current !== undefined && Gate.inside.getStore() === this.current) {
      throw new FactoryError('INTERNAL', "store.transaction() inside a transaction: use the outer transaction's repositories (tx)");
    }
    if (this.held) await new Promise<void>((start) => this.waiting.push({ tx: true, start }));
    else this.held = true;
    const token = {};
    this.current = token;
    try {
      return await Gate.inside.run(token, fn);
    } finally {
      this.current = undefined;
      this.release();
    }
  }

  /** Lets the waiting statements run, in order, until the next transaction takes the connection. */
  private release(): void {
    this.held = false;
    for (let w = this.waiting.shift(); w; w = this.waiting.shift()) {
      if (w.tx) {
        this.held = true;
        return w.start();
      }
      w.run();
    }
  }

  /** Whether a transaction holds the connection now. */
  get busy(): boolean {
    return this.held;
  }
}
