// GET /metrics of a real service, scraped during and after sandboxed runs and parsed with a Prometheus
// text-format parser: the numbers follow what happened, labels are route patterns and bounded values
// (never an id), and the endpoint is protected (a viewer token) or on its own listener as configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startService, type RunningService } from '../helpers/service.ts';
import { families, labelValues, samples, total, type Families } from './scrape.ts';

let svc: RunningService;
let viewer: string;
const scrape = async (token: string | null = viewer): Promise<Families> => {
  const r = await svc.call('/metrics', { token });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return families(await r.text());
};

beforeAll(async () => {
  // no Ollama answers here: with no retries a model call fails at once, and is counted all the same
  svc = await startService({ 'sandbox.poolSize': '1', 'ollama.retries': '0' });
  const { data } = await svc.api().POST('/api/v1/tokens', { body: { role: 'viewer', name: 'scraper' } });
  viewer = data!.secret;
});
afterAll(async () => svc?.close());

const SLOW = 'import time\ntime.sleep(1.5)\nprint("done")\n';

describe('GET /metrics', () => {
  it('needs a token: 401 without, 200 for a viewer', async () => {
    expect((await svc.call('/metrics', { token: null })).status).toBe(401);
    expect((await svc.call('/metrics', { token: 'aft_wrong' })).status).toBe(401);
    await scrape(viewer);
  });

  it('is scraped during a sandboxed run and counts it when it ends, by runtime and status', async () => {
    const before = await scrape();
    const runsBefore = total(before, 'factory_sandbox_runs_total', { runtime: 'docker', status: 'ok' });
    const api = svc.api();
    const started = await api.POST('/api/v1/executions', {
      params: { query: { wait: 'false' } },
      body: { language: 'python', source: SLOW },
    });
    expect(started.response.status).toBe(202);
    const id = started.data!.run.id;

    // during the run: the service answers, the run is not counted yet, the pool has a profile
    const during = await scrape();
    expect(total(during, 'factory_sandbox_runs_total', { runtime: 'docker', status: 'ok' })).toBe(runsBefore);
    expect(during.typed.get('factory_sandbox_pool_containers')?.type).toBe('GAUGE');
    expect(samples(during, 'factory_sandbox_pool_containers').length).toBeGreaterThan(0);
    expect(during.typed.get('factory_sandbox_run_duration_seconds')?.type).toBe('HISTOGRAM');

    let status = 'queued';
    for (let i = 0; i < 120 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await api.GET('/api/v1/executions/{id}', { params: { path: { id } } })).data!.run.status;
    }
    expect(status).toBe('succeeded');

    const after = await scrape();
    expect(total(after, 'factory_sandbox_runs_total', { runtime: 'docker', status: 'ok' })).toBe(runsBefore + 1);
    expect(total(after, 'factory_sandbox_run_duration_seconds', { runtime: 'docker', status: 'ok' })).toBe(runsBefore + 1);
    const sum = samples(after, 'factory_sandbox_run_duration_seconds_sum', { runtime: 'docker', status: 'ok' });
    expect(Number(sum[0]!.value)).toBeGreaterThanOrEqual(1.5);
    expect(total(after, 'factory_checker_decisions_total', { language: 'python', decision: 'allowed' })).toBeGreaterThanOrEqual(1);
    expect(total(after, 'factory_audit_events_total', { type: 'tool_executed' })).toBeGreaterThanOrEqual(1);

    // requests are labelled by route pattern, never by the raw URL with the run's id
    expect(
      total(after, 'factory_http_request_duration_seconds', { method: 'GET', route: '/api/v1/executions/:id', status_code: '200' }),
    ).toBeGreaterThan(0);
    expect(total(after, 'factory_http_request_duration_seconds', { method: 'POST', route: '/api/v1/executions', status_code: '202' })).toBe(
      1,
    );
    const values = labelValues(after, 'factory_');
    expect(values.filter((v) => v.includes(id))).toEqual([]);
    expect(values.filter((v) => /\/api\/v1\/executions\/(?!:id)/.test(v))).toEqual([]);
  });

  it('counts blocked checks by language and rule', async () => {
    const r = await svc.api().POST('/api/v1/check', { body: { language: 'python', source: 'import socket\n' } });
    expect(r.data!.allowed).toBe(false);
    const fs = await scrape();
    expect(total(fs, 'factory_checker_decisions_total', { language: 'python', decision: 'blocked' })).toBeGreaterThanOrEqual(1);
    expect(total(fs, 'factory_checker_blocks_total', { language: 'python', rule: 'py.import.forbidden' })).toBeGreaterThanOrEqual(1);
    expect(total(fs, 'factory_audit_events_total', { type: 'security_block' })).toBeGreaterThanOrEqual(1);
  });

  it('counts model calls through the LLM layer’s onCall, by configured model and role', async () => {
    const { llm } = svc.service.deps;
    await expect(llm.chat({ role: 'agent:someones-agent', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow();
    await expect(llm.chat({ role: 'designer', model: 'unlisted-model:1b', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow();
    const fs = await scrape();
    expect(total(fs, 'factory_llm_calls_total', { model: 'llama3.1:8b', role: 'agent', outcome: 'error' })).toBe(1);
    expect(total(fs, 'factory_llm_calls_total', { model: 'other', role: 'designer', outcome: 'error' })).toBe(1);
    expect(total(fs, 'factory_llm_call_duration_seconds', { role: 'agent' })).toBe(1);
    expect(labelValues(fs, 'factory_llm')).not.toContain('unlisted-model:1b');
  });

  it('counts open WebSocket connections', async () => {
    const base = total(await scrape(), 'factory_ws_connections');
    const ws = new WebSocket(`${svc.url.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${viewer}` } });
    await new Promise((r) => ws.once('message', r));
    expect(total(await scrape(), 'factory_ws_connections')).toBe(base + 1);
    const closed = new Promise((r) => ws.once('close', r));
    ws.close();
    await closed;
    for (let i = 0; i < 40 && total(await scrape(), 'factory_ws_connections') !== base; i++) await new Promise((r) => setTimeout(r, 50));
    expect(total(await scrape(), 'factory_ws_connections')).toBe(base);
    expect((await scrape()).typed.get('factory_ws_clients_dropped_total')?.type).toBe('COUNTER');
  });

  it('names every family by Prometheus conventions, with help, and the coordinator’s placeholders', async () => {
    const fs = await scrape();
    for (const f of [...fs.typed.values()].filter((x) => x.name.startsWith('factory_'))) {
      expect(f.name).toMatch(/^[a-z_][a-z0-9_]*$/);
      expect(f.help.length).toBeGreaterThan(10);
      if (f.type === 'COUNTER') expect(f.name).toMatch(/_total$/);
      if (f.type === 'HISTOGRAM') expect(f.name).toMatch(/_seconds$/);
    }
    for (const name of ['factory_projects', 'factory_project_steps_total', 'factory_approvals_waiting', 'factory_llm_calls_total'])
      expect(fs.typed.has(name), name).toBe(true);
    expect(fs.typed.has('process_cpu_seconds_total')).toBe(true);
  });
});

describe('metrics on a listener of their own', () => {
  let own: RunningService;
  beforeAll(async () => {
    own = await startService({ 'metrics.port': '0', 'sandbox.poolSize': '0' });
  });
  afterAll(async () => own?.close());

  it('serves /metrics there without a token, and not on the API port', async () => {
    const address = own.service.metricsAddress!;
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${address}/metrics`);
    expect(r.status).toBe(200);
    expect(families(await r.text()).typed.get('factory_sandbox_runs_total')?.type).toBe('COUNTER');
    expect((await fetch(`${address}/api/v1/tools`)).status).toBe(404);
    expect((await own.call('/metrics')).status).toBe(404);
  });
});

describe('metrics off', () => {
  it('keeps none and serves no /metrics', async () => {
    const off = await startService({ 'metrics.enabled': 'false', 'sandbox.poolSize': '0' });
    try {
      expect(off.service.deps.metrics).toBeUndefined();
      expect((await off.call('/metrics')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
