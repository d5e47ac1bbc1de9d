// Projects end to end over REST and the stream (issue 12), through the typed client generated from the
// OpenAPI document, on the real service with the scripted Ollama server: a project watched to its end
// on the stream, a DAG’s parallel branches within the concurrency limit, a bad plan sent back, a result
// improved after a must-pass rejection, approval gates, cancel, a
// budget stop, replay, and a submitter who can neither see nor decide another's project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Schemas } from '../../src/client/index.ts';
import { GOOD, script, type Script } from '../coordinator/scripted-model.ts';
import { startFakeOllama, type FakeOllama, type RecordedRequest } from '../helpers/fake-ollama.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { connect, type WsClient } from '../helpers/ws.ts';

type Project = Schemas['Project'];
type Who = { id: string; secret: string; api: ApiClient };

let svc: RunningService;
let fake: FakeOllama;
let model: (req: RecordedRequest) => ReturnType<ReturnType<typeof script>>;
let alice: Who;
let bob: Who;
let viewer: Who;
const sockets: WsClient[] = [];

async function token(role: 'submitter' | 'viewer', name: string): Promise<Who> {
  const { data } = await svc.api().POST('/api/v1/tokens', { body: { role, name } });
  return { id: data!.token.id, secret: data!.secret, api: svc.api(data!.secret) };
}

beforeAll(async () => {
  fake = await startFakeOllama({ replies: (req) => model(req) });
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'ollama.backoffMs': '0' });
  [alice, bob, viewer] = await Promise.all([token('submitter', 'alice'), token('submitter', 'bob'), token('viewer', 'viewer')]);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await svc?.close();
  await fake?.close();
});

const sub = (id: string, inputFrom: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis' as const,
  requiredSkills: [] as string[],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [`${id} is complete`],
  tools: [] as string[],
  ...extra,
});
/** A fresh scripted model (its own call counts) for the next test. */
const use = (...layers: Script[]) => {
  model = script(...layers, GOOD);
  return fake.chats().length;
};
const asks = (since: number) => fake.chats().slice(since);
const isPlan = (r: RecordedRequest) => Boolean(r.body?.format?.properties?.subTasks);

async function create(who: Who, task: string, config: Record<string, unknown> = {}): Promise<Project> {
  const r = await who.api.POST('/api/v1/projects', { body: { task, config } });
  expect(r.response.status, JSON.stringify(r.error)).toBe(201);
  expect(r.response.headers.get('location')).toBe(`/api/v1/projects/${r.data!.project.id}`);
  return r.data!.project;
}

/** Subscribes to a project's topic from its first event and waits for an event with one of `statuses`. */
async function watch(who: Who, id: string): Promise<WsClient> {
  const ws = await connect(svc.url, who.secret);
  sockets.push(ws);
  ws.send({ type: 'subscribe', topics: [`project:${id}`], lastEventId: 0 });
  await ws.waitFor((m) => m.type === 'subscribed' || m.type === 'error');
  return ws;
}
type Frame = { type: string; id: number; topic: string; event: { status: string; task: string | null; metadata: Record<string, unknown> } };
const frames = (ws: WsClient, id: string) =>
  ws.messages.filter((m) => m.type === 'event' && m.topic === `project:${id}`) as unknown as Frame[];
const until = (ws: WsClient, id: string, statuses: string[]) =>
  ws.waitFor((m) => m.type === 'event' && m.topic === `project:${id}` && statuses.includes((m as unknown as Frame).event.status), 60_000);

async function get(who: Who, id: string): Promise<Project> {
  const r = await who.api.GET('/api/v1/projects/{id}', { params: { path: { id } } });
  expect(r.response.status, JSON.stringify(r.error)).toBe(200);
  return r.data!.project;
}

/** GETs the project until `pred` holds (a later gate or round, which the stream shows only as one more event). */
async function poll(who: Who, id: string, pred: (p: Project) => boolean): Promise<Project> {
  for (let i = 0; i < 600; i++) {
    const p = await get(who, id);
    if (pred(p)) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`project ${id} never reached the state waited for: ${JSON.stringify(await get(who, id))}`);
}

describe('a project over REST and the stream', () => {
  it('is created (201, Location), followed on the stream to its end, and read back: steps paged, one step by its key, report', async () => {
    const since = use();
    const p = await create(alice, 'summarise the quarter', { maxConcurrentAgents: 2 });
    expect(p).toMatchObject({ status: 'pending', owner: alice.id, budget: { tokens: { limit: 500_000 } } });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['completed', 'failed']);
    const statuses = frames(ws, p.id).map((f) => f.event.status);
    expect(statuses[0]).toBe('pending');
    expect(statuses).toEqual(expect.arrayContaining(['started', 'planning', 'executing', 'task_assigned', 'reviewing', 'completed']));
    expect(frames(ws, p.id).map((f) => f.id)).toEqual(
      frames(ws, p.id)
        .map((f) => f.id)
        .sort((a, b) => a - b),
    );

    const done = await get(alice, p.id);
    expect(done).toMatchObject({
      status: 'completed',
      result: { result: 'the merged result' },
      metrics: { totalTasks: 1, completedTasks: 1 },
    });
    expect(done.tasks[0]).toMatchObject({ id: 't1', status: 'accepted', agent: { name: 'data-analyst', created: false } });
    expect(asks(since)).toHaveLength(5); // plan, worker, review, aggregate, final review

    // the journal, two rows a page, each row once
    const keys: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await alice.api.GET('/api/v1/projects/{id}/steps', {
        params: { path: { id: p.id }, query: { limit: 2, ...(cursor ? { cursor } : {}) } },
      });
      expect(page.data!.steps.length).toBeLessThanOrEqual(2);
      keys.push(...page.data!.steps.map((s) => s.key));
      if (!page.data!.nextCursor) break;
      cursor = page.data!.nextCursor;
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['plan:1', 'close']));
    // a key with / and : goes as one encoded path segment; its model reply comes with it
    const execute = keys.find((k) => k.includes('/execute:'))!;
    const one = await alice.api.GET('/api/v1/projects/{id}/steps/{step}', { params: { path: { id: p.id, step: execute } } });
    expect(one.response.status).toBe(200);
    expect(one.data!.step).toMatchObject({ key: execute, kind: 'step', ok: true });
    expect(one.data!.step.calls.map((c) => c.kind)).toEqual(['llm']);
    const raw = await svc.call(`/api/v1/projects/${p.id}/steps/${encodeURIComponent(execute)}`, { token: alice.secret });
    expect(raw.status).toBe(200);
    const calls = await alice.api.GET('/api/v1/projects/{id}/steps', {
      params: { path: { id: p.id }, query: { calls: true, limit: 1000 } },
    });
    expect(calls.data!.steps.filter((s) => s.kind === 'llm')).toHaveLength(5);

    const report = (await alice.api.GET('/api/v1/projects/{id}/report', { params: { path: { id: p.id } } })).data!.report;
    expect(report).toMatchObject({ status: 'completed', next: 'Read the result.', failures: [] });
    const listed = (await alice.api.GET('/api/v1/projects', { params: { query: { status: 'completed' } } })).data!;
    expect(listed.projects.map((x) => x.id)).toContain(p.id);
  }, 90_000);

  it('runs a DAG’s parallel branches up to maxConcurrentAgents, as the stream shows', async () => {
    const since = use((a) => {
      if (a.role === 'plan')
        return {
          analysis: 'split',
          subTasks: [sub('a'), sub('b'), sub('c'), sub('d', [], { priority: 5 }), sub('e', ['a', 'b', 'c', 'd'])],
        };
      if (a.role === 'worker') return { content: `result of ${a.task}`, delayMs: 150 };
      return undefined;
    });
    const p = await create(alice, 'a five-part analysis', { maxConcurrentAgents: 2 });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['completed', 'failed']);
    let open = 0;
    let peak = 0;
    const started: string[] = [];
    for (const f of frames(ws, p.id)) {
      if (f.event.metadata.phase !== 'execute') continue;
      if (f.event.status === 'step_started') {
        open++;
        started.push(String(f.event.metadata.task));
      }
      if (f.event.status === 'step_completed' || f.event.status === 'step_failed') open--;
      peak = Math.max(peak, open);
    }
    expect(peak).toBe(2);
    expect(started[0]).toBe('d');
    expect(started.at(-1)).toBe('e');
    const done = await get(alice, p.id);
    expect(done.status).toBe('completed');
    expect(done.tasks.map((t) => t.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(asks(since).filter((r) => !r.body.format)).toHaveLength(5);
  }, 90_000);
});

describe('the strategist and the review chain over REST', () => {
  it('a bad plan goes back once; a must-pass reviewer rejects the first result, its issues reach the worker; the second passes', async () => {
    const since = use((a) => {
      if (a.role === 'plan' && a.n === 0) return { analysis: 'cycle', subTasks: [sub('a', ['b']), sub('b', ['a'])] };
      if (a.role === 'plan') return { analysis: 'fixed', subTasks: [sub('a')] };
      if (a.role === 'worker') return a.n === 0 ? 'a first draft' : 'a better draft';
      if (a.role === 'review' && a.task === 'a' && a.n === 0) {
        const issue = {
          severity: 'major',
          category: 'completeness',
          description: 'the totals are missing',
          location: 'section 2',
          suggestion: 'add the totals per region',
        };
        return { score: 0.3, accepted: false, issues: [issue], summary: 'incomplete' };
      }
      return undefined;
    });
    const p = await create(alice, 'a report that needs a second draft', { qualityThreshold: 0.8, maxIterations: 3 });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['completed', 'failed']);
    const done = await get(alice, p.id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.plan).toMatchObject({ version: 1, analysis: 'fixed' });
    expect(done.tasks[0]).toMatchObject({ id: 'a', status: 'accepted', iterations: 2, score: 0.95 });
    // the structural problem went back to the strategist with the first plan's answer
    const plans = asks(since).filter(isPlan);
    expect(plans).toHaveLength(2);
    expect(JSON.stringify(plans[1]!.body.messages)).toMatch(/cycle/i);
    // the rejected draft and the reviewer's issue went back to the worker
    const workers = asks(since).filter((r) => !r.body.format);
    expect(workers).toHaveLength(2);
    const second = JSON.stringify(workers[1]!.body.messages);
    expect(second).toContain('a first draft');
    expect(second).toContain('add the totals per region');
    const events = frames(ws, p.id).map((f) => `${f.event.status}:${String(f.event.metadata.phase ?? '')}`);
    expect(events.filter((e) => e === 'step_completed:review')).toHaveLength(2);
    expect(frames(ws, p.id).find((f) => f.event.status === 'task_accepted')?.event.metadata).toMatchObject({ iterations: 2 });
  }, 90_000);
});

describe('approval gates over REST', () => {
  it('approve: the project waits after the plan, holding nothing, and goes on when its owner approves', async () => {
    const since = use();
    const p = await create(alice, 'approve me', { approvals: { plan: true } });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['waiting_for_approval']);
    const waiting = await get(alice, p.id);
    expect(waiting).toMatchObject({ status: 'waiting_for_approval', running: false, waiting: { gate: 'plan', round: 1 } });
    expect(asks(since)).toHaveLength(1);
    const r = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'approve', gate: 'plan' },
    });
    expect(r.response.status, JSON.stringify(r.error)).toBe(200);
    await until(ws, p.id, ['completed', 'failed']);
    const done = await get(alice, p.id);
    expect(done.status).toBe('completed');
    expect(done.approvals).toEqual([expect.objectContaining({ gate: 'plan', decision: 'approve', by: alice.id })]);
    const again = await alice.api.POST('/api/v1/projects/{id}/approve', { params: { path: { id: p.id } }, body: { decision: 'approve' } });
    expect([again.response.status, again.error?.error.code]).toEqual([409, 'PROJECT_STATE_INVALID']);
  }, 60_000);

  it('reject with a reason: planned again with it; then an edited plan, validated first, is approved and run', async () => {
    const since = use();
    const p = await create(alice, 'edit me', { approvals: { plan: true }, maxReplans: 2 });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['waiting_for_approval']);
    const noReason = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'reject' },
    });
    expect([noReason.response.status, noReason.error?.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const rejected = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'reject', reason: 'split the work by region' },
    });
    expect(rejected.response.status).toBe(200);
    await until(ws, p.id, ['rejected']);
    await poll(alice, p.id, (x) => x.status === 'waiting_for_approval' && x.waiting?.round === 2);
    const plans = asks(since).filter(isPlan);
    expect(plans).toHaveLength(2);
    expect(JSON.stringify(plans[1]!.body.messages)).toContain('split the work by region');

    const cyclic = { analysis: 'mine', subTasks: [sub('x', ['y']), sub('y', ['x'])] };
    const bad = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'approve', plan: cyclic },
    });
    expect([bad.response.status, bad.error?.error.code]).toEqual([422, 'PLAN_INVALID']);
    expect(JSON.stringify(bad.error?.error.details)).toContain('cycle');
    const edited = { analysis: 'mine', subTasks: [sub('north'), sub('south', ['north'])] };
    const ok = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'approve', plan: edited },
    });
    expect(ok.response.status, JSON.stringify(ok.error)).toBe(200);
    await until(ws, p.id, ['completed', 'failed']);
    const done = await get(alice, p.id);
    expect(done.status).toBe('completed');
    expect(done.plan).toMatchObject({ analysis: 'mine' });
    expect(done.tasks.map((t) => [t.id, t.status])).toEqual([
      ['north', 'accepted'],
      ['south', 'accepted'],
    ]);
    expect(done.approvals.map((a) => [a.round, a.decision, a.reason ?? null])).toEqual([
      [1, 'reject', 'split the work by region'],
      [2, 'approve', null],
    ]);
    expect(asks(since).filter(isPlan)).toHaveLength(2); // the edited plan was not asked of the model
  }, 90_000);
});

describe('cancel and budgets over REST', () => {
  it('cancel stops the model call in flight, destroys the temporary specialist, and is idempotent; an ended project is 409', async () => {
    use((a) => {
      if (a.role === 'plan')
        return { analysis: 'x', subTasks: [sub('t1', [], { type: 'security', requiredSkills: ['protocol fuzzing'] })] };
      if (a.role === 'worker') return { content: 'late', delayMs: 60_000 };
      return undefined;
    });
    const p = await create(alice, 'cancel me');
    const ws = await watch(alice, p.id);
    await ws.waitFor((m) => m.type === 'event' && (m as unknown as Frame).event.metadata.phase === 'execute', 60_000);
    const r = await alice.api.POST('/api/v1/projects/{id}/cancel', { params: { path: { id: p.id } }, body: { reason: 'changed my mind' } });
    expect(r.response.status, JSON.stringify(r.error)).toBe(200);
    expect(r.data!.project).toMatchObject({ status: 'cancelled', error: { code: 'PROJECT_CANCELLED' } });
    // the specialist made for the sub-task was alice's, and is gone
    const specialist = r.data!.project.tasks[0]!.agent!;
    expect(specialist.created).toBe(true);
    expect((await alice.api.GET('/api/v1/agents/{id}', { params: { path: { id: specialist.id } } })).response.status).toBe(404);
    const again = await alice.api.POST('/api/v1/projects/{id}/cancel', { params: { path: { id: p.id } }, body: {} });
    expect([again.response.status, again.data?.project.status]).toEqual([200, 'cancelled']);

    use();
    const quick = await create(alice, 'quick');
    const w2 = await watch(alice, quick.id);
    await until(w2, quick.id, ['completed']);
    const late = await alice.api.POST('/api/v1/projects/{id}/cancel', { params: { path: { id: quick.id } }, body: {} });
    expect([late.response.status, late.error?.error.code]).toEqual([409, 'PROJECT_STATE_INVALID']);
  }, 60_000);

  it('a call that would pass the token budget is not sent: the project pauses, PATCH budget resumes it', async () => {
    const since = use((a) =>
      a.role === 'plan'
        ? { content: JSON.stringify({ analysis: 'x', subTasks: [sub('t1')] }), promptEvalCount: 100, evalCount: 5400 }
        : undefined,
    );
    const p = await create(alice, 'budgeted', { budget: { tokens: 6000 }, maxCompletionTokens: 500 });
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['paused']);
    expect(frames(ws, p.id).map((f) => f.event.status)).toContain('budget_warning');
    const paused = await get(alice, p.id);
    expect(paused).toMatchObject({
      status: 'paused',
      paused: { reason: 'budget', error: { code: 'BUDGET_EXCEEDED' } },
      budget: { tokens: { limit: 6000, used: 5500, remaining: 500 } },
    });
    expect(asks(since)).toHaveLength(1);
    const patched = await alice.api.PATCH('/api/v1/projects/{id}/budget', { params: { path: { id: p.id } }, body: { tokens: 100_000 } });
    expect(patched.response.status, JSON.stringify(patched.error)).toBe(200);
    await until(ws, p.id, ['completed', 'failed']);
    expect((await get(alice, p.id)).status).toBe('completed');
    expect(asks(since)).toHaveLength(5); // nothing finished was asked again
  }, 60_000);
});

describe('who may see and decide', () => {
  it('another submitter gets 404 everywhere (REST and stream), audited; a viewer reads but may not decide; admins decide', async () => {
    use();
    // bob's private agent fits the sub-task best, but alice's project may use only what alice may use
    const bobAgent = await bob.api.POST('/api/v1/agents', {
      body: {
        blueprint: {
          name: 'bob-analyst',
          type: 'analysis',
          description: 'Regional sales',
          systemPrompt: 'You analyse.',
          outputFormat: { format: 'text' },
          skills: [{ name: 'regional sales', description: 'sales by region' }],
        },
      },
    });
    expect(bobAgent.response.status).toBe(201);
    use((a) => (a.role === 'plan' ? { analysis: 'x', subTasks: [sub('t1', [], { requiredSkills: ['regional sales'] })] } : undefined));
    const p = await create(alice, 'mine alone', { approvals: { plan: true, aggregation: true } });
    const ws = await watch(alice, p.id);
    const mine = await connect(svc.url, alice.secret);
    sockets.push(mine);
    mine.send({ type: 'subscribe', topics: ['projects'], lastEventId: 0 });
    await until(ws, p.id, ['waiting_for_approval']);

    const path = { params: { path: { id: p.id } } };
    const hidden = [
      await bob.api.GET('/api/v1/projects/{id}', path),
      await bob.api.GET('/api/v1/projects/{id}/steps', path),
      await bob.api.GET('/api/v1/projects/{id}/report', path),
      await bob.api.POST('/api/v1/projects/{id}/replay', path),
      await bob.api.POST('/api/v1/projects/{id}/approve', { ...path, body: { decision: 'approve' } }),
      await bob.api.POST('/api/v1/projects/{id}/cancel', { ...path, body: {} }),
      await bob.api.POST('/api/v1/projects/{id}/resume', path),
      await bob.api.PATCH('/api/v1/projects/{id}/budget', { ...path, body: { tokens: 1 } }),
    ];
    for (const r of hidden)
      expect([r.response.url, r.response.status, r.error?.error.code]).toEqual([r.response.url, 404, 'RESOURCE_NOT_FOUND']);
    const unknown = await bob.api.GET('/api/v1/projects/{id}', { params: { path: { id: 'prj_0000000000000000' } } });
    expect(unknown.error).toMatchObject({ error: { code: 'RESOURCE_NOT_FOUND' } });
    expect((await bob.api.GET('/api/v1/projects', {})).data!.projects.map((x) => x.id)).not.toContain(p.id);
    const bws = await connect(svc.url, bob.secret);
    sockets.push(bws);
    bws.send({ type: 'subscribe', topics: [`project:${p.id}`, 'projects'], lastEventId: 0 });
    const refused = await bws.waitFor((m) => m.type === 'error');
    expect(refused).toMatchObject({ topic: `project:${p.id}`, error: { code: 'RESOURCE_NOT_FOUND' } });
    const subscribed = await bws.waitFor((m) => m.type === 'subscribed');
    expect(subscribed.topics).toEqual(['projects']);
    expect(bws.messages.filter((m) => m.type === 'event' && String(m.topic) === `project:${p.id}`)).toEqual([]);
    // refusals of something that exists are audited, naming the project
    const audit = (await svc.api().GET('/api/v1/audit', { params: { query: { type: 'access_denied', limit: 100 } } })).data!;
    const denied = audit.events.filter((e) => e.target === `project:${p.id}` && e.actor === bob.id);
    expect(denied.length).toBeGreaterThanOrEqual(hidden.length + 1);

    expect((await viewer.api.GET('/api/v1/projects/{id}', path)).response.status).toBe(200);
    const byViewer = await viewer.api.POST('/api/v1/projects/{id}/approve', { ...path, body: { decision: 'approve' } });
    expect([byViewer.response.status, byViewer.error?.error.code]).toEqual([403, 'FORBIDDEN']);

    expect((await alice.api.POST('/api/v1/projects/{id}/approve', { ...path, body: { decision: 'approve' } })).response.status).toBe(200);
    await poll(alice, p.id, (x) => x.waiting?.gate === 'aggregation');
    const admin = await svc.api().POST('/api/v1/projects/{id}/approve', { ...path, body: { decision: 'approve', gate: 'aggregation' } });
    expect(admin.response.status, JSON.stringify(admin.error)).toBe(200);
    await until(ws, p.id, ['completed', 'failed']);
    const done = await get(alice, p.id);
    expect(done.status).toBe('completed');
    expect(done.approvals.map((a) => a.by)).toEqual([alice.id, expect.stringMatching(/^tok_/)]);
    // the sub-task went to a specialist made for alice (bob's agent is not hers to use), destroyed at close
    const agent = done.tasks[0]!.agent!;
    expect(agent).toMatchObject({ created: true });
    expect(agent.id).not.toBe(bobAgent.data!.agent.id);
    const audits = (await svc.api().GET('/api/v1/audit', { params: { query: { type: 'agent_created', limit: 100 } } })).data!.events;
    expect(audits.find((e) => e.target === agent.id)).toMatchObject({ actor: alice.id });
    // alice's stream of her projects (the kind topic) carries the project's events; bob's does not
    await mine.waitFor((m) => m.type === 'event' && m.topic === `project:${p.id}` && (m as unknown as Frame).event.status === 'completed');
    expect(bws.messages.filter((m) => m.type === 'event' && String(m.topic).startsWith('project:'))).toEqual([]);
  }, 90_000);
});

describe('replay and verify over REST', () => {
  it('a finished project replays from its journal with no model at all, to the same result; its journal verifies', async () => {
    use();
    const p = await create(alice, 'replay me');
    const ws = await watch(alice, p.id);
    await until(ws, p.id, ['completed', 'failed']);
    const before = fake.chats().length;
    const r = await alice.api.POST('/api/v1/projects/{id}/replay', { params: { path: { id: p.id } } });
    expect(r.response.status, JSON.stringify(r.error)).toBe(200);
    expect(r.data!.replay).toMatchObject({ ok: true, resultMatches: true, unvisited: [], error: null });
    expect(r.data!.replay.steps).toBeGreaterThan(5);
    expect(fake.chats().length).toBe(before);
    const v = await viewer.api.GET('/api/v1/projects/{id}/verify', { params: { path: { id: p.id } } });
    expect(v.data!.verdict).toMatchObject({ ok: true, count: (await get(alice, p.id)).journal.length });
  }, 60_000);
});

describe('readiness', () => {
  it('/readyz shows the coordinator: started, its runs, and the projects waiting and paused', async () => {
    const r = await svc.api(null).GET('/readyz', {});
    const body = (r.data ?? r.error) as unknown as { checks: { coordinator: Record<string, unknown> } };
    expect(body.checks.coordinator).toMatchObject({ ok: true, started: true, running: expect.any(Number), waiting: expect.any(Number) });
    expect(body.checks.coordinator.completed).toEqual(expect.any(Number));
  });
});
