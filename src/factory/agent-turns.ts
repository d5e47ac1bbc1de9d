import type { ChatMessage, ToolSpec } from '../llm/index.ts';
import { withoutThinking } from '../llm/index.ts';

/**
 * What an agent's reply is, as the run loop sees it. Ollama recognises only declared tool names
 * (tools/tools.go): depending on the model's template, a call it cannot match is dropped (the reply is
 * empty) or the whole reply arrives as text; small models also write calls as text on their own.
 */
export type ReplyProblem = 'empty' | 'as-text' | 'undeclared' | 'no-call';
export type ReplyKind = { kind: 'calls' } | { kind: 'answer'; text: string } | { kind: 'problem'; reason: ReplyProblem; detail: string };

/** Markers with which chat templates wrap tool calls (qwen, mistral, llama 3.x, functionary-style). */
const CALL_MARKERS = /<tool_call>|<\/tool_call>|\[TOOL_CALLS\]|<\|python_tag\|>|<function=|<\|tool_call/i;

function jsonCandidates(text: string): unknown[] {
  const body = text.replace(/```[a-zA-Z]*/g, ' ');
  const out: unknown[] = [];
  for (let i = 0; out.length < 5;) {
    const rel = body.slice(i).search(/[[{]/);
    if (rel < 0) break;
    const start = i + rel;
    const end = matchingEnd(body, start);
    if (end < 0) break;
    try {
      out.push(JSON.parse(body.slice(start, end + 1)));
      i = end + 1;
    } catch {
      i = start + 1; // not JSON: keep looking inside
    }
  }
  return out;
}

function matchingEnd(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i;
  }
  return -1;
}

/** The tool name a call-shaped object names: {name, arguments|parameters}, {function: {name}}, or {<tool>: {...}}. */
function calledName(v: unknown, declared: string[]): string | undefined {
  if (Array.isArray(v)) return v.map((x) => calledName(x, declared)).find((n) => n !== undefined);
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string' && ('arguments' in o || 'parameters' in o)) return o.name;
  if (o.function && typeof o.function === 'object') return calledName({ arguments: {}, ...(o.function as object) }, declared);
  const keys = Object.keys(o);
  if (keys.length === 1 && declared.includes(keys[0]!) && typeof o[keys[0]!] === 'object') return keys[0];
  return undefined;
}

/** A tool call written into the answer's text: the tool it names, or `?` for a marker without a readable call. */
export function callInText(text: string, declared: string[]): string | undefined {
  const named = jsonCandidates(text)
    .map((c) => calledName(c, declared))
    .find((n) => n !== undefined);
  if (named) return named;
  return CALL_MARKERS.test(text) ? '?' : undefined;
}

/**
 * Sorts a reply. `requireCall`: the blueprint requires tool use and no tool has run yet in this run,
 * so prose is not an answer.
 */
export function classifyReply(message: ChatMessage, declared: string[], requireCall: boolean): ReplyKind {
  const calls = message.toolCalls ?? [];
  const problem = (reason: ReplyProblem, detail: string): ReplyKind => ({ kind: 'problem', reason, detail });
  if (calls.length) {
    const unknown = calls.filter((c) => !declared.includes(c.name)).map((c) => `\`${c.name}\``);
    if (!unknown.length) return { kind: 'calls' };
    return problem('undeclared', `called ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} not among your tools`);
  }
  const text = withoutThinking(message.content).trim();
  if (!text) return problem('empty', 'was empty');
  const named = callInText(text, declared);
  if (named === '?') return problem('as-text', 'wrote a tool call as text instead of calling it');
  if (named && declared.includes(named)) return problem('as-text', `wrote a call of \`${named}\` as text instead of calling it`);
  if (named) return problem('undeclared', `wrote a call of \`${named}\`, which is not among your tools, as text instead of calling it`);
  if (requireCall && declared.length) return problem('no-call', 'answered without calling a tool, and this agent must use its tools');
  return { kind: 'answer', text };
}

function signature(t: ToolSpec): string {
  const props = (t.parameters.properties ?? {}) as Record<string, { type?: string }>;
  const required = new Set((t.parameters.required ?? []) as string[]);
  const params = Object.entries(props)
    .map(([n, p]) => `${n}${required.has(n) ? '' : '?'}: ${p.type ?? 'any'}`)
    .join(', ');
  return `- ${t.name}(${params}): ${t.description.slice(0, 200)}`;
}

/** The user message that asks again, naming what went wrong and the declared tools. */
export function repromptMessage(detail: string, tools: ToolSpec[], requireCall: boolean): ChatMessage {
  const list = tools.length ? tools.map(signature).join('\n') : '(none: answer in plain text)';
  const close = requireCall
    ? 'Call one of these tools now.'
    : 'Call one of these tools if you need it; otherwise answer the task in plain text.';
  const how = 'Tools are called through the tool-calling interface, never written into the answer.';
  return { role: 'user', content: `Your last reply ${detail}. ${how} Your tools:\n${list}\n${close}` };
}
