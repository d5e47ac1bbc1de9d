import { FactoryError } from '../errors/catalog.ts';

/**
 * What went wrong in one HTTP attempt against Ollama, and whether another attempt can help.
 * Retryable: 408, 429, 5xx, timeouts, connections dropped mid-request, errors reported inside a stream.
 * Not retryable: the server is not reachable at all (fail fast so the API can answer 503 at once),
 * the model is not pulled, other 4xx, and replies that are not Ollama's JSON.
 */
export type FailureKind = 'unavailable' | 'model-missing' | 'timeout' | 'http' | 'dropped' | 'stream' | 'unexpected';

export class AttemptFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly retryable: boolean,
    message: string,
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'AttemptFailure';
  }
}

/** Codes of a connection that could not be opened: nothing is listening, or the host does not resolve. */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
/** Codes of a connection that was open and then broke. */
const DROP_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
const STREAM_CUT = 'Did not receive done or success response in stream.';
const MODEL_NOT_FOUND = /model\s+["']?(.+?)["']?\s+not found/i;

interface ErrorLike { name?: string; message?: string; status_code?: unknown; error?: unknown; code?: unknown; cause?: unknown }

function causeCode(e: unknown): string | undefined {
  let cur = e as ErrorLike | undefined;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.code === 'string') return cur.code;
    cur = cur.cause as ErrorLike | undefined;
  }
  return undefined;
}

/** Sorts a thrown value from the ollama client into an AttemptFailure. `timedOut`: our per-request timer fired. */
export function classify(e: unknown, timedOut: boolean): AttemptFailure {
  if (e instanceof AttemptFailure) return e;
  if (timedOut) return new AttemptFailure('timeout', true, 'timed out', undefined, e);
  const err = (e ?? {}) as ErrorLike;
  // ollama 0.6.4 does not export ResponseError: recognise it by name and status_code
  if (err.name === 'ResponseError' && typeof err.status_code === 'number') {
    const status = err.status_code;
    const text = String(err.error ?? err.message ?? '');
    if (status === 404 && MODEL_NOT_FOUND.test(text)) return new AttemptFailure('model-missing', false, text, status, e);
    const retryable = status === 408 || status === 429 || status >= 500;
    return new AttemptFailure('http', retryable, `HTTP ${status}: ${text}`, status, e);
  }
  const code = causeCode(e);
  if (code && CONNECT_CODES.has(code)) return new AttemptFailure('unavailable', false, code, undefined, e);
  if ((code && DROP_CODES.has(code)) || err.message === 'terminated' || err.message === STREAM_CUT) {
    return new AttemptFailure('dropped', true, `connection dropped (${code ?? err.message})`, undefined, e);
  }
  if (err.name === 'TypeError' && err.message === 'fetch failed') {
    return new AttemptFailure('unavailable', false, code ?? 'fetch failed', undefined, e);
  }
  // the client turns an {"error": "..."} line inside a stream into a plain Error
  if (e instanceof Error && e.constructor === Error && e.message) return new AttemptFailure('stream', true, e.message, undefined, e);
  return new AttemptFailure('unexpected', false, err.message ?? String(e), undefined, e);
}

export interface CallContext {
  host: string;
  model: string;
  attempts: number;
  timeoutMs: number;
  /** part of the reply had already been streamed to the caller, so the call was not retried */
  partial?: boolean;
}

/** The catalog error for a call whose last attempt failed with `f`. */
export function toFactoryError(f: AttemptFailure, ctx: CallContext): FactoryError {
  const { host, model, attempts } = ctx;
  const base = { host, model, attempts, ...(ctx.partial ? { partial: true } : {}) };
  const after = ctx.partial ? ' (after part of the reply was streamed; not retried)' : '';
  switch (f.kind) {
    case 'unavailable':
      return new FactoryError(
        'OLLAMA_UNAVAILABLE',
        `Ollama is not reachable at ${host} (${f.message}). Start it with \`ollama serve\`, or set OLLAMA_HOST to a running server.`,
        { ...base, reason: f.message },
        { cause: f.cause },
      );
    case 'model-missing':
      return new FactoryError(
        'OLLAMA_MODEL_MISSING',
        `The model "${model}" is not available in Ollama at ${host}. Pull it with \`ollama pull ${model}\`, or choose another model (ollama.models or the blueprint).`,
        { ...base, server: f.message },
        { cause: f.cause, hint: `Run \`ollama pull ${model}\`.` },
      );
    case 'timeout':
      return new FactoryError(
        'LLM_TIMEOUT',
        `The model "${model}" did not answer within ${ctx.timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'})${after}.`,
        { ...base, timeoutMs: ctx.timeoutMs },
        { cause: f.cause },
      );
    default:
      return new FactoryError(
        'LLM_FAILED',
        `The call to model "${model}" failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${f.message}${after}`,
        { ...base, kind: f.kind, ...(f.status !== undefined ? { status: f.status } : {}) },
        { cause: f.cause },
      );
  }
}
