import { AUDIT_EVENT_TYPES } from './audit/event.ts';
import { isBlocking, RULES } from './checker/index.ts';
import type { Config } from './config/schema.ts';
import type { ExecutionObserver } from './execution/index.ts';
import { ROLES } from './llm/index.ts';
import { Metrics } from './metrics/index.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * The service's metrics with the label values this configuration allows: the configured models and
 * roles, the checker's rule table and the audit event types. Anything else is labelled "other".
 */
export function serviceMetrics(config: Config): Metrics {
  const { ollama } = config;
  const models = [
    ollama.defaultModel,
    ...Object.values(ollama.models),
    ...Object.values(ollama.roles).flatMap((r) => (r.model ? [r.model] : [])),
    ...config.metrics.models,
  ];
  const roles = [...Object.values(ROLES), ...Object.keys(ollama.models), ...Object.keys(ollama.roles)];
  return new Metrics({ models, roles, rules: Object.keys(RULES), auditTypes: AUDIT_EVENT_TYPES });
}

/** The executor's observer: every check's verdict and every finished run, counted. */
export function observeExecutions(metrics: Metrics): ExecutionObserver {
  return {
    onCheck: (r) =>
      metrics.checkDecision({
        language: r.language,
        allowed: r.allowed,
        blockingRules: r.findings.filter((f) => isBlocking(f.severity)).map((f) => f.rule),
      }),
    onRun: (r) => metrics.sandboxRun(r),
  };
}

/**
 * The coordinator's numbers: projects by status and approvals waiting read from the store at each
 * scrape (so every process sees the same, whichever runs a project), steps counted as this process's
 * runs announce them finished. No project id reaches a label.
 */
export function observeProjects(metrics: Metrics, deps: Pick<ServiceDeps, 'store' | 'events'>): void {
  metrics.projectSource(() => deps.store.projects.countByStatus() as Promise<Record<string, number>>);
  deps.events.subscribe(metrics.projectEvent);
}
