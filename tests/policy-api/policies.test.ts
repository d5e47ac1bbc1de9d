import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/env.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let policyDir: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir('af-policies-');
  cleanup = t.cleanup;
  policyDir = t.dir;
  cpSync(join(REPO, 'policies'), policyDir, { recursive: true });
  svc = await startService({ policyDir });
});
afterAll(async () => {
  await svc?.close();
  cleanup?.();
});

const yaml = { 'content-type': 'application/yaml' };
async function get(name: string) {
  const res = await svc.call(`/api/v1/policies/${name}`);
  return { res, body: (await res.json()) as { etag: string; text: string; version: number; policy: { limits: { maxMemoryMb: number } } } };
}
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; details?: { issues?: { path: string; message: string; line?: number }[] } } }).error;

describe('policy API', () => {
  it('lists policies and gets one with an ETag', async () => {
    const list = (await (await svc.call('/api/v1/policies')).json()) as { policies: { name: string; etag: string }[] };
    expect(list.policies.map((p) => p.name)).toEqual(expect.arrayContaining(['default', 'strict', 'data-science']));
    const { res, body } = await get('default');
    expect(res.headers.get('etag')).toBe(`"${body.etag}"`);
    expect(body.text).toBe(readFileSync(join(policyDir, 'default.yaml'), 'utf8'));
    const raw = await svc.call('/api/v1/policies/default?format=yaml');
    expect(raw.headers.get('content-type')).toMatch(/yaml/);
    expect(await raw.text()).toBe(body.text);
  });

  it('refuses traversal and malformed names', async () => {
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..', 'UPPER', 'a%00b', '.hidden', 'x'.repeat(65)]) {
      const res = await svc.call(`/api/v1/policies/${bad}`);
      expect([400, 404], bad).toContain(res.status);
      if (res.status === 400) expect((await errorOf(res)).code).toBe('POLICY_NAME_INVALID');
    }
    const put = await svc.call('/api/v1/policies/..%2Fevil', {
      method: 'PUT',
      headers: { ...yaml, 'if-none-match': '*' },
      body: 'extends: default\n',
    });
    expect(put.status).toBe(400);
  });

  it('needs admin, and If-Match (428), and a current ETag (412)', async () => {
    const { body } = await get('strict');
    const text = body.text.replace(/maxMemoryMb: \d+/, 'maxMemoryMb: 200');
    const viewer = (
      (await (
        await svc.call('/api/v1/tokens', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'viewer' }),
        })
      ).json()) as { secret: string }
    ).secret;
    expect(
      (await svc.call('/api/v1/policies/strict', { method: 'PUT', headers: { ...yaml, 'if-match': body.etag }, body: text, token: viewer }))
        .status,
    ).toBe(403);
    const noMatch = await svc.call('/api/v1/policies/strict', { method: 'PUT', headers: yaml, body: text });
    expect(noMatch.status).toBe(428);
    expect((await errorOf(noMatch)).code).toBe('PRECONDITION_REQUIRED');
    const stale = await svc.call('/api/v1/policies/strict', { method: 'PUT', headers: { ...yaml, 'if-match': '"0000"' }, body: text });
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).code).toBe('PRECONDITION_FAILED');
    const ok = await svc.call('/api/v1/policies/strict', { method: 'PUT', headers: { ...yaml, 'if-match': `"${body.etag}"` }, body: text });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(`"${body.etag}"`);
    expect(readFileSync(join(policyDir, 'strict.yaml'), 'utf8')).toBe(text);
    expect((await get('strict')).body.policy.limits.maxMemoryMb).toBe(200);
    const ev = (await svc.service.deps.audit.query({ type: 'policy_changed', order: 'desc', limit: 1 }))[0]!;
    expect(ev).toMatchObject({ target: 'strict', action: 'updated' });
  });

  it('an invalid policy is 422 with every problem, and nothing changes', async () => {
    const { body } = await get('strict');
    const before = readFileSync(join(policyDir, 'strict.yaml'), 'utf8');
    const bad = 'extends: default\nlimits:\n  maxMemoryMb: lots\n  maxExecutionSecnds: 5\nshell:\n  allowedCommands: [ls, "/bin/rm"]\n';
    const res = await svc.call('/api/v1/policies/strict', { method: 'PUT', headers: { ...yaml, 'if-match': body.etag }, body: bad });
    expect(res.status).toBe(422);
    const err = await errorOf(res);
    expect(err.code).toBe('POLICY_INVALID');
    const paths = err.details!.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['limits.maxMemoryMb', 'shell.allowedCommands.1']));
    expect(paths.some((p) => p.includes('maxExecutionSecnds'))).toBe(true);
    expect(readFileSync(join(policyDir, 'strict.yaml'), 'utf8')).toBe(before);
    expect((await get('strict')).body.etag).toBe(body.etag);
    expect((await svc.service.deps.audit.query({ type: 'policy_rejected', order: 'desc', limit: 1 }))[0]).toMatchObject({
      target: 'strict',
      actor: expect.stringMatching(/^tok_/),
    });
    const garbage = await svc.call('/api/v1/policies/strict', {
      method: 'PUT',
      headers: { ...yaml, 'if-match': body.etag },
      body: 'limits: [unclosed',
    });
    expect(garbage.status).toBe(422);
  });

  it('concurrent edits with the same ETag: exactly one wins, the other gets 412', async () => {
    const { body } = await get('data-science');
    const a = body.text.replace(/maxMemoryMb: \d+/, 'maxMemoryMb: 1500');
    const b = body.text.replace(/maxMemoryMb: \d+/, 'maxMemoryMb: 1600');
    const results = await Promise.all(
      [a, b].map((text) =>
        svc.call('/api/v1/policies/data-science', { method: 'PUT', headers: { ...yaml, 'if-match': body.etag }, body: text }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results[0]!.status === 200 ? a : b;
    expect(readFileSync(join(policyDir, 'data-science.yaml'), 'utf8')).toBe(winner);
  });

  it('creates a new policy with If-None-Match: *, and refuses to create it twice', async () => {
    const text = 'name: team-a\nextends: strict\ndescription: team A\nlimits:\n  maxExecutionSeconds: 30\n';
    const created = await svc.call('/api/v1/policies/team-a', { method: 'PUT', headers: { ...yaml, 'if-none-match': '*' }, body: text });
    expect(created.status).toBe(201);
    const again = await svc.call('/api/v1/policies/team-a', { method: 'PUT', headers: { ...yaml, 'if-none-match': '*' }, body: text });
    expect(again.status).toBe(409);
    const json = await svc.call('/api/v1/policies/team-b', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({ extends: 'default', limits: { maxMemoryMb: 64 } }),
    });
    expect(json.status).toBe(201);
    expect((await get('team-b')).body.policy.limits.maxMemoryMb).toBe(64);
  });

  it('keeps every version with author, time and a diff, and restores an earlier one', async () => {
    const h1 = (await (await svc.call('/api/v1/policies/strict/history')).json()) as {
      versions: { version: number; author: string; diff: string; source: string }[];
    };
    expect(h1.versions.length).toBeGreaterThanOrEqual(2);
    const [first, second] = h1.versions;
    expect(first!.author).toBe('disk');
    expect(second!.author).toMatch(/^tok_/);
    expect(second!.diff).toMatch(/^-.*maxMemoryMb/m);
    expect(second!.diff).toMatch(/^\+.*maxMemoryMb: 200/m);
    const { body } = await get('strict');
    const restore = await svc.call('/api/v1/policies/strict/restore', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': body.etag },
      body: JSON.stringify({ version: 1 }),
    });
    expect(restore.status).toBe(200);
    expect(readFileSync(join(policyDir, 'strict.yaml'), 'utf8')).toBe(readFileSync(join(REPO, 'policies/strict.yaml'), 'utf8'));
    const h2 = (await (await svc.call('/api/v1/policies/strict/history')).json()) as { versions: { source: string }[] };
    expect(h2.versions.at(-1)!.source).toBe('restore');
    expect(
      (
        await svc.call('/api/v1/policies/strict/restore', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'if-match': '"x"' },
          body: JSON.stringify({ version: 1 }),
        })
      ).status,
    ).toBe(412);
    expect(
      (
        await svc.call('/api/v1/policies/strict/restore', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'if-match': '*' },
          body: JSON.stringify({ version: 999 }),
        })
      ).status,
    ).toBe(404);
  });

  it('a watched file edited on disk: a valid edit takes effect and is audited; an invalid one keeps the old version and is reported', async () => {
    const file = join(policyDir, 'strict.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/maxMemoryMb: \d+/, 'maxMemoryMb: 96'));
    await expect.poll(async () => (await get('strict')).body.policy.limits.maxMemoryMb, { timeout: 5000 }).toBe(96);
    expect((await svc.service.deps.audit.query({ type: 'policy_changed', order: 'desc', limit: 1 }))[0]).toMatchObject({
      target: 'strict',
      actor: 'disk',
    });

    writeFileSync(file, 'limits:\n  maxMemoryMb: -5\n  bogus: true\n');
    await expect
      .poll(async () => (await svc.service.deps.audit.query({ type: 'policy_rejected', order: 'desc', limit: 1 }))[0]?.action, {
        timeout: 5000,
      })
      .toBe('disk');
    expect((await get('strict')).body.policy.limits.maxMemoryMb).toBe(96); // the last valid version stays in force
    const list = (await (await svc.call('/api/v1/policies')).json()) as { problems: { name: string }[] };
    expect(list.problems.map((p) => p.name)).toContain('strict');
    const ready = (await (await svc.call('/readyz', { token: null })).json()) as { hints: string[] };
    expect(ready.hints.join(' ')).toMatch(/strict\.yaml is invalid/);
    writeFileSync(file, original);
    await expect
      .poll(async () => ((await (await svc.call('/api/v1/policies')).json()) as { problems: unknown[] }).problems.length, { timeout: 5000 })
      .toBe(0);
  });
});

describe('check API', () => {
  it('returns the checker’s verdict and audits blocks', async () => {
    const ok = await svc.call('/api/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'python', source: 'import json\nprint(json.dumps({"a": 1}))\n' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ allowed: true, language: 'python', findings: [], policy: 'default' });
    const bad = await svc.call('/api/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'shell', source: 'x=rm\n$x -rf /\n', file: 'evil.sh' }),
    });
    const body = (await bad.json()) as { allowed: boolean; findings: { rule: string; line: number; suggestion: string }[] };
    expect(body.allowed).toBe(false);
    expect(body.findings[0]).toMatchObject({ line: 2 });
    const ev = (await svc.service.deps.audit.query({ type: 'security_block', order: 'desc', limit: 1 }))[0]!;
    expect(ev.target).toBe('check:evil.sh'); // never a tool's name: a check is about the caller's own text
    expect(ev.securityFlags).toEqual(expect.arrayContaining([body.findings[0]!.rule]));
    const unknown = await svc.call('/api/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'python', source: '', policy: 'nope' }),
    });
    expect(unknown.status).toBe(404);
    const badLang = await svc.call('/api/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'cobol', source: '' }),
    });
    expect(badLang.status).toBe(400);
  });
});
