import { existsSync, mkdirSync } from 'node:fs';
import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Executor } from '../execution/index.ts';
import type { Policy, PolicyChangeEvent } from '../policy/index.ts';
import type { LimitOverrides, SandboxLanguage } from '../sandbox/index.ts';
import type { Store } from '../store/index.ts';
import type { Io } from './command.ts';
import { isPolicyPath, policyOrError } from './scripts.ts';

/** Config from --config/--data-dir plus environment, for commands that work on the data directory offline. */
export function configFrom(values: Record<string, unknown>, io: Io, extraFlags: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    file: values.config as string | undefined,
    env: io.env,
    flags: { dataDir: values['data-dir'] as string | undefined, ...extraFlags },
  });
}

/** Opens the store of the data directory (safe while the server runs: WAL + busy timeout). */
export async function withStore<T>(
  config: Config,
  fn: (ctx: { store: Store; audit: AuditTrail; tokens: TokenService }) => Promise<T>,
): Promise<T> {
  const [{ Store }, { AuditTrail }, { TokenService }] = await Promise.all([
    import('../store/index.ts'),
    import('../audit/trail.ts'),
    import('../auth/tokens.ts'),
  ]);
  const store = Store.open(config.dataDir, { synchronous: config.audit.synchronous });
  try {
    const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
    return await fn({ store, audit, tokens: new TokenService(store, audit) });
  } finally {
    await store.close();
  }
}

export interface Runner {
  policy: Policy;
  executor: Executor;
  /** Closes everything; the run's container is removed by the engine after this process has gone. */
  close(): Promise<void>;
}

/**
 * What `factory run` needs of the service, and nothing else (no HTTP server, factory, LLM client or
 * blueprints), opened in the order that lets the engine work while this process loads the rest: the
 * policies, then the run's container is prepared ahead (the script is sent to it only after the static
 * check), then the store, the audit trail and the policy history (versions recorded, rejected files
 * audited, as at every start of the service), then the checker and the executor. Work a crashed service
 * left behind is the service's to settle at its own start, not a run's (a service may be running).
 */
export async function openRunner(
  config: Config,
  policyArg: string | undefined,
  next: { language: SandboxLanguage; overrides: LimitOverrides },
): Promise<Runner> {
  if (!existsSync(config.policyDir)) {
    throw new FactoryError(
      'CONFIG_INVALID',
      `policyDir: the policy directory ${config.policyDir} does not exist`,
      { key: 'policyDir' },
      {
        hint: 'Point FACTORY_POLICY_DIR or --policy-dir at a folder of policy YAML files (the repository has policies/).',
      },
    );
  }
  const { PolicyRegistry, loadPolicyFile } = await import('../policy/index.ts');
  const changes: PolicyChangeEvent[] = []; // audited once the store is open
  const registry = await PolicyRegistry.open(config.policyDir, { onChange: (e) => changes.push(e) });
  const closers: (() => Promise<void> | void)[] = [() => registry.close()];
  const close = async () => {
    for (const c of closers.splice(0)) await c();
  };
  try {
    const name = policyArg ?? 'default';
    const policy = isPolicyPath(name)
      ? await loadPolicyFile(name, config.policyDir)
      : policyOrError(name, config.policyDir, {
          policy: registry.tryGet(name),
          issues: registry.problems().find((p) => p.name === name)?.issues,
          known: registry.list().map((p) => p.name),
        });

    const [{ DockerEngine }, { Sandboxes, limitsFor, mountsFor }, { instanceId }] = await Promise.all([
      import('../sandbox/docker/engine.ts'),
      import('../sandbox/index.ts'),
      import('../instance.ts'),
    ]);
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 }); // the instance id lives there
    const { pingTimeoutMs, requestTimeoutMs } = config.docker;
    const engine = new DockerEngine(config.docker.host, { pingTimeoutMs, requestTimeoutMs });
    closers.unshift(() => engine.close());
    const sandboxes = new Sandboxes(engine, { ...config, sandbox: { ...config.sandbox, poolSize: 0 } }, instanceId(config.dataDir));
    // crash recovery (containers of processes that are gone) goes on beside the run
    const recovery = sandboxes.start(undefined, { reap: false });
    closers.unshift(async () => {
      await recovery;
      await sandboxes.close({ detach: true });
    });
    // limits first: a policy the sandbox cannot honour is refused before anything is created
    const limits = limitsFor(policy, next.overrides);
    sandboxes.docker.prepareAhead({ language: next.language, limits, mounts: mountsFor(policy, config.sandbox.hostPaths) });

    const [{ Store }, { AuditTrail }, { PolicyHistory }, { Executor }] = await Promise.all([
      import('../store/index.ts'),
      import('../audit/trail.ts'),
      import('../policy-history.ts'),
      import('../execution/index.ts'),
    ]);
    const store = Store.open(config.dataDir, { synchronous: config.audit.synchronous });
    closers.push(() => store.close());
    const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
    const history = new PolicyHistory(store, audit);
    for (const e of changes) history.onChange(e);
    history.registry = registry;
    await history.recordAll();
    return { policy, executor: new Executor(sandboxes, audit, config.sandbox.hostPaths), close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
