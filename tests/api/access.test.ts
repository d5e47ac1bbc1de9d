// Access rules over REST and the WebSocket stream, with two submitters (A and B) and a viewer, for every
// kind of resource: tools, agents, jobs, runs, and the audit trail. What B may not see is 404 everywhere,
// the same answer as for something that does not exist; every refusal leaves an audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/event.ts';
import { startFakeOllama, type FakeOllama, type Reply } from '../helpers/fake-ollama.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { connect } from '../helpers/ws.ts';

let svc: RunningService;
let fake: FakeOllama;
const script: Reply[] = [];
interface Who {
  secret: string;
  id: string;
}
let A: Who;
let B: Who;
let V: Who;
const ids = { privateAgent: '', sharedAgent: '', job: '', run: '', staticAgent: '' };

const json = { 'content-type': 'application/json' };
const SUM = (name: string) => ({
  name,
  description: 'Adds numbers',
  language: 'python',
  purpose: 'Prints the sum of the numbers as JSON.',
  inputSpec: [{ name: 'numbers', type: 'list' }],
  outputSpec: { format: 'json' },
  source: 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n',
  examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
});
const AGENT = (name: string, tools: string[] = []) => ({
  name,
  type: 'analysis',
  description: 'Adds',
  systemPrompt: 'You add numbers.',
  tools,
  outputFormat: { format: 'text' },
});

async function token(role: string): Promise<Who> {
  const res = await svc.call('/api/v1/tokens', { method: 'POST', headers: json, body: JSON.stringify({ role }) });
  const b = (await res.json()) as { secret: string; token: { id: string } };
  return { secret: b.secret, id: b.token.id };
}
const as = (who: Who, path: string, init: RequestInit = {}) => svc.call(path, { ...init, token: who.secret });
const post = (who: Who, path: string, body: unknown) => as(who, path, { method: 'POST', headers: json, body: JSON.stringify(body) });
const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;
const refusals = async (actor: string, target: string) =>
  (await svc.service.deps.audit.query({ type: 'access_denied', limit: 1000 })).filter((e) => e.actor === actor && e.target === target);

beforeAll(async () => {
  fake = await startFakeOllama({ replies: () => script.shift() ?? { status: 500, error: 'no scripted reply left' } });
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'ollama.backoffMs': '0' });
  [A, B, V] = [await token('submitter'), await token('submitter'), await token('viewer')];
  expect((await post(A, '/api/v1/tools', SUM('a_private'))).status).toBe(201);
  expect((await post(A, '/api/v1/tools?shared=true', SUM('a_shared'))).status).toBe(201);
  ids.privateAgent = (
    (await (await post(A, '/api/v1/agents', { blueprint: AGENT('a-private') })).json()) as { agent: { id: string } }
  ).agent.id;
  ids.sharedAgent = (
    (await (await post(A, '/api/v1/agents', { blueprint: AGENT('a-shared', ['a_private']), shared: true })).json()) as {
      agent: { id: string };
    }
  ).agent.id;
  const gen = await post(A, '/api/v1/tools', { ...SUM('a_generated'), source: undefined }); // the model fails: a job all the same
  ids.job = ((await gen.json()) as { jobId: string }).jobId;
  const run = await post(A, '/api/v1/tools/a_private/execute', { input: { numbers: [1, 2] } });
  ids.run = ((await run.json()) as { runId: string }).runId;
  const agents = ((await (await as(V, '/api/v1/agents')).json()) as { agents: { id: string; createdBy: string }[] }).agents;
  ids.staticAgent = agents.find((a) => a.createdBy === 'system')!.id;
});
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});

describe('REST: another submitter’s private resources do not exist for B', () => {
  it('tools: read, source, execute, new version, share, destroy are all 404, each refusal audited', async () => {
    const attempts: [string, RequestInit & { body?: string }][] = [
      ['/api/v1/tools/a_private', {}],
      ['/api/v1/tools/a_private/versions/1', {}],
      ['/api/v1/tools/a_private/execute', { method: 'POST', headers: json, body: JSON.stringify({ input: { numbers: [1] } }) }],
      ['/api/v1/tools/a_private/versions', { method: 'POST', headers: json, body: JSON.stringify(SUM('a_private')) }],
      ['/api/v1/tools/a_private', { method: 'PATCH', headers: json, body: JSON.stringify({ shared: true }) }],
      ['/api/v1/tools/a_private', { method: 'DELETE' }],
    ];
    for (const [path, init] of attempts) {
      const res = await as(B, path, init);
      expect(res.status, `${init.method ?? 'GET'} ${path}`).toBe(404);
      expect(await codeOf(res)).toBe('RESOURCE_NOT_FOUND');
    }
    const rows = await refusals(B.id, 'tool:a_private');
    expect(rows).toHaveLength(attempts.length);
    expect(
      rows.every((r) => r.success === false && r.action === 'ownership' && (r.details as { decision: string }).decision === 'hidden'),
    ).toBe(true);
    const none = await as(B, '/api/v1/tools/no_such_tool');
    expect([none.status, await codeOf(none)]).toEqual([404, 'RESOURCE_NOT_FOUND']); // the same answer
    const list = ((await (await as(B, '/api/v1/tools')).json()) as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(list).toContain('a_shared');
    expect(list).not.toContain('a_private');
    const taken = await post(B, '/api/v1/tools', SUM('a_private'));
    expect(taken.status).toBe(409);
    expect(JSON.stringify(await taken.json())).not.toMatch(/version/); // taken, but nothing about it shows
  });

  it('agents: read, run and clone of a private agent are 404 (no clone with its system prompt), each refusal audited', async () => {
    const id = ids.privateAgent;
    expect((await as(B, `/api/v1/agents/${id}`)).status).toBe(404);
    const clone = await post(B, '/api/v1/agents', { cloneOf: id, modifications: {} });
    expect(clone.status).toBe(404);
    expect(JSON.stringify(await clone.json())).not.toContain('You add numbers');
    expect((await post(B, `/api/v1/agents/${id}/runs`, { task: 'x' })).status).toBe(404);
    expect((await as(B, `/api/v1/agents/${id}`, { method: 'PATCH', headers: json, body: '{"shared":true}' })).status).toBe(404);
    expect((await as(B, `/api/v1/agents/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect(await refusals(B.id, `agent:${id}`)).toHaveLength(5);
    const list = ((await (await as(B, '/api/v1/agents')).json()) as { agents: { id: string }[] }).agents.map((a) => a.id);
    expect(list).toEqual(expect.arrayContaining([ids.sharedAgent, ids.staticAgent]));
    expect(list).not.toContain(id);
  });

  it('jobs and runs: 404 and absent from lists; usage counts only B’s own', async () => {
    for (const [kind, id] of [
      ['jobs', ids.job],
      ['runs', ids.run],
    ] as const) {
      expect((await as(B, `/api/v1/${kind}/${id}`)).status).toBe(404);
      const list = (await (await as(B, `/api/v1/${kind}`)).json()) as Record<string, { id: string }[]>;
      expect(list[kind]!.map((w) => w.id)).not.toContain(id);
      expect(await refusals(B.id, `${kind.slice(0, -1)}:${id}`)).toHaveLength(1);
      expect((await as(A, `/api/v1/${kind}/${id}`)).status).toBe(200);
    }
    expect(((await (await as(B, '/api/v1/usage')).json()) as { llm: { calls: number } }).llm.calls).toBe(0);
    expect(((await (await as(A, '/api/v1/usage')).json()) as { llm: { calls: number } }).llm.calls).toBeGreaterThan(0);
  });
  it('a destroyed tool’s name taken by another submitter: the new owner sees none of the old versions or events', async () => {
    expect(
      (await post(A, '/api/v1/tools', { ...SUM('reused'), source: SUM('reused').source.replace('print(', '# A wrote this\nprint(') }))
        .status,
    ).toBe(201);
    expect((await as(A, '/api/v1/tools/reused', { method: 'DELETE' })).status).toBe(204);
    expect((await post(B, '/api/v1/tools', SUM('reused'))).status).toBe(201);
    const tool = (await (await as(B, '/api/v1/tools/reused')).json()) as {
      owner: string;
      versions: { version: number; createdBy: string }[];
    };
    expect(tool.owner).toBe(B.id);
    expect(tool.versions.map((v) => v.createdBy)).toEqual([B.id]);
    expect((await as(B, '/api/v1/tools/reused/versions/1')).status).toBe(404);
    expect((await post(B, '/api/v1/tools/reused/execute', { input: { numbers: [1] }, version: 1 })).status).toBe(404);
    const v2 = (await (await as(B, `/api/v1/tools/reused/versions/${tool.versions[0]!.version}`)).json()) as { source: string };
    expect(v2.source).not.toContain('A wrote this');
    const events = ((await (await as(B, '/api/v1/audit?limit=1000')).json()) as { events: AuditEvent[] }).events;
    expect(events.filter((e) => e.actor === A.id)).toEqual([]);
    expect((await as(A, '/api/v1/tools/reused')).status).toBe(404); // and A lost it: it was destroyed
  });
});

describe('REST: shared resources and the service’s own', () => {
  it('a shared tool: B reads it (source too) and executes it; B may not change or destroy it (403, audited)', async () => {
    expect((await as(B, '/api/v1/tools/a_shared')).status).toBe(200);
    expect(((await (await as(B, '/api/v1/tools/a_shared/versions/1')).json()) as { source: string }).source).toContain('json.load');
    const run = await post(B, '/api/v1/tools/a_shared/execute', { input: { numbers: [2, 3] } });
    const r = (await run.json()) as { runId: string; result: { json: unknown } };
    expect(run.status).toBe(200);
    expect(r.result.json).toEqual({ sum: 5 });
    expect((await as(B, `/api/v1/runs/${r.runId}`)).status).toBe(200); // B's run is B's
    expect((await as(A, `/api/v1/runs/${r.runId}`)).status).toBe(404); // and private to B
    for (const init of [{ method: 'DELETE' }, { method: 'PATCH', headers: json, body: '{"shared":false}' }]) {
      const res = await as(B, '/api/v1/tools/a_shared', init);
      expect([res.status, await codeOf(res)]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await post(B, '/api/v1/tools/a_shared/versions', SUM('a_shared'))).status).toBe(403);
    const rows = await refusals(B.id, 'tool:a_shared');
    expect(rows).toHaveLength(3);
    expect(rows.every((x) => (x.details as { decision: string }).decision === 'forbidden')).toBe(true);
  });

  it('a shared agent and the service’s static agents: B reads and clones them, never destroys them', async () => {
    for (const id of [ids.sharedAgent, ids.staticAgent]) {
      expect((await as(B, `/api/v1/agents/${id}`)).status).toBe(200);
      const clone = await post(B, '/api/v1/agents', { cloneOf: id, modifications: { name: 'b-clone' } });
      expect(clone.status).toBe(201);
      expect(((await clone.json()) as { agent: { createdBy: string; parent: string } }).agent).toMatchObject({
        createdBy: B.id,
        parent: id,
      });
      expect((await as(B, `/api/v1/agents/${id}`, { method: 'DELETE' })).status).toBe(403);
    }
  });

  it('an agent run offers the model only the tools its caller may use', async () => {
    script.push({ content: 'done' });
    const before = fake.chats().length;
    const start = await post(B, `/api/v1/agents/${ids.sharedAgent}/runs`, { task: 'add' }); // lists a_private
    expect(start.status).toBe(202);
    await expect.poll(() => fake.chats().length, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(fake.chats()[before]!.body.tools ?? []).toEqual([]);
    const own = await post(A, '/api/v1/agents', { blueprint: AGENT('b-wants', ['a_private', 'a_shared']) });
    const created = await post(B, '/api/v1/agents', { blueprint: AGENT('b-wants', ['a_private', 'a_shared']) });
    expect(((await created.json()) as { agent: { warnings: string[] } }).agent.warnings).toEqual([
      expect.stringContaining("'a_private' is not registered"),
    ]);
    expect(((await own.json()) as { agent: { warnings: string[] } }).agent.warnings).toEqual([]);
  });

  it('the owner may share and unshare; an admin may change anything', async () => {
    expect((await as(A, `/api/v1/agents/${ids.privateAgent}`, { method: 'PATCH', headers: json, body: '{"shared":true}' })).status).toBe(
      200,
    );
    expect((await as(B, `/api/v1/agents/${ids.privateAgent}`)).status).toBe(200);
    expect((await as(A, `/api/v1/agents/${ids.privateAgent}`, { method: 'PATCH', headers: json, body: '{"shared":false}' })).status).toBe(
      200,
    );
    expect((await as(B, `/api/v1/agents/${ids.privateAgent}`)).status).toBe(404);
    const changes = svc.service.deps.audit.query({ type: 'access_changed', agent: ids.privateAgent });
    expect((await changes).map((e) => e.action)).toEqual(['shared', 'unshared']);
    expect((await svc.call(`/api/v1/tools/a_shared`, { method: 'PATCH', headers: json, body: '{"shared":true}' })).status).toBe(200);
  });
});

describe('REST: a viewer sees everything and changes nothing', () => {
  it('reads every private resource and its source; may not execute (403, audited by role)', async () => {
    for (const path of [
      '/api/v1/tools/a_private',
      '/api/v1/tools/a_private/versions/1',
      `/api/v1/agents/${ids.privateAgent}`,
      `/api/v1/jobs/${ids.job}`,
      `/api/v1/runs/${ids.run}`,
    ]) {
      expect((await as(V, path)).status, path).toBe(200);
    }
    const exec = await post(V, '/api/v1/tools/a_private/execute', { input: { numbers: [1] } });
    expect(exec.status).toBe(403);
    expect((await svc.service.deps.audit.query({ type: 'access_denied', order: 'desc', limit: 1 }))[0]).toMatchObject({
      actor: V.id,
      action: 'role',
    });
  });
});

describe('audit queries', () => {
  const eventsOf = async (who: Who, q = '') =>
    ((await (await as(who, `/api/v1/audit?limit=1000${q}`)).json()) as { events: AuditEvent[] }).events;

  it('a submitter reads its own actions and events about its own resources, nothing else', async () => {
    const b = await eventsOf(B);
    expect(b.length).toBeGreaterThan(0);
    expect(b.some((e) => e.type === 'access_denied' && e.actor === B.id)).toBe(true);
    expect(b.filter((e) => e.actor !== B.id)).toEqual([]); // B owns nothing that others acted on
    expect(JSON.stringify(b)).not.toContain('"a_private@'); // not A's runs of its private tool
    const a = await eventsOf(A);
    expect(a.some((e) => e.type === 'tool_executed' && e.actor === B.id && e.target === 'a_shared@1')).toBe(true); // about A's tool
    expect(a.some((e) => e.type === 'token_created' || e.type === 'server_started')).toBe(false);
    expect(
      a.every((e) => e.actor === A.id || e.target.startsWith('a_shared') || e.target.startsWith('a_private') || e.agent !== null),
    ).toBe(true);
    const actors = new Set((await eventsOf(V)).map((e) => e.actor));
    expect([A.id, B.id, V.id, 'system'].every((x) => actors.has(x))).toBe(true); // a viewer reads everyone's
  });
});

describe('WebSocket: the same rules and the same answers', () => {
  it('B: topics of A’s private resources are 404 (audited), shared and static ones are accepted', async () => {
    const c = await connect(svc.url, B.secret);
    const hidden = [`tool:a_private`, `agent:${ids.privateAgent}`, `job:${ids.job}`, `run:${ids.run}`];
    for (const t of hidden) {
      c.send({ type: 'subscribe', topics: [t] });
      const err = await c.waitFor((m) => m.type === 'error' && JSON.stringify(m).includes(t));
      expect((err.error as { code: string }).code).toBe('RESOURCE_NOT_FOUND');
      expect((await refusals(B.id, t)).length).toBeGreaterThan(0);
    }
    c.send({ type: 'subscribe', topics: ['tool:a_shared', `agent:${ids.sharedAgent}`, `agent:${ids.staticAgent}`] });
    const sub = await c.waitFor((m) => m.type === 'subscribed' && (m.topics as string[]).includes('tool:a_shared'));
    expect(sub.topics).toEqual(['tool:a_shared', `agent:${ids.sharedAgent}`, `agent:${ids.staticAgent}`]);
    c.close();
  });

  it('kind subscriptions deliver only what the principal may see; executions appear on the tool’s topic for its owner', async () => {
    const [a, b, v] = [await connect(svc.url, A.secret), await connect(svc.url, B.secret), await connect(svc.url, V.secret)];
    for (const c of [a, b, v]) {
      c.send({ type: 'subscribe', topics: ['*'] });
      await c.waitFor((m) => m.type === 'subscribed');
    }
    const ra = ((await (await post(A, '/api/v1/tools/a_private/execute', { input: { numbers: [1] } })).json()) as { runId: string }).runId;
    const rb = ((await (await post(B, '/api/v1/tools/a_shared/execute', { input: { numbers: [1] } })).json()) as { runId: string }).runId;
    const done = (runId: string) => (m: Record<string, unknown>) =>
      m.type === 'event' && m.topic === `run:${runId}` && (m.event as { status: string }).status === 'succeeded';
    await v.waitFor(done(ra));
    await v.waitFor(done(rb));
    await a.waitFor((m) => m.topic === 'tool:a_shared' && (m.event as { metadata: { runId: string } }).metadata.runId === rb);
    await b.waitFor(done(rb));
    const topicsOf = (c: typeof a) => new Set(c.messages.filter((m) => m.type === 'event').map((m) => m.topic as string));
    expect(topicsOf(b).has(`run:${ra}`)).toBe(false);
    expect(topicsOf(b).has('tool:a_private')).toBe(false);
    expect(topicsOf(a).has(`run:${rb}`)).toBe(false); // B's run stays B's; its execution shows on A's tool topic only
    for (const t of [`run:${ra}`, `run:${rb}`, 'tool:a_private', 'tool:a_shared']) expect(topicsOf(v).has(t), t).toBe(true);
    for (const c of [a, b, v]) c.close();
  });

  it('a replay shows B only its own events', async () => {
    const c = await connect(svc.url, B.secret);
    c.send({ type: 'subscribe', topics: ['*'], lastEventId: 0 });
    await c.waitFor((m) => m.type === 'subscribed');
    const evs = c.messages.filter((m) => m.type === 'event') as { topic: string }[];
    expect(evs.length).toBeGreaterThan(0);
    const own = (await svc.service.deps.events.replay(0, { exact: [], prefixes: [''] }, 100_000))
      .filter((e) => e.owner === B.id)
      .map((e) => e.seq);
    expect(evs.map((e) => (e as unknown as { id: number }).id)).toEqual(own);
    c.close();
  });

  it('a missing or wrong token at the upgrade is 401 and audited', async () => {
    const before = (await svc.service.deps.audit.query({ type: 'auth_failure', limit: 1000 })).length;
    await expect(connect(svc.url, 'aft_not-a-token')).rejects.toMatchObject({ statusCode: 401 });
    await expect(connect(svc.url, null)).rejects.toMatchObject({ statusCode: 401 });
    const rows = (await svc.service.deps.audit.query({ type: 'auth_failure', limit: 1000 })).slice(before);
    expect(rows.map((r) => r.action)).toEqual(['invalid_token', 'missing_token']);
    expect(rows.every((r) => r.target === 'GET /api/v1/stream')).toBe(true);
  });
});
