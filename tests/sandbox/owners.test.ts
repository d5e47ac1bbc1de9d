// One process never removes another's containers. Several processes may work on one data directory at
// once: a service and `factory run`s. Before, each start removed every container of the data directory's
// instance, so two `factory run`s killed each other's containers and a run removed the service's pool.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { instanceId, liveness, processIdentity } from '../../src/instance.ts';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';
import { Ownership } from '../../src/sandbox/docker/owner.ts';
import { BIN, exitOf, serveProcess } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** `factory run` as a process of its own, started at once (not one after another). */
async function factoryRun(file: string, dir: string): Promise<{ code: number | null; out: { status: string; stdout: string } }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, 'run', file, '--json', '--data-dir', dir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await exitOf(child);
  if (!stdout.trim()) throw new Error(`factory run printed nothing (exit ${code}): ${stderr}`);
  return { code, out: JSON.parse(stdout) as { status: string; stdout: string } };
}

async function poolOf(url: string): Promise<{ ready: number; target: number }[]> {
  const r = (await (await fetch(`${url}/readyz`)).json()) as { checks: { sandbox: { pool: { ready: number; target: number }[] } } };
  return r.checks.sandbox.pool;
}

describe('containers belong to the process that made them', () => {
  it('two `factory run` at once, then two more beside a running service, on one data directory: all ok, the pool intact', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'slow.py');
    // long enough that the second process starts (and used to clean up) while the first one's container runs
    writeFileSync(file, 'import time\ntime.sleep(4)\nprint("done")\n');
    const alone = await Promise.all([factoryRun(file, t.dir), factoryRun(file, t.dir)]);
    for (const r of alone) expect(r).toMatchObject({ code: 0, out: { status: 'ok', stdout: 'done\n' } });

    const { child: server, url } = await serveProcess(['--port', '0', '--data-dir', t.dir], {
      OLLAMA_HOST: 'http://127.0.0.1:9',
      FACTORY_POOL_SIZE: '2',
    });
    try {
      for (let i = 0; i < 150 && !(await poolOf(url)).every((p) => p.ready === p.target); i++) await new Promise((r) => setTimeout(r, 200));
      const pool = await poolOf(url);
      expect(pool.length).toBeGreaterThan(0);
      expect(pool.every((p) => p.ready === p.target)).toBe(true);
      const mine = { label: [`io.agent-factory.instance=${instanceId(t.dir)}`, `io.agent-factory.owner-pid=${server.pid}`] };
      const before = (await docker.listContainers({ all: true, filters: mine })).map((c) => c.Id).sort();
      expect(before.length).toBe(pool.reduce((n, p) => n + p.target, 0));

      const beside = await Promise.all([factoryRun(file, t.dir), factoryRun(file, t.dir)]);
      for (const r of beside) expect(r).toMatchObject({ code: 0, out: { status: 'ok', stdout: 'done\n' } });

      // the service's pooled containers are the same ones, still running, and /readyz counts them
      const after = await docker.listContainers({ all: true, filters: mine });
      expect(after.map((c) => c.Id).sort()).toEqual(before);
      expect(after.every((c) => c.State === 'running')).toBe(true);
      expect((await poolOf(url)).every((p) => p.ready === p.target)).toBe(true);
    } finally {
      server.kill('SIGTERM');
      await exitOf(server);
    }
    // and nothing of any of these processes is left
    expect(await docker.listContainers({ all: true, filters: { label: [`io.agent-factory.instance=${instanceId(t.dir)}`] } })).toEqual([]);
  });

  it('decides from labels: only the owner itself, or a crash-recovery of a process that is gone, may remove', () => {
    const me = processIdentity();
    const a = new Ownership('inst');
    const b = new Ownership('inst');
    const { labels, token } = a.claim();
    expect(labels['io.agent-factory.owner-pid']).toBe(String(process.pid));
    expect(a.mayRemove(labels, true)).toBe(false); // in use
    expect(b.mayRemove(labels, true)).toBe(false); // another runtime of a live process
    a.release(token);
    expect(a.mayRemove(labels, true)).toBe(true); // its owner gave it up
    expect(b.mayRemove(labels, true)).toBe(false);
    // a process that is gone: a pid that no longer exists, or the same pid started at another time
    const gonePid = { ...labels, 'io.agent-factory.owner': 'x', 'io.agent-factory.owner-pid': '999999999' };
    const reused = { ...labels, 'io.agent-factory.owner': 'x', 'io.agent-factory.owner-start': `${me.start}0` };
    expect(b.mayRemove(gonePid, true)).toBe(true);
    expect(b.mayRemove(reused, true)).toBe(me.start !== ''); // where start times can be read
    // another host or pid namespace: never, whatever its pid says
    expect(b.mayRemove({ ...gonePid, 'io.agent-factory.owner-host': 'elsewhere' }, false)).toBe(false);
    expect(liveness({ host: 'elsewhere', pid: 999999999, start: '' })).toBe('unknown');
    // containers from before owner labels: only this data directory's, and only when no longer running
    const legacy = { 'io.agent-factory.service': 'agent-factory', 'io.agent-factory.instance': 'inst' };
    expect(b.mayRemove(legacy, true)).toBe(false);
    expect(b.mayRemove(legacy, false)).toBe(true);
    expect(b.mayRemove({ ...legacy, 'io.agent-factory.instance': 'other' }, false)).toBe(false);
    expect(b.mayRemove({ other: 'label' }, false)).toBe(false);
  });
});
