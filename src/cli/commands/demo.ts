import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../../config/load.ts';
import { COMMON_OPTIONS, type Command, type Io } from '../command.ts';

function bar(p: number, width = 24): string {
  const n = Math.round(Math.max(0, Math.min(1, p)) * width);
  return `[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${String(Math.round(p * 100)).padStart(3)}%`;
}

/** The service, driven the way a client drives it: REST for actions, the WebSocket for progress. */
export const demo: Command = {
  name: 'demo',
  summary: 'Offline demo: submit csv_aggregator, run it on the sample data, stream progress, show the audit trail.',
  usage: `factory demo [--data-dir DIR] [--keep]

  Starts the service on a free local port with a fresh data directory (removed afterwards unless --keep),
  submits blueprints/tools/csv_aggregator.yaml with its source (checked, probe-run in the sandbox,
  registered), runs it on blueprints/data/csv, streams every progress event over the WebSocket, and prints
  the audit entries. With a reachable Ollama (OLLAMA_HOST) it also generates log_error_analyzer from its
  blueprint and runs it. Needs the Docker engine (bash scripts/docker-up.sh).`,
  options: { ...COMMON_OPTIONS, keep: { type: 'boolean' } },
  async run({ values }, io) {
    const dataDir = (values['data-dir'] as string | undefined) ?? mkdtempSync(join(tmpdir(), 'factory-demo-'));
    const config = loadConfig({ file: values.config as string | undefined, env: io.env, flags: { dataDir, 'server.port': '0', 'server.host': '127.0.0.1', 'server.logLevel': 'warn' } });
    const { Service } = await import('../../service.ts');
    const service = await Service.create(config, { logger: false });
    const url = await service.listen();
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    io.err(`demo: service on ${url}, data in ${dataDir}\n`);
    const api = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    const ws = await openStream(url, token, io);
    try {
      io.out('\n== 1. submit csv_aggregator (seed 004 §2.3.2) with its source\n');
      const yaml = readFileSync(join(config.blueprintDir, 'tools/csv_aggregator.yaml'), 'utf8');
      const sub = await api('/api/v1/tools', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yaml });
      const subBody = (await sub.json()) as { tool?: { name: string; version: number; checksum: string }; error?: { code: string; message: string } };
      if (sub.status !== 201) throw new Error(`submission failed: ${sub.status} ${JSON.stringify(subBody.error)}`);
      io.out(`registered ${subBody.tool!.name} v${subBody.tool!.version} (sha256 ${subBody.tool!.checksum.slice(0, 12)}…)\n`);

      io.out('\n== 2. run it in the sandbox on blueprints/data/csv (mounted read-only at /data)\n');
      const run = await api('/api/v1/tools/csv_aggregator/execute', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { directory: '/data', column: 'amount' }, sampleData: true }) });
      const runBody = (await run.json()) as { status: string; result: { json?: unknown; stderr: string; durationMs: number } };
      io.out(`status ${runBody.status} in ${runBody.result.durationMs.toFixed(0)} ms\n${JSON.stringify(runBody.result.json, null, 2)}\n`);

      const llm = await service.deps.llm.status();
      if (llm.ok) {
        io.out(`\n== 3. generate log_error_analyzer with Ollama at ${llm.host}\n`);
        const gen = await api('/api/v1/tools', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: readFileSync(join(config.blueprintDir, 'tools/log_error_analyzer.yaml'), 'utf8') });
        const { jobId } = (await gen.json()) as { jobId: string };
        const job = await waitFor(api, `/api/v1/jobs/${jobId}`);
        io.out(`job ${jobId}: ${job.status}${job.error ? ` (${job.error.code}: ${job.error.message})` : ''}\n`);
        if (job.status === 'succeeded') {
          const r = await api('/api/v1/tools/log_error_analyzer/execute', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { log_dir: '/data', days: 36500 }, sampleData: true }) });
          io.out(`${JSON.stringify(((await r.json()) as { result: { json?: unknown } }).result.json, null, 2)}\n`);
        }
      } else {
        io.out(`\n== 3. (skipped) generating log_error_analyzer needs a model: ${llm.error}\n   then pull one: \`ollama pull ${config.ollama.defaultModel}\`\n`);
      }

      io.out('\n== 4. the audit trail\n');
      const audit = (await (await api('/api/v1/audit?limit=1000')).json()) as { events: { seq: number; type: string; action: string; target: string; success: boolean }[] };
      for (const e of audit.events) io.out(`  ${String(e.seq).padStart(3)}  ${e.type.padEnd(16)} ${e.action.padEnd(28).slice(0, 28)} ${e.target.slice(0, 50)}${e.success ? '' : '  FAILED'}\n`);
      const v = (await (await api('/api/v1/audit/verify')).json()) as { ok: boolean; count: number };
      io.out(`chain: ${v.ok ? 'verifies' : 'BROKEN'} (${v.count} events)\n`);
      return runBody.status === 'ok' && v.ok ? 0 : 1;
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
    const m = JSON.parse(d.toString()) as { type: string; id?: number; topic?: string; event?: { status: string; progress: number; message: string } };
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

async function waitFor(api: (p: string) => Promise<Response>, path: string): Promise<{ status: string; error?: { code: string; message: string } }> {
  for (;;) {
    const j = ((await (await api(path)).json()) as { job: { status: string; error?: { code: string; message: string } } }).job;
    if (j.status !== 'queued' && j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 500));
  }
}
