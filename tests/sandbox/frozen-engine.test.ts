// A run ends within its limit plus the engine grace even when the Docker engine stops answering, and what
// it had to abandon is removed once the engine answers again. The engine is a private dockerd that this
// file starts (and freezes with SIGSTOP, dockerd and its containerd); the shared engine is never touched.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceId } from '../../src/instance.ts';
import { limitsFor, type SandboxLimits } from '../../src/sandbox/index.ts';
import { DockerEngine } from '../../src/sandbox/docker/engine.ts';
import { DockerRuntime } from '../../src/sandbox/docker/runtime.ts';
import { BIN, exitOf } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { tightPolicy } from '../helpers/policy.ts';
import { startService } from '../helpers/service.ts';
import { startPrivateEngine, type PrivateEngine } from './private-engine.ts';

const SHELL = 'agent-factory/shell:1';
const LIMIT_MS = 2000;
/**
 * The service's grace. A run that waited for the frozen engine would never end (its script sleeps 30 s in
 * a frozen engine); how long the runs take is printed, not asserted (speed belongs in `npm run bench`).
 */
const GRACE_MS = 4000;

let eng: PrivateEngine;
let limits: SandboxLimits;
beforeAll(async () => {
  eng = await startPrivateEngine([SHELL]);
  console.log(`private engine: pids ${eng.pids.join(', ')}; ${SHELL} saved and loaded in ${Math.round(eng.imageLoadMs)} ms`);
  limits = { ...limitsFor(await tightPolicy()), timeoutMs: LIMIT_MS };
}, 180_000);
afterAll(async () => {
  await eng?.stop();
});

async function until(what: string, cond: () => Promise<boolean>, ms = 30_000): Promise<number> {
  const t0 = performance.now();
  while (!(await cond())) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - t0;
}
const containers = (filters: Record<string, string[]> = {}) => eng.docker.listContainers({ all: true, filters });
const running = async (name: string) => (await containers({ name: [name], status: ['running'] })).length > 0;

function runtime(poolSize: number) {
  const engine = new DockerEngine(eng.host, { pingTimeoutMs: 1000, requestTimeoutMs: 3000 });
  const rt = new DockerRuntime({
    engine,
    instanceId: 'frozen-test',
    images: { python: 'unused', shell: SHELL },
    poolSize,
    engineGraceMs: GRACE_MS,
  });
  return {
    engine,
    rt,
    close: async () => {
      await rt.close();
      engine.close();
    },
  };
}

describe('a frozen Docker engine (SIGSTOP of a private dockerd and its containerd)', () => {
  it('a cold run frozen mid-run ends as error within limit + grace; /readyz says so; the container is reaped on SIGCONT', async () => {
    const svc = await startService({
      'docker.host': eng.host,
      'sandbox.poolSize': '0',
      'sandbox.engineGraceMs': String(GRACE_MS),
      'docker.pingTimeoutMs': '1000',
    });
    try {
      const runId = `frozen-cold-${Date.now()}`;
      const t0 = performance.now();
      const pending = svc.service.deps.executor.execute({
        language: 'shell',
        source: 'sleep 30',
        policy: await tightPolicy(),
        overrides: { timeoutSeconds: LIMIT_MS / 1000 },
        skipStaticCheck: true,
        actor: 'test',
        runId,
      });
      await until('the run container', () => running(`af-run-${runId}`));
      eng.freeze();
      const frozenAt = performance.now();
      const out = await pending;
      const ended = performance.now();
      console.log(
        `cold run: froze ${Math.round(frozenAt - t0)} ms after start; ended ${Math.round(ended - frozenAt)} ms after the freeze, ${Math.round(ended - t0)} ms after start`,
      );
      expect(out.blocked).toBe(false);
      if (out.blocked) return;
      expect(out.result.status).toBe('error');
      expect(out.result.error).toMatch(/lost contact with the Docker engine/);
      const ready = await svc.call('/readyz', { token: null });
      const body = (await ready.json()) as { checks: { docker: { ok: boolean; error?: string } } };
      expect(ready.status).toBe(503);
      expect(body.checks.docker).toMatchObject({ ok: false, error: expect.stringMatching(/lost contact with the Docker engine/) });
      const ev = (await svc.service.deps.audit.query({ type: 'tool_executed', order: 'desc', limit: 1 }))[0]!;
      expect(ev.details).toMatchObject({ runId, status: 'error' });

      eng.thaw();
      const cleanMs = await until('the abandoned container to be reaped', async () => (await containers()).length === 0);
      console.log(`cold run: no container left ${Math.round(cleanMs)} ms after SIGCONT`);
      await until('/readyz to see the engine again', async () => {
        const r = (await (await svc.call('/readyz', { token: null })).json()) as { checks: { docker: { ok: boolean } } };
        return r.checks.docker.ok;
      });
    } finally {
      eng.thaw();
      await svc.close();
    }
  });

  it('a warm (pooled) run frozen mid-run ends the same way; the pool survives and refills', async () => {
    const { engine, rt, close } = runtime(1);
    try {
      rt.prewarm({ language: 'shell', limits });
      await rt.quiesce();
      expect(rt.poolStats()[0]).toMatchObject({ ready: 1 });
      const runId = `frozen-warm-${Date.now()}`;
      const t0 = performance.now();
      const pending = rt.run({ language: 'shell', source: 'sleep 30', limits, runId });
      await until('the pooled container renamed for the run', () => running(`af-run-${runId}`));
      eng.freeze();
      const r = await pending;
      const ended = performance.now();
      expect(r.status).toBe('error');
      expect(r.error).toMatch(/lost contact with the Docker engine/);
      expect(await engine.status()).toMatchObject({ ok: false, error: expect.stringMatching(/lost contact/) });
      eng.thaw();
      const ms = await until('the run container gone and the pool full again', async () => {
        const all = await containers();
        return !all.some((c) => c.Names.includes(`/af-run-${runId}`)) && all.length === 1 && rt.poolStats()[0]!.ready === 1;
      });
      console.log(
        `warm run: ended ${Math.round(ended - t0)} ms after start; pool back and run container gone ${Math.round(ms)} ms after SIGCONT`,
      );
      expect((await rt.run({ language: 'shell', source: 'echo back', limits })).stdout).toBe('back\n');
    } finally {
      eng.thaw();
      await close();
    }
    expect(await containers()).toEqual([]);
  });

  it('a run that finds the engine frozen before its container exists ends the same way; a late create is reaped', async () => {
    const { rt, close } = runtime(0);
    try {
      eng.freeze();
      const r = await rt.run({ language: 'shell', source: 'echo never', limits, runId: `frozen-create-${Date.now()}` });
      expect(r.status).toBe('error');
      expect(r.stdout).toBe('');
      eng.thaw();
      await new Promise((res) => setTimeout(res, 2000)); // a create the engine took in before the freeze may land late
      await until('no container left', async () => (await containers()).length === 0);
    } finally {
      eng.thaw();
      await close();
    }
  });

  it('a session run frozen mid-run ends the same way; the session gets a fresh sandbox afterwards', async () => {
    const { rt, close } = runtime(0);
    try {
      expect((await rt.run({ language: 'shell', source: 'echo one > /workspace/f', limits, sessionId: 's1' })).status).toBe('ok');
      const pending = rt.run({ language: 'shell', source: 'sleep 30', limits, sessionId: 's1' });
      await new Promise((res) => setTimeout(res, 700)); // the exec has started
      eng.freeze();
      const r = await pending;
      expect(r.status).toBe('error');
      eng.thaw();
      const next = await rt.run({ language: 'shell', source: 'cat /workspace/f 2>/dev/null || echo fresh', limits, sessionId: 's1' });
      expect(next.stdout).toBe('fresh\n');
      await rt.closeSession('s1');
      await until('no container left', async () => (await containers()).length === 0);
    } finally {
      eng.thaw();
      await close();
    }
  });

  it('`factory run` prints the error and exits; its container is reaped by the next process once the engine answers', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'slow.sh');
      writeFileSync(file, 'sleep 30\n');
      writeFileSync(join(t.dir, 'config.json'), JSON.stringify({ sandbox: { engineGraceMs: GRACE_MS } }));
      const child = spawn(
        process.execPath,
        [
          '--no-node-snapshot',
          BIN,
          'run',
          file,
          '--timeout',
          String(LIMIT_MS / 1000),
          '--skip-static-check',
          '--json',
          '--data-dir',
          t.dir,
          '--config',
          join(t.dir, 'config.json'),
        ],
        { cwd: REPO, env: { ...process.env, DOCKER_HOST: eng.host }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const instance = `io.agent-factory.instance=${instanceId(t.dir)}`;
      await until('the run container', async () => (await containers({ label: [instance], status: ['running'] })).length === 1);
      eng.freeze();
      const frozenAt = performance.now();
      const code = await exitOf(child);
      const exitMs = performance.now() - frozenAt;
      console.log(`factory run: exited ${Math.round(exitMs)} ms after the freeze`);
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ status: 'error', error: expect.stringMatching(/lost contact with the Docker engine/) });
      eng.thaw();
      const left = await containers({ label: [instance] });
      expect(left).toHaveLength(1); // nobody removed it yet: its owner was alive until just now
      expect(left[0]!.Labels['io.agent-factory.owner-pid']).toBe(String(child.pid));
      const { rt, close } = runtime(0); // the next process (here: another runtime) finds the owner gone
      try {
        expect(await rt.reap()).toBe(1);
      } finally {
        await close();
      }
      expect(await containers()).toEqual([]);
    } finally {
      eng.thaw();
      t.cleanup();
    }
  });

  it('a run whose engine is killed mid-run ends as error at once; once the engine is back, its container is reaped', async () => {
    const { engine, rt, close } = runtime(0);
    try {
      const runId = `killed-${Date.now()}`;
      const pending = rt.run({ language: 'shell', source: 'sleep 30', limits, runId });
      await until('the run container', () => running(`af-run-${runId}`));
      await eng.kill();
      const killedAt = performance.now();
      const r = await pending;
      console.log(`killed engine: the run ended ${Math.round(performance.now() - killedAt)} ms after SIGKILL`);
      expect(r.status).toBe('error');
      expect(r.error).toMatch(/lost contact with the Docker engine/);
      expect((await engine.status()).ok).toBe(false);
      await eng.launch(); // the same data root: the engine finds the container again
      const ms = await until('no container left', async () => (await containers()).length === 0);
      console.log(`killed engine: no container left ${Math.round(ms)} ms after the engine answered again`);
      await until('the engine reported healthy', async () => (await engine.status()).ok);
    } finally {
      await close();
    }
  });
});
