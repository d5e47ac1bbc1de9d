// An agent session may opt in to one persistent sandbox for its own consecutive runs (as E2B and
// OpenHands do per session). It is never shared and is destroyed with the session.
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/index.ts';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';
import type { RunResult } from '../../src/sandbox/index.ts';
import { tightPolicy } from '../helpers/policy.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let policy: Policy;
const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
beforeAll(async () => {
  svc = await startService();
  policy = await tightPolicy();
});
afterAll(async () => {
  await svc?.close();
});

async function run(sessionId: string | undefined, language: 'python' | 'shell', source: string): Promise<RunResult> {
  const out = await svc.service.deps.executor.execute({
    language,
    source,
    policy,
    skipStaticCheck: true,
    actor: 'test',
    ...(sessionId ? { sessionId } : {}),
  });
  if (out.blocked) throw new Error('blocked');
  return out.result;
}
const sessionContainers = async (id: string) =>
  docker.listContainers({ all: true, filters: { label: [`io.agent-factory.session=${id}`] } });

describe('persistent session sandboxes', () => {
  it('keep files between the runs of one session, and only there', async () => {
    expect((await run('sess-a', 'shell', 'echo one >> /workspace/log; wc -l < /workspace/log')).stdout.trim()).toBe('1');
    expect((await run('sess-a', 'shell', 'echo two >> /workspace/log; wc -l < /workspace/log')).stdout.trim()).toBe('2');
    expect((await run('sess-a', 'python', 'print(open("/workspace/log").read().split())')).stdout).not.toContain('one'); // another image, another sandbox
    expect((await run('sess-b', 'shell', 'cat /workspace/log 2>&1 || true')).stdout).toMatch(/No such file/);
    expect((await run(undefined, 'shell', 'cat /workspace/log 2>&1 || true')).stdout).toMatch(/No such file/);
    const mine = await sessionContainers('sess-a');
    expect(mine.length).toBe(2); // shell and python profiles
    await svc.service.deps.sandboxes.closeSession('sess-a');
    expect(await sessionContainers('sess-a')).toEqual([]);
  });

  it('detect an OOM inside a session run (an exec) and keep the session usable', async () => {
    const r = await run('sess-oom', 'python', 'x = bytearray(1)\nwhile True:\n    x += bytearray(50 * 1024 * 1024)\n');
    expect(r.status).toBe('oom');
    const after = await run('sess-oom', 'shell', 'echo alive');
    expect(after).toMatchObject({ status: 'ok', stdout: 'alive\n' });
    await svc.service.deps.sandboxes.closeSession('sess-oom');
  });

  it('a timed-out run kills the session sandbox; the next run gets a fresh one', async () => {
    await run('sess-t', 'shell', 'echo state > /workspace/s');
    const r = await run('sess-t', 'shell', 'sleep 30');
    expect(r.status).toBe('timeout');
    const next = await run('sess-t', 'shell', 'cat /workspace/s 2>&1 || echo fresh');
    expect(next.stdout).toMatch(/fresh/);
    await svc.service.deps.sandboxes.closeSession('sess-t');
    expect(await sessionContainers('sess-t')).toEqual([]);
  });
});
