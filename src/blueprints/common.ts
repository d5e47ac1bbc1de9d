/**
 * Building blocks shared by agent and tool blueprints: names, bounded text, output specs and the
 * issue shape every blueprint problem is reported in.
 */
import { z } from 'zod';

/** Agent and tool names: 2-64 characters of a-z, 0-9, `_` and `-`, starting with a letter. */
export const BLUEPRINT_NAME_RE = /^[a-z][a-z0-9_-]{1,63}$/;
export const BlueprintName = z.string().regex(BLUEPRINT_NAME_RE, 'must be 2-64 characters of a-z, 0-9, _ and -, starting with a letter');

/** Size bounds (characters unless named bytes). */
export const LIMITS = {
  description: 4096,
  purpose: 16 * 1024,
  systemPrompt: 32 * 1024,
  knowledgeContent: 16 * 1024,
  knowledgeItems: 100,
  shortText: 256,
  constraint: 1024,
  listItems: 100,
  params: 50,
  examples: 50,
  exampleInputBytes: 64 * 1024,
  expectationBytes: 256 * 1024,
  sourceBytes: 256 * 1024,
  envVars: 50,
  envValue: 4096,
  schemaFields: 100,
  ttlSeconds: 365 * 24 * 3600,
  maxTurns: 100,
} as const;

/** Non-empty text up to `max` characters (blank text is refused too). */
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, 'must not be empty');

/** A list of short non-empty strings. */
export const textList = (maxItem: number, maxItems: number = LIMITS.listItems) =>
  z.array(text(maxItem)).max(maxItems, `must have at most ${maxItems} items`);

/** An Ollama model name such as `qwen2.5-coder:7b` or `hf.co/org/model:Q4_K_M`. */
export const ModelName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/, 'must be an Ollama model name such as qwen2.5-coder:7b');

export const TtlSeconds = z.number().int().min(1).max(LIMITS.ttlSeconds);

/** A field name in an output schema and the type it carries, as text (`float`, `list[string]`, `dict[string, int]`). */
export const FieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an identifier such as total_errors');
export const TypeText = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\[[A-Za-z0-9_,\[\] |]*\])?\??$/, 'must be a type such as int, float, list[string] or dict[string, int]');

export const TOOL_OUTPUT_FORMATS = ['json', 'text', 'csv'] as const;
export const AGENT_OUTPUT_FORMATS = ['json', 'text', 'csv', 'markdown'] as const;

const outputSpecFields = {
  schema: z
    .record(FieldName, TypeText)
    .refine((r) => Object.keys(r).length <= LIMITS.schemaFields, `must have at most ${LIMITS.schemaFields} fields`)
    .optional(),
  description: text(LIMITS.description).optional(),
};

/** What a tool prints: `json` (one JSON document on stdout), `text` or `csv`. */
export const OutputSpec = z.strictObject({ format: z.enum(TOOL_OUTPUT_FORMATS), ...outputSpecFields });
export type OutputSpec = z.infer<typeof OutputSpec>;

/** What an agent answers with; agents may also answer in Markdown. */
export const AgentOutputSpec = z.strictObject({ format: z.enum(AGENT_OUTPUT_FORMATS), ...outputSpecFields });
export type AgentOutputSpec = z.infer<typeof AgentOutputSpec>;

/** One blueprint problem: a dotted path (`inputSpec.0.type`, `(root)` for the whole document) and why. */
export interface BlueprintIssue {
  path: string;
  message: string;
  /** 1-based line in the YAML/JSON source, when the blueprint came from text */
  line?: number;
}

/** Dotted path of a zod issue path. */
export function dotted(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** UTF-8 size of a JSON-serializable value (Infinity when it cannot be serialized). */
export function jsonBytes(v: unknown): number {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? 0 : Buffer.byteLength(s, 'utf8');
  } catch {
    return Infinity;
  }
}
