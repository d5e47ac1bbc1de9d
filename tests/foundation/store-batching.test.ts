// How the SQLite store spares work on the hot path: grouped writes (one transaction for the writes of
// one turn), parsed JSON columns kept per text, prepared statements kept per SQL.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectDefaultsSchema } from '../../src/config/schema.ts';
import { Store } from '../../src/store/index.ts';
import { ColumnCache } from '../../src/store/sqlite/columns.ts';
import { Gate } from '../../src/store/sqlite/gate.ts';
import { GroupCommit } from '../../src/store/sqlite/group-commit.ts';
import { cachePrepared } from '../../src/store/sqlite/statements.ts';
import { tempDir } from '../helpers/env.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const call = (id: string) => ({
  id,
  at: new Date().toISOString(),
  role: 'worker',
  model: 'llama3.1:8b',
  promptTokens: 10,
  completionTokens: 5,
  durationMs: 100,
  attempts: 1,
  ok: true,
  error: null,
  costUsd: 0,
});

/** A raw connection whose batch transactions (`.immediate` of the outer one) are counted. */
function countingDb() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  let batches = 0;
  let first = true;
  const counting = {
    get inTransaction() {
      return db.inTransaction;
    },
    transaction: (fn: (...a: never[]) => unknown) => {
      const tx = db.transaction(fn);
      if (!first) return tx;
      first = false; // the first one GroupCommit makes is the outer (batch) transaction
      return Object.assign((...a: never[]) => tx(...a), {
        immediate: (...a: never[]) => {
          batches++;
          return tx.immediate(...a);
        },
      });
    },
  } as unknown as Database.Database;
  cleanups.push(() => void db.close());
  return { db, group: new GroupCommit(counting, new Gate()), batches: () => batches };
}

describe('grouped writes', () => {
  it('the writes asked for in one turn share one transaction; a later turn starts another', async () => {
    const { db, group, batches } = countingDb();
    const insert = (id: number) => group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (?, ?)').run(id, 'x').changes });
    await expect(Promise.all([insert(1), insert(2), insert(3)])).resolves.toEqual([1, 1, 1]);
    expect(batches()).toBe(1);
    await insert(4);
    expect(batches()).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 4 });
  });

  it('a write that fails fails alone (its savepoint is rolled back); the others of its batch land', async () => {
    const { db, group } = countingDb();
    db.prepare('INSERT INTO t VALUES (1, ?)').run('old');
    const results = await Promise.allSettled([
      group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (2, ?)').run('a') }),
      group.enqueue({
        write: () => {
          db.prepare("UPDATE t SET v = 'half-done' WHERE id = 1").run();
          return db.prepare('INSERT INTO t VALUES (1, ?)').run('duplicate');
        },
        error: (e) => new Error(`mapped: ${(e as { code?: string }).code}`),
      }),
      group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (3, ?)').run('b') }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('mapped: SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(db.prepare('SELECT id, v FROM t ORDER BY id').all()).toEqual([
      { id: 1, v: 'old' },
      { id: 2, v: 'a' },
      { id: 3, v: 'b' },
    ]);
  });

  it('a lazy write waits for the next batch; flush writes it at once', async () => {
    const { db, group, batches } = countingDb();
    const lazy = group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (1, ?)').run('lazy'), lazy: true });
    await new Promise((r) => setImmediate(r));
    expect(batches()).toBe(0);
    await group.flush();
    await lazy;
    expect(batches()).toBe(1);
    expect(db.prepare('SELECT v FROM t').get()).toEqual({ v: 'lazy' });
  });

  it('model-call records asked for without waiting are in the store once it has closed (close writes what waits)', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const store = Store.open(t.dir);
    const pending = [store.llm.record(call('c1')), store.llm.record(call('c2')), store.llm.record(call('c1'))];
    await store.close();
    const settled = await Promise.allSettled(pending);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const again = Store.open(t.dir);
    cleanups.push(() => again.close());
    await expect(again.llm.totals()).resolves.toMatchObject({ calls: 2, promptTokens: 20, completionTokens: 10 });
  });
});

describe('parsed columns kept per text', () => {
  const Schema = z.object({ items: z.array(z.number()) });

  it('the same text gives an equal copy (no two readers share an object), or the shared value when asked', () => {
    const cache = new ColumnCache();
    const a = cache.column(Schema, '{"items":[1,2]}', 'tbl', 'r1', 'c');
    const b = cache.column(Schema, '{"items":[1,2]}', 'tbl', 'r1', 'c');
    expect(b).toEqual({ items: [1, 2] });
    expect(b).not.toBe(a);
    a.items.push(3);
    expect(cache.column(Schema, '{"items":[1,2]}', 'tbl', 'r1', 'c')).toEqual({ items: [1, 2] });
    const s1 = cache.column(Schema, '{"items":[1,2]}', 'tbl', 'r1', 'c', true);
    expect(cache.column(Schema, '{"items":[1,2]}', 'tbl', 'r1', 'c', true)).toBe(s1);
  });

  it('a changed text is parsed and checked again: a corrupt one is STORE_CORRUPT even after a good one', () => {
    const cache = new ColumnCache();
    expect(cache.column(Schema, '{"items":[1]}', 'tbl', 'r1', 'c')).toEqual({ items: [1] });
    expect(cache.column(Schema, '{"items":[7]}', 'tbl', 'r1', 'c')).toEqual({ items: [7] });
    expect(() => cache.column(Schema, '{"items":["x"]}', 'tbl', 'r1', 'c')).toThrow(
      expect.objectContaining({ code: 'STORE_CORRUPT', details: { table: 'tbl', id: 'r1', column: 'c' } }),
    );
    expect(() => cache.column(Schema, 'not json', 'tbl', 'r1', 'c')).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('stays within its bound: the oldest entries go first', () => {
    const cache = new ColumnCache(2);
    const first = cache.column(Schema, '{"items":[1]}', 'tbl', 'r1', 'c', true);
    cache.column(Schema, '{"items":[2]}', 'tbl', 'r2', 'c', true);
    cache.column(Schema, '{"items":[3]}', 'tbl', 'r3', 'c', true);
    expect(cache.column(Schema, '{"items":[1]}', 'tbl', 'r1', 'c', true)).not.toBe(first);
  });

  it('stays within its bound of characters too, and does not keep a text too large for it', () => {
    const cache = new ColumnCache(100, 200); // 13-character texts: 15 fit; one over 25 characters is never kept
    const first = cache.column(Schema, '{"items":[0]}', 'tbl', 'r0', 'c', true);
    expect(cache.column(Schema, '{"items":[0]}', 'tbl', 'r0', 'c', true)).toBe(first);
    for (let i = 1; i <= 15; i++) cache.column(Schema, `{"items":[${i % 10}]}`, 'tbl', `r${i}`, 'c', true);
    expect(cache.column(Schema, '{"items":[0]}', 'tbl', 'r0', 'c', true)).not.toBe(first);
    const big = `{"items":[${Array.from({ length: 10 }, (_, i) => i).join(',')}]}`;
    expect(cache.column(Schema, big, 'tbl', 'rb', 'c', true)).not.toBe(cache.column(Schema, big, 'tbl', 'rb', 'c', true));
  });
});

describe('prepared statements kept per SQL', () => {
  it('the same SQL gives the same statement, a different SQL another', () => {
    const db = new Database(':memory:');
    cleanups.push(() => void db.close());
    cachePrepared(db);
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    expect(db.prepare('SELECT 2 AS two')).not.toBe(db.prepare('SELECT 1 AS one'));
  });

  it('no repository changes a shared statement mode or iterates one (either would leak into the next caller)', () => {
    const dir = join(import.meta.dirname, '../../src/store/sqlite');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/\.(pluck|raw|expand|safeIntegers|iterate)\(/);
    }
  });
});

describe('project commits through the caches', () => {
  async function withProject() {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const store = Store.open(t.dir);
    cleanups.push(() => store.close());
    const config = ProjectDefaultsSchema.parse({});
    const done = await store.projects.create({ id: 'prj_1', name: 'p', owner: 'alice', task: 't', pipeline: 'default', config }, {});
    return { t, store, done };
  }

  it('a usage that is not a finite number is refused; the project stays readable, also after a reopen', async () => {
    const { t, store } = await withProject();
    await expect(store.projects.commit({ project: 'prj_1', usage: { costUsd: Number.NaN } })).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
    });
    await store.projects.commit({ project: 'prj_1', usage: { llmCalls: 2 } });
    await expect(store.projects.get('prj_1')).resolves.toMatchObject({ usage: { llmCalls: 2, costUsd: 0 } });
    await store.close();
    const again = Store.open(t.dir);
    cleanups.push(() => again.close());
    await expect(again.projects.get('prj_1')).resolves.toMatchObject({ usage: { llmCalls: 2, costUsd: 0 } });
  });

  it('what a commit hands back cannot be changed by its reader, and other readers get copies of their own', async () => {
    const { store } = await withProject();
    const done = await store.projects.commit({ project: 'prj_1', patch: { plan: { version: 1, steps: ['a'] } } });
    const again = await store.projects.commit({ project: 'prj_1', usage: { steps: 1 } });
    const plan = again.project.plan as { steps: string[] };
    expect(() => plan.steps.push('b')).toThrow(TypeError);
    expect(done.project.plan).toEqual({ version: 1, steps: ['a'] });
    const read = await store.projects.get('prj_1');
    (read!.plan as { steps: string[] }).steps.push('mine');
    await expect(store.projects.get('prj_1')).resolves.toMatchObject({ plan: { version: 1, steps: ['a'] } });
  });

  it('a write asked for after close is refused with STORE_UNAVAILABLE; what was queued before close is written', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const store = Store.open(t.dir);
    const queued = store.llm.record(call('c1'));
    const closing = store.close();
    await expect(store.llm.record(call('c2'))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await closing;
    await queued;
    const again = Store.open(t.dir);
    cleanups.push(() => again.close());
    await expect(again.llm.totals()).resolves.toMatchObject({ calls: 1 });
  });

  it('an error that rolls back the whole batch (disk full) fails every write of it: none lands outside the batch', async () => {
    const { db } = countingDb();
    const group = new GroupCommit(db, new Gate());
    db.exec('CREATE TABLE big (v TEXT)');
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    db.pragma(`max_page_count = ${pages + 2}`);
    const results = await Promise.allSettled([
      group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (1, ?)').run('first') }),
      group.enqueue({ write: () => db.prepare('INSERT INTO big VALUES (?)').run('x'.repeat(100_000)) }),
      group.enqueue({ write: () => db.prepare('INSERT INTO t VALUES (2, ?)').run('after') }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
  });
});
