// Pipelines end to end over REST and the stream (issue 13), through the typed client, on the real
// service with the scripted Ollama server: GET /pipelines and /readyz, seed 003's company over two
// phases (the planner's conversation and an escalation answered through the API), routing with
// scripted embeddings above and below the threshold, @mentions, and a submitter who can neither see
// nor message another's project nor read its owner's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Schemas } from '../../src/client/index.ts';
import { startFakeOllama, type FakeOllama, type RecordedRequest, type Reply } from '../helpers/fake-ollama.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { connect, type WsClient } from '../helpers/ws.ts';
import { BASE, STORY } from '../pipelines/company-script.ts';
import { asked, pscript, type PScript } from '../pipelines/script.ts';

type Project = Schemas['Project'];
type Who = { id: string; secret: string; api: ApiClient };

let svc: RunningService;
let fake: FakeOllama;
let model: (req: RecordedRequest) => Reply = () => ({ status: 500, error: 'no script' });
let embed: (text: string) => number[] | undefined = () => undefined;
let alice: Who;
let bob: Who;
const sockets: WsClient[] = [];

async function token(role: 'submitter' | 'viewer', name: string): Promise<Who> {
  const { data } = await svc.api().POST('/api/v1/tokens', { body: { role, name } });
  return { id: data!.token.id, secret: data!.secret, api: svc.api(data!.secret) };
}

beforeAll(async () => {
  fake = await startFakeOllama({ replies: (req) => model(req), embeddings: (text) => embed(text) });
  // one project at a time: a blocker holds the slot while messages wait in a project's inbox
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'coordinator.maxConcurrentProjects': '1' });
  [alice, bob] = await Promise.all([token('submitter', 'alice'), token('submitter', 'bob')]);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await svc?.close();
  await fake?.close();
});

const use = (...layers: PScript[]) => {
  model = pscript(...layers);
  return fake.chats().length;
};

async function create(who: Who, task: string, pipeline?: string): Promise<Project> {
  const r = await who.api.POST('/api/v1/projects', { body: { task, ...(pipeline ? { pipeline } : {}) } });
  expect(r.response.status, JSON.stringify(r.error)).toBe(201);
  return r.data!.project;
}
async function get(who: Who, id: string): Promise<Project> {
  const r = await who.api.GET('/api/v1/projects/{id}', { params: { path: { id } } });
  expect(r.response.status, JSON.stringify(r.error)).toBe(200);
  return r.data!.project;
}
async function poll(who: Who, id: string, pred: (p: Project) => boolean): Promise<Project> {
  for (let i = 0; i < 1200; i++) {
    const p = await get(who, id);
    if (pred(p)) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`project ${id} never reached the state waited for: ${JSON.stringify(await get(who, id))}`);
}
const ended = (p: Project) => ['completed', 'failed', 'cancelled'].includes(p.status) && !p.running;
const waitingAt = (gate: string) => (p: Project) => p.status === 'waiting_for_approval' && p.waiting?.gate === gate && !p.running;
const say = (who: Who, id: string, text: string) =>
  who.api.POST('/api/v1/projects/{id}/messages', { params: { path: { id } }, body: { text } });

/** Holds the only project slot until released (cancelled), so a project's inbox fills before it starts. */
async function blocker(): Promise<{ release(): Promise<void> }> {
  const p = await create(alice, 'BLOCKER', 'sequential');
  return { release: async () => void (await alice.api.POST('/api/v1/projects/{id}/cancel', { params: { path: { id: p.id } }, body: {} })) };
}
const blocking: PScript = (a) => (a.user.includes('BLOCKER') ? { content: 'never', delayMs: 120_000 } : undefined);

describe('pipelines over REST', () => {
  it('lists every pipeline file with its pattern, roles and example; /readyz reports them', async () => {
    const r = await alice.api.GET('/api/v1/pipelines');
    expect(r.response.status).toBe(200);
    const byName = new Map(r.data!.pipelines.map((p) => [p.name, p]));
    expect([...byName.keys()].sort()).toEqual(['company', 'concurrent', 'default', 'group-chat', 'handoff', 'magentic', 'sequential']);
    expect(byName.get('default')!.pattern).toBe('seed004');
    expect(byName.get('company')!.roles.map((x) => x.name)).toEqual(expect.arrayContaining(['planner', 'estimator', 'worker', 'ceo']));
    expect(byName.get('group-chat')!.agents).toEqual(['architect', 'critic', 'pragmatist']);
    expect(r.data!.rejected).toEqual([]);
    const one = await alice.api.GET('/api/v1/pipelines/{name}', { params: { path: { name: 'handoff' } } });
    expect(one.data!.pipeline.text).toContain('pattern: handoff');
    const none = await alice.api.GET('/api/v1/pipelines/{name}', { params: { path: { name: 'nope' } } });
    expect(none.response.status).toBe(404);
    const ready = (await (await svc.call('/readyz', { token: null })).json()) as {
      checks: { pipelines: { ok: boolean; loaded: string[] } };
    };
    expect(ready.checks.pipelines).toMatchObject({ ok: true, rejected: [] });
    expect(ready.checks.pipelines.loaded).toContain('company');
  });

  it('a project names its pipeline (default: seed 004’s workflow, recorded); an unknown one is refused naming the known', async () => {
    use(blocking);
    const bad = await alice.api.POST('/api/v1/projects', { body: { task: 'x', pipeline: 'nope' } });
    expect(bad.response.status).toBe(400);
    expect(JSON.stringify(bad.error)).toContain('company');
    const block = await blocker();
    const p = await create(alice, 'the default pipeline');
    expect(p.pipeline).toBe('default');
    const rec = await alice.api.GET('/api/v1/projects/{id}/pipeline', { params: { path: { id: p.id } } });
    expect(rec.data!.pipeline).toMatchObject({ name: 'default', pattern: 'seed004' });
    await alice.api.POST('/api/v1/projects/{id}/cancel', { params: { path: { id: p.id } }, body: {} });
    await block.release();
  });

  it('company.yaml: the planner asks through the API, phase 1 is reworked, an integration fails, an escalation is answered', async () => {
    const since = use(STORY, BASE);
    const p = await create(alice, 'room booking tool', 'company');
    const ws = await connect(svc.url, alice.secret);
    sockets.push(ws);
    ws.send({ type: 'subscribe', topics: [`project:${p.id}`], lastEventId: 0 });
    const asking = await poll(alice, p.id, waitingAt('planner'));
    expect(asking.waiting).toMatchObject({ round: 1, accepts: ['message', 'reject'] });
    const answer = await say(alice, p.id, 'SQLite; no sign-in, ten users.');
    expect(answer.response.status).toBe(201);
    expect(answer.data!.message).toMatchObject({ delivered: 'gate', by: alice.id });
    await poll(alice, p.id, (x) => waitingAt('planner')(x) && x.waiting!.round === 2);
    const ok = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'approve', gate: 'planner' },
    });
    expect(ok.response.status, JSON.stringify(ok.error)).toBe(200);
    const escalated = await poll(alice, p.id, waitingAt('escalation'));
    expect(escalated.waiting!.subject).toMatchObject({ phase: { id: 'phase-2' }, reason: 'the page design needs the owner' });
    const decided = await alice.api.POST('/api/v1/projects/{id}/approve', {
      params: { path: { id: p.id } },
      body: { decision: 'approve', gate: 'escalation', reason: 'looks fine to me' },
    });
    expect(decided.response.status, JSON.stringify(decided.error)).toBe(200);
    const done = await poll(alice, p.id, ended);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const order = asked(fake.chats().slice(since));
    expect(order.filter((x) => x === 'worker')).toHaveLength(7); // 2 + a rework of one package; 2 + both again after the failed integration
    expect(order.filter((x) => x === 'integrator')).toHaveLength(4);
    expect(done.decisions.map((d) => `${d.agent}: ${d.decision}`)).toEqual([
      `human:${alice.id}: project plan approved`,
      'ceo: rework 1 of phase Storage',
      'ceo: phase Storage approved',
      'integrator: the results do not fit together',
      'ceo: phase Web escalated to a person',
      `human:${alice.id}: phase Web approved`,
    ]);
    expect(done.knownIssues).toEqual([expect.objectContaining({ taskId: 't2', phase: 'phase-1' })]);
    expect(done.plan).toMatchObject({ kind: 'company', phases: [{ id: 'phase-1' }, { id: 'phase-2' }] });
    const convo = (await alice.api.GET('/api/v1/projects/{id}/messages', { params: { path: { id: p.id } } })).data!.messages;
    expect(convo.filter((l) => l.kind === 'answer').map((l) => l.text)).toEqual(['SQLite; no sign-in, ten users.']);
    // the stream showed the gates and the answers, in order
    await ws.waitFor((m) => m.type === 'event' && (m as { event: { status: string } }).event.status === 'completed', 30_000);
    const statuses = ws.messages
      .filter((m) => m.type === 'event' && m.topic === `project:${p.id}`)
      .map((m) => (m as { event: { status: string } }).event.status);
    expect(statuses).toEqual(expect.arrayContaining(['waiting_for_approval', 'answered', 'approved', 'completed']));
    expect(statuses.indexOf('answered')).toBeLessThan(statuses.lastIndexOf('approved'));
  }, 120_000);

  it('routes un-addressed messages by embeddings above the threshold, by the model below it; @name and @all address agents', async () => {
    // a small meaning space: risks (the critic), designs (the architect), shipping (the pragmatist)
    const axes = [['flaw', 'risk'], ['design'], ['ship', 'simplest']];
    embed = (text) => {
      if (text.includes('vague')) return [0.6, 0.5, 0.5]; // cosine ≈ 0.70 with every agent: below 0.75
      const i = axes.findIndex((words) => words.some((w) => text.toLowerCase().includes(w)));
      return i < 0 ? undefined : axes.map((_, j) => (j === i ? 1 : 0.05));
    };
    let routerAsked = 0;
    const since = use(blocking, (a) => {
      if (a.kind === 'router') return (routerAsked++, { agent: 'pragmatist', reason: 'it is about what to do first' });
      if (a.kind === 'selector') return { speaker: 'architect', reason: 'next' };
      if (a.role === 'summarizer') return `summary of ${a.input.transcript.length} messages`;
      if (a.kind === 'role') return `${a.role} speaks`;
      return undefined;
    });
    const block = await blocker();
    const p = await create(alice, 'store embeddings of several models', 'group-chat');
    const mention = await say(alice, p.id, '@critic what breaks when the model changes?');
    expect(mention.data!.message).toMatchObject({ delivered: 'inbox', mentions: ['critic'], to: ['critic'] });
    const all = await say(alice, p.id, '@all one sentence each, please');
    expect(all.data!.message).toMatchObject({ mentions: 'all', to: ['architect', 'critic', 'pragmatist'] });
    const routed = await say(alice, p.id, 'what are the risks of a float32 blob?');
    expect(routed.data!.message).toMatchObject({ mentions: [], to: 'routed' });
    await say(alice, p.id, 'something vague about the whole thing');
    const unknown = await say(alice, p.id, '@nobody hello');
    expect(unknown.response.status).toBe(400);
    expect(JSON.stringify(unknown.error)).toContain('@critic');
    await block.release();
    const done = await poll(alice, p.id, ended);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const convo = (await alice.api.GET('/api/v1/projects/{id}/messages', { params: { path: { id: p.id }, query: { limit: 500 } } })).data!
      .messages;
    const routes = convo.filter((l) => l.kind === 'routed').map((l) => [l.to![0], l.text]);
    expect(routes).toEqual([
      ['critic', 'by embedding'],
      ['pragmatist', 'by model'],
    ]);
    expect(routerAsked).toBe(1);
    // the people's messages decide the first speakers: @critic, then @all, then the two routed ones
    const speakers = asked(fake.chats().slice(since)).filter((x) => ['architect', 'critic', 'pragmatist'].includes(x));
    expect(speakers.slice(0, 6)).toEqual(['critic', 'architect', 'critic', 'pragmatist', 'critic', 'pragmatist']);
  }, 120_000);

  it('another submitter can neither see nor message a project, nor read its owner’s memory (404)', async () => {
    use(blocking);
    const block = await blocker();
    const p = await create(alice, 'private work', 'group-chat');
    const path = { path: { id: p.id } };
    expect((await bob.api.GET('/api/v1/projects/{id}', { params: path })).response.status).toBe(404);
    expect((await bob.api.GET('/api/v1/projects/{id}/messages', { params: path })).response.status).toBe(404);
    expect((await bob.api.GET('/api/v1/projects/{id}/pipeline', { params: path })).response.status).toBe(404);
    const sent = await say(bob, p.id, '@all hello');
    expect(sent.response.status).toBe(404);
    expect(sent.error!.error.code).toBe('RESOURCE_NOT_FOUND');
    expect((await alice.api.GET('/api/v1/projects/{id}/messages', { params: path })).data!.messages).toEqual([]);

    embed = () => [1, 0, 0];
    const item = await alice.api.POST('/api/v1/knowledge', {
      body: { title: 'house style', content: 'tabs, not spaces', tags: ['style'] },
    });
    expect(item.response.status, JSON.stringify(item.error)).toBe(201);
    const id = item.data!.item.id;
    expect((await bob.api.GET('/api/v1/knowledge/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await bob.api.GET('/api/v1/knowledge', {})).data!.items).toEqual([]);
    const spy = await bob.api.GET('/api/v1/knowledge/search', { params: { query: { q: 'style', owner: alice.id } } });
    expect(spy.response.status).toBe(404);
    expect((await bob.api.GET('/api/v1/episodes/search', { params: { query: { q: 'work', owner: alice.id } } })).response.status).toBe(404);
    const mine = await alice.api.GET('/api/v1/knowledge/search', { params: { query: { q: 'style' } } });
    expect(mine.data!.hits.map((h) => h.item.id)).toEqual([id]);
    await alice.api.POST('/api/v1/projects/{id}/cancel', { params: path, body: {} });
    await block.release();
  }, 60_000);
});
