import type { Access } from '../access/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { Config } from '../config/schema.ts';
import type { EventBus } from '../events/bus.ts';
import type { Executor } from '../execution/index.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { LlmProvider } from '../llm/index.ts';
import type { PolicyRegistry } from '../policy/index.ts';
import type { Sandboxes } from '../sandbox/index.ts';
import type { Store } from '../store/index.ts';

/** What the factory is made of; given by the composition root. */
export interface FactoryDeps {
  config: Config;
  store: Store;
  audit: AuditTrail;
  events: EventBus;
  executor: Executor;
  policies: PolicyRegistry;
  llm: LlmProvider;
  lifecycle: Lifecycle;
  sandboxes: Sandboxes;
  access: Access;
}
