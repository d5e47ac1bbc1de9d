/**
 * The schemas of what a project row holds (its JSON columns, status and phase): the store parses rows
 * with them, and the door's views (schemas.ts) reuse them. Only zod and the model here, so the store
 * loads them without loading the coordinator.
 */
import { z } from 'zod';
import { PROJECT_STATUSES } from './model.ts';

export const StatusSchema = z.enum(PROJECT_STATUSES);
export const PhaseSchema = z.enum(['pending', 'planning', 'executing', 'reviewing']);
const Gate = z.string().describe('seed 004: plan, aggregation; pipelines: e.g. planner (a conversation), escalation');
export const JOURNAL_KINDS = ['step', 'llm', 'tool', 'signal', 'mark'] as const;
export const JournalKindSchema = z.enum(JOURNAL_KINDS);

export const ErrorValueSchema = z
  .object({ code: z.string(), message: z.string(), retryable: z.boolean().optional(), details: z.unknown().optional() })
  .meta({ id: 'ProjectError', description: 'A catalog error (docs/errors.md) as the project stores it' });

export const UsageSchema = z
  .object({
    promptTokens: z.number(),
    completionTokens: z.number(),
    costUsd: z.number(),
    llmCalls: z.number(),
    toolRuns: z.number(),
    steps: z.number(),
    wallMs: z.number().describe('running time summed over runs (waiting and paused excluded)'),
    estimatedCalls: z.number().describe('model calls whose token counts are estimates (Ollama reported none, or the call failed)'),
  })
  .meta({ id: 'ProjectUsage' });

export const OpenGateSchema = z.object({
  gate: Gate,
  accepts: z
    .array(z.enum(['approve', 'reject', 'message']))
    .optional()
    .describe('the answers it takes (absent: approve and reject); message: POST /projects/{id}/messages'),
  round: z.number().int().describe('the how-many-th time the workflow reached this gate'),
  subject: z.unknown().describe('what is to be approved: the plan, or the results about to be aggregated'),
  openedAt: z.string(),
});

export const PauseSchema = z.object({
  reason: z.enum(['budget', 'llm', 'sandbox', 'shutdown', 'requested', 'error']),
  error: ErrorValueSchema,
  at: z.string(),
});
