import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { encodeJob, endMarkerPrefix, type Job } from '../protocol.ts';
import { Demuxer } from './demux.ts';
import type { DockerEngine } from './engine.ts';
import type { RunStatus } from '../types.ts';

/** A created, attached and started container whose runner waits for one job on stdin. */
export interface Prepared {
  id: string;
  container: Docker.Container;
  /** the container's ownership token (see owner.ts) */
  token: string;
  stream: Duplex;
  /** resolves with the exit code when the main process ends (whenever that is), -1 when contact ends */
  exited: Promise<number>;
  /** true once the container has ended (a pooled container that died must not be handed out) */
  dead: boolean;
  createdAt: number;
}

/**
 * Creates, attaches (before start, so no output is lost) and starts one container, each step bounded by
 * the engine's request timeout and `signal`. On failure the container is handed to `discard` (removed
 * in the background; the promise does not wait for an engine that does not answer).
 */
export async function prepare(
  engine: DockerEngine,
  spec: Docker.ContainerCreateOptions,
  token: string,
  discard: (container: Docker.Container | undefined, token: string) => void,
  signal?: AbortSignal,
): Promise<Prepared> {
  let container: Docker.Container | undefined;
  try {
    container = await engine.call(
      'create',
      (abortSignal) => engine.docker.createContainer({ ...spec, abortSignal } as Docker.ContainerCreateOptions),
      { signal },
    );
    const c = container;
    const stream = (await engine.call(
      'attach',
      (abortSignal) =>
        c.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true, abortSignal } as Docker.ContainerAttachOptions),
      { signal },
    )) as Duplex;
    // a pooled container's connection may break while it waits (the engine restarts): that must not be an
    // unhandled 'error' event; the run that takes it sees the stream end and the engine's exit code
    stream.on('error', () => undefined);
    const p: Prepared = { id: c.id, container: c, token, stream, exited: Promise.resolve(0), dead: false, createdAt: Date.now() };
    await engine
      .call('start', (abortSignal) => c.start({ abortSignal } as object), { signal })
      .catch((e: unknown) => {
        stream.destroy();
        throw e;
      });
    // a long poll: bounded by the engine's close, not by a timeout (a pooled container waits for its run)
    p.exited = engine
      .call('wait', (abortSignal) => c.wait({ abortSignal } as object) as Promise<{ StatusCode: number }>, { timeoutMs: null })
      .then(
        (r) => {
          p.dead = true;
          return r.StatusCode;
        },
        () => {
          p.dead = true;
          return -1;
        },
      );
    return p;
  } catch (e) {
    discard(container, token);
    throw e;
  }
}

export interface Outcome {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  durationMs: number;
  error?: string;
}

/** the exit code stand-in when the engine refused every connection after the stream ended */
const ENGINE_GONE = -2;

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM',
  25: 'SIGXFSZ',
  24: 'SIGXCPU',
};

/**
 * Feeds the job, collects capped output, and enforces the wall clock from here through the engine
 * (kill), never by killing a client process. An exit by SIGKILL is checked against the OOM flag.
 */
export async function execute(
  p: Pick<Prepared, 'container' | 'stream' | 'exited'>,
  job: Omit<Job, 'nonce'>,
  opts: {
    engine: DockerEngine;
    timeoutMs: number;
    maxOutputBytes: number;
    /** the caller cancels the run: it is killed */
    signal?: AbortSignal | undefined;
    /** the run's deadline passed: every engine request of the run is given up, the stream closed */
    engineSignal?: AbortSignal | undefined;
    /** how to tell an OOM kill from other failures (default: the container's OOMKilled flag) */
    oomCheck?: (fastPath: boolean) => Promise<boolean>;
  },
): Promise<Outcome> {
  const started = performance.now();
  let reason: 'timeout' | 'output_limit' | 'killed' | null = null;
  const engine = opts.engine;
  const kill = (why: typeof reason) => {
    if (reason !== null) return;
    reason = why;
    engine
      .call('kill', (abortSignal) => p.container.kill({ signal: 'SIGKILL', abortSignal }), { signal: opts.engineSignal })
      .catch(() => undefined);
  };
  const nonce = randomBytes(16).toString('hex');
  let markersSeen: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => (markersSeen = resolve));
  const dem = new Demuxer(
    opts.maxOutputBytes,
    () => kill('output_limit'),
    endMarkerPrefix(nonce),
    () => markersSeen(),
  );
  const ended = new Promise<void>((resolve) => {
    p.stream.on('data', (d: Buffer) => dem.push(d));
    p.stream.once('end', resolve);
    p.stream.once('close', resolve);
    p.stream.once('error', () => resolve());
  });
  const timer = setTimeout(() => kill('timeout'), opts.timeoutMs);
  const onAbort = () => kill('killed');
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort(); // cancelled while the container was being prepared: never runs
  let gaveUp: (code: number) => void = () => undefined;
  const given = new Promise<number>((resolve) => (gaveUp = resolve));
  const giveUp = () => {
    p.stream.destroy();
    gaveUp(-1);
  };
  opts.engineSignal?.addEventListener('abort', giveUp, { once: true });
  if (opts.engineSignal?.aborted) giveUp();
  try {
    p.stream.write(encodeJob({ ...job, nonce }));
    p.stream.end();
    // Fast path: both end markers arrived, so the output is complete and the runner reported the exit
    // code; the container is torn down afterwards, off the latency path. Otherwise (killed, OOM, crash,
    // os._exit) wait for the engine to report the exit.
    await Promise.race([complete, ended]);
    let code: number;
    const fast = dem.complete && dem.exitCode !== null && reason === null;
    if (fast) {
      code = dem.exitCode!;
    } else {
      // the stream ended without the runner's markers: ask the engine for the exit code, unless it is gone
      // (a killed engine leaves the wait request hanging rather than failing it)
      const gone = engine.refuses().then((r) => (r ? ENGINE_GONE : new Promise<number>(() => undefined)));
      code = await Promise.race([p.exited, given, gone]);
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
    }
    const durationMs = performance.now() - started;
    let status: RunStatus = code === 0 ? 'ok' : 'failed';
    let error: string | undefined;
    if (reason && code !== ENGINE_GONE) status = reason;
    // any OOM kill in the container's cgroup sets the flag (a killed child process counts too), but the
    // engine sets it only when the container exits: on the fast path, wait for that on failures only
    else if (
      code !== 0 &&
      code !== 125 &&
      code > 0 &&
      (await (opts.oomCheck ?? ((f: boolean) => oomKilled(engine, p, f, opts.engineSignal)))(fast))
    )
      status = 'oom';
    else if (code === 137) status = 'killed';
    else if (code === 125) {
      status = 'error';
      error = 'the sandbox runner rejected the job stream';
    } else if (code === ENGINE_GONE) {
      status = 'error';
      error = 'lost contact with the Docker engine: it refuses connections (stopped or restarting)';
    } else if (code < 0) {
      status = 'error';
      error = 'lost contact with the container';
    }
    return {
      status,
      exitCode: code < 0 ? null : code,
      signal: code > 128 && code < 160 ? (SIGNALS[code - 128] ?? `SIG${code - 128}`) : null,
      stdout: dem.text(0),
      stderr: dem.text(1),
      stdoutTruncated: dem.truncated[0]!,
      stderrTruncated: dem.truncated[1]!,
      durationMs,
      ...(error ? { error } : {}),
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    opts.engineSignal?.removeEventListener('abort', giveUp);
  }
}

async function oomKilled(
  engine: DockerEngine,
  p: Pick<Prepared, 'container' | 'exited'>,
  waitForExit: boolean,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    if (waitForExit) await Promise.race([p.exited, new Promise((r) => setTimeout(r, 5000))]);
    const info = await engine.call('inspect', (abortSignal) => p.container.inspect({ abortSignal } as object), { signal });
    return info.State.OOMKilled === true;
  } catch {
    return false;
  }
}
