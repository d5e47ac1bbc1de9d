// What a client developer expects of the API, driven through the typed client generated from the
// OpenAPI document (src/client): paging, Location, 405, WWW-Authenticate, request ids, unknown query keys.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/client/index.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let api: ApiClient;
let cleanup: () => void;
beforeAll(async () => {
  const policies = tempDir('af-client-policies-'); // this file writes a policy: never into the repository's
  cleanup = policies.cleanup;
  cpSync(join(REPO, 'policies'), policies.dir, { recursive: true });
  svc = await startService({ policyDir: policies.dir });
  api = svc.api();
});
afterAll(async () => {
  await svc?.close();
  cleanup?.();
});

const SUM = {
  name: 'page_sum',
  description: 'Adds numbers',
  language: 'python' as const,
  purpose: 'Prints the sum as JSON.',
  inputSpec: [{ name: 'numbers', type: 'list' as const }],
  outputSpec: { format: 'json' as const },
  source: 'import json\nimport sys\n\nprint(json.dumps({"sum": sum(json.load(sys.stdin)["numbers"])}))\n',
  examples: [{ name: 'one', input: { numbers: [1] }, expect: { json: { sum: 1 } } }],
};

describe('paging: limit and an opaque cursor on every list', () => {
  it('walks every token page by page, each exactly once', async () => {
    for (let i = 0; i < 5; i++) await api.POST('/api/v1/tokens', { body: { role: 'viewer', name: `page ${i}` } });
    const all = (await api.GET('/api/v1/tokens', { params: { query: { limit: 500 } } })).data!.tokens.map((t) => t.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const { data } = await api.GET('/api/v1/tokens', { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
      expect(data!.tokens.length).toBeLessThanOrEqual(2);
      seen.push(...data!.tokens.map((t) => t.id));
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(seen).toEqual(all);
  });

  it('every list takes limit and cursor and answers nextCursor', async () => {
    expect((await api.POST('/api/v1/tools', { body: SUM })).response.status).toBe(201);
    const lists = [
      api.GET('/api/v1/tools', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/agents', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/jobs', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/runs', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/policies', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/policies/{name}/history', { params: { path: { name: 'default' }, query: { limit: 1 } } }),
      api.GET('/api/v1/audit', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/blueprints', { params: { query: { limit: 1 } } }),
      api.GET('/api/v1/tokens', { params: { query: { limit: 1 } } }),
    ];
    for (const r of await Promise.all(lists)) {
      expect(r.response.status, r.response.url).toBe(200);
      expect(r.data, r.response.url).toHaveProperty('nextCursor');
    }
    const agents = (await api.GET('/api/v1/agents', { params: { query: { limit: 1 } } })).data!;
    expect(agents.agents).toHaveLength(1);
    const next = (await api.GET('/api/v1/agents', { params: { query: { limit: 1, cursor: agents.nextCursor! } } })).data!;
    expect(next.agents[0]!.id).not.toBe(agents.agents[0]!.id);
  });

  it('a cursor that is not one of ours is 400, naming the parameter', async () => {
    const r = await api.GET('/api/v1/tools', { params: { query: { cursor: 'not-a-cursor' } } });
    expect(r.response.status).toBe(400);
    expect(r.error!.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.error)).toContain('query.cursor');
  });
});

describe('replies a client can rely on', () => {
  it('every 201 carries Location, and it can be fetched', async () => {
    const token = await api.POST('/api/v1/tokens', { body: { role: 'viewer' } });
    expect(token.response.headers.get('location')).toBe(`/api/v1/tokens/${token.data!.token.id}`);
    const agent = await api.POST('/api/v1/agents', {
      body: { blueprint: { name: 'loc', type: 'analysis', description: 'x', systemPrompt: 'y', outputFormat: { format: 'text' } } },
    });
    expect(agent.response.status).toBe(201);
    const created = [agent.response.headers.get('location')!];
    const policy = await svc.call('/api/v1/policies/loc-test', {
      method: 'PUT',
      headers: { 'content-type': 'application/yaml', 'if-none-match': '*' },
      body: 'extends: strict\n',
    });
    expect(policy.status).toBe(201);
    created.push(policy.headers.get('location')!);
    const run = await api.POST('/api/v1/executions', { body: { language: 'python', source: 'print(2)\n' } });
    expect(run.response.status).toBe(201);
    created.push(run.response.headers.get('location')!);
    for (const loc of created) expect((await svc.call(loc)).status, loc).toBe(200);
  });

  it('a known path asked with the wrong method is 405 with Allow', async () => {
    const res = await svc.call('/api/v1/tools', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')!.split(', ')).toEqual(expect.arrayContaining(['GET', 'POST']));
    const body = (await res.json()) as { error: { code: string; details: { allowed: string[] } } };
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
    const one = await svc.call('/api/v1/agents/agt_0123456789abcdef', { method: 'PUT' });
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')!.split(', ')).toEqual(expect.arrayContaining(['GET', 'PATCH', 'DELETE']));
    expect((await svc.call('/api/v1/no/such/path', { method: 'DELETE' })).status).toBe(404);
  });

  it('401 carries WWW-Authenticate: Bearer', async () => {
    const missing = await svc.call('/api/v1/tools', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="agent-factory"');
    const wrong = await svc.call('/api/v1/tools', { token: 'aft_nope' });
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="agent-factory", error="invalid_token"');
  });

  it('an incoming X-Request-Id is echoed when well-formed, and every error body carries the request id', async () => {
    const ok = await svc.call('/api/v1/whoami', { headers: { 'x-request-id': 'client-42.a:b_c' } });
    expect(ok.headers.get('x-request-id')).toBe('client-42.a:b_c');
    const err = await svc.call('/api/v1/tools/nope', { headers: { 'x-request-id': 'trace-7' } });
    expect(((await err.json()) as { error: { requestId: string } }).error.requestId).toBe('trace-7');
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', 'ünï']) {
      const res = await svc.call('/api/v1/whoami', {
        headers: { 'x-request-id': encodeURIComponent(bad) === bad ? bad : bad.replace(/[^ -~]/g, '?') },
      });
      expect(res.headers.get('x-request-id'), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
    const notFound = await svc.call('/nowhere', { token: null, headers: { 'x-request-id': 'nf-1' } });
    expect(((await notFound.json()) as { error: { requestId: string } }).error.requestId).toBe('nf-1');
    const unauth = await svc.call('/api/v1/tools', { token: null, headers: { 'x-request-id': 'ua-1' } });
    expect(((await unauth.json()) as { error: { requestId: string } }).error.requestId).toBe('ua-1');
  });

  it('unknown query parameters are refused like unknown body keys, naming the allowed ones', async () => {
    const res = await svc.call('/api/v1/tools?limt=5');
    expect(res.status).toBe(400);
    const e = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/limt.*allowed: limit, cursor/);
    const none = await svc.call('/healthz?verbose=1', { token: null });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/verbose.*allowed: none/);
    const body = await api.POST('/api/v1/tokens', { body: { role: 'viewer', colour: 'blue' } as never });
    expect(body.response.status).toBe(400);
    expect(body.error!.error.message).toMatch(/colour.*allowed: role, name/);
  });
});
