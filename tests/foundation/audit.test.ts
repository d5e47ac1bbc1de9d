import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES } from '../../src/audit/event.ts';
import { AuditTrail } from '../../src/audit/trail.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/env.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function fresh(maxFieldBytes = 4096) {
  const t = tempDir();
  const store = Store.open(t.dir);
  cleanups.push(async () => {
    await store.close();
    t.cleanup();
  });
  return { dir: t.dir, store, audit: new AuditTrail(store.audit, { maxFieldBytes }) };
}

/** Simulates someone editing the SQLite file by hand: the triggers are dropped first, as an attacker would. */
function tamper(dir: string, sql: string): void {
  const db = new Database(join(dir, 'factory.db'));
  db.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  db.exec(sql);
  db.close();
}

describe('store', () => {
  it('opens in WAL mode with migrations applied', async () => {
    const { store } = fresh();
    const info = await store.info();
    expect(info.journalMode).toBe('wal');
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('re-opening does not re-apply or lose anything', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const s1 = Store.open(t.dir);
    await new AuditTrail(s1.audit).record({ type: 'server_started', action: 'listen' });
    await s1.close();
    const s2 = Store.open(t.dir);
    expect(await s2.audit.count()).toBe(1);
    expect((await s2.info()).schemaVersion).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    await s2.close();
  });
});

describe('audit trail', () => {
  it('records every seed 004 event type with its fields', async () => {
    const { audit } = fresh();
    for (const type of AUDIT_EVENT_TYPES) {
      await audit.record({
        type,
        action: 'test',
        target: `t-${type}`,
        project: 'p1',
        task: 'k1',
        agent: 'a1',
        input: 'in',
        output: 'out',
        durationMs: 12.5,
        securityFlags: ['flag'],
      });
    }
    const all = await audit.query({ limit: 1000 });
    expect(all.map((e) => e.type)).toEqual([...AUDIT_EVENT_TYPES]);
    const e = all[0]!;
    expect(e).toMatchObject({
      seq: 1,
      project: 'p1',
      task: 'k1',
      agent: 'a1',
      input: 'in',
      output: 'out',
      success: true,
      error: null,
      durationMs: 12.5,
      securityFlags: ['flag'],
    });
    expect(Date.parse(e.timestamp)).not.toBeNaN();
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(all[1]!.prevHash).toBe(e.hash);
  });

  it('truncates input and output to the bound, on a character boundary, and says so', async () => {
    const { audit } = fresh(64);
    const e = await audit.record({ type: 'tool_executed', action: 'run', input: 'ä'.repeat(100), output: 'short' });
    expect(Buffer.byteLength(e.input)).toBeLessThanOrEqual(64);
    expect(e.input).toBe('ä'.repeat(32));
    expect(e.inputTruncated).toBe(true);
    expect(e.outputTruncated).toBe(false);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('is queryable by type, project and time range', async () => {
    const { audit } = fresh();
    await audit.record({ type: 'tool_executed', action: 'run', project: 'alpha' });
    await audit.record({ type: 'security_block', action: 'check', project: 'alpha' });
    await new Promise((r) => setTimeout(r, 15));
    const mid = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await audit.record({ type: 'tool_executed', action: 'run', project: 'beta' });
    expect((await audit.query({ type: 'tool_executed' })).map((e) => e.project)).toEqual(['alpha', 'beta']);
    expect(await audit.query({ project: 'alpha' })).toHaveLength(2);
    expect((await audit.query({ from: mid })).map((e) => e.project)).toEqual(['beta']);
    expect(await audit.query({ to: mid })).toHaveLength(2);
    expect(await audit.query({ type: ['security_block', 'tool_executed'], project: 'alpha' })).toHaveLength(2);
    expect((await audit.query({ order: 'desc', limit: 1 }))[0]!.project).toBe('beta');
    expect((await audit.query({ afterSeq: 2 })).map((e) => e.seq)).toEqual([3]);
  });

  it('refuses updates and deletes through SQL (append-only triggers)', async () => {
    const { dir, audit, store } = fresh();
    await audit.record({ type: 'tool_executed', action: 'run' });
    await store.close();
    const db = new Database(join(dir, 'factory.db'));
    expect(() => db.exec("UPDATE audit_events SET action = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_events')).toThrow(/append-only/);
    db.close();
  });

  it('verify names the first row edited by hand', async () => {
    const { dir, store } = fresh();
    const audit = new AuditTrail(store.audit);
    for (let i = 0; i < 10; i++) await audit.record({ type: 'tool_executed', action: `run-${i}`, output: 'ok' });
    expect(await audit.verify()).toMatchObject({ ok: true, count: 10 });
    await store.close();
    tamper(dir, "UPDATE audit_events SET output = 'forged' WHERE seq = 4; UPDATE audit_events SET success = 0 WHERE seq = 7");
    const s2 = Store.open(dir);
    const r = await new AuditTrail(s2.audit).verify();
    await s2.close();
    expect(r).toMatchObject({ ok: false, brokenAt: 4, count: 3 });
    if (!r.ok) expect(r.reason).toMatch(/edited/);
  });

  it('verify detects a deleted row and a re-hashed forgery', async () => {
    const { dir, store } = fresh();
    const audit = new AuditTrail(store.audit);
    for (let i = 0; i < 6; i++) await audit.record({ type: 'tool_executed', action: `run-${i}` });
    await store.close();
    tamper(dir, 'DELETE FROM audit_events WHERE seq = 3');
    let s = Store.open(dir);
    expect(await new AuditTrail(s.audit).verify()).toMatchObject({ ok: false, brokenAt: 4 });
    await s.close();
    // a forger who recomputes the edited row's own hash still breaks the next row's link
    const t = fresh();
    const a2 = new AuditTrail(t.store.audit);
    for (let i = 0; i < 3; i++) await a2.record({ type: 'tool_executed', action: `run-${i}` });
    await t.store.close();
    tamper(t.dir, "UPDATE audit_events SET hash = '" + 'f'.repeat(64) + "' WHERE seq = 2");
    s = Store.open(t.dir);
    expect(await new AuditTrail(s.audit).verify()).toMatchObject({ ok: false, brokenAt: 2 });
    await s.close();
  });
});
