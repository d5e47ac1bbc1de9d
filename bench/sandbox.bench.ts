import Docker from 'dockerode';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/load.ts';
import type { Policy } from '../src/policy/index.ts';
import { openCore } from '../src/service.ts';
import { containerSpec } from '../src/sandbox/docker/spec.ts';
import { dockerOptions, resolveDockerHost } from '../src/sandbox/docker/engine.ts';
import { limitsFor, type SandboxLimits } from '../src/sandbox/index.ts';
import { fmt, line, summary } from './lib.ts';

const exec = promisify(execFile);
const REPO = join(import.meta.dirname, '..');

async function timeIt(n: number, fn: () => Promise<unknown>, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function report(label: string, ours: number[], base: number[], baseLabel: string, goal: string): void {
  const a = summary(ours);
  const b = summary(base);
  line(`${label}: service`, `p50 ${fmt(a.p50)} ms  p95 ${fmt(a.p95)} ms  (n=${a.n})`);
  line(`${label}: ${baseLabel}`, `p50 ${fmt(b.p50)} ms  p95 ${fmt(b.p95)} ms  (n=${b.n})`);
  line(`${label}: ratio service/baseline (p50)`, `${fmt(a.p50 / b.p50, 2)}x   goal: ${goal}`);
}

interface Ctx {
  n: number;
  host: string;
  docker: Docker;
  dataDir: string;
  policy: Policy;
  limits: SandboxLimits;
  spec: Docker.ContainerCreateOptions;
  image: string;
  viaService: (core: Core) => () => Promise<unknown>;
  bareCycle: () => Promise<void>;
}
type Core = Awaited<ReturnType<typeof openCore>>;

const coreFor = (dataDir: string, poolSize: number, prewarm: boolean): Promise<Core> =>
  openCore(loadConfig({ env: {}, flags: { dataDir, policyDir: join(REPO, 'policies'), 'sandbox.poolSize': String(poolSize) } }), {
    prewarm,
  });

/**
 * Issue 4's sandbox figures: (a) cold, (b) warm, (c) sustained throughput, (d) isolated-vm, (e) memory.
 * BENCH_SANDBOX=ac (for example) runs only those parts; BENCH_RUNS and BENCH_ROUNDS set the sample sizes,
 * BENCH_CONCURRENCY=4,8 the concurrency levels of (c).
 */
export async function sandboxBench(
  n = Number(process.env.BENCH_RUNS ?? 20),
  parts = (process.env.BENCH_SANDBOX ?? 'abcde').toLowerCase(),
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  const host = resolveDockerHost(process.env.DOCKER_HOST);
  const docker = new Docker(dockerOptions(host));
  const probe = await coreFor(dataDir, 0, false);
  const policy: Policy = probe.policies.get('default');
  const limits = limitsFor(policy);
  const image = probe.sandboxes.images.python;
  await probe.close();
  const spec = containerSpec({ language: 'python', image, limits, labels: { 'io.agent-factory.bench': '1' } });
  const ctx: Ctx = {
    n,
    host,
    docker,
    dataDir,
    policy,
    limits,
    spec,
    image,
    viaService: (core) => async () => {
      const r = await core.executor.execute({ language: 'python', source: 'print(1)', policy, actor: 'bench' });
      if (r.blocked || r.result.status !== 'ok') throw new Error(`run failed: ${JSON.stringify(r)}`);
      return r;
    },
    bareCycle: async () => {
      const c = await docker.createContainer({
        ...spec,
        Cmd: ['python3', '-c', 'print(1)'],
        AttachStdin: false,
        OpenStdin: false,
        StdinOnce: false,
      });
      await c.start();
      await c.wait();
      await c.remove({ force: true });
    },
  };
  process.stdout.write(`\n# sandbox: python3 print(1) under the default policy's limits (engine ${host}, image ${image})\n`);
  const PARTS: [string, string, (ctx: Ctx) => Promise<void>][] = [
    ['a', 'cold runs', cold],
    ['b', 'warm runs', warm],
    ['e', 'memory with the pool full', memory],
    ['c', 'sustained runs', sustained],
    ['d', 'isolated-vm', isolate],
  ];
  for (const [key, what, fn] of PARTS) {
    if (!parts.includes(key)) continue;
    process.stderr.write(`  … (${key}) ${what}\n`);
    await fn(ctx);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** (a) a cold run through the service vs a bare `docker run --rm` with the same flags. */
async function cold(ctx: Ctx): Promise<void> {
  const { limits, spec, image } = ctx;
  const hc = spec.HostConfig!;
  const dockerRunArgs = [
    'run',
    '--rm',
    '--network',
    'none',
    '--read-only',
    '--tmpfs',
    `/workspace:${hc.Tmpfs!['/workspace']}`,
    '--tmpfs',
    `/tmp:${hc.Tmpfs!['/tmp']}`,
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--user',
    '65534:65534',
    '--pids-limit',
    String(hc.PidsLimit),
    '--memory',
    `${limits.memoryMb}m`,
    '--memory-swap',
    `${limits.memoryMb}m`,
    '--cpus',
    String(limits.cpus),
    '--init',
    '--ulimit',
    `fsize=${limits.maxFileSizeMb * 1024 * 1024}`,
    '--ulimit',
    `nofile=${limits.maxOpenFiles}`,
    '--log-driver',
    'none',
    image,
    'python3',
    '-c',
    'print(1)',
  ];
  const core = await coreFor(ctx.dataDir, 0, false);
  const ours = await timeIt(ctx.n, ctx.viaService(core));
  await core.close();
  const bare = await timeIt(ctx.n, () => exec('docker', dockerRunArgs, { env: { ...process.env, DOCKER_HOST: ctx.host } }));
  report('(a) cold', ours, bare, 'bare `docker run --rm`', 'within 1.1x');
}

/** (b) a warm-pool run vs a bare `exec` into an already running container. */
async function warm(ctx: Ctx): Promise<void> {
  const core = await coreFor(ctx.dataDir, 2, true);
  const ours: number[] = [];
  let hits = 0;
  for (let i = 0; i < ctx.n; i++) {
    await core.sandboxes.docker.quiesce(); // every pool (python and shell profiles) full
    const t = performance.now();
    const r = (await ctx.viaService(core)()) as { blocked: false; result: { warm: boolean } };
    ours.push(performance.now() - t);
    if (r.result.warm) hits++;
  }
  await core.close();
  const running = await ctx.docker.createContainer({
    ...ctx.spec,
    Cmd: ['sleep', 'infinity'],
    AttachStdin: false,
    OpenStdin: false,
    StdinOnce: false,
  });
  await running.start();
  const bare = await timeIt(ctx.n, async () => {
    const e = await running.exec({ Cmd: ['python3', '-c', 'print(1)'], AttachStdout: true, AttachStderr: true });
    const s = await e.start({});
    await new Promise((r) => {
      s.on('end', r);
      s.resume();
    });
  });
  await running.remove({ force: true });
  report('(b) warm', ours, bare, 'bare `exec` into a running container', 'p50 at most 0.3x');
  line('(b) warm: runs served by a pre-started container', `${hits}/${ctx.n}`);
}

/** (e) a real `factory serve` process with its pool full, measured from /proc and the engine's stats. */
async function memory(ctx: Ctx): Promise<void> {
  const serveDir = mkdtempSync(join(tmpdir(), 'af-bench-serve-'));
  const serve = spawn(
    process.execPath,
    ['--no-node-snapshot', join(REPO, 'bin/factory.js'), 'serve', '--port', '0', '--data-dir', serveDir, '--log-level', 'warn'],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9' } },
  );
  const serveUrl = await new Promise<string>((res, rej) => {
    let err = '';
    serve.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) res(m[1]!);
    });
    serve.on('exit', (code) => rej(new Error(`serve exited ${code}: ${err}`)));
  });
  let pool: { ready: number; target: number }[] = [];
  for (let i = 0; i < 200; i++) {
    const r = (await (await fetch(`${serveUrl}/readyz`)).json()) as { checks: { sandbox: { pool: { ready: number; target: number }[] } } };
    pool = r.checks.sandbox.pool;
    if (pool.length > 0 && pool.every((p) => p.ready >= p.target)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serve.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const serveInstance = readFileSync(join(serveDir, 'instance-id'), 'utf8').trim();
  const ids = (await ctx.docker.listContainers({ filters: { label: [`io.agent-factory.instance=${serveInstance}`] } })).map((c) => c.Id);
  let poolMem = 0;
  for (const id of ids) {
    const st = (await ctx.docker.getContainer(id).stats({ stream: false })) as { memory_stats?: { usage?: number } };
    poolMem += (st.memory_stats?.usage ?? 0) / 2 ** 20;
  }
  line(
    '(e) `factory serve` RSS with the pool full',
    `${fmt(rss)} MiB  (pool: ${pool.map((p) => `${p.ready}/${p.target} ready`).join(', ')})`,
  );
  line('(e) pooled containers, memory charged to them', `${fmt(poolMem)} MiB in ${ids.length} containers`);
  serve.kill('SIGTERM');
  await new Promise((r) => serve.on('exit', r));
  rmSync(serveDir, { recursive: true, force: true });
}

/**
 * (c) sustained throughput in steady state. The machine is shared and noisy, so the service and the bare
 * cycle take turns (several rounds, each side starting with the engine idle), and each turn is one
 * continuous stream whose first and last fifth are left out: the rate is measured while every worker is
 * busy and the pool refills as it goes, not while it fills up or drains.
 */
async function sustained(ctx: Ctx): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
  for (const c of (process.env.BENCH_CONCURRENCY ?? '1,2,4,8').split(',').map(Number)) {
    const total = Math.max(30, c * 12);
    const core = await coreFor(ctx.dataDir, c, true);
    const ours: Rate[] = [];
    const bare: Rate[] = [];
    for (let r = 0; r < rounds; r++) {
      process.stderr.write(`    concurrency ${c}, round ${r + 1}/${rounds}\n`);
      await core.sandboxes.docker.quiesce();
      ours.push(await steadyRate(total, c, ctx.viaService(core)));
      await core.sandboxes.docker.quiesce();
      bare.push(await steadyRate(total, c, ctx.bareCycle));
    }
    await core.close();
    const a = pooled(ours);
    const b = pooled(bare);
    const perRound = ours.map((o, i) => o.runs / o.seconds / (bare[i]!.runs / bare[i]!.seconds)).sort((x, y) => x - y);
    line(`(c) concurrency ${c}: service with pool refill`, `${fmt(a, 2)} runs/s`);
    line(`(c) concurrency ${c}: bare create/start/wait/remove`, `${fmt(b, 2)} runs/s   ratio ${fmt(a / b, 2)}x (goal >= 0.9x)`);
    line(
      `(c) concurrency ${c}: ratio per round`,
      `${perRound.map((x) => `${fmt(x, 2)}x`).join('  ')}   (${rounds} rounds of ${total} runs a side)`,
    );
  }
}

/** (d) isolated-vm with the server's isolate pool: requests 2 ms apart (it refills in the gaps), then back to back. */
async function isolate(ctx: Ctx): Promise<void> {
  const iso = await coreFor(ctx.dataDir, 2, true); // the default pool size, as the server runs
  const run = async () => {
    const r = await iso.sandboxes.run({ language: 'javascript', source: 'print(1)', limits: ctx.limits });
    if (r.status !== 'ok') throw new Error(r.status);
  };
  for (let i = 0; i < 40; i++) await run();
  const spaced: number[] = [];
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 2));
    const t = performance.now();
    await run();
    spaced.push(performance.now() - t);
  }
  const b2b = await timeIt(300, run, 0);
  const s1 = summary(spaced);
  const s2 = summary(b2b);
  line('(d) isolated-vm print(1), runs 2 ms apart', `p50 ${fmt(s1.p50, 2)} ms  p95 ${fmt(s1.p95, 2)} ms  (goal: p50 under 2 ms)`);
  line('(d) isolated-vm print(1), back to back', `p50 ${fmt(s2.p50, 2)} ms  p95 ${fmt(s2.p95, 2)} ms`);
  await iso.close();
}

interface Rate {
  runs: number;
  seconds: number;
}

/** Runs `total` calls, `concurrency` at a time, and measures the rate between the 20th and 80th percent of completions. */
async function steadyRate(total: number, concurrency: number, fn: () => Promise<unknown>): Promise<Rate> {
  let next = 0;
  const done: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        await fn();
        done.push(performance.now());
      }
    }),
  );
  const i1 = Math.floor(total * 0.2);
  const i2 = Math.ceil(total * 0.8) - 1;
  return { runs: i2 - i1, seconds: (done[i2]! - done[i1]!) / 1000 };
}

function pooled(rates: Rate[]): number {
  return rates.reduce((a, r) => a + r.runs, 0) / rates.reduce((a, r) => a + r.seconds, 0);
}
