/**
 * What the metrics take from other modules, as plain shapes: the modules expose hooks, the composition
 * root (src/service.ts) connects them, and nothing outside src/metrics knows prom-client.
 */

/** A finished sandboxed run (the executor's observer). */
export interface SandboxRun {
  runtime: 'docker' | 'isolate';
  status: string;
  durationMs: number;
}

/** A static check's verdict (the executor's observer). */
export interface CheckDecision {
  language: string;
  allowed: boolean;
  /** the rules of the critical and major findings */
  blockingRules: string[];
}

/** One model call (the LLM layer's onCall record). */
export interface LlmCall {
  model: string;
  role: string;
  ok: boolean;
  promptTokens: number | null;
  completionTokens: number | null;
  durationMs: number;
}

/** The warm pool of one limit profile, read at each scrape. */
export interface PoolSnapshot {
  key: string;
  ready: number;
  filling: number;
  waiting: number;
}

/**
 * What the coordinator feeds when it lands: projects by status (pending, planning, executing,
 * reviewing, waiting_for_approval, paused, completed, failed, cancelled), steps as they finish, and
 * the approval gates waiting for a decision.
 */
export interface ProjectMetrics {
  setProjects(byStatus: Record<string, number>): void;
  projectStep(status: string): void;
  setApprovalsWaiting(n: number): void;
}
