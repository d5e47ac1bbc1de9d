// npm run bench -- cli: the `factory` command as whole processes, against what a user would run instead,
// interleaved in one run on one machine: `factory run print.py` vs a bare `docker run --rm` of the same
// script with the same confinement; `factory check tool.py` vs `bandit -q tool.py`.
// BENCH_RUNS (default 15) rounds after 2 warm-up rounds. BENCH_CLI_ALSO=label=/path/to/bin/factory.js
// adds another build of the command to the same rounds (an older checkout, say, for before/after figures).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/config/load.ts';
import { loadPolicyNamed } from '../src/policy/index.ts';
import { defaultImage } from '../src/sandbox/docker/images.ts';
import { dockerOptions, resolveDockerHost } from '../src/sandbox/docker/engine.ts';
import { containerSpec } from '../src/sandbox/docker/spec.ts';
import { limitsFor, mountsFor } from '../src/sandbox/index.ts';
import { fmt, line, summary } from './lib.ts';

const REPO = join(import.meta.dirname, '..');
const PRINT = 'print(1)\n';
type CheckBuild = (root: string) => { fresh: boolean; why?: string };
const { checkBuild } = createRequire(import.meta.url)('../bin/dist.js') as { checkBuild: CheckBuild };

interface Contender {
  label: string;
  cmd: string;
  args: string[];
  input?: string;
  /** exit codes that count as a completed run */
  ok: number[];
  times: number[];
}

/** `docker run --rm -i` with the confinement the service gives a container (src/sandbox/docker/spec.ts). */
export function dockerRunArgs(spec: Docker.ContainerCreateOptions, cmd: string[]): string[] {
  const hc = spec.HostConfig ?? {};
  const a = ['run', '--rm', '-i', '--network', 'none', '--user', spec.User ?? '65534:65534', '--workdir', spec.WorkingDir ?? '/'];
  if (hc.ReadonlyRootfs) a.push('--read-only');
  for (const [path, opts] of Object.entries(hc.Tmpfs ?? {})) a.push('--tmpfs', `${path}:${opts}`);
  for (const b of hc.Binds ?? []) a.push('-v', b);
  for (const c of hc.CapDrop ?? []) a.push('--cap-drop', c);
  for (const s of hc.SecurityOpt ?? []) a.push('--security-opt', s);
  for (const u of hc.Ulimits ?? []) a.push('--ulimit', `${u.Name}=${u.Soft}:${u.Hard}`);
  for (const e of spec.Env ?? []) a.push('-e', e);
  if (hc.PidsLimit) a.push('--pids-limit', String(hc.PidsLimit));
  if (hc.Memory) a.push('--memory', `${hc.Memory}b`, '--memory-swap', `${hc.MemorySwap ?? hc.Memory}b`);
  if (hc.NanoCpus) a.push('--cpus', String(hc.NanoCpus / 1e9));
  if (hc.Init) a.push('--init');
  if (hc.IpcMode) a.push('--ipc', hc.IpcMode);
  if (hc.OomScoreAdj !== undefined) a.push('--oom-score-adj', String(hc.OomScoreAdj));
  a.push('--log-driver', hc.LogConfig?.Type ?? 'none');
  return [...a, spec.Image ?? '', ...cmd];
}

function runOnce(c: Contender, env: NodeJS.ProcessEnv): void {
  const t = performance.now();
  const r = spawnSync(c.cmd, c.args, { input: c.input ?? '', env, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error || !c.ok.includes(r.status ?? -1)) {
    throw new Error(`${c.label}: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}\n${r.stderr?.toString().slice(0, 2000)}`);
  }
  c.times.push(ms);
}

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error;
}

function report(ours: Contender | undefined, base: Contender | undefined, goal: { max: number; text: string }): void {
  if (!ours || !base) return;
  const a = summary(ours.times);
  const b = summary(base.times);
  const ratio = a.p50 / b.p50;
  line(`${ours.label} / ${base.label} (p50)`, `${fmt(ratio, 2)}x   goal ${goal.text}: ${ratio <= goal.max ? 'met' : 'NOT met'}`);
}

export async function cliBench(n = Number(process.env.BENCH_RUNS ?? 15)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-cli-'));
  const dataDir = join(dir, 'data');
  const host = resolveDockerHost(process.env.DOCKER_HOST);
  const env = { ...process.env, DOCKER_HOST: host };
  const printPy = join(dir, 'print.py');
  writeFileSync(printPy, PRINT);
  const toolPy = join(dir, 'csv_aggregator.py'); // a realistic generated tool (blueprints/tools/csv_aggregator.yaml)
  writeFileSync(toolPy, (parseYaml(readFileSync(join(REPO, 'blueprints/tools/csv_aggregator.yaml'), 'utf8')) as { source: string }).source);

  const build = checkBuild(REPO);
  process.stdout.write(`\n# factory CLI as whole processes (median and p95 of ${n} interleaved rounds after 2 warm-up rounds)\n`);
  const from = build.fresh ? 'factory runs the build in dist/' : `NOTE: ${build.why}: factory runs the sources (npm run build first)`;
  process.stdout.write(`  ${from}\n`);

  // the same confinement as the service: the default policy's limits, through the service's own spec
  const config = loadConfig({ env: {}, flags: { dataDir, policyDir: join(REPO, 'policies') } });
  const { policy } = loadPolicyNamed(config.policyDir, 'default');
  if (!policy) throw new Error('no default policy');
  const image = config.sandbox.images.python ?? defaultImage('python');
  const spec = containerSpec({ language: 'python', image, limits: limitsFor(policy), mounts: mountsFor(policy, {}), labels: {} });

  const factoryBins: [string, string][] = [['factory', join(REPO, 'bin/factory.js')]];
  const also = /^([^=]+)=(.+)$/.exec(process.env.BENCH_CLI_ALSO ?? '');
  if (also) factoryBins.push([also[1]!, also[2]!]);
  const withDocker =
    has('docker', ['--version']) &&
    (await new Docker(dockerOptions(host)).ping().then(
      () => true,
      () => false,
    ));
  const withBandit = has('bandit', ['--version']);
  if (!withDocker) line('run comparison', 'skipped: no Docker engine answers (bash scripts/docker-up.sh)');
  if (!withBandit) line('check comparison', 'skipped: bandit is not installed (apt-get install -y bandit)');

  const data = ['--data-dir', dataDir];
  const all: Contender[] = [];
  const add = (c: Omit<Contender, 'times'>) => {
    const x = { ...c, times: [] };
    all.push(x);
    return x;
  };
  const runs = withDocker
    ? factoryBins.map(([label, cmd]) => add({ label: `${label} run print.py`, cmd, args: ['run', printPy, ...data], ok: [0] }))
    : [];
  const docker = withDocker
    ? add({ label: 'docker run --rm print.py', cmd: 'docker', args: dockerRunArgs(spec, ['python3', '-I', '-']), input: PRINT, ok: [0] })
    : undefined;
  const checks = factoryBins.map(([label, cmd]) =>
    add({ label: `${label} check tool.py`, cmd, args: ['check', toolPy, ...data], ok: [0] }),
  );
  const bandit = withBandit ? add({ label: 'bandit -q tool.py', cmd: 'bandit', args: ['-q', toolPy], ok: [0, 1] }) : undefined;
  add({ label: 'node -e 0 (for scale)', cmd: process.execPath, args: ['-e', '0'], ok: [0] });

  for (let round = -2; round < n; round++) {
    process.stderr.write(round < 0 ? `  … warm-up round ${round + 3}/2\n` : `  … round ${round + 1}/${n}\n`);
    for (const c of all) {
      const before = c.times.length;
      runOnce(c, env);
      if (round < 0) c.times.length = before;
    }
  }
  for (const c of all) {
    const s = summary(c.times);
    line(c.label, `p50 ${fmt(s.p50, 0)} ms  p95 ${fmt(s.p95, 0)} ms`);
  }
  for (const r of runs) report(r, docker, { max: 1.5, text: 'at most 1.5x' });
  for (const c of checks) report(c, bandit, { max: 1, text: 'under 1x (faster than Bandit)' });

  if (withDocker) {
    // nothing of these runs may be left: each `factory run` hands its container's removal to the engine
    await new Promise((r) => setTimeout(r, 2000));
    const id = readFileSync(join(dataDir, 'instance-id'), 'utf8').trim();
    const filters = { label: [`io.agent-factory.instance=${id}`] };
    const left = await new Docker(dockerOptions(host)).listContainers({ all: true, filters });
    line('containers left by the runs (2 s after the last)', String(left.length));
  }
  rmSync(dir, { recursive: true, force: true });
}
