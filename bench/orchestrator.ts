// npm run bench -- orchestrator: the coordinator's engine against the scripted Ollama server.
// (a) overhead per step against a bare model call of the same latency; (b) a 50-task DAG at
// concurrency 4 with fixed-latency replies against the ideal (critical path and width), goal <= 1.1x;
// (c) time to resume a project with 500 finished steps; (d) replay steps per second; (e) a concurrent
// pipeline of 50 workers at the limit (orchestrator-pipelines.ts). In (a) and (b) the scripted model server
// runs in a thread of its own (model-thread.ts), as Ollama is a process of its own: the engine is charged
// for the engine only, and the bare calls it is measured against go to the same server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM } from '../src/access/index.ts';
import type { Coordinator, Principal } from '../src/coordinator/index.ts';
import { OllamaProvider } from '../src/llm/index.ts';
import type { ServiceDeps } from '../src/service-deps.ts';
import { script, type Script } from '../tests/coordinator/scripted-model.ts';
import { startFakeOllama } from '../tests/helpers/fake-ollama.ts';
import { openBenchCore } from './coordinator-core.ts';
import { fmt, line, summary } from './lib.ts';
import { chainTasks, dagTasks, good, sub } from './orchestrator-scripts.ts';
import { startModelThread } from './model-thread.ts';
import { concurrentPipelineBench } from './orchestrator-pipelines.ts';

const WHO: Principal = { id: 'bench', role: 'admin' };
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 100);

interface Env {
  /** chat requests the model server has answered */
  chats(): Promise<number>;
  core: ServiceDeps;
  coordinator: Coordinator;
  close(): Promise<void>;
}

type Sync = 'full' | 'normal';

/** The model: a script served in this process, or the script orchestrator-scripts.ts `planned` makes, in a thread. */
type Model = { here: Script[] } | { thread: Parameters<typeof import('./orchestrator-scripts.ts').planned> };

async function modelServer(model: Model): Promise<{ url: string; chats(): Promise<number>; close(): Promise<void> }> {
  if ('thread' in model) {
    return startModelThread({ module: new URL('./orchestrator-scripts.ts', import.meta.url).href, name: 'planned', args: model.thread });
  }
  const fake = await startFakeOllama({ replies: script(...model.here) });
  return { url: fake.url, chats: async () => fake.chats().length, close: () => fake.close() };
}

async function env(model: Model, sync: Sync, over: Record<string, string> = {}): Promise<Env> {
  const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-coord-'));
  const fake = await modelServer(model);
  const core = await openBenchCore(dataDir, fake.url, {
    'coordinator.maxConcurrentProjects': '4',
    'audit.synchronous': sync,
    ...over,
  });
  await core.factory.agents.create(
    { name: 'analyst', type: 'analysis', description: 'Analyses', systemPrompt: 'You are analyst.', outputFormat: { format: 'text' } },
    SYSTEM,
  );
  const coordinator = core.coordinator;
  return {
    chats: () => fake.chats(),
    core,
    coordinator,
    close: async () => {
      await coordinator.close();
      await core.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(e: Env, task: string, config: Record<string, unknown>) {
  const t0 = performance.now();
  const p = await e.coordinator.create(WHO, { task, config });
  const done = await e.coordinator.settled(WHO, p.id);
  if (done.status !== 'completed') throw new Error(`bench project ended ${done.status}: ${JSON.stringify(done.error)}`);
  return { ms: performance.now() - t0, project: done };
}

/** Mean duration of bare model calls (worker turns) of the same latency, `parallel` at a time, on this machine now. */
async function bareCall(e: Env, rounds: number, parallel: number): Promise<number> {
  const llm = new OllamaProvider(e.core.config.ollama);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        const t0 = performance.now();
        await llm.chat({ role: 'bench', messages: [{ role: 'user', content: 'hello' }] });
        times.push(performance.now() - t0);
      }),
    );
  }
  return summary(times).mean;
}

const median = (xs: number[]): number => summary(xs).p50;

/**
 * (a) A chain of sub-tasks: every step waits for the one before, so the project's time is its model
 * calls' plus the engine's. Bare calls are measured right before and after each project (the machine
 * is shared and noisy); three rounds, the median.
 */
export async function overhead(sync: Sync): Promise<void> {
  process.stdout.write(
    `\n# (a) overhead per step: a 10-task chain, replies after ${LATENCY} ms, against bare calls of the same latency (synchronous=${sync})\n`,
  );
  const e = await env({ thread: [LATENCY, chainTasks(10)] }, sync);
  try {
    await run(e, 'warm-up', { maxConcurrentAgents: 1 });
    const perStep: number[] = [];
    const bares: number[] = [];
    let last = { calls: 0, steps: 0, ms: 0 };
    for (let i = 0; i < 3; i++) {
      const before = await bareCall(e, 10, 1);
      const r = await run(e, 'a chain of ten', { maxConcurrentAgents: 1 });
      const bare = (before + (await bareCall(e, 10, 1))) / 2;
      last = { calls: r.project.usage.llmCalls, steps: r.project.usage.steps, ms: r.ms };
      perStep.push((r.ms - last.calls * bare) / last.steps);
      bares.push(bare);
    }
    line('bare model call (mean, median of 3 rounds)', `${fmt(median(bares), 1)} ms`);
    line('project (model calls, steps)', `${fmt(last.ms, 0)} ms (${last.calls} calls, ${last.steps} steps)`);
    line('engine overhead per step (median of 3)', `${fmt(median(perStep), 2)} ms  (rounds: ${perStep.map((x) => fmt(x, 1)).join(', ')})`);
  } finally {
    await e.close();
  }
}

/** (b) 50 tasks, four chains with cross links: the ideal is max(critical path, ceil(tasks / width)) rounds of a sub-task. */
export async function dag(sync: Sync): Promise<void> {
  const n = 50;
  const width = 4;
  process.stdout.write(
    `\n# (b) a ${n}-task DAG at concurrency ${width}, replies after ${LATENCY} ms, against the ideal (synchronous=${sync})\n`,
  );
  const tasks = dagTasks(n, width);
  const e = await env({ thread: [LATENCY, tasks] }, sync);
  try {
    const depth = new Map<string, number>();
    for (const t of tasks) depth.set(t.id, 1 + Math.max(0, ...t.inputFrom.map((d) => depth.get(d)!)));
    const critical = Math.max(...depth.values());
    const rounds = Math.max(critical, Math.ceil(n / width));
    // a sub-task is two sequential calls (execute, review); the plan, the merge and its review are three more
    const calls = rounds * 2 + 3;
    const ratios: number[] = [];
    const nominal: number[] = [];
    let cpuPerTask = 0;
    let last = { ideal: 0, ms: 0 };
    // the first project of a process pays for loading and compiling the engine's code: not measured
    await run(e, 'warm-up', { maxConcurrentAgents: width, maxTasks: 100 });
    for (let i = 0; i < 3; i++) {
      const before = await bareCall(e, 5, width);
      const cpu0 = process.cpuUsage();
      const r = await run(e, 'fifty tasks', { maxConcurrentAgents: width, maxTasks: 100 });
      const cpu = process.cpuUsage(cpu0);
      const call = (before + (await bareCall(e, 5, width))) / 2;
      last = { ideal: calls * call, ms: r.ms };
      ratios.push(r.ms / (calls * call));
      nominal.push(r.ms / (calls * LATENCY));
      cpuPerTask = (cpu.user + cpu.system) / 1000 / n;
    }
    const ratio = median(ratios);
    line('critical path / width bound (sub-tasks)', `${critical} / ${Math.ceil(n / width)}: ${calls} model calls in sequence`);
    line('ideal at the bare call latency / measured (last round)', `${fmt(last.ideal, 0)} ms / ${fmt(last.ms, 0)} ms`);
    line(
      'measured / ideal, median of 3 (goal <= 1.1)',
      `${fmt(ratio, 3)}x  ${ratio <= 1.1 ? 'ok' : 'OVER GOAL'}  (rounds: ${ratios.map((x) => fmt(x, 2)).join(', ')})`,
    );
    line('measured / nominal ideal (replies at exactly the latency)', `${fmt(median(nominal), 3)}x`);
    line('CPU of this process per sub-task (engine, client; the server thread too)', `${fmt(cpuPerTask, 1)} ms`);
  } finally {
    await e.close();
  }
}

/** (c) + (d): a project paused after ~500 finished steps resumes; then its journal replays with no model. */
async function resumeAndReplay(): Promise<void> {
  process.stdout.write('\n# (c) resume a project with 500 finished steps; (d) replay steps per second\n');
  const tasks = Array.from({ length: 100 }, (_, i) => sub(`t${i + 1}`));
  let down = true;
  const model: Script = (a) => {
    if (a.role === 'plan') return { analysis: 'many', subTasks: tasks };
    if (a.role === 'aggregate' && down) return { status: 503, error: 'bench: model unloaded' };
    return undefined;
  };
  const e = await env({ here: [model, good(0)] }, 'full');
  try {
    const chain = [
      { name: 'peer', kind: 'coordinator', mustPass: true },
      { name: 'cross', kind: 'coordinator', mustPass: false },
    ];
    const p = await e.coordinator.create(WHO, {
      task: 'five hundred steps',
      config: { maxConcurrentAgents: 8, maxTasks: 100, reviewChain: chain },
    });
    const paused = await e.coordinator.settled(WHO, p.id);
    if (paused.status !== 'paused') throw new Error(`expected a pause, got ${paused.status}`);
    const finished = paused.usage.steps;
    down = false;
    const asked = await e.chats();
    const t0 = performance.now();
    await e.coordinator.resume(WHO, p.id);
    while ((await e.chats()) === asked) await new Promise((r) => setImmediate(r));
    const resumeMs = performance.now() - t0;
    const done = await e.coordinator.settled(WHO, p.id);
    line('finished steps before the resume', `${finished}`);
    line('resume to the next model request', `${fmt(resumeMs, 1)} ms (${done.status})`);
    const rates: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await e.coordinator.replay(WHO, p.id);
      if (!r.ok) throw new Error(`replay failed: ${JSON.stringify(r)}`);
      rates.push(r.stepsPerSecond);
    }
    const s = summary(rates);
    line(
      'replay: steps per second (median of 5)',
      `${fmt(s.p50, 0)} (${done.usage.steps} steps, ${done.usage.llmCalls} journaled replies)`,
    );
  } finally {
    await e.close();
  }
}

/**
 * FULL (the default) fsyncs every commit, NORMAL survives any process crash (kill -9) but not a power
 * loss; both are measured, since an fsync (a few ms on these VMs) on the event loop dominates the engine's cost.
 */
export async function orchestratorBench(): Promise<void> {
  for (const sync of ['full', 'normal'] as const) await overhead(sync);
  for (const sync of ['full', 'normal'] as const) await dag(sync);
  await resumeAndReplay();
  await concurrentPipelineBench();
}
