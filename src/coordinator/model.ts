/**
 * The coordinator's data: project statuses, the project record, journal entries and usage. Shared by
 * the engine, the door and the store's repository (which implements `ProjectRepository`, ports.ts).
 */
import type { ProjectSettings } from '../config/schema.ts';

/** Seed 004 §4.1, plus waiting for approval and paused. */
export const PROJECT_STATUSES = [
  'pending',
  'planning',
  'executing',
  'reviewing',
  'waiting_for_approval',
  'paused',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ProjectStatus[] = ['completed', 'failed', 'cancelled'];
/** Statuses in which a project is (or should be) running: the engine resumes these after a restart. */
export const ACTIVE_STATUSES: readonly ProjectStatus[] = ['pending', 'planning', 'executing', 'reviewing'];
/** The statuses a workflow sets itself (its phase); waiting and paused return to the phase. */
export type ProjectPhase = 'pending' | 'planning' | 'executing' | 'reviewing';

export const isTerminal = (s: ProjectStatus): boolean => TERMINAL_STATUSES.includes(s);

/** Running totals, kept in the project row and updated in the same transaction as the journal. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  llmCalls: number;
  toolRuns: number;
  steps: number;
  /** running time summed over runs (waiting and paused excluded) */
  wallMs: number;
  /** model calls whose token counts are estimates (Ollama reported none, or the call failed): the tokens above include them */
  estimatedCalls: number;
}
export const ZERO_USAGE: Usage = {
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  llmCalls: 0,
  toolRuns: 0,
  steps: 0,
  wallMs: 0,
  estimatedCalls: 0,
};

/** An error as it is stored and shown: the catalog code, message, details. */
export interface ErrorValue {
  code: string;
  message: string;
  retryable?: boolean;
  details?: unknown;
}

/** An open approval gate. */
export interface OpenGate {
  gate: 'plan' | 'aggregation';
  /** the how-many-th time the workflow reached this gate (1-based) */
  round: number;
  /** what is to be approved (the plan, or the results about to be aggregated) */
  subject: unknown;
  openedAt: string;
}

export interface PauseInfo {
  reason: 'budget' | 'llm' | 'sandbox' | 'shutdown' | 'requested' | 'error';
  error: ErrorValue;
  at: string;
}

export interface ProjectRecord {
  id: string;
  name: string;
  owner: string;
  task: string;
  /** the workflow the project runs (issue 13: pipelines); 'seed004' is the default */
  pipeline: string;
  status: ProjectStatus;
  phase: ProjectPhase;
  config: ProjectSettings;
  plan: unknown;
  result: unknown;
  error: ErrorValue | null;
  waiting: OpenGate | null;
  paused: PauseInfo | null;
  usage: Usage;
  metrics: unknown;
  /** the id of the last run (a run is one process driving the project until it stops) */
  runs: number;
  cancelRequested: boolean;
  lease: { owner: string; expiresAt: string } | null;
  journalLength: number;
  journalHead: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type JournalKind = 'step' | 'llm' | 'tool' | 'signal' | 'mark';

/**
 * One row of a project's journal, hash-chained per project. `step`: an activity's result (or its
 * deterministic failure); `llm`/`tool`: one model reply or tool run inside a step, by call index;
 * `signal`: a human decision the workflow reads (approval); `mark`: runner facts (run started, paused…).
 */
export interface JournalEntry {
  project: string;
  seq: number;
  key: string;
  kind: JournalKind;
  ok: boolean;
  data: unknown;
  meta: Record<string, unknown>;
  at: string;
  prevHash: string;
  hash: string;
}

/** Who is asking (an API token, or the service itself): the access rules' principal. */
export type { Principal } from '../access/index.ts';
