// POST /api/v1/executions: one-off runs (what Piston and Judge0 users expect), through the typed client,
// against the real Docker engine: checked, sandboxed, audited, private to the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/client/index.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { connect } from '../helpers/ws.ts';

let svc: RunningService;
let alice: ApiClient;
let bob: ApiClient;
let viewer: ApiClient;
let aliceId: string;
let aliceSecret: string;

async function token(role: 'submitter' | 'viewer') {
  const { data } = await svc.api().POST('/api/v1/tokens', { body: { role } });
  return { secret: data!.secret, id: data!.token.id };
}

beforeAll(async () => {
  svc = await startService();
  const a = await token('submitter');
  [aliceId, aliceSecret] = [a.id, a.secret];
  alice = svc.api(a.secret);
  bob = svc.api((await token('submitter')).secret);
  viewer = svc.api((await token('viewer')).secret);
});
afterAll(async () => {
  await svc?.close();
});

type Result = { status: string; exitCode: number | null; stdout: string; stderr: string };

describe('one-off executions', () => {
  it('runs Python with JSON input on stdin and returns the result (201, Location), audited', async () => {
    const source = 'import json, sys\nd = json.load(sys.stdin)\nprint(d["a"] + d["b"])\n';
    const r = await alice.POST('/api/v1/executions', { body: { language: 'python', source, input: { a: 2, b: 40 } } });
    expect(r.response.status, JSON.stringify(r.error)).toBe(201);
    const run = r.data!.run;
    expect(run).toMatchObject({ kind: 'run', type: 'execution', owner: aliceId, status: 'succeeded' });
    expect(run.result as Result).toMatchObject({ status: 'ok', exitCode: 0, stdout: '42\n' });
    expect(r.response.headers.get('location')).toBe(`/api/v1/executions/${run.id}`);
    const again = await alice.GET('/api/v1/executions/{id}', { params: { path: { id: run.id } } });
    expect(again.data!.run.id).toBe(run.id);
    const audit = (await svc.service.deps.audit.query({ type: 'tool_executed', limit: 1000 })).filter((e) => e.task === run.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: aliceId, target: `execution:${run.id}`, success: true });
  });

  it('shell with arguments and a string on stdin; a failing script is a result, not an error', async () => {
    const r = await alice.POST('/api/v1/executions', {
      body: { language: 'shell', source: 'read -r line\necho "$1:$line"\nexit 3\n', input: 'hello', args: ['x'] },
    });
    expect(r.response.status).toBe(201);
    expect(r.data!.run.result as Result).toMatchObject({ status: 'failed', exitCode: 3, stdout: 'x:hello\n' });
  });

  it('a script the policy blocks is 422 CODE_BLOCKED with the findings; nothing runs, the block is audited', async () => {
    const r = await alice.POST('/api/v1/executions', { body: { language: 'python', source: 'import os\nos.system("id")\n' } });
    expect(r.response.status).toBe(422);
    const e = r.error!.error;
    expect(e.code).toBe('CODE_BLOCKED');
    const details = e.details as { runId: string; findings: { rule: string; line: number }[] };
    expect(details.findings.some((f) => f.line === 2)).toBe(true);
    const run = await alice.GET('/api/v1/runs/{id}', { params: { path: { id: details.runId } } });
    expect(run.data!.run).toMatchObject({ status: 'failed', error: { code: 'CODE_BLOCKED' } });
    expect(
      (await svc.service.deps.audit.query({ type: 'security_block', limit: 1000 })).some(
        (x) => x.target === `execution:${details.runId}` && x.actor === aliceId,
      ),
    ).toBe(true);
    expect((await svc.service.deps.audit.query({ type: 'tool_executed', limit: 1000 })).some((x) => x.task === details.runId)).toBe(false);
  });

  it('with wait=false: 202 at once, the run followed on the stream to its end', async () => {
    const r = await alice.POST('/api/v1/executions', {
      params: { query: { wait: 'false' } },
      body: { language: 'python', source: 'import time\ntime.sleep(0.5)\nprint("late")\n' },
    });
    expect(r.response.status).toBe(202);
    const id = r.data!.run.id;
    expect(['queued', 'running']).toContain(r.data!.run.status);
    const ws = await connect(svc.url, aliceSecret);
    ws.send({ type: 'subscribe', topics: [`run:${id}`], lastEventId: 0 });
    const done = await ws.waitFor(
      (m) => m.type === 'event' && m.topic === `run:${id}` && (m.event as { status: string }).status === 'succeeded',
      30_000,
    );
    expect((done.event as { metadata: { status: string } }).metadata.status).toBe('ok');
    ws.close();
    const got = await alice.GET('/api/v1/executions/{id}', { params: { path: { id } } });
    expect(got.data!.run.result as Result).toMatchObject({ stdout: 'late\n' });
  });

  it('is private to its caller: 404 for another submitter (REST and stream, audited), visible to a viewer', async () => {
    const id = (await alice.POST('/api/v1/executions', { body: { language: 'python', source: 'print(1)\n' } })).data!.run.id;
    expect((await bob.GET('/api/v1/executions/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await bob.GET('/api/v1/runs/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await bob.GET('/api/v1/runs', {})).data!.runs.map((x) => x.id)).not.toContain(id);
    expect((await viewer.GET('/api/v1/executions/{id}', { params: { path: { id } } })).response.status).toBe(200);
    expect(
      (await svc.service.deps.audit.query({ type: 'access_denied', limit: 1000 })).filter((e) => e.target === `run:${id}`),
    ).toHaveLength(2);
    expect((await viewer.POST('/api/v1/executions', { body: { language: 'python', source: 'print(1)\n' } })).response.status).toBe(403);
  });

  it('refuses bad requests before anything runs', async () => {
    const policy = await alice.POST('/api/v1/executions', { body: { language: 'python', source: 'print(1)\n', policy: 'no-such-policy' } });
    expect([policy.response.status, policy.error!.error.code]).toEqual([404, 'POLICY_NOT_FOUND']);
    const lang = await alice.POST('/api/v1/executions', { body: { language: 'cobol', source: 'x' } as never });
    expect([lang.response.status, lang.error!.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const extra = await alice.POST('/api/v1/executions', { body: { language: 'python', source: 'x', timeout: 5 } as never });
    expect(extra.error!.error.message).toMatch(/timeout.*allowed: language, source, input, args, policy/);
  });
});
