// A blocked check is audited the same way whether the service checked it (Executor.check, behind
// POST /api/v1/check, tool submissions and runs) or `factory check` did: one function, auditBlockedCheck.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail, type AuditEvent } from '../../src/audit/index.ts';
import { checkCmd } from '../../src/cli/commands/check.ts';
import { Store } from '../../src/store/index.ts';
import { openFakeCore, type FakeCore } from '../helpers/core.ts';
import { tempDir } from '../helpers/env.ts';

const SOURCE = 'import os\nos.system("id")\n';
let core: FakeCore;
const cli = tempDir();
beforeAll(async () => {
  core = await openFakeCore();
});
afterAll(async () => {
  await core?.close();
  cli.cleanup();
});

/** What must not differ between the two paths (who and when may). */
const shape = (e: AuditEvent) => ({
  type: e.type,
  action: e.action,
  input: e.input,
  output: e.output,
  success: e.success,
  error: e.error,
  securityFlags: e.securityFlags,
  details: e.details,
});

describe('auditing a blocked check', () => {
  it('the service and `factory check` record the same security_block event', async () => {
    const policy = core.deps.policies.get('default');
    const result = await core.deps.executor.check(SOURCE, 'python', policy, { actor: 'tok_x', target: 'check:bad.py' });
    expect(result.allowed).toBe(false);
    const served = (await core.deps.audit.query({ type: 'security_block', order: 'desc', limit: 1 }))[0]!;
    expect(served).toMatchObject({ actor: 'tok_x', target: 'check:bad.py', securityFlags: ['py.callable.forbidden'] });

    const file = join(cli.dir, 'bad.py');
    writeFileSync(file, SOURCE);
    const out: string[] = [];
    const code = await checkCmd.run(
      { values: { 'data-dir': cli.dir }, positionals: [file] },
      { out: (s) => out.push(s), err: () => undefined, env: {} },
    );
    expect(code, out.join('')).toBe(1);
    const store = await Store.open(cli.dir);
    try {
      const events = await new AuditTrail(store.audit).query({ type: 'security_block', limit: 10 });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor: 'cli', target: file });
      expect(shape(events[0]!)).toEqual(shape(served));
      expect(events[0]!.durationMs).toEqual(expect.any(Number));
    } finally {
      await store.close();
    }
  });
});
