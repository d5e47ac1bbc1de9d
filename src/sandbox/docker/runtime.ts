import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { FactoryError } from '../../errors/catalog.ts';
import type { RunRequest, RunResult, SandboxRuntime, SandboxLanguage } from '../types.ts';
import { Cleanup } from './cleanup.ts';
import { execute, prepare, type Outcome, type Prepared } from './container.ts';
import { EngineAbortError, EngineTimeoutError, type DockerEngine } from './engine.ts';
import { Ownership } from './owner.ts';
import { WarmPool, type PoolStats } from './pool.ts';
import { SessionSandbox } from './session.ts';
import { SessionSandboxes } from './sessions.ts';
import { containerName, containerSpec, LABEL_POOL, LABEL_RUN, specKey, WORKDIR } from './spec.ts';
import { parseToolOutput } from '../output.ts';

export interface DockerRuntimeOptions {
  engine: DockerEngine;
  /** the data directory's instance id (a label; see src/instance.ts) */
  instanceId: string;
  images: { python: string; shell: string };
  /** containers kept ready per limit profile (0 = every run starts cold) */
  poolSize: number;
  /** used containers removed at once (default 2): removals queue behind this rather than crowd the engine */
  parallelRemovals?: number;
  /** a run ends at most this long after its time limit, whether or not the engine answers (default 5000) */
  engineGraceMs?: number;
}

type DockerLanguage = Exclude<SandboxLanguage, 'javascript'>;

/** Single-use Docker containers for Python and shell, with a warm pool. dockerode stays in this folder. */
export class DockerRuntime implements SandboxRuntime {
  readonly name = 'docker' as const;
  private readonly engine: DockerEngine;
  private readonly pool: WarmPool;
  private readonly cleanup: Cleanup;
  private readonly sessions: SessionSandboxes;
  readonly ownership: Ownership;
  private readonly graceMs: number;

  constructor(private readonly opts: DockerRuntimeOptions) {
    this.engine = opts.engine;
    this.ownership = new Ownership(opts.instanceId);
    this.graceMs = opts.engineGraceMs ?? 5000;
    this.cleanup = new Cleanup(this.engine, this.ownership, opts.parallelRemovals);
    this.pool = new WarmPool(
      (spec) => this.prepare(spec),
      (p) => this.cleanup.dispose(p, true),
    );
    this.sessions = new SessionSandboxes(
      (spec, language, signal) =>
        this.claimed(spec, (s, token) => SessionSandbox.open(this.engine, s, language, token, this.cleanup.discard, signal)),
      (s) => this.cleanup.discard(s.container, s.token),
    );
  }

  supports(language: SandboxLanguage): boolean {
    return language === 'python' || language === 'shell';
  }

  private spec(req: Pick<RunRequest, 'language' | 'limits' | 'mounts'>, extraLabels: Record<string, string> = {}) {
    const language = req.language as DockerLanguage;
    const base = containerSpec({ language, image: this.opts.images[language], limits: req.limits, mounts: req.mounts ?? [], labels: {} });
    const key = specKey(base);
    return { key, spec: { ...base, Labels: { [LABEL_POOL]: key, ...extraLabels } } };
  }

  /** A container spec with this runtime's ownership labels and a fresh token, released if `create` fails. */
  private claimed<T>(
    spec: Docker.ContainerCreateOptions,
    create: (spec: Docker.ContainerCreateOptions, token: string) => Promise<T>,
  ): Promise<T> {
    const { token, labels } = this.ownership.claim();
    return create({ ...spec, Labels: { ...spec.Labels, ...labels } }, token);
  }

  private prepare(spec: Docker.ContainerCreateOptions, signal?: AbortSignal): Promise<Prepared> {
    return this.claimed(spec, (s, token) => prepare(this.engine, s, token, this.cleanup.discard, signal));
  }

  /** Keep containers for this language and limit profile ready (used for the default policy at start). */
  prewarm(req: Pick<RunRequest, 'language' | 'limits' | 'mounts'>, size = this.opts.poolSize): void {
    if (size <= 0) return;
    const { key, spec } = this.spec(req);
    this.pool.ensure(key, spec, size);
  }

  /**
   * Starts preparing one container for a run about to come, not refilled after it (a one-shot `factory
   * run` overlaps this with its static check; the script is sent only when the run starts).
   */
  prepareAhead(req: Pick<RunRequest, 'language' | 'limits' | 'mounts'>): void {
    if (!this.supports(req.language)) return;
    const { key, spec } = this.spec(req);
    this.pool.ahead(key, spec);
  }

  /**
   * Runs one script. The run keeps its own deadline, its time limit plus the engine grace, independent of
   * every engine request: past it, the run ends as `error` (lost contact with the engine) whatever the
   * engine does, its requests are given up, and its container is left to the reaper.
   */
  async run(req: RunRequest): Promise<RunResult> {
    if (!this.supports(req.language)) throw new FactoryError('LANGUAGE_UNSUPPORTED', `The Docker runtime does not run ${req.language}`);
    const runId = req.runId ?? randomUUID();
    const started = performance.now();
    const budget = req.limits.timeoutMs + this.graceMs;
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), budget);
    });
    const work = req.sessionId ? this.runInSession(req, runId, deadline.signal) : this.runSingle(req, runId, deadline.signal);
    work.catch(() => undefined); // settles after the deadline too: its requests are given up
    try {
      const first = await Promise.race([work, expired]);
      if (first !== 'expired') return first;
      const why = `no answer within ${budget} ms (the run's limit of ${req.limits.timeoutMs} ms plus ${this.graceMs} ms grace)`;
      this.engine.markLost(`a run got ${why}`);
      deadline.abort(new Error('the run deadline passed'));
      return this.lostResult(req, runId, started, why);
    } catch (e) {
      if (e instanceof EngineTimeoutError) return this.lostResult(req, runId, started, e.message);
      if (e instanceof EngineAbortError) throw new FactoryError('SANDBOX_FAILED', e.message, undefined, { cause: e });
      throw e;
    } finally {
      clearTimeout(timer);
      deadline.abort(new Error('the run is over'));
    }
  }

  private lostResult(req: RunRequest, runId: string, started: number, why: string): RunResult {
    return {
      runId,
      runtime: 'docker',
      status: 'error',
      exitCode: null,
      signal: null,
      stdout: '',
      stderr: '',
      stdoutTruncated: false,
      stderrTruncated: false,
      durationMs: performance.now() - started,
      warm: false,
      limits: req.limits,
      error: `lost contact with the Docker engine: ${why}; its container is removed once the engine answers again`,
    };
  }

  private async runSingle(req: RunRequest, runId: string, engineSignal: AbortSignal): Promise<RunResult> {
    const { key, spec } = this.spec(req);
    let p: Prepared | undefined = await this.pool.acquire(key, AbortSignal.any([engineSignal, ...(req.signal ? [req.signal] : [])]));
    const warm = p !== undefined;
    if (this.opts.poolSize > 0) this.pool.ensure(key, spec, this.opts.poolSize);
    if (engineSignal.aborted) {
      if (p) this.cleanup.dispose(p, true);
      throw new EngineAbortError('the run deadline passed while it waited for a container');
    }
    if (req.signal?.aborted) {
      // cancelled before it started (possibly while waiting for a pooled container): nothing runs
      if (p) this.cleanup.dispose(p, true);
      return {
        runId,
        runtime: 'docker',
        status: 'killed',
        exitCode: null,
        signal: null,
        stdout: '',
        stderr: '',
        stdoutTruncated: false,
        stderrTruncated: false,
        durationMs: 0,
        warm: false,
        limits: req.limits,
        error: 'cancelled before it started',
      };
    }
    if (p) {
      // labels are fixed when a container is created, before a pooled one's run is known: it takes the
      // run's name instead (off the latency path), and the result and the audit name it by id
      const c = p.container;
      void this.engine.call('rename', (abortSignal) => c.rename({ name: containerName(runId), abortSignal })).catch(() => undefined);
    } else {
      p = await this.prepare({ ...spec, name: containerName(runId), Labels: { ...spec.Labels, [LABEL_RUN]: runId } }, engineSignal).catch(
        (e: unknown) => {
          throw dockerError(e, spec.Image ?? '');
        },
      );
    }
    try {
      const out = await execute(p, this.job(req), {
        engine: this.engine,
        timeoutMs: req.limits.timeoutMs,
        maxOutputBytes: req.limits.maxOutputBytes,
        signal: req.signal,
        engineSignal,
      });
      return this.result(req, runId, warm, p.id, out);
    } finally {
      this.cleanup.dispose(p);
    }
  }

  private job(req: RunRequest) {
    return { cwd: WORKDIR, source: req.source, args: req.args ?? [], env: req.env ?? {}, stdin: req.stdin ?? '' };
  }

  private result(req: RunRequest, runId: string, warm: boolean, containerId: string, out: Outcome): RunResult {
    const result: RunResult = { runId, runtime: 'docker', warm, containerId: containerId.slice(0, 12), limits: req.limits, ...out };
    return req.outputJson ? { ...result, ...parseToolOutput(result) } : result;
  }

  private async runInSession(req: RunRequest, runId: string, engineSignal: AbortSignal): Promise<RunResult> {
    const { key, spec } = this.spec(req, { 'io.agent-factory.session': req.sessionId! });
    const { out, containerId } = await this.sessions
      .run(req.sessionId!, key, spec, req.language as DockerLanguage, this.job(req), {
        timeoutMs: req.limits.timeoutMs,
        maxOutputBytes: req.limits.maxOutputBytes,
        signal: req.signal,
        engineSignal,
      })
      .catch((e: unknown) => {
        throw dockerError(e, spec.Image ?? '');
      });
    return this.result(req, runId, true, containerId, out);
  }

  /** Destroys every persistent sandbox of a session. */
  async closeSession(sessionId: string): Promise<void> {
    await this.sessions.close(sessionId);
  }

  poolStats(): PoolStats[] {
    return this.pool.stats();
  }

  /** Resolves once no used container is still being removed and every pool is full (or failing). */
  async quiesce(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.cleanup.busy) await this.cleanup.idle();
      else if (this.pool.stats().every((s) => s.ready >= s.target || s.failures > 0)) return;
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Removes containers this runtime gave up and those of processes that are gone; returns how many. */
  reap(): Promise<number> {
    return this.cleanup.reap();
  }

  /** Reaps every `intervalMs` (the service does; containers left by a `factory run` that was killed). */
  startReaper(intervalMs: number): void {
    this.cleanup.every(intervalMs);
  }

  /**
   * Removes every container of this runtime. With `detach` (a process about to exit), the removals are
   * handed to the engine without waiting for its answers (see Cleanup.detach).
   */
  async close(opts: { detach?: boolean } = {}): Promise<void> {
    this.pool.close();
    if (opts.detach) await this.pool.settled(); // a container still coming up is held too, then removed
    await this.sessions.closeAll();
    await (opts.detach ? this.cleanup.detach() : this.cleanup.close());
  }
}

/** Engine failures as catalog errors that say what to do. A request the engine did not answer stays as it is. */
export function dockerError(e: unknown, image: string): Error {
  if (e instanceof EngineTimeoutError || e instanceof EngineAbortError) return e;
  const err = e as { code?: string; statusCode?: number; message?: string };
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'EACCES') {
    return new FactoryError('DOCKER_UNAVAILABLE', `The Docker engine is not reachable (${err.code})`, undefined, { cause: e });
  }
  if (err.statusCode === 404 && /image/i.test(err.message ?? '')) {
    return new FactoryError('SANDBOX_IMAGE_MISSING', `The sandbox image ${image} is not on the engine`, { image }, { cause: e });
  }
  return new FactoryError('SANDBOX_FAILED', `The engine failed to start the sandbox: ${err.message ?? String(e)}`, undefined, { cause: e });
}
