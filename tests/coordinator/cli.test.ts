// `factory project …` as a user runs it: real `factory` processes, in this process's data directory and
// through a real `factory serve` over REST and the stream, with the scripted model server.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.ts';
import { BIN, exitOf, serveProcess } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { GOOD, script, type Script } from './scripted-model.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
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
const DAG: Script = (a) =>
  a.role === 'plan' ? { analysis: 'three parts', subTasks: [sub('a'), sub('b'), sub('c', ['a', 'b'])] } : undefined;

/** `factory ARGS…` as a child process; asynchronous, so the scripted server in this process keeps answering. */
function factory(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, FACTORY_URL: '', FACTORY_TOKEN: '', FACTORY_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return exitOf(child).then((code) => ({ code, stdout, stderr }));
}

async function setup(model: Script[]): Promise<{ fake: FakeOllama; dir: string; configFile: string; dataDir: string }> {
  const fake = await startFakeOllama({ replies: script(...model) });
  cleanups.push(() => fake.close());
  const tmp = tempDir('af-project-cli-');
  cleanups.push(tmp.cleanup);
  const dataDir = join(tmp.dir, 'data');
  const configFile = join(tmp.dir, 'config.json');
  const config = {
    dataDir,
    policyDir: join(REPO, 'policies'),
    blueprintDir: join(REPO, 'blueprints'),
    server: { host: '127.0.0.1', port: 0 },
    ollama: { host: fake.url, retries: 0 },
    sandbox: { poolSize: 0 },
  };
  writeFileSync(configFile, JSON.stringify(config));
  return { fake, dir: tmp.dir, configFile, dataDir };
}

describe('factory project, in this process on the data directory', () => {
  it('run streams the phases and sub-tasks, prints the result and exits 0; list and show find the project', async () => {
    const s = await setup([DAG, GOOD]);
    const env = { FACTORY_CONFIG: s.configFile };
    const run = await factory(['project', 'run', 'analyse the sample data', '--config', '{"maxConcurrentAgents":2}'], env);
    expect(run.code, run.stderr).toBe(0);
    // progress, one line per event, on stderr
    const lines = [
      'planning',
      'plan 1: 3 sub-task(s)',
      'a → data-analyst',
      'running          c iteration 1',
      'task_accepted    c accepted',
    ];
    for (const line of lines) expect(run.stderr).toContain(line);
    expect(run.stderr).toMatch(/completed\s+completed/);
    // the ready branches a and b both start before c
    const order = ['running          a', 'running          b', 'running          c'].map((l) => run.stderr.indexOf(l));
    expect(Math.max(order[0]!, order[1]!)).toBeLessThan(order[2]!);
    expect(run.stdout).toContain('the merged result');
    const id = /COMPLETED: factory project show (prj_[0-9a-f]{16})/.exec(run.stdout)?.[1];
    expect(id, run.stdout).toBeDefined();
    expect(run.stdout).toContain('3 sub-task(s), 3 done, average score 0.95');
    // plan, three workers, three reviews, aggregate, final review
    expect(s.fake.chats()).toHaveLength(9);

    const list = await factory(['project', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; status: string }),
    ).toEqual([expect.objectContaining({ id, status: 'completed' })]);
    const show = await factory(['project', 'show', id!], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/\n {2}c +accepted +data-analyst +1 iteration\(s\) score 0\.95/);
    expect(show.stdout).toContain('9 model call(s)');
    expect(s.fake.chats()).toHaveLength(9); // list and show ask no model
  }, 120_000);

  it('a task missing, a bad --config, an unknown id: usage errors exit 2, the API error exits 1', async () => {
    const s = await setup([GOOD]);
    const env = { FACTORY_CONFIG: s.configFile };
    const none = await factory(['project', 'run'], env);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('give the task') });
    const bad = await factory(['project', 'run', 'x', '--config', '{nope'], env);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--config') });
    const unknown = await factory(['project', 'show', 'prj_0000000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('RESOURCE_NOT_FOUND');
    expect(s.fake.chats()).toHaveLength(0);
  }, 120_000);
});

describe('factory project through a running service (REST and the stream)', () => {
  it('approval gates from the terminal: waits (exit 3), a rejection replans, approvals go on to the result', async () => {
    const s = await setup([DAG, GOOD]);
    const served = await serveProcess(['--config', s.configFile]);
    cleanups.push(async () => {
      served.child.kill('SIGTERM');
      await exitOf(served.child);
    });
    const admin = readFileSync(join(s.dataDir, 'admin-token'), 'utf8').trim();
    const token = async (name: string) =>
      (await createApiClient(served.url, admin).POST('/api/v1/tokens', { body: { role: 'submitter', name } })).data!.secret;
    const alice = await token('alice');
    const bob = await token('bob');
    const as = (secret: string) => ['--url', served.url, '--token', secret];

    const run = await factory(['project', 'run', 'a gated project', '--approve-plan', '--approve-aggregation', ...as(alice)]);
    expect(run.code, run.stderr + run.stdout).toBe(3);
    expect(run.stderr).toContain('approval needed: plan (round 1)');
    const waiting = /WAITING FOR APPROVAL of the plan \(round 1\)\. Approve: +factory project approve (prj_[0-9a-f]{16}) --url /;
    const id = waiting.exec(run.stdout)?.[1];
    expect(id, run.stdout).toBeDefined();
    expect(run.stdout).toContain(`c            analysis    work on c  ← a, b`);

    // another submitter can neither see nor decide it
    const peek = await factory(['project', 'show', id!, ...as(bob)]);
    expect(peek.code).toBe(1);
    expect(peek.stderr).toContain('RESOURCE_NOT_FOUND');
    const steal = await factory(['project', 'approve', id!, ...as(bob)]);
    expect(steal.code).toBe(1);

    const rejected = await factory(['project', 'approve', id!, '--reject', 'split it differently', ...as(alice)]);
    expect(rejected.code, rejected.stderr + rejected.stdout).toBe(3);
    expect(rejected.stderr).toMatch(/rejected +plan rejected by/);
    expect(rejected.stdout).toContain('WAITING FOR APPROVAL of the plan (round 2)');
    expect(rejected.stderr).not.toContain('round 1'); // only what happened after the command began

    const plan = await factory(['project', 'approve', id!, ...as(alice)]);
    expect(plan.code, plan.stderr + plan.stdout).toBe(3);
    expect(plan.stdout).toContain('WAITING FOR APPROVAL of the aggregation (round 1)');
    expect(plan.stderr).toContain('task_accepted    c accepted');

    const done = await factory(['project', 'approve', id!, ...as(alice), '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ id, status: 'completed', result: { result: 'the merged result' } });
    expect(done.stderr).toMatch(/completed +completed/);

    const again = await factory(['project', 'cancel', id!, ...as(alice)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('PROJECT_STATE_INVALID');
  }, 240_000);

  it('cancel from the terminal stops a waiting project', async () => {
    const s = await setup([DAG, GOOD]);
    const served = await serveProcess(['--config', s.configFile]);
    cleanups.push(async () => {
      served.child.kill('SIGTERM');
      await exitOf(served.child);
    });
    const admin = readFileSync(join(s.dataDir, 'admin-token'), 'utf8').trim();
    const as = ['--url', served.url, '--token', admin];
    const run = await factory(['project', 'run', 'to be cancelled', '--approve-plan', '--json', ...as]);
    expect(run.code, run.stderr).toBe(3);
    const { id } = JSON.parse(run.stdout) as { id: string };
    const cancel = await factory(['project', 'cancel', id, '--reason', 'not needed', ...as]);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toContain(`${id}: cancelled`);
    const show = await factory(['project', 'show', id, ...as]);
    expect(show.code).toBe(1);
    expect(show.stdout).toContain(`${id} "to be cancelled": cancelled`);
  }, 240_000);
});
