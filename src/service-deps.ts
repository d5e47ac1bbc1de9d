import type { Access } from './access/index.ts';
import type { AuditTrail } from './audit/trail.ts';
import type { TokenService } from './auth/tokens.ts';
import type { Config } from './config/schema.ts';
import type { Coordinator } from './coordinator/index.ts';
import type { EventBus } from './events/bus.ts';
import type { BlueprintDirLoad } from './blueprints/index.ts';
import type { Executor } from './execution/index.ts';
import type { Factory } from './factory/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { LlmProvider } from './llm/index.ts';
import type { Metrics } from './metrics/index.ts';
import type { PolicyRegistry } from './policy/index.ts';
import type { PolicyHistory } from './policy-history.ts';
import type { EngineStatus } from './sandbox/docker/engine.ts';
import type { Sandboxes } from './sandbox/index.ts';
import type { Store } from './store/index.ts';

/** What the HTTP layer and CLI commands may use. Routes only translate HTTP to these doors. */
export interface ServiceDeps {
  config: Config;
  store: Store;
  audit: AuditTrail;
  tokens: TokenService;
  /** who may see and change what: every route, the stream and audit queries ask here */
  access: Access;
  docker: { status(): Promise<EngineStatus> };
  llm: LlmProvider;
  policies: PolicyRegistry;
  history: PolicyHistory;
  sandboxes: Sandboxes;
  executor: Executor;
  events: EventBus;
  /** the blueprints on disk, validated at start (bad ones are listed, never fatal) */
  blueprints: BlueprintDirLoad;
  /** tools and agents; set once the core is open */
  factory: Factory;
  /** projects (issue 12): runs them when the core was opened with `projects` (the server), else only answers about them */
  coordinator: Coordinator;
  lifecycle: Lifecycle;
  /** Prometheus metrics, when config.metrics.enabled (the server's own process only) */
  metrics?: Metrics;
  /** closes every module in reverse order of opening */
  close(): Promise<void>;
}
