import type { ChatMessage, ToolSpec } from './types.ts';

/**
 * Counting what is sent, so a prompt never reaches Ollama larger than its context: Ollama would drop
 * the oldest messages without a word (server/prompt.go chatPrompt) or, with `truncate: false`
 * (Ollama ≥ 0.12.6), answer 400 "the input length exceeds the context length".
 *
 * The estimate is deliberately high: about 3.5 characters per token (tokenizers of the common model
 * families average 3.5-4.5 on English and code), plus the chat template's few tokens per message.
 */
export const CHARS_PER_TOKEN = 3.5;
const PER_MESSAGE = 8;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function messageTokens(m: ChatMessage): number {
  const calls = m.toolCalls?.length ? JSON.stringify(m.toolCalls) : '';
  return PER_MESSAGE + estimateTokens(m.content) + estimateTokens(m.thinking ?? '') + estimateTokens(calls);
}

/** Tokens of the messages and the tool declarations (the template renders them into the prompt). */
export function promptTokens(messages: ChatMessage[], tools: ToolSpec[] = []): number {
  const toolText = tools.length ? JSON.stringify(tools) : '';
  return messages.reduce((n, m) => n + messageTokens(m), estimateTokens(toolText));
}

/** What the prompt may take of the context: the rest is kept for the reply (at most half of it). */
export function promptBudget(numCtx: number, numPredict: number): number {
  return numCtx - Math.min(numPredict, Math.floor(numCtx / 2));
}

export interface Fitted {
  messages: ChatMessage[];
  /** messages dropped or shortened */
  compacted: number;
  tokens: number;
}

const OMITTED = (n: number) =>
  `[an earlier tool result of ${n} characters was left out to fit the context; call the tool again if you need it]`;

/**
 * Compacts a conversation until it fits `budget`: first the oldest tool results are replaced by a
 * note, then the oldest turns after the first user message are dropped (whole turns: an assistant
 * message with its tool results). System messages, the first user message and the latest turn stay.
 * Returns undefined when even that does not fit.
 */
export function compact(messages: ChatMessage[], tools: ToolSpec[], budget: number): Fitted | undefined {
  let out = messages.map((m) => ({ ...m }));
  let compacted = 0;
  const fits = (): boolean => promptTokens(out, tools) <= budget;
  const lastTurn = lastTurnStart(out);
  for (let i = 0; i < lastTurn && !fits(); i++) {
    const m = out[i]!;
    if (m.role === 'tool' && m.content.length > 200) {
      out[i] = { ...m, content: OMITTED(m.content.length) };
      compacted++;
    }
  }
  const firstUser = out.findIndex((m) => m.role === 'user');
  while (!fits()) {
    const start = out.findIndex((m, i) => i > firstUser && m.role === 'assistant');
    if (start < 0 || start >= lastTurnStart(out)) return undefined;
    let end = start + 1;
    while (end < out.length && out[end]!.role === 'tool') end++;
    compacted += end - start;
    out = [...out.slice(0, start), ...out.slice(end)];
  }
  return { messages: out, compacted, tokens: promptTokens(out, tools) };
}

/** Index of the latest assistant message that starts a turn (or the last message). */
function lastTurnStart(messages: ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'assistant') return i;
  return messages.length - 1;
}
