import { randomUUID } from 'node:crypto';
import type { ChatRequest, LlmCallRecord, LlmUsage } from './types.ts';

/** USD per million tokens, per model (seed 003 tracks cost per call; local models cost 0). */
export type CostTable = Record<string, { prompt: number; completion: number }>;

/** `llama3` and `llama3:latest` name the same model. */
export function canonicalModel(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.includes(':') ? name : `${name}:latest`;
}

export function costUsd(table: CostTable | undefined, model: string, usage: Pick<LlmUsage, 'promptTokens' | 'completionTokens'>): number {
  const price = table?.[model] ?? table?.[canonicalModel(model)];
  if (!price) return 0;
  return (usage.promptTokens * price.prompt + usage.completionTokens * price.completion) / 1_000_000;
}

export function usageOf(promptTokens: number, completionTokens: number): LlmUsage {
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

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
