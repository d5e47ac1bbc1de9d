import { randomUUID } from 'node:crypto';
import { canonicalModel } from './roles.ts';
import type { ChatRequest, LlmCallRecord, LlmUsage } from './types.ts';

/** USD per million tokens, per model (seed 003 tracks cost per call; local models cost 0). */
export type CostTable = Record<string, { prompt: number; completion: number }>;

/** Cost of the known counts (an unknown count adds nothing). */
export function costUsd(table: CostTable | undefined, model: string, usage: Pick<LlmUsage, 'promptTokens' | 'completionTokens'>): number {
  const price = table?.[model] ?? Object.entries(table ?? {}).find(([m]) => canonicalModel(m) === canonicalModel(model))?.[1];
  if (!price) return 0;
  return ((usage.promptTokens ?? 0) * price.prompt + (usage.completionTokens ?? 0) * price.completion) / 1_000_000;
}

/** Counts as reported: null stays null (unknown), the total only when both are known. */
export function usageOf(promptTokens: number | null, completionTokens: number | null): LlmUsage {
  const totalTokens = promptTokens !== null && completionTokens !== null ? promptTokens + completionTokens : null;
  return { promptTokens, completionTokens, totalTokens };
}

export const UNKNOWN_USAGE: LlmUsage = Object.freeze(usageOf(null, null));

export interface RecordInput {
  req: ChatRequest;
  model: string;
  startedAt: Date;
  durationMs: number;
  attempts: number;
  usage: LlmUsage;
  /** null: the call succeeded */
  error: { code: string; message: string } | null;
  costs: CostTable | undefined;
}

export function callRecord(r: RecordInput): LlmCallRecord {
  return {
    id: randomUUID(),
    at: r.startedAt.toISOString(),
    role: r.req.role,
    model: r.model,
    promptTokens: r.usage.promptTokens,
    completionTokens: r.usage.completionTokens,
    durationMs: r.durationMs,
    attempts: r.attempts,
    ok: r.error === null,
    error: r.error ? `${r.error.code}: ${r.error.message}` : null,
    costUsd: costUsd(r.costs, r.model, r.usage),
    project: r.req.project ?? null,
    task: r.req.task ?? null,
    agent: r.req.agent ?? null,
  };
}
