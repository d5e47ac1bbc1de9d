import { Ollama, type ChatRequest as OllamaChatRequest, type ChatResponse as OllamaChatResponse } from 'ollama';
import { Agent, fetch as undiciFetch } from 'undici';
import { AttemptFailure, classify, STREAM_CUT } from './errors.ts';
import type { ChatMessage, ToolCall } from './types.ts';
import { assistantMessage, fromOllamaToolCalls, type WireMessage, type WireRequest } from './wire.ts';

/** What one complete attempt returned (a reply that ended with `done: true`). */
export interface RawReply {
  message: ChatMessage;
  /** null where Ollama left the count out (it omits zeros) */
  promptTokens: number | null;
  completionTokens: number | null;
  doneReason: string | undefined;
}

export interface AttemptOptions {
  host: string;
  body: WireRequest;
  timeoutMs: number;
  /** the caller's cancellation; when it fires, its reason is thrown as is */
  signal?: AbortSignal | undefined;
  /** each piece of the answer, in order */
  onToken?: ((text: string) => void) | undefined;
  /** each piece of the reasoning, in order */
  onThinking?: ((text: string) => void) | undefined;
}

/**
 * Node's fetch gives up when a reply's headers take longer than 300 s, and Ollama sends a reply's
 * headers only with its first line. This dispatcher has no header or body timeout: each attempt's own
 * timer (the role's timeoutMs) is the only limit, and its firing is reported as a timeout.
 */
const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 10_000 });

/** A client whose every request carries `signal` (ollama 0.6.4 passes none for non-streaming calls). */
export function clientWithSignal(host: string, signal: AbortSignal): Ollama {
  const fetchWith = ((input: string, init?: RequestInit) => {
    const both = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    return undiciFetch(input, { ...(init as object), dispatcher, signal: both } as never);
  }) as unknown as typeof fetch;
  return new Ollama({ host, fetch: fetchWith });
}

/** done_reason of a reply that only loaded or unloaded the model (server/routes.go ChatHandler: no messages). */
const NOTHING_GENERATED = new Set(['load', 'unload']);

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * One streamed HTTP attempt against /api/chat with its own timeout. Failures are thrown as
 * AttemptFailure (see errors.ts), except a cancellation by the caller, which rethrows the signal's
 * reason, and an error thrown by onToken/onThinking, which is rethrown as is.
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
  const deliver = (fn: ((t: string) => void) | undefined, text: string): void => {
    if (!text || !fn) return;
    try {
      fn(text);
    } catch (e) {
      callbackError = e;
      throw e;
    }
  };
  let content = '';
  let thinking = '';
  const toolCalls: ToolCall[] = [];
  let last: OllamaChatResponse | undefined;
  try {
    const stream = await client.chat({ ...(opts.body as unknown as OllamaChatRequest), stream: true });
    for await (const part of stream) {
      const msg = part.message as WireMessage | undefined;
      thinking += msg?.thinking ?? '';
      deliver(opts.onThinking, msg?.thinking ?? '');
      content += msg?.content ?? '';
      deliver(opts.onToken, msg?.content ?? '');
      toolCalls.push(...fromOllamaToolCalls(msg?.tool_calls));
      if (part.done) last = part;
    }
    if (last && NOTHING_GENERATED.has(last.done_reason)) {
      const why = `Ollama generated nothing (done_reason "${last.done_reason}"): it answers so a request without messages`;
      throw new AttemptFailure('unexpected', false, why, undefined, undefined);
    }
    return {
      message: assistantMessage(content, thinking, toolCalls),
      promptTokens: count(last?.prompt_eval_count),
      completionTokens: count(last?.eval_count),
      doneReason: last?.done_reason || undefined,
    };
  } catch (e) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (callbackError !== noError) throw callbackError; // the caller's callback threw: its error, not Ollama's
    if (!timedOut && e instanceof Error && e.message === STREAM_CUT) {
      const why = 'the reply ended without its final message (done: false)';
      throw new AttemptFailure('incomplete', false, why, undefined, e, { content, thinking });
    }
    throw classify(e, timedOut);
  } finally {
    clearTimeout(timer);
    local.abort(); // releases the connection if the loop ended early; a no-op after a complete reply
  }
}
