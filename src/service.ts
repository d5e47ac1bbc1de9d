import type { FastifyInstance } from 'fastify';
import { AuditTrail } from './audit/trail.ts';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config/schema.ts';
import { Lifecycle } from './lifecycle.ts';
import { OllamaProvider } from './llm/ollama.ts';
import { DockerEngine } from './sandbox/docker/engine.ts';
import { buildApp, type AppOptions } from './server/app.ts';
import type { ServiceDeps } from './server/deps.ts';
import { Store } from './store/index.ts';

/** The coordinator service: composition root that owns every module's lifetime. */
export class Service {
  private stopped = false;

  private constructor(
    readonly deps: ServiceDeps,
    readonly app: FastifyInstance,
    /** set when this start created the first admin token */
    readonly adminTokenFile: string | undefined,
  ) {}

  static async create(config: Config, opts: AppOptions = {}): Promise<Service> {
    const store = Store.open(config.dataDir, { synchronous: config.audit.synchronous });
    try {
      const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
      const tokens = new TokenService(store, audit);
      const deps: ServiceDeps = {
        config,
        store,
        audit,
        tokens,
        docker: new DockerEngine(config.docker.host, config.docker.pingTimeoutMs),
        llm: new OllamaProvider(config.ollama.host, config.ollama.pingTimeoutMs),
        lifecycle: new Lifecycle(),
      };
      const adminTokenFile = tokens.ensureAdminToken(config.dataDir);
      const app = await buildApp(deps, opts);
      return new Service(deps, app, adminTokenFile);
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** Listens on the configured host and port; returns the bound address. */
  async listen(): Promise<string> {
    const { host, port } = this.deps.config.server;
    const address = await this.app.listen({ host, port });
    this.deps.audit.record({ type: 'server_started', action: 'listen', target: address, details: { pid: process.pid } });
    return address;
  }

  /** Graceful: stop accepting, let in-flight work finish within the grace period, cancel the rest, close the store. */
  async stop(reason = 'shutdown'): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const grace = this.deps.config.server.shutdownGraceMs;
    const closing = this.app.close();
    const drained = await this.deps.lifecycle.drain(grace);
    await closing;
    this.deps.audit.record({ type: 'server_stopped', action: reason, target: 'service', details: { ...drained, pid: process.pid } });
    this.deps.store.close();
  }
}
