import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { BIN, exitOf, factory, serveProcess } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dataDir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('factory CLI', () => {
  it('--help lists every command; no arguments is a usage error', () => {
    const r = factory(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    expect(factory([]).code).toBe(2);
  });

  it('every command has --help', () => {
    for (const c of COMMANDS) {
      const r = factory([...c.name.split(' '), '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout).toContain('Usage: factory');
    }
  }, 600_000); // one process per command (15 of them), each a few seconds on a loaded machine

  it('unknown flags and commands are errors with exit code 2', () => {
    const r = factory(['serve', '--prot', '9000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--prot'/);
    expect(factory(['frobnicate']).code).toBe(2);
    expect(factory(['audit']).stderr).toMatch(/needs a subcommand/);
    const groupHelp = factory(['audit', '--help']);
    expect([groupHelp.code, groupHelp.stdout]).toEqual([0, expect.stringMatching(/'audit' has subcommands: audit verify/)]);
    expect(factory(['token', 'create', '--role', 'root', '--data-dir', dataDir()]).code).toBe(2);
  });

  it('check: a policy or policy folder that is not there, a device and an oversized file are usage errors (exit 2), never a hang', () => {
    const dir = dataDir();
    const ok = join(dir, 'ok.py');
    writeFileSync(ok, 'print(1)\n');
    const missing = factory(['check', ok, '--policy', 'nosuch', '--data-dir', dir]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/POLICY_NOT_FOUND/)]);
    const noDir = factory(['check', ok, '--policy-dir', join(dir, 'none'), '--data-dir', dir]);
    expect([noDir.code, noDir.stderr]).toEqual([2, expect.stringMatching(/cannot read the policy directory .*ENOENT/)]);
    const device = factory(['check', '/dev/zero', '--lang', 'python', '--data-dir', dir]);
    expect([device.code, device.stderr]).toEqual([2, expect.stringMatching(/not a regular file/)]);
    const huge = join(dir, 'huge.py');
    writeFileSync(huge, '#'.repeat(2_000_001));
    const big = factory(['check', huge, '--data-dir', dir]);
    expect([big.code, big.stderr]).toEqual([2, expect.stringMatching(/2000001 bytes: a script is checked up to 2000000/)]);
  });

  it('a bad config value fails at start with the key and the reason', () => {
    const r = factory(['serve', '--data-dir', dataDir()], { FACTORY_PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_INVALID/);
    expect(r.stderr).toMatch(/server\.port \(from environment variable FACTORY_PORT\)/);
  });

  it('token create / list / revoke work on the data directory', () => {
    const dir = dataDir();
    const c = factory(['token', 'create', '--role', 'submitter', '--name', 'ci', '--data-dir', dir, '--json']);
    expect(c.code).toBe(0);
    const created = JSON.parse(c.stdout) as { id: string; role: string; secret: string };
    expect(created).toMatchObject({ role: 'submitter', name: 'ci' });
    expect(created.secret).toMatch(/^aft_/);
    const l = factory(['token', 'list', '--data-dir', dir]);
    expect(l.stdout).toContain(`${created.id}\tsubmitter\tactive`);
    expect(l.stdout).not.toContain(created.secret);
    expect(factory(['token', 'revoke', created.id, '--data-dir', dir]).code).toBe(0);
    expect(factory(['token', 'list', '--data-dir', dir]).stdout).toContain(`${created.id}\tsubmitter\trevoked`);
    expect(factory(['token', 'revoke', created.id, '--data-dir', dir]).code).toBe(1);
  });

  it('audit verify succeeds on a clean trail and names the first row edited by hand', () => {
    const dir = dataDir();
    for (let i = 0; i < 3; i++) expect(factory(['token', 'create', '--role', 'viewer', '--data-dir', dir]).code).toBe(0);
    const ok = factory(['audit', 'verify', '--data-dir', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit trail OK: 3 events/);

    const db = new Database(join(dir, 'factory.db'));
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 2").run();
    db.close();
    const bad = factory(['audit', 'verify', '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/BROKEN at row seq=2/);
    const json = JSON.parse(factory(['audit', 'verify', '--data-dir', dir, '--json']).stdout) as { ok: boolean; brokenAt: number };
    expect(json).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('audit query filters by type', () => {
    const dir = dataDir();
    factory(['token', 'create', '--role', 'viewer', '--data-dir', dir]);
    const r = factory(['audit', 'query', '--type', 'token_created', '--data-dir', dir, '--json']);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(['token_created']);
    expect(factory(['audit', 'query', '--type', 'nonsense', '--data-dir', dir]).code).toBe(2);
  });

  it('serve from a process without --no-node-snapshot: it starts again with it, and SIGTERM to it stops both', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dir], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9', FACTORY_LOG_LEVEL: 'warn' },
    });
    let err = '';
    const listening = await new Promise<RegExpExecArray>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/\S+) \(pid (\d+)/.exec(err);
        if (m) resolve(m);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    child.removeAllListeners('exit');
    const servingPid = Number(listening[2]);
    expect(servingPid).not.toBe(child.pid); // the service runs in the second process
    expect((await fetch(`${listening[1]}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(() => process.kill(servingPid, 0)).toThrow(); // gone too
  });

  it('serve: first start writes the admin token 0600, is ready, and stops gracefully on SIGTERM', async () => {
    const dir = dataDir();
    const { child, url, stderr } = await serveProcess(['--port', '0', '--data-dir', dir], { OLLAMA_HOST: 'http://127.0.0.1:9' });
    try {
      expect(stderr()).toContain(join(dir, 'admin-token'));
      expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600);
      const ready = (await (await fetch(`${url}/readyz`)).json()) as { checks: { store: { ok: boolean }; docker: { ok: boolean } } };
      expect(ready.checks.store.ok).toBe(true);
      expect(ready.checks.docker.ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);
    const q = factory(['audit', 'query', '--data-dir', dir, '--json']);
    const types = q.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    // first start: the policies in force enter the history, the seven static agents enter the pool
    expect(types.filter((t) => t !== 'policy_changed' && t !== 'agent_created')).toEqual([
      'token_created',
      'server_started',
      'server_stopped',
    ]);
    expect(types.filter((t) => t === 'agent_created')).toHaveLength(7);
    expect(types).toContain('policy_changed');
    expect(factory(['audit', 'verify', '--data-dir', dir]).code).toBe(0);
  });
});
