import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BoundedLabel, HTTP_METHODS, modelName, OTHER, RoleLabel, statusLabel } from './labels.ts';
import type { CheckDecision, LlmCall, PoolSnapshot, ProjectMetrics, SandboxRun } from './types.ts';

export interface MetricsOptions {
  /** the configured model names: others are labelled "other" */
  models: Iterable<string>;
  /** the model roles to tell apart (designer, generator, agent …): others count under their prefix or "other" */
  roles: Iterable<string>;
  /** checker rule ids (a fixed table): a rule not in it is "other" */
  rules: Iterable<string>;
  /** audit event types */
  auditTypes: Iterable<string>;
  /** process and Node.js metrics (CPU, memory, event loop lag, handles) */
  processMetrics?: boolean;
  /** how many pool profiles are told apart; more are summed up as "other" */
  maxPoolProfiles?: number;
}

/** seed 004 §4.1 plus the coordinator's waiting and paused */
const PROJECT_STATUSES = new BoundedLabel([
  'pending',
  'planning',
  'executing',
  'reviewing',
  'waiting_for_approval',
  'paused',
  'completed',
  'failed',
  'cancelled',
]);
const STEP_OUTCOMES = new BoundedLabel(['completed', 'failed', 'retried', 'cancelled', 'skipped']);

const RUN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const LLM_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus metrics (the only module that uses prom-client). Modules never call it:
 * the composition root hands its methods to their hooks (the executor's observer, the LLM layer's
 * onCall, the audit trail's subscribers, the stream's observer, an HTTP hook). Every label takes a
 * bounded set of values.
 */
export class Metrics implements ProjectMetrics {
  readonly registry = new Registry();
  private readonly models: BoundedLabel;
  private readonly roles: RoleLabel;
  private readonly rules: BoundedLabel;
  private readonly auditTypes: BoundedLabel;
  private readonly profiles = new Map<string, string>();
  private readonly maxProfiles: number;
  private pools: () => PoolSnapshot[] = () => [];
  private projectsByStatus: (() => Promise<Record<string, number>>) | undefined;
  /** one read per scrape serves both project gauges */
  private counting: Promise<void> | undefined;

  private readonly sandboxRuns: Counter<'runtime' | 'status'>;
  private readonly sandboxDuration: Histogram<'runtime' | 'status'>;
  private readonly checkerDecisions: Counter<'language' | 'decision'>;
  private readonly checkerRules: Counter<'language' | 'rule'>;
  private readonly llmCalls: Counter<'model' | 'role' | 'outcome'>;
  private readonly llmTokens: Counter<'model' | 'role' | 'kind'>;
  private readonly llmDuration: Histogram<'model' | 'role'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly wsConnections: Gauge;
  private readonly wsDropped: Counter<'reason'>;
  private readonly auditEvents: Counter<'type'>;
  private readonly projects: Gauge<'status'>;
  private readonly projectSteps: Counter<'status'>;
  private readonly approvals: Gauge;

  constructor(opts: MetricsOptions) {
    this.models = new BoundedLabel(opts.models, modelName);
    this.roles = new RoleLabel(opts.roles);
    this.rules = new BoundedLabel(opts.rules);
    this.auditTypes = new BoundedLabel(opts.auditTypes);
    this.maxProfiles = opts.maxPoolProfiles ?? 32;
    const registers = [this.registry];
    // the event-loop delay is sampled by a timer: every 100 ms rather than prom-client's 10 ms, so that an idle
    // service is not woken 100 times a second for it
    if (opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });

    this.sandboxRuns = new Counter({
      name: 'factory_sandbox_runs_total',
      help: 'Sandboxed runs by runtime and outcome',
      labelNames: ['runtime', 'status'],
      registers,
    });
    this.sandboxDuration = new Histogram({
      name: 'factory_sandbox_run_duration_seconds',
      help: 'Wall time of sandboxed runs',
      labelNames: ['runtime', 'status'],
      buckets: RUN_BUCKETS,
      registers,
    });
    const pools = () => this.pools();
    const profile = (key: string) => this.profileOf(key);
    new Gauge({
      name: 'factory_sandbox_pool_containers',
      help: 'Warm pool containers per limit profile: ready or being prepared (filling)',
      labelNames: ['profile', 'state'],
      registers,
      collect() {
        this.reset();
        for (const p of pools()) {
          this.inc({ profile: profile(p.key), state: 'ready' }, p.ready);
          this.inc({ profile: profile(p.key), state: 'filling' }, p.filling);
        }
      },
    });
    new Gauge({
      name: 'factory_sandbox_pool_waiting_runs',
      help: 'Runs waiting for a warm container per limit profile',
      labelNames: ['profile'],
      registers,
      collect() {
        this.reset();
        for (const p of pools()) this.inc({ profile: profile(p.key) }, p.waiting);
      },
    });
    this.checkerDecisions = new Counter({
      name: 'factory_checker_decisions_total',
      help: 'Static checks by language and decision (allowed, blocked)',
      labelNames: ['language', 'decision'],
      registers,
    });
    this.checkerRules = new Counter({
      name: 'factory_checker_blocks_total',
      help: 'Blocked checks by language and the blocking rule (each rule once per check)',
      labelNames: ['language', 'rule'],
      registers,
    });
    this.llmCalls = new Counter({
      name: 'factory_llm_calls_total',
      help: 'Model calls by model, role and outcome (ok, error)',
      labelNames: ['model', 'role', 'outcome'],
      registers,
    });
    this.llmTokens = new Counter({
      name: 'factory_llm_tokens_total',
      help: 'Tokens reported by the model, by model, role and kind (prompt, completion)',
      labelNames: ['model', 'role', 'kind'],
      registers,
    });
    this.llmDuration = new Histogram({
      name: 'factory_llm_call_duration_seconds',
      help: 'Wall time of model calls, retries included',
      labelNames: ['model', 'role'],
      buckets: LLM_BUCKETS,
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'factory_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.wsConnections = new Gauge({ name: 'factory_ws_connections', help: 'Open WebSocket stream connections', registers });
    this.wsDropped = new Counter({
      name: 'factory_ws_clients_dropped_total',
      help: 'Stream clients disconnected by the service (slow: could not keep up)',
      labelNames: ['reason'],
      registers,
    });
    this.auditEvents = new Counter({
      name: 'factory_audit_events_total',
      help: 'Audit events appended, by type',
      labelNames: ['type'],
      registers,
    });
    // fed by the coordinator: counts read from the store at each scrape (projectSource), steps as they finish
    const counts = () => this.projectCounts();
    this.projects = new Gauge({
      name: 'factory_projects',
      help: 'Projects by status',
      labelNames: ['status'],
      registers,
      async collect() {
        await counts();
      },
    });
    this.projectSteps = new Counter({
      name: 'factory_project_steps_total',
      help: 'Project steps finished, by outcome',
      labelNames: ['status'],
      registers,
    });
    this.approvals = new Gauge({
      name: 'factory_approvals_waiting',
      help: 'Approval gates waiting for a decision',
      registers,
      async collect() {
        await counts();
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition format (version 0.0.4). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  sandboxRun = (r: SandboxRun): void => {
    const labels = { runtime: r.runtime, status: r.status };
    this.sandboxRuns.inc(labels);
    this.sandboxDuration.observe(labels, r.durationMs / 1000);
  };

  /** Where the warm pool's state is read at each scrape. */
  poolSource(read: () => PoolSnapshot[]): void {
    this.pools = read;
  }

  checkDecision = (d: CheckDecision): void => {
    this.checkerDecisions.inc({ language: d.language, decision: d.allowed ? 'allowed' : 'blocked' });
    if (d.allowed) return;
    for (const rule of new Set(d.blockingRules)) this.checkerRules.inc({ language: d.language, rule: this.rules.of(rule) });
  };

  llmCall = (c: LlmCall): void => {
    const model = this.models.of(c.model);
    const role = this.roles.of(c.role);
    this.llmCalls.inc({ model, role, outcome: c.ok ? 'ok' : 'error' });
    if (c.promptTokens) this.llmTokens.inc({ model, role, kind: 'prompt' }, c.promptTokens);
    if (c.completionTokens) this.llmTokens.inc({ model, role, kind: 'completion' }, c.completionTokens);
    this.llmDuration.observe({ model, role }, c.durationMs / 1000);
  };

  /** `route` is the route's pattern (`/api/v1/tools/:name`), undefined when no route matched. */
  httpRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.httpDuration.observe(
      { method: HTTP_METHODS.of(method), route: route ?? 'unmatched', status_code: statusLabel(statusCode) },
      seconds,
    );
  }

  readonly stream = {
    opened: (): void => this.wsConnections.inc(),
    closed: (): void => this.wsConnections.dec(),
    dropped: (): void => this.wsDropped.inc({ reason: 'slow' }),
  };

  auditAppended = (e: { type: string }): void => {
    this.auditEvents.inc({ type: this.auditTypes.of(e.type) });
  };

  /**
   * Where projects by status are read at each scrape (the store's counts); a project waiting for
   * approval has exactly one open gate, so that count is also the approvals waiting.
   */
  projectSource(read: () => Promise<Record<string, number>>): void {
    this.projectsByStatus = read;
  }

  /** Project steps as the coordinator announces them finished (`step_completed`, `step_failed`). */
  projectEvent = (e: { topic: string; status: string }): void => {
    if (!e.topic.startsWith('project:')) return;
    if (e.status === 'step_completed') this.projectStep('completed');
    else if (e.status === 'step_failed') this.projectStep('failed');
  };

  private projectCounts(): Promise<void> {
    const read = this.projectsByStatus;
    if (!read) return Promise.resolve();
    this.counting ??= read()
      .then((by) => {
        this.setProjects(by);
        this.setApprovalsWaiting(by.waiting_for_approval ?? 0);
      })
      .finally(() => {
        this.counting = undefined;
      });
    return this.counting;
  }

  setProjects(byStatus: Record<string, number>): void {
    this.projects.reset();
    const sums = new Map<string, number>();
    for (const [status, n] of Object.entries(byStatus))
      sums.set(PROJECT_STATUSES.of(status), (sums.get(PROJECT_STATUSES.of(status)) ?? 0) + n);
    for (const [status, n] of sums) this.projects.set({ status }, n);
  }

  projectStep(status: string): void {
    this.projectSteps.inc({ status: STEP_OUTCOMES.of(status) });
  }

  setApprovalsWaiting(n: number): void {
    this.approvals.set(n);
  }

  private profileOf(key: string): string {
    const known = this.profiles.get(key);
    if (known) return known;
    if (this.profiles.size >= this.maxProfiles) return OTHER;
    this.profiles.set(key, key);
    return key;
  }
}
