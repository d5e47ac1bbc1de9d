import { z } from 'zod';
import { formatIssues } from '../errors/catalog.ts';
import type { ChatMessage } from './types.ts';

/** Structured output: the zod schema is the single source of both the `format` sent and the check made. */

export type Issue = { path: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** The JSON schema of what `schema` accepts (its input side): Ollama's `format`, or a ToolSpec's `parameters`. */
export function jsonSchemaFor(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * Reasoning a model wrote into its answer (a thinking model Ollama does not parse as one) is never
 * part of the answer: `<think>…</think>` blocks are removed.
 */
export function withoutThinking(text: string): string {
  return text.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '').replace(/^[\s\S]*?<\/think(?:ing)?>/i, '');
}

/** A reply wrapped in a Markdown code fence is unwrapped; anything else is taken as is. */
function unfence(text: string): string {
  const m = /^\s*```[a-zA-Z]*\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  return m?.[1] ?? text;
}

export function parseReply<T>(schema: z.ZodType<T>, content: string): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(unfence(withoutThinking(content)));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [{ path: '(root)', message: `the reply is not valid JSON (${why})` }] };
  }
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: formatIssues(r.error.issues) };
}

/** A bad reply is echoed in the re-ask only this long (its start and end), so a runaway reply cannot overflow the context. */
export const ECHO_LIMIT = 6_000;

function echo(reply: string): string {
  if (reply.length <= ECHO_LIMIT) return reply;
  const half = ECHO_LIMIT / 2;
  return `${reply.slice(0, half)}\n[… ${reply.length - ECHO_LIMIT} characters left out …]\n${reply.slice(-half)}`;
}

/** The conversation for the one re-ask: the bad reply, then the problems found in it. */
export function repairMessages(messages: ChatMessage[], badReply: string, issues: Issue[]): ChatMessage[] {
  const list = issues.map((i) => `- ${i.path}: ${i.message}`).join('\n');
  return [
    ...messages,
    { role: 'assistant', content: echo(badReply) },
    {
      role: 'user',
      content: `Your reply did not match the required JSON schema. Problems:\n${list}\nReply again with only the corrected JSON, matching the schema exactly.`,
    },
  ];
}
