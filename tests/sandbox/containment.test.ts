// The second line of defence: scripts that the static checker would let through (or that are run with
// the check skipped, as here) are still contained by the container. Runs the runtime corpus
// (tests/corpus/runtime, ATTACKS.md §25-30) against the real Docker engine through the real service.
import { readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';
import type { Policy } from '../../src/policy/index.ts';
import type { RunResult } from '../../src/sandbox/index.ts';
import { REPO } from '../helpers/env.ts';
import { tightPolicy } from '../helpers/policy.ts';
import { startService, type RunningService } from '../helpers/service.ts';

const CANARY = `canary-${process.pid}-${Date.now()}`;
let svc: RunningService;
let policy: Policy;

beforeAll(async () => {
  process.env.AF_TEST_SERVICE_SECRET = CANARY; // in the service's own environment: must never reach a sandbox
  svc = await startService();
  policy = await tightPolicy();
});
afterAll(async () => {
  await svc?.close();
  delete process.env.AF_TEST_SERVICE_SECRET;
});

const usedContainers: string[] = [];
async function run(
  language: 'python' | 'shell',
  source: string,
  extra: { stdin?: string; args?: string[]; seconds?: number } = {},
): Promise<RunResult> {
  const { seconds, ...io } = extra;
  const limits = seconds ? { ...policy, limits: { ...policy.limits, maxExecutionSeconds: seconds } } : policy;
  const out = await svc.service.deps.executor.execute({ language, source, policy: limits, skipStaticCheck: true, actor: 'test', ...io });
  if (out.blocked) throw new Error('unexpected block');
  if (out.result.containerId) usedContainers.push(out.result.containerId);
  return out.result;
}

const RUNTIME_DIR = join(REPO, 'tests/corpus/runtime');
const samples = readdirSync(RUNTIME_DIR)
  .filter((f) => /\.(py|sh)$/.test(f))
  .sort();

/** What must happen to each kind of runtime attack. */
const EXPECT: Record<string, (r: RunResult, all: RunResult[]) => void> = {
  memory: (r) => expect(['oom', 'failed']).toContain(r.status) /* failed: the runtime refused the allocation (MemoryError) */,
  'cpu-timeout': (r) => expect(r.status).toBe('timeout'),
  output: (r) => expect(['output_limit', 'oom']).toContain(r.status),
  'tmp-fill': (r) => {
    expect(['failed', 'oom']).toContain(r.status);
    if (r.status === 'failed') expect(`${r.stderr} ${r.signal ?? ''}`).toMatch(/File too large|No space left|SIGXFSZ/);
  },
  'fork-bomb': (r) => {
    expect(r.status).not.toBe('ok');
    expect(['timeout', 'failed', 'oom']).toContain(r.status);
  },
  'rootfs-write': (r) => {
    expect(r.status).toBe('failed');
    expect(r.stderr).toMatch(/Read-only file system|Permission denied/);
  },
  'env-read': (r) => {
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stdout + r.stderr).not.toContain('AF_TEST_SERVICE_SECRET');
  },
  network: (r) => {
    expect(r.status).not.toBe('ok');
  },
  'tmp-persistence': (_r, all) => {
    // the second run of the same script must not see what the first one left
    expect(all[1]!.stdout).not.toMatch(/previous run|found data|copied at/);
  },
};

describe('runtime attacks are contained by the container (ATTACKS.md §25-30)', () => {
  it.each(samples)('%s', async (file) => {
    const source = readFileSync(join(RUNTIME_DIR, file), 'utf8');
    const kind = /^# runtime-limit: (\S+)/m.exec(source)?.[1];
    expect(kind, 'runtime-limit header').toBeDefined();
    const check = EXPECT[kind!];
    expect(check, `no expectation for ${kind}`).toBeDefined();
    const language = file.endsWith('.py') ? 'python' : 'shell';
    // a memory, disk or output bomb must meet its own limit, not the clock: on a loaded machine 3 s can pass first
    const seconds = kind === 'memory' || kind === 'tmp-fill' || kind === 'output' ? 30 : undefined;
    const runs = [await run(language, source, { seconds })];
    if (kind === 'tmp-persistence') runs.push(await run(language, source));
    check!(runs[0]!, runs);
    // the service stays healthy after every attack
    expect((await svc.call('/healthz', { token: null })).status).toBe(200);
  });
});

describe('isolation properties', () => {
  it('files written by one run are not visible to the next (single-use containers)', async () => {
    const write = await run(
      'shell',
      'echo secret-$$ > /workspace/state; echo secret > /tmp/state; echo x > /dev/shm/state; ls /workspace /tmp /dev/shm',
    );
    expect(write.status).toBe('ok');
    const read = await run('shell', 'cat /workspace/state /tmp/state /dev/shm/state 2>&1; ls -A /workspace /tmp /dev/shm');
    expect(read.stdout).not.toMatch(/secret/);
    expect(read.stdout).toMatch(/No such file/);
  });

  it('runs as an unprivileged user with no capabilities, no new privileges, read-only root', async () => {
    const r = await run(
      'shell',
      'id -u; id -g; grep -E "^(CapEff|NoNewPrivs)" /proc/self/status; touch /usr/x 2>&1; touch /workspace/ok && echo wrote',
    );
    expect(r.stdout).toMatch(/^65534\n65534\n/);
    expect(r.stdout).toMatch(/CapEff:\s+0000000000000000/);
    expect(r.stdout).toMatch(/NoNewPrivs:\s+1/);
    expect(r.stdout).toMatch(/Read-only file system/);
    expect(r.stdout).toMatch(/wrote/);
  });

  it('sees only the environment it is given, never the service’s', async () => {
    const r = await run(
      'python',
      'import os, json\nprint(json.dumps(dict(os.environ)))\nprint(open("/proc/self/environ","rb").read().decode(errors="replace"))\nprint(open("/proc/1/environ","rb").read().decode(errors="replace") if os.access("/proc/1/environ", os.R_OK) else "")',
    );
    expect(r.status).toBe('ok');
    expect(r.stdout).not.toContain(CANARY);
    const env = JSON.parse(r.stdout.split('\n')[0]!) as Record<string, string>;
    expect(Object.keys(env).sort()).toEqual([]);
  });

  it('has no network: not to the host’s own addresses, not to the metadata address, not outside', async () => {
    const hostIps = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    const targets = [...hostIps, '169.254.169.254', '10.0.0.1', '8.8.8.8'];
    const src = `import socket\nfor host in ${JSON.stringify(targets)}:\n    s = socket.socket()\n    s.settimeout(2)\n    try:\n        s.connect((host, 80))\n        print(host, 'CONNECTED')\n    except OSError as e:\n        print(host, 'blocked', e)\nprint(sorted(n for _, n in socket.if_nameindex()))`;
    const r = await run('python', src);
    expect(r.status).toBe('ok');
    expect(r.stdout).not.toContain('CONNECTED');
    for (const t of targets) expect(r.stdout).toContain(`${t} blocked`);
    expect(r.stdout).toContain("['lo']");
    const dns = await run('shell', 'getent hosts example.com || echo no-dns; (exec 3<>/dev/tcp/169.254.169.254/80) 2>&1 || true');
    expect(dns.stdout).toContain('no-dns');
  });

  it('stdin carries the input, arguments arrive intact, JSON output is parsed only when declared', async () => {
    const src = 'import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["xs"]), "argv": sys.argv[1:]}))';
    const out = await svc.service.deps.executor.execute({
      language: 'python',
      source: src,
      policy,
      stdin: JSON.stringify({ xs: [1, 2, 3] }),
      args: ['a b', "c'd"],
      outputJson: true,
      actor: 'test',
    });
    expect(out.blocked).toBe(false);
    if (out.blocked) return;
    expect(out.result.json).toEqual({ sum: 6, argv: ['a b', "c'd"] });
    const notJson = await svc.service.deps.executor.execute({
      language: 'python',
      source: 'print("__import__(\'os\')")',
      policy,
      outputJson: true,
      actor: 'test',
    });
    if (!notJson.blocked) {
      expect(notJson.result.json).toBeUndefined();
      expect(notJson.result.jsonError).toMatch(/not JSON/);
    }
  });

  it('a failing Python script gets a traceback of its own frames (the runner imports traceback only then)', async () => {
    const r = await run('python', 'def f():\n    return 1 / 0\n\nf()\n');
    expect(r.status).toBe('failed');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "tool\.py", line 4, in <module>\n/);
    expect(r.stderr).toContain('ZeroDivisionError: division by zero');
    expect(r.stderr).not.toContain('<string>'); // no frame of the runner itself
    const ok = await run('python', 'import sys\nprint("traceback" in sys.modules)');
    expect(ok.stdout.trim()).toBe('False');
  });

  it('a warm container serves a run when the pool has one ready', async () => {
    // the service pre-warms the default policy's profile; ask for exactly that profile twice
    const def = svc.service.deps.policies.get('default');
    await svc.service.deps.sandboxes.docker.quiesce(); // the pool is full and no removal is pending
    expect(svc.service.deps.sandboxes.docker.poolStats().every((s) => s.ready >= s.target)).toBe(true);
    const out = await svc.service.deps.executor.execute({ language: 'python', source: 'print(1)', policy: def, actor: 'test' });
    expect(out.blocked).toBe(false);
    if (!out.blocked) {
      expect(out.result.status).toBe('ok');
      expect(out.result.warm).toBe(true);
    }
  });

  it('a container serving a run is named after it: a warm one is renamed, a cold one also carries the run label', async () => {
    const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
    const def = svc.service.deps.policies.get('default');
    expect(svc.service.deps.sandboxes.docker.poolStats().length).toBeGreaterThan(0); // the default profile is pooled
    const seen = async (runId: string) => {
      for (let i = 0; i < 100; i++) {
        const [c] = await docker.listContainers({ all: true, filters: { name: [`af-run-${runId}`] } });
        if (c) return c;
        await new Promise((r) => setTimeout(r, 20));
      }
      return undefined;
    };
    // a limit profile no run has used yet has no pool: its first run starts cold
    const fresh = { timeoutSeconds: 7, memoryMb: 200 };
    for (const [which, overrides] of [
      ['warm', {}],
      ['cold', fresh],
    ] as const) {
      await svc.service.deps.sandboxes.docker.quiesce();
      const runId = `test-${which}-${Date.now()}`;
      const running = svc.service.deps.executor.execute({
        language: 'python',
        source: 'import time\ntime.sleep(1.5)\nprint("done")',
        policy: def,
        overrides,
        actor: 'test',
        runId,
      });
      const c = await seen(runId);
      const out = await running;
      expect(out.blocked).toBe(false);
      if (out.blocked) continue;
      expect(out.result.warm).toBe(which === 'warm');
      expect(c, `no container named af-run-${runId} while it ran`).toBeDefined();
      expect(c!.Id.startsWith(out.result.containerId!)).toBe(true);
      expect(c!.Labels['io.agent-factory.instance']).toBeTruthy();
      expect(c!.Labels['io.agent-factory.run']).toBe(which === 'cold' ? runId : undefined);
    }
  });

  it('a run cancelled before or while it waits for its container never runs the script', async () => {
    const def = svc.service.deps.policies.get('default');
    const src = 'import time\ntime.sleep(2)\nprint("ran")';
    const before = await svc.service.deps.executor.execute({
      language: 'python',
      source: src,
      policy: def,
      actor: 'test',
      signal: AbortSignal.abort(),
    });
    expect(before.blocked).toBe(false);
    if (!before.blocked) {
      expect(before.result.status).toBe('killed');
      expect(before.result.stdout).not.toContain('ran');
    }
    // several at once drain the pool, so later ones wait for containers being prepared; all are cancelled
    await svc.service.deps.sandboxes.docker.quiesce();
    const ac = new AbortController();
    const runs = Array.from({ length: 4 }, () =>
      svc.service.deps.executor.execute({ language: 'python', source: src, policy: def, actor: 'test', signal: ac.signal }),
    );
    await new Promise((r) => setTimeout(r, 50));
    ac.abort();
    // the scripts print 'ran' after their 2 s: none did, so each was cancelled, not waited for
    for (const out of await Promise.all(runs)) {
      expect(out.blocked).toBe(false);
      if (out.blocked) continue;
      expect(out.result.status).toBe('killed');
      expect(out.result.stdout).not.toContain('ran');
    }
    expect(svc.service.deps.sandboxes.docker.poolStats().every((s) => s.waiting === 0)).toBe(true);
  });

  it('every run is audited with its limits and status', async () => {
    const r = await run('shell', 'echo audited');
    const ev = (await svc.service.deps.audit.query({ type: 'tool_executed', order: 'desc', limit: 1 }))[0]!;
    expect(ev.details).toMatchObject({ runId: r.runId, status: 'ok', limits: { timeoutMs: 3000, memoryMb: 128 } });
    expect(ev.securityFlags).toContain('static_check_skipped');
  });

  it('leaves no container behind: every container that served a run is gone', async () => {
    const { default: Docker } = await import('dockerode');
    const { dockerOptions, resolveDockerHost } = await import('../../src/sandbox/docker/engine.ts');
    const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
    await new Promise((r) => setTimeout(r, 1000));
    expect(usedContainers.length).toBeGreaterThan(30);
    const alive: string[] = [];
    for (const id of usedContainers) {
      try {
        await docker.getContainer(id).inspect();
        alive.push(id);
      } catch (e) {
        expect((e as { statusCode?: number }).statusCode).toBe(404);
      }
    }
    expect(alive).toEqual([]);
  });
});
