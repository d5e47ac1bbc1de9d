// Crash safety (kill -9 of a process running the engine on a real SQLite file, then a new process
// resumes: no finished step, and no journaled model reply, is asked again), deterministic replay with
// no model at all, and a changed journal row detected.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { ALICE, startHarness, type Harness } from './harness.ts';
import { describe as describeAsk, GOOD, script, type Script } from './scripted-model.ts';

let h: Harness | undefined;
let fake: FakeOllama | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await h?.close();
  await fake?.close();
  h = undefined;
  fake = undefined;
  for (const c of cleanups.splice(0)) c();
});

const sub = (id: string, inputFrom: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [],
  tools: [],
});

function child(
  dataDir: string,
  url: string,
  mode: 'create' | 'resume',
  config?: unknown,
): { proc: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const args = [
    '--no-node-snapshot',
    '--import',
    'tsx',
    join(REPO, 'tests/coordinator/crash-child.ts'),
    dataDir,
    url,
    mode,
    ...(config ? [JSON.stringify(config)] : []),
  ];
  const proc = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, lines, exited };
}

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 1200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

/** (role, task, stage) of every model request, in order. */
const asked = (f: FakeOllama) => {
  const counts = new Map<string, number>();
  return f.chats().map((r) => {
    const a = describeAsk(r.body, counts);
    return `${a.role}${a.task ? `:${a.task}` : ''}${a.stage ? `:${a.stage}` : ''}`;
  });
};

async function crashAndResume(model: Script[], config: unknown, crashWhen: (f: FakeOllama) => boolean) {
  fake = await startFakeOllama({ replies: script(...model) });
  const tmp = tempDir('af-crash-');
  cleanups.push(tmp.cleanup);
  const first = child(tmp.dir, fake.url, 'create', config);
  await until(() => crashWhen(fake!), 'the request to crash on');
  first.proc.kill('SIGKILL');
  await first.exited;
  const before = asked(fake);
  const second = child(tmp.dir, fake.url, 'resume');
  expect(await second.exited).toBe(0);
  const status = JSON.parse(second.lines.find((l) => l.startsWith('status '))!.slice(7)) as { id: string; status: string; error: unknown };
  return { status, before, all: asked(fake), dir: tmp.dir };
}

describe('kill -9 mid-project, then resume in a new process', () => {
  it('a step interrupted between two model calls replays the first from the journal and asks only the second', async () => {
    const plans: Script = (a) => {
      if (a.role !== 'plan') return undefined;
      if (a.n === 0) return { analysis: 'x', subTasks: [sub('a', ['b']), sub('b', ['a'])] };
      if (a.n === 1) return { content: 'never delivered', delayMs: 120_000 };
      return { analysis: 'x', subTasks: [sub('a'), sub('b', ['a'])] };
    };
    const r = await crashAndResume([plans, GOOD], { maxConcurrentAgents: 1 }, (f) => f.chats().length >= 2);
    expect(r.status.status, JSON.stringify(r.status.error)).toBe('completed');
    expect(r.before).toEqual(['plan', 'plan']);
    // the re-ask (with the problems of the journaled first answer) is asked again, the first answer is not
    const planAsks = fake!.chats().filter((c) => c.body.format?.properties?.subTasks);
    expect(planAsks).toHaveLength(3);
    expect(planAsks[2]!.body.messages).toEqual(planAsks[1]!.body.messages);
    expect(r.all.slice(2)).toEqual([
      'plan',
      'worker:a',
      'review:a:review',
      'worker:b',
      'review:b:review',
      'aggregate',
      'review:project:final',
    ]);
  }, 60_000);

  it('finished steps of a DAG are not repeated: only the call in flight at the kill is asked twice', async () => {
    const dag: Script = (a) => {
      if (a.role === 'plan') return { analysis: 'x', subTasks: [sub('t1'), sub('t2', ['t1']), sub('t3', ['t2'])] };
      if (a.role === 'worker' && a.task === 't2' && a.n === 0) return { content: 'never delivered', delayMs: 120_000 };
      return undefined;
    };
    const r = await crashAndResume([dag, GOOD], { maxConcurrentAgents: 1 }, (f) => asked(f).includes('worker:t2'));
    expect(r.status.status, JSON.stringify(r.status.error)).toBe('completed');
    expect(r.before).toEqual(['plan', 'worker:t1', 'review:t1:review', 'worker:t2']);
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
    expect(r.all).toHaveLength(uninterrupted.length + 1);
    expect(r.all).toEqual([...r.before, ...uninterrupted.slice(3)]);
    // the journal of both runs verifies, with a mark for each run
    h = await startHarness({ model: GOOD, dataDir: r.dir, keep: true, fake: fake! });
    const id = r.status.id;
    await expect(h.coordinator.verify(ALICE, id)).resolves.toMatchObject({ ok: true });
    const marks = (await h.coordinator.steps(ALICE, id)).items.filter((s) => s.kind === 'mark').map((s) => s.key);
    expect(marks).toEqual(['run:1', 'run:2']);
    const replay = await h.coordinator.replay(ALICE, id);
    expect(replay).toMatchObject({ ok: true, resultMatches: true, unvisited: [] });
  }, 60_000);
});

describe('replay and the journal chain', () => {
  it('a finished project replays from its journal with no model at all, to the same steps and result', async () => {
    const dag: Script = (a) => (a.role === 'plan' ? { analysis: 'x', subTasks: [sub('a'), sub('b'), sub('c', ['a', 'b'])] } : undefined);
    h = await startHarness({ model: [dag, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('replay me', { maxConcurrentAgents: 2 });
    expect(p.status).toBe('completed');
    const calls = h.chats().length;
    const stepRows = (await h.coordinator.steps(ALICE, p.id, { limit: 1000 })).items.filter((s) => s.kind === 'step' && s.key !== 'close');
    const replay = await h.coordinator.replay(ALICE, p.id);
    expect(replay).toMatchObject({ ok: true, resultMatches: true, unvisited: [], stoppedAt: null, error: null });
    expect(replay.steps).toBe(stepRows.length);
    expect(replay.calls).toBe(calls);
    expect(h.chats()).toHaveLength(calls);
    // the replay wrote nothing
    expect((await h.coordinator.get(ALICE, p.id)).journal).toEqual(p.journal);
  });

  it('a changed journal row is detected: verify names it, replay and resume refuse it', async () => {
    const costly: Script = (a) =>
      a.role === 'plan' ? { content: JSON.stringify({ analysis: 'x', subTasks: [sub('t1')] }), evalCount: 5400 } : undefined;
    h = await startHarness({ model: [costly, GOOD] });
    await h.agent('analyst', 'analysis');
    const done = await h.run('tamper with me');
    const paused = await h.run('pause me', { budget: { tokens: 6000 }, maxCompletionTokens: 500 });
    expect(paused.status).toBe('paused');
    const db = new Database(join(h.dataDir, 'factory.db'));
    db.exec('DROP TRIGGER project_journal_no_update');
    const row = db.prepare("SELECT seq FROM project_journal WHERE project = ? AND key = 'p1/task:t1/iter:1/execute:1.1'").get(done.id) as {
      seq: number;
    };
    db.prepare("UPDATE project_journal SET data = json_set(data, '$.answer', 'forged') WHERE project = ? AND seq = ?").run(
      done.id,
      row.seq,
    );
    db.prepare("UPDATE project_journal SET data = json_set(data, '$.plan.analysis', 'forged') WHERE project = ? AND key = 'plan:1'").run(
      paused.id,
    );
    db.close();
    await expect(h.coordinator.verify(ALICE, done.id)).resolves.toMatchObject({
      ok: false,
      brokenAt: row.seq,
      key: 'p1/task:t1/iter:1/execute:1.1',
    });
    await expect(h.coordinator.replay(ALICE, done.id)).rejects.toMatchObject({ code: 'JOURNAL_BROKEN' });
    await h.coordinator.patchBudget(ALICE, paused.id, { tokens: 100_000 });
    const refused = await h.coordinator.settled(ALICE, paused.id);
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'JOURNAL_BROKEN', details: { key: 'plan:1' } } });
  });
});
