import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/audit/index.ts';
import { AgentBlueprint } from '../../src/blueprints/index.ts';
import { Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/env.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function fresh() {
  const t = tempDir();
  const store = Store.open(t.dir);
  cleanups.push(async () => {
    await store.close();
    t.cleanup();
  });
  return { dir: t.dir, store, audit: new AuditTrail(store.audit) };
}

const version = (name: string, etag: string) => ({ name, text: `name: ${name}\n`, etag, author: 'test', source: 'api' as const });

describe('store.transaction', () => {
  it('commits every write of the callback together and returns its value', async () => {
    const { store, audit } = fresh();
    const out = await store.transaction(async (tx) => {
      const v = await tx.policies.record(version('p1', 'e1'));
      const e = await tx.audit.append(audit.prepare({ type: 'policy_changed', action: 'created', target: 'p1' }));
      return { v: v.version.version, seq: e.seq };
    });
    expect(out).toEqual({ v: 1, seq: 1 });
    expect((await store.policies.latest('p1'))?.etag).toBe('e1');
    expect(await store.audit.count()).toBe(1);
  });

  it('rolls back every write when the callback throws, and rethrows', async () => {
    const { store, audit } = fresh();
    const failing = store.transaction(async (tx) => {
      await tx.policies.record(version('p1', 'e1'));
      await tx.audit.append(audit.prepare({ type: 'policy_changed', action: 'created', target: 'p1' }));
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await store.policies.latest('p1')).toBeUndefined();
    expect(await store.audit.count()).toBe(0);
    // the connection is usable again, and the chain starts where it was
    expect((await audit.record({ type: 'server_started', action: 'listen' })).seq).toBe(1);
  });

  it('makes other writes wait for it: they neither land inside it nor see what it has not committed', async () => {
    const { store, audit } = fresh();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = store.transaction(async (t) => {
      await t.audit.append(audit.prepare({ type: 'tool_executed', action: 'inside' }));
      await held; // a transaction that waits on something else (I/O) keeps the connection
      throw new Error('rolled back');
    });
    await new Promise((r) => setImmediate(r));
    const seen = store.audit.count();
    const outside = audit.record({ type: 'tool_executed', action: 'outside' });
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await seen).toBe(0);
    expect((await outside).seq).toBe(1);
    expect((await audit.query({})).map((e) => e.action)).toEqual(['outside']);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('runs transactions one after another, in the order they were asked for', async () => {
    const { store, audit } = fresh();
    const order: string[] = [];
    const run = (name: string) =>
      store.transaction(async (tx) => {
        order.push(`${name}:start`);
        await tx.audit.append(audit.prepare({ type: 'tool_executed', action: name }));
        await new Promise((r) => setTimeout(r, 5));
        order.push(`${name}:end`);
      });
    await Promise.all([run('a'), run('b'), audit.record({ type: 'tool_executed', action: 'c' }), run('d')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'd:start', 'd:end']);
    expect((await audit.query({})).map((e) => e.action)).toEqual(['a', 'b', 'c', 'd']);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('refuses the store itself inside a transaction (that would wait for ever) with a clear error', async () => {
    const { store } = fresh();
    const wrong = store.transaction(async () => store.audit.count());
    await expect(wrong).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/use the transaction's repositories/) });
    const nested = store.transaction(async () => store.transaction(async () => 1));
    await expect(nested).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/inside a transaction/) });
    expect(await store.audit.count()).toBe(0);
  });

  it('a chain appended by many writers at once stays linear and verifies', async () => {
    const { store, audit } = fresh();
    const writes = Array.from({ length: 200 }, (_, i) =>
      i % 10 === 0
        ? store.transaction(async (tx) => tx.audit.append(audit.prepare({ type: 'tool_executed', action: `tx-${i}` })))
        : audit.record({ type: 'tool_executed', action: `w-${i}` }),
    );
    const seqs = (await Promise.all(writes)).map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await audit.verify(7)).toMatchObject({ ok: true, count: 200 });
  });
});

describe('rows are parsed with the domain schemas', () => {
  it('a corrupt JSON column is STORE_CORRUPT naming the table, the row and the column', async () => {
    const { dir, store, audit } = fresh();
    await audit.record({ type: 'tool_executed', action: 'run', details: { ok: true } });
    await store.close();
    const db = new Database(join(dir, 'factory.db'));
    db.exec('DROP TRIGGER IF EXISTS audit_events_no_update');
    db.exec(`UPDATE audit_events SET security_flags = '{"not":"a list"}' WHERE seq = 1`);
    db.close();
    const s2 = Store.open(dir);
    cleanups.push(() => s2.close());
    await expect(s2.audit.query({ limit: 10, order: 'asc' })).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      details: { table: 'audit_events', id: 1, column: 'security_flags' },
    });
  });

  it('a stored blueprint that no longer parses is refused, not handed out', async () => {
    const { dir, store } = fresh();
    const bp = AgentBlueprint.parse({
      name: 'helper',
      type: 'analysis',
      description: 'Helps.',
      systemPrompt: 'You help with analysis tasks, carefully.',
      outputFormat: { format: 'markdown' },
    });
    await store.agents.insert({
      id: 'agt_1',
      name: 'helper',
      origin: 'blueprint',
      parent: null,
      blueprint: bp,
      createdBy: 'system',
      shared: false,
      expiresAt: null,
    });
    const ok = await store.agents.get('agt_1');
    expect(ok?.blueprint.name).toBe('helper');
    await store.close();
    const db = new Database(join(dir, 'factory.db'));
    db.prepare(`UPDATE agents SET blueprint = ? WHERE id = 'agt_1'`).run(JSON.stringify({ ...bp, type: 'wizard' }));
    db.close();
    const s2 = Store.open(dir);
    cleanups.push(() => s2.close());
    await expect(s2.agents.get('agt_1')).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      details: { table: 'agents', id: 'agt_1', column: 'blueprint' },
    });
  });
});
