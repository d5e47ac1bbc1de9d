import { AuditTrail } from '../src/audit/trail.ts';
import { Store } from '../src/store/index.ts';
import { fmt, line } from './lib.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Audit write throughput: one writer, N events, each its own durable transaction, then a full chain verify. */
export async function auditBench(events = 100_000): Promise<void> {
  process.stdout.write(`\n# audit trail: ${events.toLocaleString()} events, single writer, one transaction per event\n`);
  for (const mode of ['full', 'normal'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'af-bench-'));
    const store = Store.open(dir, { synchronous: mode });
    const audit = new AuditTrail(store.audit);
    const n = mode === 'full' ? events : events;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      audit.record({ type: 'tool_executed', action: 'bench', target: `tool-${i % 50}`, project: 'bench', input: 'x'.repeat(100), output: 'y'.repeat(200), durationMs: i % 1000 });
      if (i > 0 && i % 20_000 === 0) process.stderr.write(`  … ${mode}: ${i.toLocaleString()} events\n`);
    }
    const secs = (performance.now() - t0) / 1000;
    const v0 = performance.now();
    const v = audit.verify();
    const vsecs = (performance.now() - v0) / 1000;
    store.close();
    rmSync(dir, { recursive: true, force: true });
    line(`append, synchronous=${mode}`, `${fmt(n / secs, 0)} events/s  (${fmt(secs, 2)} s for ${n.toLocaleString()})`);
    line(`verify chain, synchronous=${mode}`, `${fmt(n / vsecs, 0)} events/s  (ok=${v.ok})`);
  }
}
