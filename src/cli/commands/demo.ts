import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { parse as parseYaml } from 'yaml';
import { createApiClient, seedPlan, type ApiClient, type Schemas } from '../../client/index.ts';
import { loadConfig } from '../../config/load.ts';
import { COMMON_OPTIONS, type Command, type Io } from '../command.ts';

function bar(p: number, width = 24): string {
  const n = Math.round(Math.max(0, Math.min(1, p)) * width);
  return `[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${String(Math.round(p * 100)).padStart(3)}%`;
}

/** The service, driven the way a client drives it: REST for actions, the WebSocket for progress. */
export const demo: Command = {
  name: 'demo',
  summary: 'Demo: submit csv_aggregator, run it on the sample data, stream progress; with a model a small project; the audit trail.',
  usage: `factory demo [--data-dir DIR] [--keep]

  Starts the service on a free local port with a fresh data directory (removed afterwards unless --keep),
  submits blueprints/tools/csv_aggregator.yaml with its source (checked, probe-run in the sandbox,
  registered), runs it on blueprints/data/csv, streams every progress event over the WebSocket, and prints
  the audit entries. With a reachable Ollama (OLLAMA_HOST) it also generates log_error_analyzer from its
  blueprint and runs it, and runs a small project (plan approved at its gate, sub-tasks delegated and
  reviewed, results merged). Needs the Docker engine (bash scripts/docker-up.sh).`,
  options: { ...COMMON_OPTIONS, keep: { type: 'boolean' } },
  async run({ values }, io) {
    const dataDir = (values['data-dir'] as string | undefined) ?? mkdtempSync(join(tmpdir(), 'factory-demo-'));
    const config = loadConfig({
      file: values.config as string | undefined,
      env: io.env,
      flags: { dataDir, 'server.port': '0', 'server.host': '127.0.0.1', 'server.logLevel': 'warn' },
    });
    const { Service } = await import('../../service.ts');
    const service = await Service.create(config, { logger: false });
    const url = await service.listen();
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    io.err(`demo: service on ${url}, data in ${dataDir}\n`);
    // the typed client generated from the OpenAPI document (src/client): the demo compiles only against the API as documented
    const api = createApiClient(url, token);
    const blueprint = (file: string) => parseYaml(readFileSync(join(config.blueprintDir, file), 'utf8')) as Schemas['ToolBlueprintInput'];
    const ws = await openStream(url, token, io);
    try {
      io.out('\n== 1. submit csv_aggregator (seed 004 §2.3.2) with its source\n');
      const sub = await api.POST('/api/v1/tools', { body: blueprint('tools/csv_aggregator.yaml') });
      if (sub.response.status !== 201 || sub.data?.status !== 'registered')
        throw new Error(`submission failed: ${sub.response.status} ${JSON.stringify(sub.error)}`);
      const tool = sub.data.tool;
      io.out(`registered ${tool.name} v${tool.version} (sha256 ${tool.checksum.slice(0, 12)}…)\n`);

      io.out('\n== 2. run it in the sandbox on blueprints/data/csv (mounted read-only at /data)\n');
      const run = await api.POST('/api/v1/tools/{name}/execute', {
        params: { path: { name: 'csv_aggregator' } },
        body: { input: { directory: '/data', column: 'amount' }, sampleData: true },
      });
      if (!run.data) throw new Error(`the run failed: ${run.response.status} ${JSON.stringify(run.error)}`);
      io.out(
        `status ${run.data.status} in ${run.data.result.durationMs.toFixed(0)} ms\n${JSON.stringify(run.data.result.json, null, 2)}\n`,
      );

      const llm = await service.deps.llm.status();
      if (llm.ok) {
        io.out(`\n== 3. generate log_error_analyzer with Ollama at ${llm.host}\n`);
        const gen = await api.POST('/api/v1/tools', { body: blueprint('tools/log_error_analyzer.yaml') });
        if (gen.data?.status !== 'accepted') throw new Error(`submission failed: ${gen.response.status} ${JSON.stringify(gen.error)}`);
        const jobId = gen.data.jobId;
        const job = await waitFor(api, jobId);
        io.out(`job ${jobId}: ${job.status}${job.error ? ` (${job.error.code}: ${job.error.message})` : ''}\n`);
        if (job.status === 'succeeded') {
          const r = await api.POST('/api/v1/tools/{name}/execute', {
            params: { path: { name: 'log_error_analyzer' } },
            body: { input: { log_dir: '/data', days: 36500 }, sampleData: true },
          });
          io.out(`${JSON.stringify(r.data?.result.json ?? r.error, null, 2)}\n`);
        }
      } else {
        io.out(
          `\n== 3. (skipped) generating log_error_analyzer needs a model: ${llm.error}\n   then pull one: \`ollama pull ${config.ollama.defaultModel}\`\n`,
        );
      }

      if (llm.ok) await demoProject(api, io);
      else io.out(`\n== 4. (skipped) a small project needs a model as well: ${llm.error}\n`);

      io.out('\n== 5. the audit trail\n');
      const audit = (await api.GET('/api/v1/audit', { params: { query: { limit: 1000 } } })).data!;
      for (const e of audit.events)
        io.out(
          `  ${String(e.seq).padStart(3)}  ${e.type.padEnd(16)} ${e.action.padEnd(28).slice(0, 28)} ${e.target.slice(0, 50)}${e.success ? '' : '  FAILED'}\n`,
        );
      const v = (await api.GET('/api/v1/audit/verify')).data!;
      io.out(`chain: ${v.ok ? 'verifies' : 'BROKEN'} (${v.count} events)\n`);
      return run.data.status === 'ok' && v.ok ? 0 : 1;
    } finally {
      ws.close();
      await service.stop('demo finished');
      if (!values.keep && values['data-dir'] === undefined) rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** Prints every progress event as a bar on stderr (overwriting the line on a terminal). */
function openStream(url: string, token: string, io: Io): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
  const tty = process.stderr.isTTY === true;
  ws.on('message', (d: Buffer) => {
    const m = JSON.parse(d.toString()) as {
      type: string;
      id?: number;
      topic?: string;
      event?: { status: string; progress: number; message: string };
    };
    if (m.type !== 'event' || !m.event) return;
    const line = `${bar(m.event.progress)} #${m.id} ${m.topic} ${m.event.status}: ${m.event.message}`;
    io.err(tty ? `\r\x1b[2K${line}${m.event.progress >= 1 ? '\n' : ''}` : `${line}\n`);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['*'] }));
      ws.once('message', () => resolve(ws));
    });
  });
}

const PROJECT_TASK =
  'Write a short note for operators: what a hash-chained audit trail protects against, and what it cannot. ' +
  'One part on what it detects, one on its limits, then merge them into five bullet points.';

/** A project the way a client drives one: created, the plan approved at its gate, followed to its end. */
async function demoProject(api: ApiClient, io: Io): Promise<void> {
  io.out('\n== 4. a small project: plan, approve the plan, delegate, review, aggregate (seed 004 §3.1)\n');
  const created = await api.POST('/api/v1/projects', {
    body: { name: 'demo-note', task: PROJECT_TASK, config: { approvals: { plan: true }, maxIterations: 2, budget: { tokens: 100_000 } } },
  });
  if (!created.data) throw new Error(`the project was refused: ${created.response.status} ${JSON.stringify(created.error)}`);
  const id = created.data.project.id;
  let p = await settled(api, id);
  const plan = seedPlan(p.plan);
  if (p.status === 'waiting_for_approval' && plan) {
    const parts = plan.subTasks.map((t) => `${t.id}${t.inputFrom.length ? ` (← ${t.inputFrom.join(', ')})` : ''}`);
    io.out(`plan ${plan.version}: ${parts.join(', ')}\n`);
    io.out(`approving it: POST /api/v1/projects/${id}/approve {"decision":"approve"}\n`);
    const ok = await api.POST('/api/v1/projects/{id}/approve', { params: { path: { id } }, body: { decision: 'approve' } });
    if (!ok.data) throw new Error(`the approval was refused: ${JSON.stringify(ok.error)}`);
    p = await settled(api, id);
  }
  for (const t of p.tasks) {
    io.out(`  ${t.id.padEnd(12)} ${t.status.padEnd(9)} ${t.agent?.name ?? '-'}, ${t.iterations} iteration(s), score ${t.score ?? '-'}\n`);
  }
  const result = (p.result as { result?: unknown } | null)?.result;
  io.out(`project ${id}: ${p.status}${p.error ? ` (${p.error.code}: ${p.error.message})` : ''}; ${p.usage.llmCalls} model call(s)\n`);
  if (typeof result === 'string') io.out(`${result.trim()}\n`);
  io.out(`report: GET /api/v1/projects/${id}/report, or factory project show ${id} --url … --token …\n`);
}

/** Polls the project until its run stops (done, failed, paused, or waiting for a decision). */
async function settled(api: ApiClient, id: string): Promise<Schemas['Project']> {
  for (;;) {
    const { data, error } = await api.GET('/api/v1/projects/{id}', { params: { path: { id } } });
    if (!data) throw new Error(`cannot follow project ${id}: ${JSON.stringify(error)}`);
    const p = data.project;
    if (!p.running && ['completed', 'failed', 'cancelled', 'paused', 'waiting_for_approval'].includes(p.status)) return p;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function waitFor(api: ApiClient, id: string): Promise<Schemas['WorkItem']> {
  for (;;) {
    const { data, error } = await api.GET('/api/v1/jobs/{id}', { params: { path: { id } } });
    if (!data) throw new Error(`cannot follow job ${id}: ${JSON.stringify(error)}`);
    if (data.job.status !== 'queued' && data.job.status !== 'running') return data.job;
    await new Promise((r) => setTimeout(r, 500));
  }
}
