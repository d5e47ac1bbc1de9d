import { AuditTrail, verifyChain, type AuditEvent, type AuditEventInput } from '../src/audit/index.ts';
import { SqliteStore } from '../src/store/sqlite/store.ts';
import { fmt, line } from './lib.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Events per turn: the two paths take turns, so a change in the machine's load falls on both alike. */
const CHUNK = 1000;

const event = (i: number): AuditEventInput => ({
  type: 'tool_executed',
  action: 'bench',
  target: `tool-${i % 50}`,
  project: 'bench',
  input: 'x'.repeat(100),
  output: 'y'.repeat(200),
  durationMs: i % 1000,
});

/**
 * Audit write throughput, one writer, one durable transaction per event, then a full chain verify; for
 * each `synchronous` mode, two paths in the same run, taking turns on their own files:
 *   before: the synchronous path the store had (the same statements in an IMMEDIATE transaction, no promise, no gate)
 *   after:  the asynchronous repository (`await trail.record(…)`, through the store's gate)
 */
export async function auditBench(events = 100_000): Promise<void> {
  process.stdout.write(`\n# audit trail: ${events.toLocaleString()} events per path, single writer, one transaction per event\n`);
  process.stdout.write(
    '#   before = synchronous better-sqlite3 path (as the store was), after = async repository; same run, taking turns\n',
  );
  for (const mode of ['full', 'normal'] as const) {
    const dirs = [mkdtempSync(join(tmpdir(), 'af-bench-')), mkdtempSync(join(tmpdir(), 'af-bench-'))];
    const [syncStore, asyncStore] = dirs.map((d) => SqliteStore.open(d, { synchronous: mode })) as [SqliteStore, SqliteStore];
    const syncTrail = new AuditTrail(syncStore.audit);
    const asyncTrail = new AuditTrail(asyncStore.audit);
    const secs = { before: 0, after: 0 };
    for (let done = 0; done < events; done += CHUNK) {
      const n = Math.min(CHUNK, events - done);
      let t0 = performance.now();
      for (let i = done; i < done + n; i++) syncTrail.announce(syncStore.audit.appendNow(syncTrail.prepare(event(i))));
      secs.before += (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (let i = done; i < done + n; i++) await asyncTrail.record(event(i));
      secs.after += (performance.now() - t0) / 1000;
      if (done > 0 && done % 20_000 === 0) process.stderr.write(`  … ${mode}: ${done.toLocaleString()} events per path\n`);
    }
    // each verify twice, taking turns; the faster of each counts (the first pays for warming up)
    let vBefore = Infinity;
    let vAfter = Infinity;
    let before = verifyChain([]);
    let after = before;
    for (let round = 0; round < 2; round++) {
      let t0 = performance.now();
      before = verifyChain(pages(syncStore));
      vBefore = Math.min(vBefore, (performance.now() - t0) / 1000);
      t0 = performance.now();
      after = await asyncTrail.verify();
      vAfter = Math.min(vAfter, (performance.now() - t0) / 1000);
    }
    await Promise.all([syncStore.close(), asyncStore.close()]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    const rate = (s: number) => `${fmt(events / s, 0)} events/s`;
    line(`append, synchronous=${mode}, before (sync)`, `${rate(secs.before)}  (${fmt(secs.before, 2)} s)`);
    line(`append, synchronous=${mode}, after (async)`, `${rate(secs.after)}  (${fmt(secs.after, 2)} s, ${ratio(secs.before, secs.after)})`);
    line(`verify chain, synchronous=${mode}, before (sync)`, `${rate(vBefore)}  (ok=${before.ok})`);
    line(`verify chain, synchronous=${mode}, after (async)`, `${rate(vAfter)}  (ok=${after.ok}, ${ratio(vBefore, vAfter)})`);
  }
}

/** after's time relative to before's: +x% slower or -x% faster */
function ratio(before: number, after: number): string {
  const d = (after / before - 1) * 100;
  return `${d >= 0 ? '+' : ''}${fmt(d, 1)}% time vs before`;
}

/** Every event, read synchronously a page at a time. */
function* pages(store: SqliteStore): Generator<AuditEvent> {
  for (let after = 0; ;) {
    const page = store.audit.scanNow(after, 5000);
    yield* page;
    if (page.length < 5000) return;
    after = page[page.length - 1]!.seq;
  }
}
