/**
 * Tracks in-flight work so shutdown can let it finish within a grace period, then cancel the rest.
 * Work registers with `track`, receives an AbortSignal, and is awaited on `drain`.
 */
export class Lifecycle {
  private readonly inflight = new Map<number, { done: Promise<unknown>; abort: AbortController; label: string }>();
  private nextId = 1;
  private closing = false;

  get isClosing(): boolean {
    return this.closing;
  }

  get size(): number {
    return this.inflight.size;
  }

  track<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const id = this.nextId++;
    const abort = new AbortController();
    const done = work(abort.signal).finally(() => this.inflight.delete(id));
    this.inflight.set(id, { done, abort, label });
    return done;
  }

  /** Stop taking work, wait up to `graceMs` for what runs, then abort what is left and wait for it to unwind. */
  async drain(graceMs: number): Promise<{ finished: number; cancelled: string[] }> {
    this.closing = true;
    const all = [...this.inflight.values()];
    const settled = Promise.allSettled(all.map((w) => w.done));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      settled.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
    ]);
    clearTimeout(timer);
    const cancelled: string[] = [];
    if (timedOut) {
      for (const w of this.inflight.values()) {
        cancelled.push(w.label);
        w.abort.abort(new Error('service shutting down'));
      }
      await Promise.allSettled([...this.inflight.values()].map((w) => w.done));
    }
    return { finished: all.length - cancelled.length, cancelled };
  }
}
