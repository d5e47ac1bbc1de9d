// npm run bench -- orchestrator, part (e): a `concurrent` pipeline of 50 workers at the concurrency
// limit (seed 003's default of 10, and the largest maxConcurrentAgents, 32), replies after a fixed
// latency, against the ideal ceil(50 / limit) + 1 rounds (the fan-out, then the aggregator). The peak
// number of model calls in flight shows the limit is used and never passed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../src/coordinator/index.ts';
import { startFakeOllama } from '../tests/helpers/fake-ollama.ts';
import { pscript, type PScript } from '../tests/pipelines/script.ts';
import { openBenchCore } from './coordinator-core.ts';
import { fmt, line, summary } from './lib.ts';

const WHO: Principal = { id: 'bench', role: 'admin' };
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 100);
const WORKERS = 50;

/** pipelines/fan-50.yaml: WORKERS agents and an aggregator. */
function fanPipeline(): string {
  const role = (key: string, what: string) =>
    `  ${key}:\n    name: bench-${key}\n    type: analysis\n    description: ${what}\n    systemPrompt: You are ${key}.\n` +
    '    outputFormat: { format: text }\n';
  const keys = Array.from({ length: WORKERS }, (_, i) => `w${i + 1}`);
  return (
    `name: fan-50\ndescription: ${WORKERS} workers at once, then an aggregator\npattern: concurrent\n` +
    `agents: [${keys.join(', ')}]\naggregator: agg\nroles:\n${keys.map((k) => role(k, `worker ${k}`)).join('')}` +
    role('agg', 'merges the answers')
  );
}

export async function concurrentPipelineBench(): Promise<void> {
  process.stdout.write(`\n# (e) a concurrent pipeline of ${WORKERS} workers at the concurrency limit, replies after ${LATENCY} ms\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-pipe-'));
  const pipelineDir = join(dataDir, 'pipelines');
  mkdirSync(pipelineDir);
  writeFileSync(join(pipelineDir, 'fan-50.yaml'), fanPipeline());
  let running = 0;
  let peak = 0;
  const model: PScript = (a) => {
    if (a.role === 'agg') return { content: `merged ${a.input.results.length}`, delayMs: LATENCY };
    if (a.kind !== 'role') return undefined;
    running++;
    peak = Math.max(peak, running);
    setTimeout(() => running--, LATENCY);
    return { content: `${a.role} answers`, delayMs: LATENCY };
  };
  const fake = await startFakeOllama({ replies: pscript(model) });
  const core = await openBenchCore(dataDir, fake.url, { pipelineDir });
  try {
    for (const limit of [10, 32]) {
      const rounds = Math.ceil(WORKERS / limit) + 1;
      const ratios: number[] = [];
      const peaks: number[] = [];
      let last = 0;
      let cpuPerWorker = 0;
      for (let i = 0; i < 3; i++) {
        peak = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const p = await core.coordinator.create(WHO, { task: 'fan out', pipeline: 'fan-50', config: { maxConcurrentAgents: limit } });
        const done = await core.coordinator.settled(WHO, p.id);
        if (done.status !== 'completed') throw new Error(`bench project ended ${done.status}: ${JSON.stringify(done.error)}`);
        last = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        cpuPerWorker = (cpu.user + cpu.system) / 1000 / WORKERS;
        ratios.push(last / (rounds * LATENCY));
        peaks.push(peak);
      }
      const ratio = summary(ratios).p50;
      const atLimit = peaks.every((x) => x === limit);
      line(`limit ${limit}: model calls in flight at most (3 runs)`, `${peaks.join(', ')} ${atLimit ? 'ok' : 'NOT THE LIMIT'}`);
      line(`limit ${limit}: ideal ${rounds} rounds / measured (last run)`, `${fmt(rounds * LATENCY, 0)} ms / ${fmt(last, 0)} ms`);
      line(`limit ${limit}: measured / ideal, median of 3`, `${fmt(ratio, 3)}x  (runs: ${ratios.map((x) => fmt(x, 2)).join(', ')})`);
      line(`limit ${limit}: CPU of this process per worker (engine, client, scripted server)`, `${fmt(cpuPerWorker, 1)} ms`);
    }
  } finally {
    await core.coordinator.close();
    await core.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
