import Docker from 'dockerode';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instanceId } from '../../src/instance.ts';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';
import { BIN, exitOf, factory, serveProcess } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function tmp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));

describe('factory run', () => {
  it('runs a checked script with JSON input and exits 0', () => {
    const dir = tmp();
    const f = join(dir, 'sum.py');
    writeFileSync(f, 'import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["xs"])}))\n');
    const r = factory(['run', f, '--input', '{"xs":[1,2,3]}', '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; stdout: string; blocked: boolean };
    expect(out).toMatchObject({ status: 'ok', blocked: false });
    expect(out.stdout).toBe('{"sum": 6}\n');
  });

  it('a blocked script is not run: exit 1 with the findings', () => {
    const dir = tmp();
    const f = join(dir, 'bad.sh');
    writeFileSync(f, 'c=rm; $c -rf /workspace\n');
    const r = factory(['run', f, '--data-dir', dir, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { blocked: boolean; findings: { rule: string }[] };
    expect(out.blocked).toBe(true);
    expect(out.findings.length).toBeGreaterThan(0);
    const audit = factory(['audit', 'query', '--type', 'security_block', '--data-dir', dir, '--json']);
    expect(audit.stdout).toContain('bad.sh');
  });

  it('--timeout tightens the limit (status timeout, exit 1) and may not loosen it', () => {
    const dir = tmp();
    const f = join(dir, 'slow.sh');
    writeFileSync(f, 'sleep 20\n');
    const r = factory(['run', f, '--timeout', '1', '--data-dir', dir, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'timeout' });
    const loose = factory(['run', f, '--timeout', '99999', '--data-dir', dir]);
    expect(loose.code).toBe(1);
    expect(loose.stderr).toMatch(/LIMIT_NOT_TIGHTER/);
  });

  it('--skip-static-check is audited as such; bad input and usage are errors', () => {
    const dir = tmp();
    const f = join(dir, 'x.sh');
    writeFileSync(f, 'echo hi\n');
    expect(factory(['run', f, '--skip-static-check', '--data-dir', dir]).code).toBe(0);
    const audit = factory(['audit', 'query', '--type', 'tool_executed', '--data-dir', dir, '--json']);
    expect(audit.stdout).toContain('static_check_skipped');
    expect(factory(['run', f, '--input', '{nope', '--data-dir', dir]).stderr).toMatch(/INPUT_INVALID/);
    expect(factory(['run', '--data-dir', dir]).code).toBe(2);
    expect(factory(['run', join(dir, 'missing.py'), '--data-dir', dir]).code).toBe(2);
    expect(factory(['run', f, '--lang', 'cobol', '--data-dir', dir]).code).toBe(2);
  });

  it('fails with DOCKER_UNAVAILABLE and a hint when the engine is unreachable', () => {
    const dir = tmp();
    const f = join(dir, 'x.py');
    writeFileSync(f, 'print(1)\n');
    const r = factory(['run', f, '--data-dir', dir], { DOCKER_HOST: `unix://${dir}/no-engine.sock` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DOCKER_UNAVAILABLE/);
    expect(r.stderr).toMatch(/docker-up\.sh/);
  });

  it('leaves no container behind: not after a run, a failed run, or a blocked script (its container was prepared during the check)', async () => {
    const dir = tmp();
    const scripts = {
      'ok.py': 'print("ok")\n',
      'fails.sh': 'echo no >&2; exit 3\n',
      'blocked.py': 'import subprocess\nsubprocess.run(["ls"])\n',
    };
    for (const [name, text] of Object.entries(scripts)) writeFileSync(join(dir, name), text);
    expect(factory(['run', join(dir, 'ok.py'), '--data-dir', dir])).toMatchObject({ code: 0, stdout: 'ok\n' });
    expect(factory(['run', join(dir, 'fails.sh'), '--data-dir', dir]).code).toBe(1);
    expect(factory(['run', join(dir, 'blocked.py'), '--data-dir', dir]).code).toBe(1);
    // each process handed its container's removal to the engine as it exited
    const filter = { label: [`io.agent-factory.instance=${instanceId(dir)}`] };
    let left = await docker.listContainers({ all: true, filters: filter });
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await docker.listContainers({ all: true, filters: filter });
    }
    expect(left).toEqual([]);
    const types = factory(['audit', 'query', '--data-dir', dir, '--json'])
      .stdout.trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.filter((t) => t !== 'policy_changed')).toEqual(['tool_executed', 'tool_executed', 'security_block']);
  });

  it('runs JavaScript from a process started without --no-node-snapshot (it starts again with it)', () => {
    const dir = tmp();
    const f = join(dir, 'sum.js');
    writeFileSync(f, 'print(JSON.stringify({ sum: input.xs.reduce((a, b) => a + b, 0) }));\n');
    const r = spawnSync(process.execPath, [BIN, 'run', f, '--input', '{"xs":[1,2,3]}', '--data-dir', dir], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('{"sum":6}\n');
  });

  it('a service killed with SIGKILL mid-run leaves a container; the next start removes it', async () => {
    const dir = tmp();
    const f = join(dir, 'long.sh');
    writeFileSync(f, 'sleep 60\n');
    const id = instanceId(dir); // the same id the child process will read from the data directory
    const child = spawn(process.execPath, ['--no-node-snapshot', BIN, 'run', f, '--data-dir', dir], { cwd: REPO, stdio: 'ignore' });
    const filter = { label: [`io.agent-factory.instance=${id}`] };
    let left: Docker.ContainerInfo[] = [];
    // the run's container (it is prepared while the script is checked, and named for the run when it takes the script)
    for (let i = 0; i < 150 && left.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = (await docker.listContainers({ all: true, filters: filter })).filter(
        (c) => c.State === 'running' && c.Names.some((n) => n.startsWith('/af-run-')),
      );
    }
    expect(left.length, 'the run started a container').toBe(1);
    child.kill('SIGKILL');
    await exitOf(child);
    await new Promise((r) => setTimeout(r, 500));
    const orphan = left[0]!.Id;
    expect((await docker.getContainer(orphan).inspect()).State.Running).toBe(true);

    const { child: server } = await serveProcess(['--port', '0', '--data-dir', dir], {
      OLLAMA_HOST: 'http://127.0.0.1:9',
      FACTORY_POOL_SIZE: '0',
    });
    try {
      await expect(docker.getContainer(orphan).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      server.kill('SIGTERM');
      await exitOf(server);
    }
    expect((await docker.listContainers({ all: true, filters: filter })).length).toBe(0);
  });
});
