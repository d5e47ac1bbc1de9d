import type { ChatRequest as OllamaChatRequest, Message as OllamaMessage, Tool as OllamaTool, ToolCall as OllamaToolCall } from 'ollama';
import type { ChatMessage, ThinkSetting, ToolCall, ToolSpec } from './types.ts';

/**
 * Translation between the provider's types and Ollama's wire format (api/types.go). No I/O.
 * ollama-js 0.6.4 does not type what Ollama added later (tool call ids and `tool_call_id` since
 * 0.12.10, `truncate` on /api/chat since 0.12.6): those fields are added here.
 */
export type WireToolCall = OllamaToolCall & { id?: string; function: OllamaToolCall['function'] & { index?: number } };
export type WireMessage = Omit<OllamaMessage, 'tool_calls'> & { tool_calls?: WireToolCall[]; tool_call_id?: string };
export type WireRequest = Omit<OllamaChatRequest, 'messages' | 'think'> & {
  messages: WireMessage[];
  think?: ThinkSetting;
  truncate?: boolean;
};

export function toOllamaMessage(m: ChatMessage): WireMessage {
  const out: WireMessage = { role: m.role, content: m.content };
  if (m.thinking) out.thinking = m.thinking;
  if (m.toolCalls?.length) {
    out.tool_calls = m.toolCalls.map((c) => ({ ...(c.id ? { id: c.id } : {}), function: { name: c.name, arguments: c.arguments } }));
  }
  if (m.toolName !== undefined) out.tool_name = m.toolName;
  if (m.toolCallId !== undefined) out.tool_call_id = m.toolCallId;
  return out;
}

export function toOllamaTool(t: ToolSpec): OllamaTool {
  return {
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters as OllamaTool['function']['parameters'] },
  };
}

export interface CallSettings {
  numCtx: number;
  numPredict: number;
  think: ThinkSetting | undefined;
}

/**
 * The body sent to /api/chat, without `stream` (the caller sets it). `truncate: false` makes
 * Ollama ≥ 0.12.6 refuse a prompt larger than num_ctx instead of dropping its oldest messages.
 */
export function toOllamaRequest(
  req: ChatRequest,
  messages: ChatMessage[],
  model: string,
  s: CallSettings,
  format?: Record<string, unknown>,
): WireRequest {
  const body: WireRequest = { model, messages: messages.map(toOllamaMessage), truncate: false };
  if (req.tools?.length) body.tools = req.tools.map(toOllamaTool);
  if (format) body.format = format;
  const think = req.think ?? s.think;
  if (think !== undefined) body.think = think;
  const o = req.options ?? {};
  const options: NonNullable<OllamaChatRequest['options']> = { num_ctx: o.numCtx ?? s.numCtx, num_predict: o.numPredict ?? s.numPredict };
  if (o.temperature !== undefined) options.temperature = o.temperature;
  if (o.seed !== undefined) options.seed = o.seed;
  body.options = options;
  return body;
}

type ChatRequest = import('./types.ts').ChatRequest;

/** Some models send arguments as a JSON string rather than an object; both become an object. */
function toArguments(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      return { value: raw };
    }
  }
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

export function fromOllamaToolCalls(calls: WireToolCall[] | undefined): ToolCall[] {
  return (calls ?? [])
    .filter((c) => c?.function?.name)
    .map((c) => ({
      ...(typeof c.id === 'string' && c.id ? { id: c.id } : {}),
      name: c.function.name,
      arguments: toArguments(c.function.arguments),
    }));
}

export function assistantMessage(content: string, thinking: string, toolCalls: ToolCall[]): ChatMessage {
  const m: ChatMessage = { role: 'assistant', content };
  if (thinking) m.thinking = thinking;
  if (toolCalls.length) m.toolCalls = toolCalls;
  return m;
}
