// kill -9 of a real service process (`factory serve`) in the middle of a project, then a new process on
// the same data directory: the project resumes by itself and completes, and no finished step asks the
// scripted model again (only the call in flight at the kill is asked twice). Followed over REST and the
// stream with the typed client.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.ts';
import { describe as describeAsk, GOOD, script, type Script } from '../coordinator/scripted-model.ts';
import { exitOf, serveProcess } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { connect } from '../helpers/ws.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const sub = (id: string, inputFrom: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis' as const,
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [],
  tools: [],
});

/** (role, task, stage) of every model request, in order. */
const asked = (f: FakeOllama) => {
  const counts = new Map<string, number>();
  return f.chats().map((r) => {
    const a = describeAsk(r.body, counts);
    return `${a.role}${a.task ? `:${a.task}` : ''}${a.stage ? `:${a.stage}` : ''}`;
  });
};
const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

async function serve(configFile: string): Promise<{ child: ChildProcess; url: string }> {
  const s = await serveProcess(['--config', configFile]);
  cleanups.push(async () => {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGTERM');
      await exitOf(s.child);
    }
  });
  return s;
}

describe('kill -9 of the service mid-project', () => {
  it('a restarted service resumes the project to completion; no finished step is asked again', async () => {
    const dag: Script = (a) => {
      if (a.role === 'plan') return { analysis: 'x', subTasks: [sub('t1'), sub('t2', ['t1']), sub('t3', ['t2'])] };
      if (a.role === 'worker' && a.task === 't2' && a.n === 0) return { content: 'never delivered', delayMs: 120_000 };
      return undefined;
    };
    const fake = await startFakeOllama({ replies: script(dag, GOOD) });
    cleanups.push(() => fake.close());
    const tmp = tempDir('af-serve-crash-');
    cleanups.push(tmp.cleanup);
    const configFile = join(tmp.dir, 'config.json');
    const config = {
      dataDir: join(tmp.dir, 'data'),
      policyDir: join(REPO, 'policies'),
      blueprintDir: join(REPO, 'blueprints'),
      server: { host: '127.0.0.1', port: 0 },
      ollama: { host: fake.url, retries: 0, requestTimeoutMs: 180_000 },
      sandbox: { poolSize: 0 },
    };
    writeFileSync(configFile, JSON.stringify(config));

    const first = await serve(configFile);
    const admin = readFileSync(join(config.dataDir, 'admin-token'), 'utf8').trim();
    const made = await createApiClient(first.url, admin).POST('/api/v1/tokens', { body: { role: 'submitter', name: 'alice' } });
    const alice = made.data!.secret;
    const created = await createApiClient(first.url, alice).POST('/api/v1/projects', {
      body: { task: 'a project that survives a crash', config: { maxConcurrentAgents: 1 } },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const id = created.data!.project.id;
    await until(() => asked(fake).includes('worker:t2'), 'the call to kill the service in');
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    const before = asked(fake);
    expect(before).toEqual(['plan', 'worker:t1', 'review:t1:review', 'worker:t2']);

    const second = await serve(configFile);
    const api = createApiClient(second.url, alice);
    const ws = await connect(second.url, alice);
    cleanups.push(() => ws.close());
    ws.send({ type: 'subscribe', topics: [`project:${id}`], lastEventId: 0 });
    const end = await ws.waitFor(
      (m) => m.type === 'event' && ['completed', 'failed', 'cancelled'].includes((m.event as { status: string }).status),
      120_000,
    );
    expect(
      end.event,
      JSON.stringify((await api.GET('/api/v1/projects/{id}', { params: { path: { id } } })).data?.project.error),
    ).toMatchObject({ status: 'completed' });
    const statuses = ws.messages.filter((m) => m.type === 'event').map((m) => (m.event as { status: string }).status);
    expect(statuses).toEqual(expect.arrayContaining(['started', 'resumed', 'completed']));

    // every model call: those before the kill, then only the one in flight at the kill again, then the rest
    const uninterrupted = [
      'plan',
      'worker:t1',
      'review:t1:review',
      'worker:t2',
      'review:t2:review',
      'worker:t3',
      'review:t3:review',
      'aggregate',
      'review:project:final',
    ];
    expect(asked(fake)).toEqual([...before, ...uninterrupted.slice(3)]);
    const p = (await api.GET('/api/v1/projects/{id}', { params: { path: { id } } })).data!.project;
    expect(p).toMatchObject({ status: 'completed', runs: 2 });
    const marks = (await api.GET('/api/v1/projects/{id}/steps', { params: { path: { id }, query: { limit: 1000 } } })).data!.steps;
    expect(marks.filter((s) => s.kind === 'mark').map((s) => s.key)).toEqual(['pipeline', 'run:1', 'run:2']);
    // each finished step exists once in the journal, and the whole replays with no model
    const keys = marks.filter((s) => s.kind === 'step').map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const replay = (await api.POST('/api/v1/projects/{id}/replay', { params: { path: { id } } })).data!.replay;
    expect(replay).toMatchObject({ ok: true, resultMatches: true });
  }, 240_000);
});
