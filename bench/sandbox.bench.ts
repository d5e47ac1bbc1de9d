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
import { limitsFor } from '../src/sandbox/index.ts';
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

/** Issue 4's sandbox figures: cold, warm, sustained throughput, isolated-vm, memory. */
export async function sandboxBench(n = Number(process.env.BENCH_RUNS ?? 20)): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  const host = resolveDockerHost(process.env.DOCKER_HOST);
  const docker = new Docker(dockerOptions(host));
  const env = { ...process.env, DOCKER_HOST: host };
  const config = loadConfig({ env: {}, flags: { dataDir, policyDir: join(REPO, 'policies'), 'sandbox.poolSize': '0' } });
  const cold = await openCore(config, { prewarm: false });
  const policy: Policy = cold.policies.get('default');
  const limits = limitsFor(policy);
  const image = cold.sandboxes.images.python;
  const spec = containerSpec({ language: 'python', image, limits, labels: { 'io.agent-factory.bench': '1' } });
  const hc = spec.HostConfig!;
  const dockerRunArgs = [
    'run', '--rm', '--network', 'none', '--read-only', '--tmpfs', `/workspace:${hc.Tmpfs!['/workspace']}`, '--tmpfs', `/tmp:${hc.Tmpfs!['/tmp']}`,
    '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '65534:65534', '--pids-limit', String(hc.PidsLimit),
    '--memory', `${limits.memoryMb}m`, '--memory-swap', `${limits.memoryMb}m`, '--cpus', String(limits.cpus), '--init',
    '--ulimit', `fsize=${limits.maxFileSizeMb * 1024 * 1024}`, '--ulimit', `nofile=${limits.maxOpenFiles}`, '--log-driver', 'none',
    image, 'python3', '-c', 'print(1)',
  ];
  const viaService = (core: typeof cold) => async () => {
    const r = await core.executor.execute({ language: 'python', source: 'print(1)', policy, actor: 'bench' });
    if (r.blocked || r.result.status !== 'ok') throw new Error(`run failed: ${JSON.stringify(r)}`);
    return r;
  };
  const bareCycle = async () => {
    const c = await docker.createContainer({ ...spec, Cmd: ['python3', '-c', 'print(1)'], AttachStdin: false, OpenStdin: false, StdinOnce: false });
    await c.start();
    await c.wait();
    await c.remove({ force: true });
  };

  process.stdout.write(`\n# sandbox: python3 print(1) under the default policy's limits (engine ${host}, image ${image})\n`);
  // (a) cold
  process.stderr.write('  … (a) cold runs\n');
  const coldOurs = await timeIt(n, viaService(cold));
  const coldBare = await timeIt(n, () => exec('docker', dockerRunArgs, { env }));
  report('(a) cold', coldOurs, coldBare, 'bare `docker run --rm`', 'within 1.1x');
  await cold.close();

  // (b) warm
  process.stderr.write('  … (b) warm runs\n');
  const warmCfg = loadConfig({ env: {}, flags: { dataDir, policyDir: join(REPO, 'policies'), 'sandbox.poolSize': '2' } });
  const warm = await openCore(warmCfg, { prewarm: true });
  // every pool (python and shell profiles) full
  const waitReady = async () => {
    for (let i = 0; i < 200; i++) {
      if (warm.sandboxes.docker.poolStats().every((s) => s.ready >= s.target)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const warmRuns: number[] = [];
  let warmHits = 0;
  for (let i = 0; i < n; i++) {
    await waitReady();
    const t = performance.now();
    const r = await viaService(warm)();
    warmRuns.push(performance.now() - t);
    if (!r.blocked && r.result.warm) warmHits++;
  }
  const running = await docker.createContainer({ ...spec, Cmd: ['sleep', 'infinity'], AttachStdin: false, OpenStdin: false, StdinOnce: false });
  await running.start();
  const bareExec = await timeIt(n, async () => {
    const e = await running.exec({ Cmd: ['python3', '-c', 'print(1)'], AttachStdout: true, AttachStderr: true });
    const s = await e.start({});
    await new Promise((r) => { s.on('end', r); s.resume(); });
  });
  await running.remove({ force: true });
  report('(b) warm', warmRuns, bareExec, 'bare `exec` into a running container', 'p50 at most 0.3x');
  line('(b) warm: runs served by a pre-started container', `${warmHits}/${n}`);

  // (e) memory with the pool full: a real `factory serve` process, measured from /proc
  const serveDir = mkdtempSync(join(tmpdir(), 'af-bench-serve-'));
  const serve = spawn(process.execPath, ['--no-node-snapshot', join(REPO, 'bin/factory.js'), 'serve', '--port', '0', '--data-dir', serveDir, '--log-level', 'warn'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9' } });
  const serveUrl = await new Promise<string>((res, rej) => {
    let err = '';
    serve.stderr.on('data', (d: Buffer) => { err += d.toString(); const m = /listening on (http:\/\/\S+)/.exec(err); if (m) res(m[1]!); });
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
  const ids = (await docker.listContainers({ filters: { label: [`io.agent-factory.instance=${serveInstance}`] } })).map((c) => c.Id);
  let poolMem = 0;
  for (const id of ids) {
    const st = (await docker.getContainer(id).stats({ stream: false })) as { memory_stats?: { usage?: number } };
    poolMem += (st.memory_stats?.usage ?? 0) / 2 ** 20;
  }
  line('(e) `factory serve` RSS with the pool full', `${fmt(rss)} MiB  (pool: ${pool.map((p) => `${p.ready}/${p.target} ready`).join(', ')})`);
  line('(e) pooled containers, memory charged to them', `${fmt(poolMem)} MiB in ${ids.length} containers`);
  serve.kill('SIGTERM');
  await new Promise((r) => serve.on('exit', r));
  rmSync(serveDir, { recursive: true, force: true });

  // (c) sustained throughput: steady state, i.e. the pool full when the clock starts, refilling as it goes
  process.stderr.write('  … (c) sustained runs\n');
  for (const c of [1, 2, 4, 8]) {
    // long enough that the pool's last refills (up to its target, prepared but not used in the window) are amortized
    const total = Math.max(24, c * 16);
    const cfg = loadConfig({ env: {}, flags: { dataDir, policyDir: join(REPO, 'policies'), 'sandbox.poolSize': String(c) } });
    const core = await openCore(cfg, { prewarm: true });
    for (let i = 0; i < 400 && !core.sandboxes.docker.poolStats().every((s) => s.ready >= s.target); i++) await new Promise((r) => setTimeout(r, 50));
    const ours = await throughput(total, c, viaService(core));
    await core.close();
    const bare = await throughput(total, c, bareCycle);
    line(`(c) concurrency ${c}: service with pool refill`, `${fmt(ours, 2)} runs/s`);
    line(`(c) concurrency ${c}: bare create/start/wait/remove`, `${fmt(bare, 2)} runs/s   ratio ${fmt(ours / bare, 2)}x (goal >= 0.9x)`);
  }
  await warm.close();

  // (d) isolated-vm
  process.stderr.write('  … (d) isolated-vm\n');
  const iso = await openCore(warmCfg, { prewarm: true }); // with its isolate pool, as the server runs
  const isoRun = async () => {
    const r = await iso.sandboxes.run({ language: 'javascript', source: 'print(1)', limits });
    if (r.status !== 'ok') throw new Error(r.status);
  };
  for (let i = 0; i < 40; i++) await isoRun();
  // requests arriving 2 ms apart (the pool refills in the gaps), then back to back (it cannot keep up)
  const spaced: number[] = [];
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 2));
    const t = performance.now();
    await isoRun();
    spaced.push(performance.now() - t);
  }
  const b2b = await timeIt(300, isoRun, 0);
  const s1 = summary(spaced);
  const s2 = summary(b2b);
  line('(d) isolated-vm print(1), runs 2 ms apart', `p50 ${fmt(s1.p50, 2)} ms  p95 ${fmt(s1.p95, 2)} ms  (goal: p50 under 2 ms)`);
  line('(d) isolated-vm print(1), back to back', `p50 ${fmt(s2.p50, 2)} ms  p95 ${fmt(s2.p95, 2)} ms`);
  await iso.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function throughput(total: number, concurrency: number, fn: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) await fn();
  }));
  return total / ((performance.now() - t) / 1000);
}
