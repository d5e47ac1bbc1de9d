/** The metrics module's door: Prometheus metrics of the service (prom-client lives only here). */
export { Metrics, type MetricsOptions } from './metrics.ts';
export { BoundedLabel, modelName, OTHER, RoleLabel } from './labels.ts';
export type { CheckDecision, LlmCall, PoolSnapshot, ProjectMetrics, SandboxRun } from './types.ts';
