import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { FactoryError } from '../../errors/catalog.ts';
import type { RunRequest, RunResult, SandboxRuntime, SandboxLanguage } from '../types.ts';
import { execute, prepare, type Prepared } from './container.ts';
import { WarmPool, type PoolStats } from './pool.ts';
import { SessionSandbox } from './session.ts';
import { containerName, containerSpec, LABEL_INSTANCE, LABEL_POOL, LABEL_RUN, LABEL_SERVICE, specKey, WORKDIR } from './spec.ts';
import { parseToolOutput } from '../output.ts';
import { Limiter } from '../../util/limiter.ts';

export interface DockerRuntimeOptions {
  docker: Docker;
  /** stable per data directory: containers left by an earlier run of this instance are removed at start */
  instanceId: string;
  images: { python: string; shell: string };
  /** containers kept ready per limit profile (0 = every run starts cold) */
  poolSize: number;
  /** used containers removed at once (default 2): removals queue behind this rather than crowd the engine */
  parallelRemovals?: number;
}

type DockerLanguage = Exclude<SandboxLanguage, 'javascript'>;

/** Single-use Docker containers for Python and shell, with a warm pool. dockerode stays in this folder. */
export class DockerRuntime implements SandboxRuntime {
  readonly name = 'docker' as const;
  private readonly pool: WarmPool;
  private readonly disposals = new Set<Promise<unknown>>();
  private readonly removals: Limiter;
  /** session id → spec key → its persistent sandbox */
  private readonly sessions = new Map<string, Map<string, Promise<SessionSandbox>>>();

  constructor(private readonly opts: DockerRuntimeOptions) {
    this.pool = new WarmPool((spec) => prepare(opts.docker, spec), (p) => this.dispose(p, true));
    this.removals = new Limiter(opts.parallelRemovals ?? 2);
  }

  supports(language: SandboxLanguage): boolean {
    return language === 'python' || language === 'shell';
  }

  private spec(req: Pick<RunRequest, 'language' | 'limits' | 'mounts'>, extraLabels: Record<string, string> = {}) {
    const language = req.language as DockerLanguage;
    const base = containerSpec({
      language,
      image: this.opts.images[language],
      limits: req.limits,
      mounts: req.mounts ?? [],
      labels: { [LABEL_SERVICE]: 'agent-factory', [LABEL_INSTANCE]: this.opts.instanceId },
    });
    const key = specKey(base);
    return { key, spec: { ...base, Labels: { ...base.Labels, [LABEL_POOL]: key, ...extraLabels } } };
  }

  /** Keep containers for this language and limit profile ready (used for the default policy at start). */
  prewarm(req: Pick<RunRequest, 'language' | 'limits' | 'mounts'>, size = this.opts.poolSize): void {
    if (size <= 0) return;
    const { key, spec } = this.spec(req);
    this.pool.ensure(key, spec, size);
  }

  async run(req: RunRequest): Promise<RunResult> {
    if (!this.supports(req.language)) throw new FactoryError('LANGUAGE_UNSUPPORTED', `The Docker runtime does not run ${req.language}`);
    const runId = req.runId ?? randomUUID();
    if (req.sessionId) return this.runInSession(req, runId);
    const { key, spec } = this.spec(req);
    let p: Prepared | undefined = await this.pool.acquire(key, req.signal);
    const warm = p !== undefined;
    if (this.opts.poolSize > 0) this.pool.ensure(key, spec, this.opts.poolSize);
    if (req.signal?.aborted) {
      // cancelled before it started (possibly while waiting for a pooled container): nothing runs
      if (p) this.dispose(p, true);
      return {
        runId, runtime: 'docker', status: 'killed', exitCode: null, signal: null, stdout: '', stderr: '', stdoutTruncated: false,
        stderrTruncated: false, durationMs: 0, warm: false, limits: req.limits, error: 'cancelled before it started',
      };
    }
    if (p) {
      // labels are fixed when a container is created, before a pooled one's run is known: it takes the
      // run's name instead (off the latency path), and the result and the audit name it by id
      void p.container.rename({ name: containerName(runId) }).catch(() => undefined);
    } else {
      p = await this.prepareCold({ ...spec, Labels: { ...spec.Labels, [LABEL_RUN]: runId } }, runId);
    }
    try {
      const out = await execute(
        p,
        { cwd: WORKDIR, source: req.source, args: req.args ?? [], env: req.env ?? {}, stdin: req.stdin ?? '' },
        { timeoutMs: req.limits.timeoutMs, maxOutputBytes: req.limits.maxOutputBytes, signal: req.signal },
      );
      const result: RunResult = { runId, runtime: 'docker', warm, containerId: p.id.slice(0, 12), limits: req.limits, ...out };
      return req.outputJson ? { ...result, ...parseToolOutput(result) } : result;
    } finally {
      this.dispose(p);
    }
  }

  private async runInSession(req: RunRequest, runId: string): Promise<RunResult> {
    const sessionId = req.sessionId!;
    const { key, spec } = this.spec(req, { 'io.agent-factory.session': sessionId });
    const byKey = this.sessions.get(sessionId) ?? new Map<string, Promise<SessionSandbox>>();
    this.sessions.set(sessionId, byKey);
    let pending = byKey.get(key);
    const current = pending ? await pending.catch(() => null) : null;
    if (pending && current?.dead !== false) {
      await current?.close(); // a dead session sandbox (timed out, flooded, crashed) is replaced by a fresh one
      pending = undefined;
    }
    if (!pending) {
      pending = SessionSandbox.open(this.opts.docker, { ...spec, name: `af-session-${sessionId}-${key}-${randomUUID().slice(0, 8)}` }, req.language as DockerLanguage).catch((e: unknown) => {
        throw dockerError(e, spec.Image ?? '');
      });
      byKey.set(key, pending);
    }
    const session = await pending;
    const out = await session.run(
      { cwd: WORKDIR, source: req.source, args: req.args ?? [], env: req.env ?? {}, stdin: req.stdin ?? '' },
      { timeoutMs: req.limits.timeoutMs, maxOutputBytes: req.limits.maxOutputBytes, signal: req.signal },
    );
    const result: RunResult = { runId, runtime: 'docker', warm: true, containerId: session.container.id.slice(0, 12), limits: req.limits, ...out };
    return req.outputJson ? { ...result, ...parseToolOutput(result) } : result;
  }

  /** Destroys every persistent sandbox of a session. */
  async closeSession(sessionId: string): Promise<void> {
    const byKey = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    if (!byKey) return;
    await Promise.all([...byKey.values()].map((p) => p.then((s) => s.close(), () => undefined)));
  }

  private async prepareCold(spec: Docker.ContainerCreateOptions, runId: string): Promise<Prepared> {
    try {
      return await prepare(this.opts.docker, { ...spec, name: containerName(runId) });
    } catch (e) {
      throw dockerError(e, spec.Image ?? '');
    }
  }

  /**
   * Removes a used container in the background; close() waits for every removal. Removals go through a
   * small limiter: under sustained load, a burst of removals next to the pool's refills makes the engine
   * slower at both (measured: 0.91-0.96x of a bare create/start/remove loop at concurrency 8 with every
   * removal at once, 1.02-1.06x with two at a time).
   */
  private dispose(p: Prepared, immediately = false): void {
    // A runner exits right after its end markers: removing an exited container costs the engine less
    // than killing a running one, so give it a moment to exit; anything still running is killed.
    const exitedSoon = p.dead || immediately ? Promise.resolve(0) : Promise.race([p.exited, new Promise((r) => setTimeout(r, 2000))]);
    const done = exitedSoon.then(() => this.removals.run(() => p.container.remove({ force: true, v: true }))).catch(() => undefined);
    this.disposals.add(done);
    void done.finally(() => this.disposals.delete(done));
  }

  poolStats(): PoolStats[] {
    return this.pool.stats();
  }

  /** Resolves once no used container is still being removed and every pool is full (or failing). */
  async quiesce(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.disposals.size > 0) await Promise.allSettled([...this.disposals]);
      else if (this.pool.stats().every((s) => s.ready >= s.target || s.failures > 0)) return;
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Crash recovery: remove every container an earlier process of this instance left behind. */
  async removeLeftovers(): Promise<number> {
    const list = await this.opts.docker.listContainers({
      all: true,
      filters: { label: [`${LABEL_INSTANCE}=${this.opts.instanceId}`] },
    });
    await Promise.all(list.map((c) => this.opts.docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
    return list.length;
  }

  async close(): Promise<void> {
    this.pool.close();
    await Promise.all([...this.sessions.keys()].map((id) => this.closeSession(id)));
    while (this.disposals.size > 0) await Promise.allSettled([...this.disposals]);
    await this.removeLeftovers().catch(() => 0);
  }
}

/** Engine failures as catalog errors that say what to do. */
export function dockerError(e: unknown, image: string): FactoryError {
  const err = e as { code?: string; statusCode?: number; message?: string };
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'EACCES') {
    return new FactoryError('DOCKER_UNAVAILABLE', `The Docker engine is not reachable (${err.code})`, undefined, { cause: e });
  }
  if (err.statusCode === 404 && /image/i.test(err.message ?? '')) {
    return new FactoryError('SANDBOX_IMAGE_MISSING', `The sandbox image ${image} is not on the engine`, { image }, { cause: e });
  }
  return new FactoryError('SANDBOX_FAILED', `The engine failed to start the sandbox: ${err.message ?? String(e)}`, undefined, { cause: e });
}
