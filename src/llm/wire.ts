import type { ChatRequest as OllamaChatRequest, Message as OllamaMessage, Tool as OllamaTool, ToolCall as OllamaToolCall } from 'ollama';
import type { ChatMessage, ChatRequest, ToolCall, ToolSpec } from './types.ts';

/** Translation between the provider's types and Ollama's wire format. No I/O. */

export function toOllamaMessage(m: ChatMessage): OllamaMessage {
  const out: OllamaMessage = { role: m.role, content: m.content };
  if (m.toolCalls?.length) out.tool_calls = m.toolCalls.map((c) => ({ function: { name: c.name, arguments: c.arguments } }));
  if (m.toolName !== undefined) out.tool_name = m.toolName;
  return out;
}

export function toOllamaTool(t: ToolSpec): OllamaTool {
  return { type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters as OllamaTool['function']['parameters'] } };
}

/** The body sent to /api/chat, without `stream` (the caller sets it). */
export function toOllamaRequest(req: ChatRequest, model: string, format?: Record<string, unknown>): OllamaChatRequest {
  const body: OllamaChatRequest = { model, messages: req.messages.map(toOllamaMessage) };
  if (req.tools?.length) body.tools = req.tools.map(toOllamaTool);
  if (format) body.format = format;
  const o = req.options;
  if (o) {
    const options: NonNullable<OllamaChatRequest['options']> = {};
    if (o.temperature !== undefined) options.temperature = o.temperature;
    if (o.numCtx !== undefined) options.num_ctx = o.numCtx;
    if (o.seed !== undefined) options.seed = o.seed;
    if (Object.keys(options).length) body.options = options;
  }
  return body;
}

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

export function fromOllamaToolCalls(calls: OllamaToolCall[] | undefined): ToolCall[] {
  return (calls ?? []).filter((c) => c?.function?.name).map((c) => ({ name: c.function.name, arguments: toArguments(c.function.arguments) }));
}

export function assistantMessage(content: string, toolCalls: ToolCall[]): ChatMessage {
  return toolCalls.length ? { role: 'assistant', content, toolCalls } : { role: 'assistant', content };
}
