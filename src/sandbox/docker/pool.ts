import type Docker from 'dockerode';
import type { Prepared } from './container.ts';

interface Slot {
  spec: Docker.ContainerCreateOptions;
  target: number;
  ready: Prepared[];
  filling: number;
  failures: number;
  lastError?: string;
}

export interface PoolStats {
  key: string;
  target: number;
  ready: number;
  filling: number;
  failures: number;
  lastError?: string;
}

/**
 * Pre-created, pre-started containers per spec key. Each is handed out once and then destroyed by its
 * user; the pool refills in the background. Refill failures back off and never throw at callers.
 */
export class WarmPool {
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(
    private readonly prepare: (spec: Docker.ContainerCreateOptions) => Promise<Prepared>,
    private readonly dispose: (p: Prepared) => void,
    /** at most this many containers being created per key at once (default: the key's target) */
    private readonly maxConcurrentFills?: number,
  ) {}

  /** Keep `target` containers of this spec ready (0 stops refilling). */
  ensure(key: string, spec: Docker.ContainerCreateOptions, target: number): void {
    const slot = this.slots.get(key) ?? { spec, target, ready: [], filling: 0, failures: 0 };
    slot.target = target;
    this.slots.set(key, slot);
    this.fill(key);
  }

  /** A ready container for this key, or undefined (the caller then starts one cold). */
  take(key: string): Prepared | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    let p: Prepared | undefined;
    while ((p = slot.ready.shift()) !== undefined && p.dead) this.dispose(p);
    this.fill(key);
    return p;
  }

  private fill(key: string): void {
    const slot = this.slots.get(key);
    if (!slot || this.closed) return;
    while (slot.ready.length + slot.filling < slot.target && slot.filling < (this.maxConcurrentFills ?? Math.max(2, slot.target))) {
      slot.filling++;
      this.prepare(slot.spec).then(
        (p) => {
          slot.filling--;
          slot.failures = 0;
          if (this.closed || slot.ready.length >= slot.target) this.dispose(p);
          else slot.ready.push(p);
          this.fill(key);
        },
        (e: unknown) => {
          slot.filling--;
          slot.failures++;
          slot.lastError = (e as Error).message;
          // back off: 0.5 s, 1 s, 2 s … up to 30 s, then try again
          const delay = Math.min(30_000, 250 * 2 ** Math.min(slot.failures, 7));
          setTimeout(() => this.fill(key), delay).unref();
        },
      );
    }
  }

  stats(): PoolStats[] {
    return [...this.slots.entries()].map(([key, s]) => ({
      key, target: s.target, ready: s.ready.length, filling: s.filling, failures: s.failures,
      ...(s.lastError ? { lastError: s.lastError } : {}),
    }));
  }

  /** Stops refilling and destroys every ready container. */
  close(): void {
    this.closed = true;
    for (const s of this.slots.values()) for (const p of s.ready.splice(0)) this.dispose(p);
  }
}
