import type { z } from 'zod';
import { grammarErrors, grammarProblems, withinGrammar, type GrammarProblem } from './grammar.ts';
import { jsonSchemaFor } from './structured.ts';

/**
 * Every JSON schema the service sends to Ollama as `format` is defined here, once, at module load:
 * `structured()` takes only a defined format, so the registry lists them all and a test checks each
 * against Ollama's grammar rules (tests/llm/formats.test.ts). Later modules (the coordinator's plans
 * and evaluations) define theirs the same way and are covered without further work.
 */
export interface LlmFormat<T = unknown> {
  /** unique, e.g. `specialist-design` */
  readonly name: string;
  /** validates the reply, long-text bounds included */
  readonly schema: z.ZodType<T>;
  /** what is sent as `format`: the schema's JSON schema without the bounds the grammar cannot take */
  readonly json: Record<string, unknown>;
  /** where it was defined, for the test's messages */
  readonly definedIn: string;
}

const registry = new Map<string, LlmFormat>();

function caller(): string {
  const line = new Error().stack?.split('\n')[3] ?? '';
  const m = /(src\/[^:)]+)/.exec(line);
  return m?.[1] ?? 'unknown';
}

/** Defines (and registers) a structured-output format. Throws when the name is taken. */
export function defineFormat<T>(name: string, schema: z.ZodType<T>): LlmFormat<T> {
  if (registry.has(name)) throw new Error(`LLM format "${name}" is defined twice (${registry.get(name)!.definedIn}, ${caller()})`);
  const json = withinGrammar(jsonSchemaFor(schema)) as Record<string, unknown>;
  const format: LlmFormat<T> = Object.freeze({ name, schema, json, definedIn: caller() });
  registry.set(name, format as LlmFormat);
  return format;
}

/** Every format defined so far (in definition order). */
export function registeredFormats(): LlmFormat[] {
  return [...registry.values()];
}

export { grammarErrors, grammarProblems, type GrammarProblem };
