import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/audit/trail.ts';
import { Store } from '../../src/store/index.ts';
import { REPO, tempDir } from '../helpers/env.ts';

/** Starts a writer process, kills it with SIGKILL mid-write, returns the last seq it acknowledged. */
async function killMidWrite(dir: string, synchronous: 'full' | 'normal'): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/helpers/audit-writer.ts'), dir, synchronous], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lastAck = 0;
  let buf = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (/^\d+$/.test(l)) lastAck = Number(l);
      if (lastAck >= 300) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;
  return lastAck;
}

describe('audit durability', () => {
  for (const mode of ['full', 'normal'] as const) {
    it(`loses no acknowledged event when the writer is killed mid-write (synchronous=${mode})`, async () => {
      const t = tempDir();
      try {
        const lastAck = await killMidWrite(t.dir, mode);
        const store = Store.open(t.dir);
        const audit = new AuditTrail(store.audit);
        const result = await audit.verify();
        const count = await audit.count();
        // the chain still verifies after the restart and can be extended
        await audit.record({ type: 'server_started', action: 'restart-after-crash' });
        const after = await audit.verify();
        await store.close();
        expect(result.ok).toBe(true);
        expect(count).toBeGreaterThanOrEqual(lastAck);
        expect(after).toMatchObject({ ok: true, count: count + 1 });
      } finally {
        t.cleanup();
      }
    });
  }
});
