import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../helpers/ws.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let submitter: { secret: string; id: string };
let other: { secret: string; id: string };

async function token(role: string) {
  const res = await svc.call('/api/v1/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  const b = (await res.json()) as { secret: string; token: { id: string } };
  return { secret: b.secret, id: b.token.id };
}
const publish = (topic: string, owner: string, n: number) =>
  svc.service.deps.events.publish({
    topic,
    owner,
    status: 'running',
    progress: n / 10,
    message: `step ${n}`,
    task: topic,
    metadata: { n },
  });
const events = (msgs: Record<string, unknown>[]) =>
  msgs.filter((m) => m.type === 'event') as { id: number; topic: string; event: { message: string; progress: number } }[];

beforeAll(async () => {
  svc = await startService();
  submitter = await token('submitter');
  other = await token('submitter');
  await svc.service.deps.store.work.create({ id: 'j1', kind: 'job', type: 'test', target: 't', owner: submitter.id, input: {} });
  await svc.service.deps.store.work.create({ id: 'j2', kind: 'job', type: 'test', target: 't', owner: other.id, input: {} });
});
afterAll(async () => {
  await svc?.close();
});

describe('WebSocket /api/v1/stream', () => {
  it('refuses a missing or wrong token at the upgrade', async () => {
    await expect(connect(svc.url, null)).rejects.toMatchObject({ statusCode: 401 });
    await expect(connect(svc.url, 'aft_wrong')).rejects.toMatchObject({ statusCode: 401 });
  });

  it('delivers every event of a subscribed topic in order, with TaskProgress fields', async () => {
    const c = await connect(svc.url, svc.adminToken);
    c.send({ type: 'subscribe', topics: ['job:j1'] });
    await c.waitFor((m) => m.type === 'subscribed');
    for (let i = 1; i <= 5; i++) await publish('job:j1', submitter.id, i);
    await publish('job:j2', other.id, 1); // another topic: not delivered
    await c.waitFor((m) => m.type === 'event' && (m.event as { message: string }).message === 'step 5');
    const got = events(c.messages);
    expect(got.map((e) => e.event.message)).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((a, b) => a - b));
    expect(got[0]!.event).toMatchObject({ status: 'running', progress: 0.1, task: 'job:j1', metadata: { n: 1 } });
    expect(Object.keys(got[0]!.event).sort()).toEqual([
      'agent',
      'message',
      'metadata',
      'progress',
      'project',
      'status',
      'task',
      'timestamp',
    ]);
    c.close();
  });

  it('a client that reconnects with its last event id misses nothing', async () => {
    const c1 = await connect(svc.url, svc.adminToken);
    c1.send({ type: 'subscribe', topics: ['jobs'] });
    await c1.waitFor((m) => m.type === 'subscribed');
    await publish('job:j1', submitter.id, 6);
    const first = await c1.waitFor((m) => m.type === 'event' && (m.event as { message: string }).message === 'step 6');
    c1.close();
    await c1.closed;
    for (let i = 7; i <= 9; i++) await publish('job:j1', submitter.id, i); // while disconnected
    const c2 = await connect(svc.url, svc.adminToken);
    c2.send({ type: 'subscribe', topics: ['jobs'], lastEventId: first.id as number });
    const sub = await c2.waitFor((m) => m.type === 'subscribed');
    expect(sub.replayed).toBe(3);
    await publish('job:j1', submitter.id, 10);
    await c2.waitFor((m) => m.type === 'event' && (m.event as { message: string }).message === 'step 10');
    expect(events(c2.messages).map((e) => e.event.message)).toEqual(['step 7', 'step 8', 'step 9', 'step 10']);
    c2.close();
  });

  it('a submitter sees only its own work; a topic it may not see is refused as not found', async () => {
    const c = await connect(svc.url, submitter.secret);
    c.send({ type: 'subscribe', topics: ['job:j2'] });
    const err = await c.waitFor((m) => m.type === 'error');
    expect((err.error as { code: string }).code).toBe('RESOURCE_NOT_FOUND');
    c.send({ type: 'subscribe', topics: ['jobs'] });
    await c.waitFor((m) => m.type === 'subscribed' && (m.topics as string[]).includes('jobs'));
    await publish('job:j2', other.id, 99);
    await publish('job:j1', submitter.id, 11);
    await c.waitFor((m) => m.type === 'event' && (m.event as { message: string }).message === 'step 11');
    expect(events(c.messages).map((e) => e.topic)).toEqual(['job:j1']);
    c.close();
  });

  it('bad messages get a coded error and the connection stays usable', async () => {
    const c = await connect(svc.url, svc.adminToken);
    c.ws.send('{not json');
    expect(((await c.waitFor((m) => m.type === 'error')).error as { code: string }).code).toBe('BODY_MALFORMED');
    c.send({ type: 'subscribe', topics: ['../../etc'] });
    await c.waitFor((m) => m.type === 'error' && (m.error as { code: string }).code === 'VALIDATION_FAILED');
    c.send({ type: 'ping' });
    await c.waitFor((m) => m.type === 'pong');
    c.close();
  });

  it('a slow client never slows the service: it is told to resync and disconnected', async () => {
    // a service with a small buffer bound, so the test overflows quickly
    const { Service } = await import('../../src/service.ts');
    const { tempDir, testConfig } = await import('../helpers/env.ts');
    const t = tempDir();
    const s = await Service.create(testConfig(t.dir), { logger: false, stream: { maxBufferedBytes: 64 * 1024 } });
    const url = await s.listen();
    const { readFileSync } = await import('node:fs');
    const admin = readFileSync(`${t.dir}/admin-token`, 'utf8').trim();
    try {
      const c = await connect(url, admin);
      c.send({ type: 'subscribe', topics: ['*'] });
      await c.waitFor((m) => m.type === 'subscribed');
      c.ws.pause(); // stop reading: the socket's send buffer fills up
      (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const big = 'x'.repeat(4096);
      // publishing ends while the client is stalled, whatever the client does
      for (let i = 0; i < 2000; i++)
        await s.deps.events.publish({ topic: 'run:r', owner: 'x', status: 'running', progress: 0, message: big });
      c.ws.resume();
      (c.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      const closed = await c.closed;
      expect(closed.code).toBe(4008);
      expect(c.messages.some((m) => m.type === 'resync')).toBe(true);
    } finally {
      await s.stop();
      t.cleanup();
    }
  });
});
