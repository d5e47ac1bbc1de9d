import Docker from 'dockerode';
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { PRIVATE_DOCKER_SOCKET } from '../../config/schema.ts';

/** How the service reaches the engine: the configured DOCKER_HOST, else the bring-up script's socket, else the usual one. */
export function resolveDockerHost(configured: string | undefined): string {
  if (configured) return configured;
  if (existsSync(PRIVATE_DOCKER_SOCKET)) return `unix://${PRIVATE_DOCKER_SOCKET}`;
  return 'unix:///var/run/docker.sock';
}

export function dockerOptions(host: string): Docker.DockerOptions {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('/')) return { socketPath: host };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return {
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 2376 : 2375,
  };
}

export interface EngineStatus {
  ok: boolean;
  host: string;
  version?: string;
  apiVersion?: string;
  error?: string;
}

export interface EngineOptions {
  /** how long a health check waits for the engine */
  pingTimeoutMs?: number;
  /** how long any single request (create, start, kill, remove, inspect, list …) waits for an answer */
  requestTimeoutMs?: number;
  /** while contact is lost, how often the engine is asked whether it answers again */
  probeIntervalMs?: number;
}

/** An engine request that got no answer in time (the engine is frozen, overloaded or gone). */
export class EngineTimeoutError extends Error {
  readonly code = 'ENGINE_TIMEOUT';
  constructor(what: string, ms: number) {
    super(`the Docker engine did not answer ${what} within ${ms} ms`);
  }
}

/** A request given up because the service closes or its run ended. */
export class EngineAbortError extends Error {
  readonly code = 'ENGINE_ABORTED';
}

/**
 * The Docker engine as the service sees it. dockerode is used only under src/sandbox/docker/.
 *
 * Every request goes through `call`, which bounds it (a timeout, the caller's signal, the engine's close)
 * whether or not the engine answers. When a request or a run deadline finds the engine silent, contact
 * is marked lost: health checks report it at once, and a probe asks the engine every second until it
 * answers again, then tells the listeners (the runtime reaps what it had to abandon).
 */
export class DockerEngine {
  readonly host: string;
  readonly docker: Docker;
  private readonly pingTimeoutMs: number;
  readonly requestTimeoutMs: number;
  private readonly probeIntervalMs: number;
  private readonly closing = new AbortController();
  private lost: { since: Date; reason: string } | undefined;
  private probe: NodeJS.Timeout | undefined;
  private readonly recoveredListeners = new Set<() => void>();

  constructor(configuredHost: string | undefined, opts: EngineOptions = {}) {
    this.host = resolveDockerHost(configuredHost);
    this.docker = new Docker(dockerOptions(this.host));
    this.pingTimeoutMs = opts.pingTimeoutMs ?? 2000;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 15_000;
    this.probeIntervalMs = opts.probeIntervalMs ?? 1000;
  }

  get contactLost(): boolean {
    return this.lost !== undefined;
  }

  get isClosed(): boolean {
    return this.closing.signal.aborted;
  }

  /**
   * Runs one engine request under a bound: `timeoutMs` (default requestTimeoutMs; null for streams
   * and long polls that the caller bounds itself), the caller's signal, and the engine's close. The
   * request is aborted, and the promise settles, as soon as any of them fires, even if dockerode
   * ignores the abort for this endpoint. A timeout, or a connection the engine refuses or drops, marks
   * contact as lost.
   */
  async call<T>(
    what: string,
    fn: (signal: AbortSignal) => Promise<T>,
    opts: { signal?: AbortSignal | undefined; timeoutMs?: number | null } = {},
  ): Promise<T> {
    const ms = opts.timeoutMs === undefined ? this.requestTimeoutMs : opts.timeoutMs;
    const ac = new AbortController();
    const sources = [this.closing.signal, ...(opts.signal ? [opts.signal] : [])];
    const follow = (s: AbortSignal) => () => ac.abort(new EngineAbortError(`${what} given up: ${reasonOf(s)}`));
    const handlers = sources.map((s) => [s, follow(s)] as const);
    for (const [s, h] of handlers) {
      if (s.aborted) h();
      else s.addEventListener('abort', h, { once: true });
    }
    let timedOut = false;
    const timer =
      ms === null
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            ac.abort(new EngineTimeoutError(what, ms));
          }, ms);
    try {
      return await new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(ac.signal.reason as Error);
        if (ac.signal.aborted) return onAbort();
        ac.signal.addEventListener('abort', onAbort, { once: true });
        fn(ac.signal).then(resolve, (e: unknown) => reject(ac.signal.aborted ? (ac.signal.reason as Error) : e));
      });
    } catch (e) {
      if (timedOut) this.markLost((e as Error).message);
      else if (CONNECTION_LOST.has((e as { code?: string }).code ?? '')) this.markLost(`${what}: ${describe(e)}`);
      throw e;
    } finally {
      clearTimeout(timer);
      for (const [s, h] of handlers) s.removeEventListener('abort', h);
    }
  }

  /** Health check for /readyz: immediate while contact is lost (the probe keeps asking), else a ping. */
  async status(): Promise<EngineStatus> {
    if (this.lost) {
      return {
        ok: false,
        host: this.host,
        error: `lost contact with the Docker engine since ${this.lost.since.toISOString()}: ${this.lost.reason}`,
      };
    }
    try {
      const v = (await this.ping()) as { Version?: string; ApiVersion?: string };
      return { ok: true, host: this.host, version: v.Version ?? 'unknown', apiVersion: v.ApiVersion ?? 'unknown' };
    } catch (e) {
      return { ok: false, host: this.host, error: describe(e) };
    }
  }

  /**
   * Whether the engine is gone: true only when it refuses the connection (not there, killed, restarting);
   * false when it answers, or does not answer in time (that is what deadlines are for).
   */
  async refuses(): Promise<boolean> {
    try {
      await this.ping();
      return false;
    } catch (e) {
      return CONNECTION_LOST.has((e as { code?: string }).code ?? '');
    }
  }

  private ping(): Promise<unknown> {
    return this.call('a health check', (abortSignal) => this.version(abortSignal), { timeoutMs: this.pingTimeoutMs });
  }

  /** GET /version (dockerode's typings leave out the options it accepts) */
  private version(abortSignal: AbortSignal): Promise<unknown> {
    return (this.docker.version as unknown as (o: object) => Promise<unknown>).call(this.docker, { abortSignal });
  }

  /** Contact is lost (a request or a run deadline went unanswered): report it, and probe until the engine answers. */
  markLost(reason: string): void {
    if (this.lost || this.isClosed) return;
    this.lost = { since: new Date(), reason };
    const tick = () => {
      this.probe = setTimeout(() => {
        // the ping's own timeout must not re-mark: call() only marks while not lost
        this.version(AbortSignal.any([AbortSignal.timeout(this.pingTimeoutMs), this.closing.signal])).then(
          () => this.recover(),
          () => {
            if (!this.isClosed) tick();
          },
        );
      }, this.probeIntervalMs);
      this.probe.unref(); // a one-shot command that gave up on the engine must be able to exit
    };
    tick();
  }

  private recover(): void {
    if (!this.lost || this.isClosed) return;
    this.lost = undefined;
    for (const l of this.recoveredListeners) l();
  }

  /** Called each time the engine answers again after contact was lost. Returns an unsubscribe function. */
  onRecovered(listener: () => void): () => void {
    this.recoveredListeners.add(listener);
    return () => this.recoveredListeners.delete(listener);
  }

  /**
   * Sends one request and resolves once it is written to the engine's socket, without waiting for the
   * answer: the engine carries it out after this process has gone (a one-shot command's last removals).
   * Resolves false when it could not be written within the request timeout (no engine there).
   */
  sendAndLeave(method: string, path: string): Promise<boolean> {
    const opts = dockerOptions(this.host);
    const target = opts.socketPath ? { socketPath: opts.socketPath } : { host: opts.host, port: opts.port };
    const client = opts.protocol === 'https' ? https : http;
    return new Promise((resolve) => {
      const req = client.request({ ...target, method, path, agent: false });
      const timer = setTimeout(() => {
        req.destroy();
        resolve(false);
      }, this.requestTimeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      req.on('response', (res) => res.resume());
      req.on('error', () => done(false));
      req.on('finish', () => done(true));
      req.end();
    });
  }

  /** Gives up every request in flight and stops probing. */
  close(): void {
    clearTimeout(this.probe);
    this.closing.abort(new Error('the service is closing'));
  }
}

/** Failures that mean the engine is not there (any more), as opposed to refusing a request. */
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function reasonOf(s: AbortSignal): string {
  const r = s.reason as unknown;
  return r instanceof Error ? r.message : String(r ?? 'aborted');
}

function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code && CONNECTION_LOST.has(err.code)) return `no engine answers (${err.code})`;
  return err.message ?? String(e);
}
