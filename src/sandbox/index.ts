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

/** The sandbox module's door: picks the runtime for a language, owns their lifetimes. */
export class Sandboxes {
  readonly docker: DockerRuntime;
  readonly isolate: IsolateRuntime;
  readonly images: { python: string; shell: string };

  constructor(
    private readonly engine: DockerEngine,
    private readonly config: Config,
    instanceId: string,
  ) {
    this.images = {
      python: config.sandbox.images.python ?? defaultImage('python'),
      shell: config.sandbox.images.shell ?? defaultImage('shell'),
    };
    this.docker = new DockerRuntime({ docker: engine.docker, instanceId, images: this.images, poolSize: config.sandbox.poolSize, parallelRemovals: config.sandbox.parallelRemovals });
    // isolates are cheap (an idle one with its context is about a megabyte): keep a few more ready
    this.isolate = new IsolateRuntime(config.sandbox.poolSize > 0 ? Math.max(8, config.sandbox.poolSize) : 0);
  }

  /** Crash recovery, then a warm pool for the given policy's limit profile. Never throws: readiness reports problems. */
  async start(prewarmPolicy?: Policy): Promise<{ removed: number; error?: string }> {
    try {
      const removed = await this.docker.removeLeftovers();
      if (prewarmPolicy && !prewarmPolicy.network.allowOutbound) {
        const limits = limitsFor(prewarmPolicy);
        const mounts = mountsFor(prewarmPolicy, this.config.sandbox.hostPaths);
        this.docker.prewarm({ language: 'python', limits, mounts });
        this.docker.prewarm({ language: 'shell', limits, mounts });
      }
      return { removed };
    } catch (e) {
      return { removed: 0, error: (e as Error).message };
    }
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
    return imageStatus(this.engine.docker, this.images);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.docker.close(), this.isolate.close()]);
  }
}
