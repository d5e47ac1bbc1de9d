import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../src/errors/catalog.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc?.close();
});

async function expectError(res: Response, status: number, code: keyof typeof ERROR_CATALOG) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; retryable: boolean } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.retryable).toBe(ERROR_CATALOG[code].retryable);
  return body.error;
}

describe('health', () => {
  it('GET /healthz answers without a token', async () => {
    const res = await svc.call('/healthz', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports store, Docker and Ollama separately (real engine; Ollama absent)', async () => {
    const res = await svc.call('/readyz', { token: null });
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; error?: string }> };
    expect(body.checks.store!.ok).toBe(true);
    expect(body.checks.docker, JSON.stringify(body.checks.docker)).toMatchObject({ ok: true });
    expect(body.checks.ollama!.ok).toBe(false);
    expect(body.checks.ollama!.error).toMatch(/ollama serve/);
    expect(res.status).toBe(200);
    expect(body.status).toBe('degraded');
  });
});

describe('error replies', () => {
  it('unknown route: 404 ROUTE_NOT_FOUND', async () => {
    await expectError(await svc.call('/api/v1/nope'), 404, 'ROUTE_NOT_FOUND');
    await expectError(await svc.call('/definitely/not/here', { token: null }), 404, 'ROUTE_NOT_FOUND');
  });

  it('malformed JSON body: 400 BODY_MALFORMED, nothing created', async () => {
    const before = (await (await svc.call('/api/v1/tokens')).json()) as { tokens: unknown[] };
    const res = await svc.call('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role": "viewer",',
    });
    await expectError(res, 400, 'BODY_MALFORMED');
    const after = (await (await svc.call('/api/v1/tokens')).json()) as { tokens: unknown[] };
    expect(after.tokens).toHaveLength(before.tokens.length);
  });

  it('a 10 MB body: 413 BODY_TOO_LARGE', async () => {
    const big = JSON.stringify({ role: 'viewer', name: 'x'.repeat(10 * 1024 * 1024) });
    await expectError(
      await svc.call('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }),
      413,
      'BODY_TOO_LARGE',
    );
  });

  it('a body that violates the schema: 400 VALIDATION_FAILED naming the path', async () => {
    const res = await svc.call('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'root' }),
    });
    const err = await expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(err)).toContain('body.role');
  });

  it('an unsupported content type: 415 MEDIA_TYPE_UNSUPPORTED', async () => {
    await expectError(
      await svc.call('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/x-thing' }, body: 'x' }),
      415,
      'MEDIA_TYPE_UNSUPPORTED',
    );
  });

  it('a bad query value: 400 VALIDATION_FAILED', async () => {
    const err = await expectError(await svc.call('/api/v1/audit?limit=abc'), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(err)).toContain('query.limit');
  });
});

describe('authentication and roles', () => {
  it('missing token: 401 AUTH_MISSING, audited', async () => {
    await expectError(await svc.call('/api/v1/audit', { token: null }), 401, 'AUTH_MISSING');
    const events = svc.service.deps.audit.query({ type: 'auth_failure', order: 'desc', limit: 1 });
    expect((await events)[0]).toMatchObject({ action: 'missing_token', success: false, target: 'GET /api/v1/audit' });
  });

  it('wrong token: 401 AUTH_INVALID, audited', async () => {
    await expectError(await svc.call('/api/v1/audit', { headers: { authorization: 'Basic abc' }, token: null }), 401, 'AUTH_MISSING');
    await expectError(await svc.call('/api/v1/audit', { token: 'aft_forged' }), 401, 'AUTH_INVALID');
    const events = svc.service.deps.audit.query({ type: 'auth_failure', order: 'desc', limit: 1 });
    expect((await events)[0]).toMatchObject({ action: 'invalid_token' });
  });

  it('wrong role: 403 FORBIDDEN, audited; the right role passes', async () => {
    const res = await svc.call('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', name: 'ro' }),
    });
    expect(res.status).toBe(201);
    const { secret, token } = (await res.json()) as { secret: string; token: { id: string; role: string } };
    expect(token.role).toBe('viewer');
    expect(secret).toMatch(/^aft_/);
    await expectError(await svc.call('/api/v1/tokens', { token: secret }), 403, 'FORBIDDEN');
    const denied = svc.service.deps.audit.query({ type: 'access_denied', order: 'desc', limit: 1 });
    expect((await denied)[0]).toMatchObject({ actor: token.id, success: false });
    const ok = await svc.call('/api/v1/audit?type=access_denied', { token: secret });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { events: unknown[] }).events.length).toBeGreaterThan(0);
  });

  it('a revoked token stops working', async () => {
    const res = await svc.call('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'submitter' }),
    });
    const { secret, token } = (await res.json()) as { secret: string; token: { id: string } };
    expect((await svc.call('/api/v1/whoami', { token: secret })).status).toBe(200);
    expect((await svc.call(`/api/v1/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await svc.call('/api/v1/whoami', { token: secret }), 401, 'AUTH_INVALID');
    await expectError(await svc.call(`/api/v1/tokens/${token.id}`, { method: 'DELETE' }), 404, 'RESOURCE_NOT_FOUND');
    await expectError(await svc.call('/api/v1/tokens/..%2Fetc', { method: 'DELETE' }), 400, 'VALIDATION_FAILED');
  });

  it('tokens are stored hashed: the secret is not in the database file', async () => {
    const { readFileSync } = await import('node:fs');
    const db = readFileSync(`${svc.dataDir}/factory.db`);
    const wal = readFileSync(`${svc.dataDir}/factory.db-wal`);
    expect(db.includes(svc.adminToken)).toBe(false);
    expect(wal.includes(svc.adminToken)).toBe(false);
  });
});

describe('audit API', () => {
  it('queries and verifies the chain', async () => {
    const v = await (await svc.call('/api/v1/audit/verify')).json();
    expect(v).toMatchObject({ ok: true });
    const q = (await (await svc.call('/api/v1/audit?type=server_started')).json()) as { events: { type: string }[] };
    expect(q.events.map((e) => e.type)).toEqual(['server_started']);
  });
});

describe('access tokens never reach a log', () => {
  it('not from a stream URL (?access_token=, encoded or not), a refused upgrade, or a token in a path', async () => {
    const { Service } = await import('../../src/service.ts');
    const { tempDir, testConfig } = await import('../helpers/env.ts');
    const { connect } = await import('../helpers/ws.ts');
    const { readFileSync } = await import('node:fs');
    const t = tempDir();
    const lines: string[] = [];
    const s = await Service.create(testConfig(t.dir, { 'server.logLevel': 'debug' }), {
      logStream: { write: (l: string) => void lines.push(l) },
    });
    const url = await s.listen();
    const admin = readFileSync(`${t.dir}/admin-token`, 'utf8').trim();
    try {
      const ok = await connect(url, null, { query: `?access_token=${admin}` });
      ok.close();
      const encoded = await connect(url, null, { query: `?access%5Ftoken=${encodeURIComponent(admin)}` });
      encoded.close();
      await expect(connect(url, null, { query: '?access_token=aft_wrong-secret-value' })).rejects.toMatchObject({ statusCode: 401 });
      await fetch(`${url}/api/v1/nothing/${admin}?token=${admin}`, { headers: { authorization: `Bearer ${admin}` } });
      await fetch(`${url}/api/v1/whoami?access_token=${admin}`);
      await new Promise((r) => setTimeout(r, 200));
      const log = lines.join('');
      expect(log).toContain('/api/v1/stream?access_token=[redacted]'); // the request was logged, its token not
      expect(log).toContain('access%5Ftoken=[redacted]');
      expect(log).not.toContain(admin);
      expect(log).not.toContain(encodeURIComponent(admin));
      expect(log).not.toContain('wrong-secret-value');
    } finally {
      await s.stop();
      t.cleanup();
    }
  });

  it('redactUrl covers keys and values in any encoding; error logs are scrubbed too', async () => {
    const { logSerializers, redactUrl } = await import('../../src/server/http/logging.ts');
    const err = logSerializers.err(new Error('cannot use aft_s3cr3t-VALUE here'));
    expect(`${err.message} ${err.stack}`).not.toContain('s3cr3t');
    expect(redactUrl('/a?access_token=aft_x&limit=5')).toBe('/a?access_token=[redacted]&limit=5');
    expect(redactUrl('/a?ACCESS%5fTOKEN=zz')).toBe('/a?ACCESS%5fTOKEN=[redacted]');
    expect(redactUrl('/a?q=aft%5Fsecret')).toBe('/a?q=[redacted]');
    expect(redactUrl('/tokens/aft_abc/x')).toBe('/tokens/aft_[redacted]/x');
    expect(redactUrl('/a?api_key=1&secret=2&password=3')).toBe('/a?api_key=[redacted]&secret=[redacted]&password=[redacted]');
  });
});
