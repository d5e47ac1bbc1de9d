import type { AuditTrail } from '../audit/trail.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Config } from '../config/schema.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { LlmStatus } from '../llm/ollama.ts';
import type { EngineStatus } from '../sandbox/docker/engine.ts';
import type { Store } from '../store/index.ts';

/** What the HTTP layer may use. Routes only translate HTTP to these doors. */
export interface ServiceDeps {
  config: Config;
  store: Store;
  audit: AuditTrail;
  tokens: TokenService;
  docker: { status(): Promise<EngineStatus> };
  llm: { status(): Promise<LlmStatus> };
  lifecycle: Lifecycle;
}
