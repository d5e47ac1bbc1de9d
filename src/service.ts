import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { Access } from './access/index.ts';
import { FactoryError } from './errors/catalog.ts';
import { AuditTrail } from './audit/trail.ts';
import { loadBlueprintDir } from './blueprints/index.ts';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config/schema.ts';
import { createCoordinator, type CoordinatorOptions } from './coordinator/index.ts';
import { EventBus } from './events/bus.ts';
import { Executor } from './execution/index.ts';
import { Factory } from './factory/index.ts';
import { instanceId } from './instance.ts';
import { Lifecycle } from './lifecycle.ts';
import { OllamaProvider } from './llm/ollama.ts';
import { PolicyRegistry } from './policy/index.ts';
import { PolicyHistory } from './policy-history.ts';
import { DockerEngine } from './sandbox/docker/engine.ts';
import { Sandboxes, type ContainerRuntime } from './sandbox/index.ts';
import { buildApp, type AppOptions } from './server/app.ts';
import type { ServiceDeps } from './service-deps.ts';
import { Store } from './store/index.ts';
import { observeExecutions, observeProjects, serviceMetrics } from './service-metrics.ts';
import { buildMetricsApp } from './server/routes/metrics.ts';

export interface CoreOptions {
  /** watch the policy directory for edits (the server does; one-shot CLI commands do not) */
  watchPolicies?: boolean;
  /** keep sandboxes ready (the server does; a one-shot `factory run` does not) */
  prewarm?: boolean;
  /** keep Prometheus metrics (the server does when config.metrics.enabled) */
  metrics?: boolean;
  /** run projects in this process: resume those a stopped or killed process left, start new ones (the server does) */
  projects?: boolean;
  /** the coordinator's options (tests and benchmarks: a cost table, a lease name, more pipelines) */
  coordinator?: CoordinatorOptions;
  /** a stand-in for the Docker runtime (unit tests of the factory's loops); default the real one */
  containers?: ContainerRuntime;
}

/** Opens every module the service is made of; used by the server and by CLI commands that run code. */
export async function openCore(config: Config, opts: CoreOptions = {}): Promise<ServiceDeps> {
  const store = Store.open(config.dataDir, { synchronous: config.audit.synchronous });
  const closers: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
    const metrics = opts.metrics ? serviceMetrics(config) : undefined;
    if (metrics) audit.subscribe(metrics.auditAppended);
    const tokens = new TokenService(store, audit);
    const history = new PolicyHistory(store, audit);
    if (!existsSync(config.policyDir))
      throw new FactoryError(
        'CONFIG_INVALID',
        `policyDir: the policy directory ${config.policyDir} does not exist`,
        { key: 'policyDir' },
        { hint: 'Point FACTORY_POLICY_DIR or --policy-dir at a folder of policy YAML files (the repository has policies/).' },
      );
    const policies = await PolicyRegistry.open(config.policyDir, { onChange: history.onChange });
    closers.unshift(() => policies.close());
    history.registry = policies;
    await history.recordAll();
    if (opts.watchPolicies) policies.watch();
    const docker = new DockerEngine(config.docker.host, {
      pingTimeoutMs: config.docker.pingTimeoutMs,
      requestTimeoutMs: config.docker.requestTimeoutMs,
    });
    closers.unshift(() => docker.close()); // after the sandboxes: gives up whatever the engine never answered
    // one-shot commands keep no spare containers
    const sandboxConfig = opts.prewarm ? config : { ...config, sandbox: { ...config.sandbox, poolSize: 0 } };
    const sandboxes = new Sandboxes(docker, sandboxConfig, instanceId(config.dataDir), { containers: opts.containers });
    closers.unshift(() => sandboxes.close());
    await sandboxes.start(opts.prewarm ? policies.tryGet('default') : undefined, { reap: opts.prewarm === true });
    metrics?.poolSource(() => sandboxes.docker.poolStats());
    const deps = {
      config,
      store,
      audit,
      tokens,
      docker,
      policies,
      history,
      sandboxes,
      access: new Access(audit),
      executor: new Executor(sandboxes, audit, config.sandbox.hostPaths, metrics ? observeExecutions(metrics) : {}),
      events: new EventBus(store.events),
      // the provider does not wait for its call records (they join the store's next grouped transaction; a failing
      // store shows in readiness)
      llm: new OllamaProvider(config.ollama, {
        onCall: (r) => {
          void store.llm.record(r).catch(() => undefined);
          metrics?.llmCall(r);
        },
      }),
      ...(metrics ? { metrics } : {}),
      lifecycle: new Lifecycle(),
      close: async () => {
        for (const c of closers) await c();
      },
      blueprints: await loadBlueprintDir(config.blueprintDir),
    } as unknown as ServiceDeps;
    deps.factory = new Factory(deps);
    if (opts.prewarm) await deps.factory.ensureStaticAgents(deps.blueprints);
    closers.unshift(() => deps.factory.close());
    // jobs and runs that a crashed process left queued or running can never finish
    await store.work.failInterrupted();
    if (opts.prewarm) deps.factory.startSweeper(config.factory.sweepIntervalMs);
    deps.coordinator = createCoordinator(deps, opts.coordinator);
    closers.unshift(() => deps.coordinator.close()); // runs stop where they are, before anything they use closes
    if (metrics) observeProjects(metrics, deps);
    if (opts.projects) await deps.coordinator.start();
    return deps;
  } catch (e) {
    for (const c of closers) await Promise.resolve(c()).catch(() => undefined);
    throw e;
  }
}

/** The coordinator service: composition root that owns every module's lifetime. */
export class Service {
  private stopped = false;
  private metricsApp: FastifyInstance | undefined;
  /** where /metrics listens when it has its own address (config.metrics.port) */
  metricsAddress: string | undefined;

  private constructor(
    readonly deps: ServiceDeps,
    readonly app: FastifyInstance,
    /** set when this start created the first admin token */
    readonly adminTokenFile: string | undefined,
  ) {}

  static async create(config: Config, opts: AppOptions = {}): Promise<Service> {
    const deps = await openCore(config, { watchPolicies: true, prewarm: true, projects: true, metrics: config.metrics.enabled });
    try {
      const adminTokenFile = await deps.tokens.ensureAdminToken(config.dataDir);
      const app = await buildApp(deps, opts);
      return new Service(deps, app, adminTokenFile);
    } catch (e) {
      await deps.close();
      throw e;
    }
  }

  /** Listens on the configured host and port; returns the bound address. */
  async listen(): Promise<string> {
    const { host, port } = this.deps.config.server;
    const address = await this.app.listen({ host, port });
    const { metrics } = this.deps;
    if (metrics && this.deps.config.metrics.port !== undefined) {
      this.metricsApp = await buildMetricsApp(metrics);
      this.metricsAddress = await this.metricsApp.listen({ host: this.deps.config.metrics.host, port: this.deps.config.metrics.port });
    }
    await this.deps.audit.record({ type: 'server_started', action: 'listen', target: address, details: { pid: process.pid } });
    return address;
  }

  /** Graceful: stop accepting, let in-flight work finish within the grace period, cancel the rest, close everything. */
  async stop(reason = 'shutdown'): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const grace = this.deps.config.server.shutdownGraceMs;
    const closing = Promise.all([this.app.close(), this.metricsApp?.close()]);
    // project runs stop where they are (their projects resume at the next start); their tool runs end with them
    await this.deps.coordinator.close();
    const drained = await this.deps.lifecycle.drain(grace);
    await closing;
    await this.deps.audit.record({ type: 'server_stopped', action: reason, target: 'service', details: { ...drained, pid: process.pid } });
    await this.deps.close();
  }
}
