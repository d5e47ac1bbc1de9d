// What the dashboard needs from the API beyond what it had: the stream authenticated by a subprotocol
// (browsers cannot set headers on an upgrade, and a token in a URL can end up in logs), a dry-run
// validation of policy text, and model usage over time.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApiClient } from '../../src/client/index.ts';
import { Service } from '../../src/service.ts';
import { REPO, tempDir, testConfig } from '../helpers/env.ts';
import type { RunningService } from '../helpers/service.ts';

let svc: RunningService;
let cleanup: () => void;
const log: string[] = [];
const tokens: Record<string, { secret: string; id: string }> = {};

beforeAll(async () => {
  const policies = tempDir('af-web-policies-');
  cleanup = policies.cleanup;
  cpSync(join(REPO, 'policies'), policies.dir, { recursive: true });
  // logs on, into memory: the token must never reach them
  const t = tempDir();
  const config = testConfig(t.dir, { policyDir: policies.dir, 'server.logLevel': 'info', 'sandbox.poolSize': '0' });
  const service = await Service.create(config, { logStream: { write: (l: string) => void log.push(l) } });
  const url = await service.listen();
  const adminToken = readFileSync(join(t.dir, 'admin-token'), 'utf8').trim();
  svc = {
    service,
    url,
    dataDir: t.dir,
    adminToken,
    call: (path, init = {}) => {
      const headers = new Headers(init.headers);
      const token = init.token === undefined ? adminToken : init.token;
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    api: (token) => createApiClient(url, token === undefined ? adminToken : (token ?? undefined)),
    close: async () => {
      await service.stop('test');
      t.cleanup();
    },
  };
  for (const role of ['viewer', 'submitter', 'other'] as const) {
    const { data } = await svc.api().POST('/api/v1/tokens', { body: { role: role === 'other' ? 'submitter' : role, name: role } });
    tokens[role] = { secret: data!.secret, id: data!.token.id };
  }
});
afterAll(async () => {
  await svc?.close();
  cleanup?.();
});

/** Opens the stream offering these subprotocols; resolves with the chosen one and the hello, or rejects with the HTTP status. */
function open(protocols: string[], opts: { query?: string; headers?: Record<string, string> } = {}) {
  const ws = new WebSocket(`${svc.url.replace(/^http/, 'ws')}/api/v1/stream${opts.query ?? ''}`, protocols, {
    headers: opts.headers ?? {},
  });
  return new Promise<{ ws: WebSocket; protocol: string; hello: Record<string, unknown> }>((resolve, reject) => {
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode }));
    });
    ws.once('error', reject);
    ws.once('message', (d: Buffer) => resolve({ ws, protocol: ws.protocol, hello: JSON.parse(d.toString()) as Record<string, unknown> }));
  });
}

describe('stream authentication by subprotocol', () => {
  it('takes the token offered as agent-factory.bearer.<token> and answers agent-factory.v1, never the token', async () => {
    const { ws, protocol, hello } = await open(['agent-factory.v1', `agent-factory.bearer.${tokens.viewer!.secret}`]);
    expect(protocol).toBe('agent-factory.v1');
    expect(hello).toMatchObject({ type: 'hello', role: 'viewer' });
    ws.send(JSON.stringify({ type: 'subscribe', topics: ['*'] }));
    await new Promise((r) => ws.once('message', r));
    ws.close();
  });

  it('refuses a wrong or revoked token offered that way (401), and a stream without any token', async () => {
    await expect(open(['agent-factory.v1', 'agent-factory.bearer.aft_not-a-token'])).rejects.toMatchObject({ statusCode: 401 });
    await expect(open(['agent-factory.v1'])).rejects.toMatchObject({ statusCode: 401 });
    const { data } = await svc.api().POST('/api/v1/tokens', { body: { role: 'viewer', name: 'soon revoked' } });
    await svc.api().DELETE('/api/v1/tokens/{id}', { params: { path: { id: data!.token.id } } });
    await expect(open(['agent-factory.v1', `agent-factory.bearer.${data!.secret}`])).rejects.toMatchObject({ statusCode: 401 });
  });

  it('keeps the other ways working: the Authorization header and ?access_token=', async () => {
    const byHeader = await open([], { headers: { authorization: `Bearer ${tokens.submitter!.secret}` } });
    expect(byHeader.hello).toMatchObject({ role: 'submitter' });
    byHeader.ws.close();
    const byQuery = await open([], { query: `?access_token=${tokens.viewer!.secret}` });
    expect(byQuery.hello).toMatchObject({ role: 'viewer' });
    byQuery.ws.close();
  });

  it('writes no token to the logs, whichever way it came', async () => {
    await expect(open(['agent-factory.v1', 'agent-factory.bearer.aft_wrong-secret-value'])).rejects.toMatchObject({ statusCode: 401 });
    const text = log.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const t of Object.values(tokens)) expect(text).not.toContain(t.secret.slice(4));
    expect(text).not.toContain('wrong-secret-value');
  });
});

describe('POST /api/v1/policies/:name/validate', () => {
  const good = 'name: dash\ndescription: a test policy\nextends: default\nlimits:\n  maxMemoryMb: 256\n';

  it('answers every problem with its line, and valid text as valid, without writing anything', async () => {
    const before = (await svc.api().GET('/api/v1/policies', { params: { query: { limit: 500 } } })).data!.policies.map((p) => p.name);
    const bad = 'name: dash\ndescription: a test policy\nextends: default\nlimits:\n  maxMemoryMb: lots\n  colour: blue\n';
    const r = await svc.api().POST('/api/v1/policies/{name}/validate', { params: { path: { name: 'dash' } }, body: { text: bad } });
    expect(r.response.status).toBe(200);
    expect(r.data!.valid).toBe(false);
    expect(r.data!.issues.map((i) => [i.path, i.line])).toEqual([
      ['limits.maxMemoryMb', 5],
      ['limits.colour', 6],
    ]);
    const ok = await svc.api().POST('/api/v1/policies/{name}/validate', { params: { path: { name: 'dash' } }, body: { text: good } });
    expect(ok.data).toEqual({ name: 'dash', valid: true, issues: [] });
    const after = (await svc.api().GET('/api/v1/policies', { params: { query: { limit: 500 } } })).data!.policies.map((p) => p.name);
    expect(after).toEqual(before);
    expect(after).not.toContain('dash');
  });

  it('takes YAML as it is, and checks the policies that extend the one edited', async () => {
    const yaml = await svc.call('/api/v1/policies/dash/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: 'name: other\n',
    });
    expect(yaml.status).toBe(200);
    expect(((await yaml.json()) as { issues: { path: string; line: number }[] }).issues).toEqual([
      expect.objectContaining({ path: 'name', line: 1 }),
    ]);
    const unknownParent = await svc.api().POST('/api/v1/policies/{name}/validate', {
      params: { path: { name: 'dash' } },
      body: { text: good.replace('extends: default', 'extends: nowhere') },
    });
    expect(unknownParent.data!.valid).toBe(false);
    expect(unknownParent.data!.issues[0]!.message).toMatch(/nowhere/);
  });

  it('is for admins: a viewer and a submitter get 403', async () => {
    for (const who of ['viewer', 'submitter']) {
      const r = await svc
        .api(tokens[who]!.secret)
        .POST('/api/v1/policies/{name}/validate', { params: { path: { name: 'dash' } }, body: { text: good } });
      expect(r.response.status).toBe(403);
    }
  });
});

describe('GET /api/v1/usage/series', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h, 30)).toISOString();
  beforeAll(async () => {
    const { store } = svc.service.deps;
    await store.work.create({
      id: 'run_000000000000000a',
      kind: 'run',
      type: 'agent',
      target: 'x',
      owner: tokens.submitter!.id,
      input: {},
    });
    await store.work.create({ id: 'run_000000000000000b', kind: 'run', type: 'agent', target: 'x', owner: tokens.other!.id, input: {} });
    const call = (id: string, h: number, model: string, role: string, task: string, tokens: [number | null, number | null]) =>
      store.llm.record({
        id,
        at: at(h),
        role,
        model,
        promptTokens: tokens[0],
        completionTokens: tokens[1],
        durationMs: 1000,
        attempts: 1,
        ok: tokens[0] !== null,
        error: tokens[0] === null ? 'LLM_TIMEOUT: slow' : null,
        costUsd: 0.5,
        task,
      });
    await call('c1', 1, 'qwen3:8b', 'agent:a', 'run_000000000000000a', [100, 10]);
    await call('c2', 1, 'qwen3:8b', 'agent:a', 'run_000000000000000a', [50, 5]);
    await call('c3', 2, 'qwen3:8b', 'agent:a', 'run_000000000000000a', [null, null]);
    await call('c4', 1, 'llama3.1:8b', 'designer', 'run_000000000000000b', [7, 3]);
  });

  it('sums calls, tokens, cost and time per hour, model and role, oldest first', async () => {
    const { data } = await svc.api().GET('/api/v1/usage/series', { params: { query: { bucket: 'hour', from: at(0), to: at(5) } } });
    expect(data!.series).toEqual([
      {
        start: '2026-11-01T01:00:00.000Z',
        model: 'llama3.1:8b',
        role: 'designer',
        calls: 1,
        errors: 0,
        promptTokens: 7,
        completionTokens: 3,
        costUsd: 0.5,
        durationMs: 1000,
      },
      {
        start: '2026-11-01T01:00:00.000Z',
        model: 'qwen3:8b',
        role: 'agent:a',
        calls: 2,
        errors: 0,
        promptTokens: 150,
        completionTokens: 15,
        costUsd: 1,
        durationMs: 2000,
      },
      {
        start: '2026-11-01T02:00:00.000Z',
        model: 'qwen3:8b',
        role: 'agent:a',
        calls: 1,
        errors: 1,
        promptTokens: 0,
        completionTokens: 0,
        costUsd: 0.5,
        durationMs: 1000,
      },
    ]);
    expect(data!.nextCursor).toBeNull();
    const day = await svc.api().GET('/api/v1/usage/series', { params: { query: { bucket: 'day', from: at(0), to: at(5) } } });
    expect(day.data!.series.map((b) => [b.start, b.model, b.calls])).toEqual([
      ['2026-11-01T00:00:00.000Z', 'llama3.1:8b', 1],
      ['2026-11-01T00:00:00.000Z', 'qwen3:8b', 3],
    ]);
  });

  it('pages with the cursor, each bucket once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const { data } = await svc
        .api()
        .GET('/api/v1/usage/series', { params: { query: { bucket: 'hour', from: at(0), limit: 1, ...(cursor ? { cursor } : {}) } } });
      seen.push(...data!.series.map((b) => `${b.start} ${b.model}`));
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(seen).toEqual([
      '2026-11-01T01:00:00.000Z llama3.1:8b',
      '2026-11-01T01:00:00.000Z qwen3:8b',
      '2026-11-01T02:00:00.000Z qwen3:8b',
    ]);
  });

  it('shows a submitter the calls of its own jobs and runs only', async () => {
    const { data } = await svc
      .api(tokens.submitter!.secret)
      .GET('/api/v1/usage/series', { params: { query: { bucket: 'hour', from: at(0) } } });
    expect(data!.series.map((b) => b.model)).toEqual(['qwen3:8b', 'qwen3:8b']);
    const other = await svc.api(tokens.other!.secret).GET('/api/v1/usage/series', { params: { query: { bucket: 'day', from: at(0) } } });
    expect(other.data!.series.map((b) => [b.model, b.calls])).toEqual([['llama3.1:8b', 1]]);
  });

  it('refuses a bad bucket or time naming the parameter', async () => {
    const r = await svc.call('/api/v1/usage/series?bucket=week');
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('bucket');
  });
});
