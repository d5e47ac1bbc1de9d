import type { z } from 'zod';
import { grammarErrors, grammarProblems, MAX_REPETITIONS, type GrammarProblem } from './grammar.ts';
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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Keywords whose values are data, not schemas: left as they are. */
const DATA = new Set(['const', 'enum', 'default', 'examples']);

/**
 * The schema with the bounds the grammar cannot take removed: lengths and item counts over the
 * repetition limit (zod checks them after the reply). Everything else is kept as is.
 */
export function withinGrammar(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withinGrammar);
  if (!isObj(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    const length = (k === 'maxLength' || k === 'minLength') && typeof v === 'number' && v > MAX_REPETITIONS;
    const items = (k === 'maxItems' || k === 'minItems') && typeof v === 'number' && v - 1 > MAX_REPETITIONS;
    if (length || items) continue;
    const schemaMap = k === 'properties' || k === '$defs' || k === 'definitions';
    out[k] = DATA.has(k) ? v : schemaMap ? mapValues(v, withinGrammar) : withinGrammar(v);
  }
  return out;
}

function mapValues(v: unknown, f: (x: unknown) => unknown): unknown {
  return isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, f(x)])) : v;
}
