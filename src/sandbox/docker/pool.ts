import type Docker from 'dockerode';
import type { Prepared } from './container.ts';

interface Slot {
  spec: Docker.ContainerCreateOptions;
  target: number;
  ready: Prepared[];
  filling: number;
  /** runs waiting for a container that is being prepared, oldest first */
  waiters: ((p: Prepared | undefined) => void)[];
  failures: number;
  lastError?: string;
  /** prepared ahead for runs about to come: each one handed out lowers the target, nothing is refilled */
  once?: boolean;
}

export interface PoolStats {
  key: string;
  target: number;
  ready: number;
  filling: number;
  waiting: number;
  failures: number;
  lastError?: string;
}

/**
 * Pre-created, pre-started containers per spec key. Each is handed out once and then destroyed by its
 * user; the pool refills in the background. Refill failures back off and never throw at callers.
 *
 * When none is ready but more are being prepared than runs already wait for, a run waits for the next
 * one instead of creating its own: under sustained load the engine then works on at most `target`
 * containers at once, as many as a bare create/start/remove loop at that concurrency would, instead of
 * the pool's refills plus one cold container per run.
 */
export class WarmPool {
  private readonly slots = new Map<string, Slot>();
  private closed = false;
  /** preparations under way */
  private readonly preparing = new Set<Promise<void>>();

  constructor(
    private readonly prepare: (spec: Docker.ContainerCreateOptions) => Promise<Prepared>,
    private readonly dispose: (p: Prepared) => void,
    /** at most this many containers being created per key at once (default: the key's target) */
    private readonly maxConcurrentFills?: number,
  ) {}

  /** Keep `target` containers of this spec ready (0 stops refilling). */
  ensure(key: string, spec: Docker.ContainerCreateOptions, target: number): void {
    const slot = this.slots.get(key) ?? { spec, target, ready: [], filling: 0, waiters: [], failures: 0 };
    slot.target = target;
    slot.once = false;
    this.slots.set(key, slot);
    this.fill(key);
  }

  /**
   * Prepares `count` more containers of this spec for runs about to come, without refilling after them
   * (a one-shot `factory run` starts its container while it checks the script). Unused ones go at close.
   */
  ahead(key: string, spec: Docker.ContainerCreateOptions, count = 1): void {
    const slot = this.slots.get(key);
    if (slot && !slot.once) return; // a pool that refills already keeps some ready
    const s = slot ?? { spec, target: 0, ready: [], filling: 0, waiters: [], failures: 0, once: true };
    s.target += count;
    this.slots.set(key, s);
    this.fill(key);
  }

  /** One container of the slot was handed out, or failed to come up: one prepared ahead is not replaced. */
  private spent(slot: Slot): void {
    if (slot.once) slot.target = Math.max(0, slot.target - 1);
  }

  /**
   * A ready container for this key; or, when one is being prepared that no earlier run waits for, that
   * one once it is ready; otherwise (or when its preparation fails, or `signal` aborts) undefined, and
   * the caller starts one cold.
   */
  acquire(key: string, signal?: AbortSignal): Promise<Prepared | undefined> {
    const slot = this.slots.get(key);
    if (!slot) return Promise.resolve(undefined);
    let p: Prepared | undefined;
    while ((p = slot.ready.shift()) !== undefined && p.dead) this.dispose(p);
    if (p) this.spent(slot);
    this.fill(key);
    if (p || this.closed || slot.filling <= slot.waiters.length || signal?.aborted) return Promise.resolve(p);
    return new Promise((resolve) => {
      const waiter = (got: Prepared | undefined) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(got);
      };
      const onAbort = () => {
        const i = slot.waiters.indexOf(waiter);
        if (i >= 0) slot.waiters.splice(i, 1);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.waiters.push(waiter);
    });
  }

  private fill(key: string): void {
    const slot = this.slots.get(key);
    if (!slot || this.closed) return;
    while (slot.ready.length + slot.filling < slot.target && slot.filling < (this.maxConcurrentFills ?? Math.max(2, slot.target))) {
      slot.filling++;
      const job = this.prepare(slot.spec).then(
        (p) => {
          slot.filling--;
          slot.failures = 0;
          const waiter = slot.waiters.shift();
          if (waiter) {
            this.spent(slot);
            waiter(p);
          } else if (this.closed || slot.ready.length >= slot.target) this.dispose(p);
          else this.keep(key, slot, p);
          this.fill(key);
        },
        (e: unknown) => {
          slot.filling--;
          slot.failures++;
          slot.lastError = (e as Error).message;
          // a run waiting for this container starts its own instead (and reports the engine's error)
          this.spent(slot);
          slot.waiters.shift()?.(undefined);
          // back off: 0.5 s, 1 s, 2 s … up to 30 s, then try again
          const delay = Math.min(30_000, 250 * 2 ** Math.min(slot.failures, 7));
          setTimeout(() => this.fill(key), delay).unref();
        },
      );
      this.preparing.add(job);
      void job.catch(() => undefined).then(() => this.preparing.delete(job));
    }
  }

  /** Resolves when no container is being prepared (after close, each one that came up is disposed of). */
  async settled(): Promise<void> {
    while (this.preparing.size > 0) await Promise.allSettled([...this.preparing]);
  }

  /**
   * Holds a ready container and watches it: one that ends while it waits (removed or killed by someone
   * else, the engine restarted) leaves the ready list at once, and the pool refills.
   */
  private keep(key: string, slot: Slot, p: Prepared): void {
    slot.ready.push(p);
    void p.exited.then(() => {
      const i = slot.ready.indexOf(p);
      if (i < 0) return; // handed out meanwhile: its run deals with it
      slot.ready.splice(i, 1);
      this.dispose(p);
      this.fill(key);
    });
  }

  /** Only containers that still run count as ready. */
  stats(): PoolStats[] {
    return [...this.slots.entries()].map(([key, s]) => ({
      key,
      target: s.target,
      ready: s.ready.filter((p) => !p.dead).length,
      filling: s.filling,
      waiting: s.waiters.length,
      failures: s.failures,
      ...(s.lastError ? { lastError: s.lastError } : {}),
    }));
  }

  /** Stops refilling, destroys every ready container, and sends waiting runs off to start their own. */
  close(): void {
    this.closed = true;
    for (const s of this.slots.values()) {
      for (const p of s.ready.splice(0)) this.dispose(p);
      for (const w of s.waiters.splice(0)) w(undefined);
    }
  }
}
