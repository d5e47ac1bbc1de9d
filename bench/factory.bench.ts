import Docker from 'dockerode';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { Service } from '../src/service.ts';
import { containerSpec } from '../src/sandbox/docker/spec.ts';
import { dockerOptions, resolveDockerHost } from '../src/sandbox/docker/engine.ts';
import { limitsFor } from '../src/sandbox/index.ts';
import { fmt, line, summary } from './lib.ts';

const REPO = join(import.meta.dirname, '..');

async function startService(poolSize: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  const config = loadConfig({
    env: {},
    flags: {
      dataDir,
      'server.port': '0',
      'server.logLevel': 'silent',
      policyDir: join(REPO, 'policies'),
      blueprintDir: join(REPO, 'blueprints'),
      'sandbox.poolSize': String(poolSize),
      'ollama.host': 'http://127.0.0.1:9',
    },
  });
  const service = await Service.create(config, { logger: false, stream: { maxBufferedBytes: 64 * 1024 * 1024 } });
  const url = await service.listen();
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  return {
    service,
    url,
    token,
    close: async () => {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** WebSocket fan-out: 1,000 subscribers on one run's topic, events published by the service. */
export async function fanoutBench(
  subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000),
  events = Number(process.env.BENCH_EVENTS ?? 200),
): Promise<void> {
  process.stdout.write(
    `\n# WebSocket fan-out: ${subscribers} subscribers (own process) on one run, ${events} events published by the service\n`,
  );
  const s = await startService(0);
  try {
    const topic = 'run:run_00000000bench000';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'bench/ws-clients.ts'), s.url, s.token, topic, String(subscribers), String(events)],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const ready = new Promise<void>((res) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) res();
      }),
    );
    const finished = new Promise<void>((res) => child.on('close', () => res()));
    await ready;
    const t0 = performance.now();
    for (let i = 0; i < events; i++) {
      await s.service.deps.events.publish({
        topic,
        owner: 'bench',
        status: 'running',
        progress: i / events,
        message: `step ${i}`,
        metadata: { sentAt: performance.timeOrigin + performance.now() },
      });
      if (i % 10 === 9) await new Promise((r) => setImmediate(r)); // let the sockets drain between bursts
    }
    const publishMs = performance.now() - t0;
    await finished;
    const r = JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as {
      delivered: number;
      seconds: number;
      p50: number;
      p99: number;
      max: number;
    };
    line('events delivered', `${r.delivered.toLocaleString()} of ${(subscribers * events).toLocaleString()}`);
    line('delivered events/s', `${fmt(r.delivered / r.seconds, 0)}  (publishing took ${fmt(publishMs, 0)} ms)`);
    line('delivery latency p50 / p99 / max', `${fmt(r.p50, 1)} ms / ${fmt(r.p99, 1)} ms / ${fmt(r.max, 1)} ms`);
  } finally {
    await s.close();
  }
}

/** Blueprint submissions with source (check + one probe run in the sandbox + register) vs bare sandbox runs. */
export async function submissionBench(n = Number(process.env.BENCH_SUBMISSIONS ?? 10)): Promise<void> {
  process.stdout.write(`\n# blueprint submissions with source (check + 1 probe run + register), ${n} sequential, over HTTP\n`);
  const s = await startService(2);
  const source = 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
  const bp = (name: string) => ({
    name,
    description: 'Adds numbers',
    language: 'python',
    purpose: 'sum',
    inputSpec: [{ name: 'numbers', type: 'list' }],
    outputSpec: { format: 'json' },
    source,
    examples: [{ name: 'one', input: { numbers: [1, 2] }, expect: { json: { sum: 3 } } }],
  });
  try {
    await new Promise((r) => setTimeout(r, 3000)); // let the pool fill
    const post = async (i: number) => {
      const res = await fetch(`${s.url}/api/v1/tools`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(bp(`bench_${i}`)),
      });
      if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${await res.text()}`);
    };
    await post(-1);
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await post(i);
      times.push(performance.now() - t);
    }
    const rate = n / ((performance.now() - t0) / 1000);
    const policy = s.service.deps.policies.get('default');
    const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
    const spec = containerSpec({
      language: 'python',
      image: s.service.deps.sandboxes.images.python,
      limits: limitsFor(policy),
      labels: { 'io.agent-factory.bench': '1' },
    });
    const bare = async () => {
      const c = await docker.createContainer({
        ...spec,
        Cmd: ['python3', '-c', source.replace('json.load(sys.stdin)', '{"numbers": [1, 2]}')],
        AttachStdin: false,
        OpenStdin: false,
        StdinOnce: false,
      });
      await c.start();
      await c.wait();
      await c.remove({ force: true });
    };
    await bare();
    const tb = performance.now();
    for (let i = 0; i < n; i++) await bare();
    const bareRate = n / ((performance.now() - tb) / 1000);
    const sm = summary(times);
    line('submissions/s (with source)', `${fmt(rate, 2)}  p50 ${fmt(sm.p50, 0)} ms per submission`);
    line('bare sandbox runs/s (create/start/wait/remove)', `${fmt(bareRate, 2)}  ratio ${fmt(rate / bareRate, 2)}x`);
  } finally {
    await s.close();
  }
}
