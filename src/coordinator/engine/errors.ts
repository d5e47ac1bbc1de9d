/**
 * How the engine sorts what goes wrong (seed 003's retry matrix, applied):
 * - transient infrastructure (the model server, the sandbox engine, the store): the LLM layer has
 *   already retried with backoff; the project pauses and resumes later. Never journaled.
 * - model errors that repeat until someone changes a setting or the Ollama host (a missing model, a
 *   model without tools or thinking, out of memory, a prompt over the context): not retried; the
 *   project pauses with the error, whose message and hint name what to change. Never journaled, so
 *   the step runs again on resume, with the new settings.
 * - defects of the service (a format Ollama refuses, an internal error): the project fails at once.
 * - run-wide stops (cancel, budget, timeout, step limit, shutdown, lease lost): end the run at once.
 * - everything else the model or a step caused (invalid output, a cut or unfinished reply, unusable
 *   tool calls, loops, no answer, a failed sub-task): journaled as the step's outcome, so a replay
 *   takes the same branch; the workflow's retry logic handles it (re-ask, a larger completion limit,
 *   retry with the error, reassign, replan), past which the project fails.
 */
import { ERROR_CATALOG, FactoryError, type ErrorCode } from '../../errors/catalog.ts';
import type { ErrorValue } from '../model.ts';

const TRANSIENT: ReadonlySet<string> = new Set<ErrorCode>([
  'OLLAMA_UNAVAILABLE',
  'LLM_TIMEOUT',
  'LLM_FAILED',
  'SANDBOX_FAILED',
  'SANDBOX_IMAGE_MISSING',
  'DOCKER_UNAVAILABLE',
  'STORE_BUSY',
  'STORE_UNAVAILABLE',
]);
const NEEDS_CHANGE: ReadonlySet<string> = new Set<ErrorCode>([
  'OLLAMA_MODEL_MISSING',
  'LLM_MODEL_UNSUPPORTED',
  'OLLAMA_OUT_OF_MEMORY',
  'LLM_CONTEXT_OVERFLOW',
]);
const DEFECTS: ReadonlySet<string> = new Set<ErrorCode>(['LLM_SCHEMA_REFUSED', 'INTERNAL']);
const RUN_STOPS: ReadonlySet<string> = new Set<ErrorCode>([
  'PROJECT_CANCELLED',
  'BUDGET_EXCEEDED',
  'PROJECT_TIMEOUT',
  'STEP_LIMIT_EXCEEDED',
  'SHUTTING_DOWN',
  'PROJECT_BUSY',
  'JOURNAL_BROKEN',
  'REPLAY_DIVERGED',
]);

export const codeOf = (e: unknown): string => (e instanceof FactoryError ? e.code : 'INTERNAL');
export const isTransient = (e: unknown): boolean => TRANSIENT.has(codeOf(e));
/** Repeats until a setting or the Ollama host changes: pause, do not retry. */
export const needsChange = (e: unknown): boolean => NEEDS_CHANGE.has(codeOf(e));
export const isRunStop = (e: unknown): boolean => RUN_STOPS.has(codeOf(e));

/** A failure the journal records as a step's outcome (so resume and replay repeat the same branch). */
export function isJournalable(e: unknown): boolean {
  if (!(e instanceof FactoryError)) return false;
  return !TRANSIENT.has(e.code) && !NEEDS_CHANGE.has(e.code) && !DEFECTS.has(e.code) && !RUN_STOPS.has(e.code);
}

export function errorValue(e: unknown): ErrorValue {
  if (e instanceof FactoryError)
    return { code: e.code, message: e.message, retryable: e.retryable, ...(e.details !== undefined ? { details: e.details } : {}) };
  const err = e as { name?: string; message?: string };
  return { code: 'INTERNAL', message: err?.message ?? String(e), retryable: false };
}

/** The error a journaled failure stands for, thrown again on resume and replay. */
export function fromErrorValue(v: ErrorValue): FactoryError {
  const code = (Object.hasOwn(ERROR_CATALOG, v.code) ? v.code : 'INTERNAL') as ErrorCode;
  return new FactoryError(code, v.message, v.details);
}

/** Thrown through the workflow when it reaches an approval gate nobody has decided yet. */
export class Suspended extends Error {
  constructor(readonly gate: string) {
    super(`waiting for approval at ${gate}`);
    this.name = 'Suspended';
  }
}

/** The reason a run's AbortSignal carries, as a FactoryError (abort reasons are thrown as is by the LLM layer). */
export function stopReason(signal: AbortSignal): FactoryError {
  const r: unknown = signal.reason;
  return r instanceof FactoryError ? r : new FactoryError('SHUTTING_DOWN', (r as Error)?.message ?? 'stopped');
}
