// The warm pool's hand-out logic, with a scripted `prepare` in place of the engine (the pool itself never
// touches Docker; the containment suite runs it against the real engine).
import { describe, expect, it } from 'vitest';
import type { Prepared } from '../../src/sandbox/docker/container.ts';
import { WarmPool } from '../../src/sandbox/docker/pool.ts';

/** A pool whose preparations finish only when the test says so. */
function scripted() {
  let seq = 0;
  const pending: { resolve: (p: Prepared) => void; reject: (e: Error) => void }[] = [];
  const disposed: string[] = [];
  /** ends a container the way the engine reports it (its wait() returns) */
  const ends = new Map<string, () => void>();
  const pool = new WarmPool(
    () => new Promise<Prepared>((resolve, reject) => pending.push({ resolve, reject })),
    (p) => disposed.push(p.id),
  );
  const finish = async (n = 1) => {
    for (let i = 0; i < n; i++) {
      const p = { id: `c${++seq}`, dead: false } as Prepared;
      p.exited = new Promise<number>((r) =>
        ends.set(p.id, () => {
          p.dead = true;
          r(137);
        }),
      );
      pending.shift()!.resolve(p);
    }
    await new Promise((r) => setImmediate(r));
  };
  const fail = async () => {
    pending.shift()!.reject(new Error('engine said no'));
    await new Promise((r) => setImmediate(r));
  };
  return { pool, pending, disposed, finish, fail, ends };
}

describe('warm pool', () => {
  it('hands out a ready container at once and refills behind it', async () => {
    const { pool, pending, finish } = scripted();
    pool.ensure('k', {}, 2);
    expect(pending).toHaveLength(2);
    await finish(2);
    expect(pool.stats()[0]).toMatchObject({ ready: 2, filling: 0, waiting: 0 });
    const p = await pool.acquire('k');
    expect(p?.id).toBe('c1');
    expect(pending).toHaveLength(1); // the refill started
  });

  it('a run waits for a container being prepared instead of starting its own, oldest run first', async () => {
    const { pool, finish } = scripted();
    pool.ensure('k', {}, 2);
    const first = pool.acquire('k');
    const second = pool.acquire('k');
    const third = await pool.acquire('k'); // two in preparation, two runs already waiting: start cold
    expect(third).toBeUndefined();
    expect(pool.stats()[0]).toMatchObject({ filling: 2, waiting: 2 });
    await finish(1);
    expect((await first)?.id).toBe('c1');
    expect(pool.stats()[0]).toMatchObject({ ready: 0, waiting: 1, filling: 2 }); // the refill behind it started
    await finish(1);
    expect((await second)?.id).toBe('c2');
  });

  it('a failed preparation sends its waiting run off to start cold; the pool backs off and reports the error', async () => {
    const { pool, fail } = scripted();
    pool.ensure('k', {}, 1);
    const waiting = pool.acquire('k');
    await fail();
    expect(await waiting).toBeUndefined();
    expect(pool.stats()[0]).toMatchObject({ failures: 1, lastError: 'engine said no', waiting: 0 });
  });

  it('an aborted run stops waiting, and the container goes to the next run or the ready list', async () => {
    const { pool, finish } = scripted();
    pool.ensure('k', {}, 1);
    const ac = new AbortController();
    const waiting = pool.acquire('k', ac.signal);
    ac.abort();
    expect(await waiting).toBeUndefined();
    expect(pool.stats()[0]).toMatchObject({ waiting: 0 });
    await finish(1);
    expect(pool.stats()[0]).toMatchObject({ ready: 1 });
  });

  it('skips containers that died while ready, and disposes of them', async () => {
    const { pool, disposed, finish } = scripted();
    pool.ensure('k', {}, 2);
    await finish(2);
    const [a] = [await pool.acquire('k')];
    expect(a?.id).toBe('c1');
    // c2 dies while it waits in the pool
    (pool as unknown as { slots: Map<string, { ready: Prepared[] }> }).slots.get('k')!.ready[0]!.dead = true;
    const waiting = pool.acquire('k');
    expect(disposed).toEqual(['c2']);
    await finish(1);
    expect((await waiting)?.id).toBe('c3');
  });

  it('a ready container removed by someone else leaves the pool at once, is not counted, and is replaced', async () => {
    const { pool, pending, disposed, finish, ends } = scripted();
    pool.ensure('k', {}, 2);
    await finish(2);
    expect(pool.stats()[0]).toMatchObject({ ready: 2, filling: 0 });
    ends.get('c1')!(); // e.g. `docker rm -f` by another process: the engine's wait() answers
    await new Promise((r) => setImmediate(r));
    expect(disposed).toEqual(['c1']);
    expect(pool.stats()[0]).toMatchObject({ ready: 1, filling: 1 });
    expect(pending).toHaveLength(1); // the refill started without waiting for a run
    await finish(1);
    expect(pool.stats()[0]).toMatchObject({ ready: 2, filling: 0 });
    expect((await pool.acquire('k'))?.id).toBe('c2');
  });

  it('a handed-out container that ends is left to its run, not the pool', async () => {
    const { pool, disposed, finish, ends } = scripted();
    pool.ensure('k', {}, 1);
    await finish(1);
    expect((await pool.acquire('k'))?.id).toBe('c1');
    ends.get('c1')!();
    await new Promise((r) => setImmediate(r));
    expect(disposed).toEqual([]);
  });

  it('close() disposes of ready containers, releases waiting runs and stops refilling', async () => {
    const { pool, pending, disposed, finish } = scripted();
    pool.ensure('k', {}, 2);
    await finish(1);
    const waiting = pool.acquire('k'); // takes c1 at once
    expect((await waiting)?.id).toBe('c1');
    const w2 = pool.acquire('k');
    pool.close();
    expect(await w2).toBeUndefined();
    const before = pending.length;
    await finish(before); // preparations that finish after close are disposed of, none start
    expect(pending).toHaveLength(0);
    expect(disposed.length).toBe(before);
    expect(await pool.acquire('k')).toBeUndefined();
  });

  it('a container prepared ahead (a one-shot run) goes to the next run and is not replaced', async () => {
    const { pool, pending, finish } = scripted();
    pool.ahead('k', {});
    expect(pending).toHaveLength(1);
    const run = pool.acquire('k'); // still being prepared: the run waits for it
    await finish(1);
    expect((await run)?.id).toBe('c1');
    expect(pending).toHaveLength(0);
    expect(pool.stats()[0]).toMatchObject({ target: 0, ready: 0, filling: 0 });
    // ready before the run asks: handed out, not replaced either
    pool.ahead('k', {});
    await finish(1);
    expect((await pool.acquire('k'))?.id).toBe('c2');
    expect(pending).toHaveLength(0);
  });

  it('a container prepared ahead that fails is not tried again: the run starts its own', async () => {
    const { pool, pending, fail } = scripted();
    pool.ahead('k', {});
    await fail();
    expect(await pool.acquire('k')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 700)); // past the first back-off
    expect(pending).toHaveLength(0);
  });

  it('close() then settled(): a container still being prepared is disposed of once it is up', async () => {
    const { pool, disposed, finish } = scripted();
    pool.ahead('k', {});
    pool.close();
    const settled = pool.settled();
    await finish(1);
    await settled;
    expect(disposed).toEqual(['c1']);
  });

  it('an unknown key has nothing to hand out', async () => {
    const { pool } = scripted();
    expect(await pool.acquire('nope')).toBeUndefined();
  });
});

describe('limiter (removals of used containers)', () => {
  it('runs at most max tasks at once, the rest in arrival order, and survives failures', async () => {
    const { Limiter } = await import('../../src/util/limiter.ts');
    const lim = new Limiter(2);
    const order: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string, fail = false) =>
      lim.run(async () => {
        order.push(`start ${name}`);
        await new Promise<void>((r) => gates.set(name, r));
        order.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const a = task('a', true);
    const b = task('b');
    const c = task('c');
    const d = task('d');
    await new Promise((r) => setImmediate(r));
    expect(lim.running).toBe(2);
    expect(lim.waiting).toBe(2);
    expect(order).toEqual(['start a', 'start b']);
    gates.get('a')!();
    await expect(a).rejects.toThrow('a');
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['start a', 'start b', 'end a', 'start c']);
    for (const n of ['b', 'c']) gates.get(n)!();
    await Promise.all([b, c]);
    await new Promise((r) => setImmediate(r));
    gates.get('d')!();
    expect(await d).toBe('d');
    expect(lim.running).toBe(0);
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
