import type { Config } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { Policy } from '../policy/index.ts';
import { DockerRuntime } from './docker/runtime.ts';
import { defaultImage, imageStatus, type ImageStatus } from './docker/images.ts';
import type { DockerEngine } from './docker/engine.ts';
import { IsolateRuntime } from './isolate/runtime.ts';
import { limitsFor, mountsFor } from './limits.ts';
import type { RunRequest, RunResult, SandboxLanguage } from './types.ts';

export * from './types.ts';
export { limitsFor, mountsFor, type LimitOverrides } from './limits.ts';
export { parseToolOutput } from './output.ts';

/**
 * What Sandboxes uses of the container runtime (Python and shell): DockerRuntime, or a stand-in that
 * unit tests give it (tests/helpers/fake-sandbox.ts) to exercise the factory's loops without an engine.
 */
export type ContainerRuntime = Pick<
  DockerRuntime,
  'name' | 'supports' | 'run' | 'prewarm' | 'prepareAhead' | 'closeSession' | 'poolStats' | 'quiesce' | 'reap' | 'startReaper' | 'close'
>;

/** The sandbox module's door: picks the runtime for a language, owns their lifetimes. */
export class Sandboxes {
  readonly docker: ContainerRuntime;
  readonly isolate: IsolateRuntime;
  readonly images: { python: string; shell: string };

  constructor(
    private readonly engine: DockerEngine,
    private readonly config: Config,
    instanceId: string,
    opts: { containers?: ContainerRuntime } = {},
  ) {
    this.images = {
      python: config.sandbox.images.python ?? defaultImage('python'),
      shell: config.sandbox.images.shell ?? defaultImage('shell'),
    };
    this.docker =
      opts.containers ??
      new DockerRuntime({
        engine,
        instanceId,
        images: this.images,
        poolSize: config.sandbox.poolSize,
        parallelRemovals: config.sandbox.parallelRemovals,
        engineGraceMs: config.sandbox.engineGraceMs,
      });
    // isolates are cheap (an idle one with its context is about a megabyte): keep a few more ready
    this.isolate = new IsolateRuntime(config.sandbox.poolSize > 0 ? Math.max(8, config.sandbox.poolSize) : 0);
  }

  /**
   * Crash recovery (containers of processes that are gone), then, for a long-running service, a warm pool
   * for the given policy's limit profile and a periodic reaper. Never throws: readiness reports problems.
   * Waits for the recovery at most the engine's ping timeout: an engine that does not answer must not
   * hold up the start (the recovery goes on, and the reaper runs again when the engine answers).
   */
  async start(prewarmPolicy?: Policy, opts: { reap?: boolean } = {}): Promise<{ removed: number; error?: string }> {
    if (opts.reap) this.docker.startReaper(this.config.sandbox.reapIntervalMs);
    let error: string | undefined;
    const reaping = this.docker.reap().catch((e: unknown) => {
      error = (e as Error).message;
      return 0;
    });
    const removed = await Promise.race([
      reaping,
      new Promise<number>((r) => setTimeout(() => r(0), this.config.docker.pingTimeoutMs).unref()),
    ]);
    if (prewarmPolicy && !prewarmPolicy.network.allowOutbound) {
      // the pool retries with back-off until the engine can create containers
      const limits = limitsFor(prewarmPolicy);
      const mounts = mountsFor(prewarmPolicy, this.config.sandbox.hostPaths);
      this.docker.prewarm({ language: 'python', limits, mounts });
      this.docker.prewarm({ language: 'shell', limits, mounts });
    }
    return { removed, ...(error ? { error } : {}) };
  }

  run(req: RunRequest): Promise<RunResult> {
    if (Buffer.byteLength(req.source) > this.config.sandbox.maxSourceBytes) {
      throw new FactoryError('VALIDATION_FAILED', `The source is larger than ${this.config.sandbox.maxSourceBytes} bytes`);
    }
    return this.runtimeFor(req.language).run(req);
  }

  /** Destroys the persistent sandboxes of a session (no-op when it has none). */
  async closeSession(sessionId: string): Promise<void> {
    await this.docker.closeSession(sessionId);
  }

  private runtimeFor(language: SandboxLanguage) {
    return this.isolate.supports(language) ? this.isolate : this.docker;
  }

  imageStatus(): Promise<ImageStatus[]> {
    return imageStatus(this.engine, this.images);
  }

  /** `detach`: the process is about to exit; container removals are handed to the engine, not waited for. */
  async close(opts: { detach?: boolean } = {}): Promise<void> {
    await Promise.allSettled([this.docker.close(opts), this.isolate.close()]);
  }
}
