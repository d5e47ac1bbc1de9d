// kill -9 of a process in the middle of a pipeline, then a new process resumes it from the journal:
// no finished step (and no journaled reply) is asked again; only the call in flight at the kill is.
// The resumed run uses the pipeline texts the project recorded, not the files as they are now.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { asked, pscript, type PScript } from './script.ts';

let fake: FakeOllama | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const c of cleanups.splice(0)) c();
});

function child(dataDir: string, url: string, mode: 'create' | 'resume', env: Record<string, string>, pipeline?: string) {
  const args = [
    '--no-node-snapshot',
    '--import',
    'tsx',
    join(REPO, 'tests/pipelines/crash-child.ts'),
    dataDir,
    url,
    mode,
    ...(pipeline ? [pipeline] : []),
  ];
  const proc = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
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

describe('kill -9 mid-pipeline, then resume in a new process', () => {
  it('a concurrent pipeline resumes without asking a finished agent again; the recorded pipeline text is used', async () => {
    let aggregated = 0;
    const model: PScript = (a) => {
      if (a.role === 'aggregator') return `aggregated ${aggregated++}: ${a.input.results.map((r: any) => r.output).join(' | ')}`;
      if (a.role === 'technical' && a.n === 0) return { content: 'never delivered', delayMs: 120_000 };
      if (a.kind === 'role') return `${a.role} view`;
      return undefined;
    };
    fake = await startFakeOllama({ replies: pscript(model) });
    const data = tempDir('af-pipe-crash-');
    cleanups.push(data.cleanup);
    // a copy of the pipelines, so the test can edit the file between the runs
    const dir = join(data.dir, 'pipelines');
    cpSync(join(REPO, 'pipelines'), dir, { recursive: true });
    const env = { FACTORY_PIPELINE_DIR: dir };
    const first = child(data.dir, fake.url, 'create', env, 'concurrent');
    // the two fast agents' steps are written, the slow one is in flight
    const written = () => {
      const db = new Database(join(data.dir, 'factory.db'), { readonly: true, fileMustExist: true });
      try {
        return (
          db.prepare("SELECT count(*) AS n FROM project_journal WHERE key IN ('fan:1:business', 'fan:2:risk')").get() as { n: number }
        ).n;
      } catch {
        return 0;
      } finally {
        db.close();
      }
    };
    await until(() => asked(fake!.chats()).includes('technical') && written() === 2, 'the slow agent, the others written');
    first.proc.kill('SIGKILL');
    await first.exited;
    const before = asked(fake.chats());
    expect(before.sort()).toEqual(['business', 'risk', 'technical']);
    // an edit of the file after the project started changes nothing for it
    cpSync(join(REPO, 'pipelines/sequential.yaml'), join(dir, 'concurrent.yaml'));
    const second = child(data.dir, fake.url, 'resume', env);
    expect(await second.exited).toBe(0);
    const status = JSON.parse(second.lines.find((l) => l.startsWith('status '))!.slice(7)) as {
      status: string;
      result: { result: string };
    };
    expect(status.status).toBe('completed');
    // only the call in flight at the kill was asked again, then the aggregator
    expect(asked(fake.chats()).slice(3)).toEqual(['technical', 'aggregator']);
    expect(status.result.result).toBe('aggregated 0: business view | risk view | technical view');
  }, 60_000);
});
