import { Ollama } from 'ollama';
import type { ChatRequest as OllamaChatRequest, ChatResponse as OllamaChatResponse } from 'ollama';
import { classify } from './errors.ts';
import type { ChatMessage, ToolCall } from './types.ts';
import { assistantMessage, fromOllamaToolCalls } from './wire.ts';

/** What one successful attempt returned. */
export interface RawReply {
  message: ChatMessage;
  promptTokens: number;
  completionTokens: number;
  doneReason: string | undefined;
}

export interface AttemptOptions {
  host: string;
  body: OllamaChatRequest;
  timeoutMs: number;
  /** the caller's cancellation; when it fires, its reason is thrown as is */
  signal?: AbortSignal | undefined;
  /** given: the reply is streamed (NDJSON) and each piece of content is passed here in order */
  onToken?: ((text: string) => void) | undefined;
}

/** A client whose every request carries `signal` (ollama 0.6.4 passes none for non-streaming calls). */
export function clientWithSignal(host: string, signal: AbortSignal): Ollama {
  return new Ollama({
    host,
    fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
  });
}

function counts(r: Partial<OllamaChatResponse> | undefined): { promptTokens: number; completionTokens: number } {
  return { promptTokens: Number(r?.prompt_eval_count ?? 0) || 0, completionTokens: Number(r?.eval_count ?? 0) || 0 };
}

/**
 * One HTTP attempt against /api/chat with its own timeout. Failures are thrown as AttemptFailure
 * (see errors.ts), except a cancellation by the caller, which rethrows the signal's reason.
 */
export async function chatOnce(opts: AttemptOptions): Promise<RawReply> {
  const local = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    local.abort(new DOMException(`no answer within ${opts.timeoutMs} ms`, 'TimeoutError'));
  }, opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, local.signal]) : local.signal;
  const client = clientWithSignal(opts.host, signal);
  const noError = Symbol('none');
  let callbackError: unknown = noError;
  try {
    if (!opts.onToken) {
      const r = await client.chat({ ...opts.body, stream: false });
      const toolCalls = fromOllamaToolCalls(r.message?.tool_calls);
      return { message: assistantMessage(r.message?.content ?? '', toolCalls), ...counts(r), doneReason: r.done_reason };
    }
    const stream = await client.chat({ ...opts.body, stream: true });
    let content = '';
    const toolCalls: ToolCall[] = [];
    let last: OllamaChatResponse | undefined;
    for await (const part of stream) {
      const text = part.message?.content ?? '';
      if (text) {
        content += text;
        try {
          opts.onToken(text);
        } catch (e) {
          callbackError = e;
          throw e;
        }
      }
      toolCalls.push(...fromOllamaToolCalls(part.message?.tool_calls));
      if (part.done) last = part;
    }
    return { message: assistantMessage(content, toolCalls), ...counts(last), doneReason: last?.done_reason };
  } catch (e) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (callbackError !== noError) throw callbackError; // the caller's onToken threw: its error, not Ollama's
    throw classify(e, timedOut);
  } finally {
    clearTimeout(timer);
    local.abort(); // releases the connection if the loop ended early; a no-op after a complete reply
  }
}
