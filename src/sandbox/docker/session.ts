import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import type { Job } from '../protocol.ts';
import { execute, type Outcome } from './container.ts';
import { runnerCmd, SANDBOX_USER, WORKDIR } from './spec.ts';

/** Reads the OOM-kill counter of the container's memory cgroup (v1 or v2) from inside it. */
const OOM_COUNTER = ['sh', '-c', 'cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null'];

/**
 * A persistent sandbox for one agent session: the same confinement as a single-use container, but it
 * stays up between the session's runs (files in /workspace and /tmp persist for the session only).
 * Each run is an `exec` of the runner. It belongs to one session, is never shared, and is destroyed
 * with it. A run that times out or floods its output kills the whole sandbox; the next run gets a new one.
 */
export class SessionSandbox {
  private oomKills = 0;
  dead = false;

  private constructor(
    readonly container: Docker.Container,
    private readonly language: 'python' | 'shell',
  ) {}

  static async open(docker: Docker, spec: Docker.ContainerCreateOptions, language: 'python' | 'shell'): Promise<SessionSandbox> {
    const container = await docker.createContainer({ ...spec, Cmd: ['sleep', 'infinity'], AttachStdin: false, OpenStdin: false, StdinOnce: false, AttachStdout: false, AttachStderr: false });
    try {
      await container.start();
    } catch (e) {
      await container.remove({ force: true }).catch(() => undefined);
      throw e;
    }
    const s = new SessionSandbox(container, language);
    s.oomKills = await s.readOomKills();
    void container.wait().then(() => (s.dead = true), () => (s.dead = true));
    return s;
  }

  private async execCapture(cmd: string[]): Promise<string> {
    const ex = await this.container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, User: SANDBOX_USER });
    const stream = (await ex.start({})) as unknown as Duplex;
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve) => {
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    // strip the 8-byte multiplexing headers
    const raw = Buffer.concat(chunks);
    const out: Buffer[] = [];
    for (let i = 0; i + 8 <= raw.length; ) {
      const len = raw.readUInt32BE(i + 4);
      out.push(raw.subarray(i + 8, i + 8 + len));
      i += 8 + len;
    }
    return Buffer.concat(out).toString('utf8');
  }

  private async readOomKills(): Promise<number> {
    const text = await this.execCapture(OOM_COUNTER).catch(() => '');
    return Number(/oom_kill (\d+)/.exec(text)?.[1] ?? 0);
  }

  async run(job: Omit<Job, 'nonce'>, opts: { timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal | undefined }): Promise<Outcome> {
    const ex = await this.container.exec({
      Cmd: runnerCmd(this.language), AttachStdin: true, AttachStdout: true, AttachStderr: true, User: SANDBOX_USER, WorkingDir: WORKDIR,
      ...(this.language === 'shell' ? { Env: ['LC_ALL=C'] } : {}),
    });
    const stream = (await ex.start({ hijack: true, stdin: true })) as unknown as Duplex;
    const exited = new Promise<number>((resolve) => {
      const done = () => ex.inspect().then((i) => resolve(i.ExitCode ?? -1), () => resolve(-1));
      stream.once('end', done);
      stream.once('close', done);
    });
    const out = await execute({ container: this.container, stream, exited }, job, {
      ...opts,
      // an OOM inside an exec shows only as exit code 137: compare the cgroup's OOM-kill counter
      oomCheck: async () => {
        const now = await this.readOomKills();
        const hit = now > this.oomKills;
        this.oomKills = now;
        return hit;
      },
    });
    if (out.status === 'timeout' || out.status === 'output_limit' || out.status === 'killed') this.dead = true; // execute() killed the container
    return out;
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
