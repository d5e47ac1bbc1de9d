import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import type { Job } from '../protocol.ts';
import { execute, type Outcome } from './container.ts';
import type { DockerEngine } from './engine.ts';
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
    private readonly engine: DockerEngine,
    readonly container: Docker.Container,
    readonly token: string,
    private readonly language: 'python' | 'shell',
  ) {}

  /** Creates and starts the sandbox; on failure hands the container to `discard` (see prepare()). */
  static async open(
    engine: DockerEngine,
    spec: Docker.ContainerCreateOptions,
    language: 'python' | 'shell',
    token: string,
    discard: (container: Docker.Container | undefined, token: string) => void,
    signal?: AbortSignal,
  ): Promise<SessionSandbox> {
    let container: Docker.Container | undefined;
    try {
      const create = {
        ...spec,
        Cmd: ['sleep', 'infinity'],
        AttachStdin: false,
        OpenStdin: false,
        StdinOnce: false,
        AttachStdout: false,
        AttachStderr: false,
      };
      container = await engine.call(
        'create',
        (abortSignal) => engine.docker.createContainer({ ...create, abortSignal } as Docker.ContainerCreateOptions),
        { signal },
      );
      const c = container;
      await engine.call('start', (abortSignal) => c.start({ abortSignal } as object), { signal });
      const s = new SessionSandbox(engine, c, token, language);
      s.oomKills = await s.readOomKills(signal);
      void engine
        .call('wait', (abortSignal) => c.wait({ abortSignal } as object), { timeoutMs: null })
        .then(
          () => (s.dead = true),
          () => (s.dead = true),
        );
      return s;
    } catch (e) {
      discard(container, token);
      throw e;
    }
  }

  /** Runs a command and returns its stdout, all within one request timeout. */
  private execCapture(cmd: string[], signal?: AbortSignal): Promise<string> {
    return this.engine.call(
      'exec',
      async (abortSignal) => {
        const ex = await this.container.exec({
          Cmd: cmd,
          AttachStdout: true,
          AttachStderr: true,
          User: SANDBOX_USER,
          abortSignal,
        } as Docker.ExecCreateOptions);
        const stream = (await ex.start({ abortSignal } as object)) as unknown as Duplex;
        const chunks: Buffer[] = [];
        await new Promise<void>((resolve) => {
          abortSignal.addEventListener('abort', () => stream.destroy(), { once: true });
          stream.on('data', (d: Buffer) => chunks.push(d));
          stream.once('end', resolve);
          stream.once('close', resolve);
          stream.once('error', () => resolve());
        });
        return demultiplex(Buffer.concat(chunks));
      },
      { signal },
    );
  }

  private async readOomKills(signal?: AbortSignal): Promise<number> {
    const text = await this.execCapture(OOM_COUNTER, signal).catch(() => '');
    return Number(/oom_kill (\d+)/.exec(text)?.[1] ?? 0);
  }

  async run(
    job: Omit<Job, 'nonce'>,
    opts: { timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal | undefined; engineSignal?: AbortSignal | undefined },
  ): Promise<Outcome> {
    // a run given up on (its deadline passed: the engine may still kill or hold this sandbox) or one that
    // failed leaves the sandbox to be replaced; mark it at once, before the next run of the session looks
    const giveUp = () => (this.dead = true);
    opts.engineSignal?.addEventListener('abort', giveUp, { once: true });
    try {
      const out = await this.exec(job, opts);
      // execute() killed the container, or contact was lost: the next run needs a fresh one
      if (out.status === 'timeout' || out.status === 'output_limit' || out.status === 'killed' || out.status === 'error') this.dead = true;
      return out;
    } catch (e) {
      this.dead = true;
      throw e;
    } finally {
      opts.engineSignal?.removeEventListener('abort', giveUp);
    }
  }

  private async exec(
    job: Omit<Job, 'nonce'>,
    opts: { timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal | undefined; engineSignal?: AbortSignal | undefined },
  ): Promise<Outcome> {
    const engine = this.engine;
    const ex = await engine.call(
      'exec',
      (abortSignal) =>
        this.container.exec({
          Cmd: runnerCmd(this.language),
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          User: SANDBOX_USER,
          WorkingDir: WORKDIR,
          ...(this.language === 'shell' ? { Env: ['LC_ALL=C'] } : {}),
          abortSignal,
        } as Docker.ExecCreateOptions),
      { signal: opts.engineSignal },
    );
    const stream = (await engine.call('exec start', (abortSignal) => ex.start({ hijack: true, stdin: true, abortSignal } as object), {
      signal: opts.engineSignal,
    })) as unknown as Duplex;
    const exited = new Promise<number>((resolve) => {
      const done = () =>
        engine
          .call('exec inspect', (abortSignal) => ex.inspect({ abortSignal } as object), { signal: opts.engineSignal })
          .then(
            (i: { ExitCode?: number | null }) => resolve(i.ExitCode ?? -1),
            () => resolve(-1),
          );
      stream.once('end', done);
      stream.once('close', done);
    });
    return execute({ container: this.container, stream, exited }, job, {
      ...opts,
      engine,
      // an OOM inside an exec shows only as exit code 137: compare the cgroup's OOM-kill counter
      oomCheck: async () => {
        const now = await this.readOomKills(opts.engineSignal);
        const hit = now > this.oomKills;
        this.oomKills = now;
        return hit;
      },
    });
  }
}

/** Strips the 8-byte multiplexing headers of a non-TTY exec stream. */
function demultiplex(raw: Buffer): string {
  const out: Buffer[] = [];
  for (let i = 0; i + 8 <= raw.length;) {
    const len = raw.readUInt32BE(i + 4);
    out.push(raw.subarray(i + 8, i + 8 + len));
    i += 8 + len;
  }
  return Buffer.concat(out).toString('utf8');
}
