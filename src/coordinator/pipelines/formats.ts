/**
 * The structured replies pipelines ask for. Fixed shapes are defined once with defineFormat (so
 * tests/llm/formats.test.ts checks them); shapes that name a pipeline's own agents (a selector's or a
 * router's choice, the progress ledger's next speaker) or declare a role's output are built when the
 * pipeline is loaded, and load.ts checks each against Ollama's grammar rules before it is accepted.
 */
import { z } from 'zod';
import { defineFormat, type LlmFormat } from '../../llm/index.ts';
import { toFormatJson, toZod, type JsonSchema } from './json-schema.ts';

const list = (max: number) => z.array(z.string().max(1000)).max(max);

/** Magentic-One's task ledger: what is known and the plan (seed 000 §1: Magentic). */
export const TaskLedgerSchema = z.object({
  facts: z.object({
    given: list(50),
    toLookUp: list(50),
    toDerive: list(50),
    guesses: list(50),
  }),
  plan: z.array(z.string().max(2000)).min(1).max(30),
});
export type TaskLedger = z.infer<typeof TaskLedgerSchema>;

export const PIPELINE_FORMATS = {
  taskLedger: defineFormat('pipeline-task-ledger', TaskLedgerSchema),
};

/** A format built from a pipeline file: not registered (load.ts checks its grammar), named after its file. */
export function runtimeFormat(name: string, schema: JsonSchema, definedIn: string): LlmFormat {
  return Object.freeze({ name, schema: toZod(schema), json: toFormatJson(schema), definedIn });
}

const answer = (s: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { answer: s, reason: { type: 'string', maxLength: 1000 } },
  required: ['answer', 'reason'],
});

/** A choice among named agents: `{<field>: one of them, reason}`. */
export function choiceSchema(field: string, names: string[]): JsonSchema {
  return {
    type: 'object',
    properties: { [field]: { type: 'string', enum: names }, reason: { type: 'string', maxLength: 1000 } },
    required: [field, 'reason'],
  };
}

/** Magentic-One's progress ledger, asked each turn; the next speaker must be one of the agents. */
export function progressLedgerSchema(agents: string[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      isRequestSatisfied: answer({ type: 'boolean' }),
      isInLoop: answer({ type: 'boolean' }),
      isProgressBeingMade: answer({ type: 'boolean' }),
      nextSpeaker: answer({ type: 'string', enum: agents }),
      instructionOrQuestion: answer({ type: 'string', maxLength: 4000 }),
    },
    required: ['isRequestSatisfied', 'isInLoop', 'isProgressBeingMade', 'nextSpeaker', 'instructionOrQuestion'],
  };
}

export interface ProgressLedger {
  isRequestSatisfied: { answer: boolean; reason: string };
  isInLoop: { answer: boolean; reason: string };
  isProgressBeingMade: { answer: boolean; reason: string };
  nextSpeaker: { answer: string; reason: string };
  instructionOrQuestion: { answer: string; reason: string };
}
