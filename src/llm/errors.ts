import { FactoryError, type ErrorCode } from '../errors/catalog.ts';

/**
 * What went wrong in one HTTP attempt against Ollama, and whether another attempt can help.
 * Transient (retried with backoff): 408, 429, other 5xx, timeouts, connections dropped mid-request,
 * errors reported inside a stream. Repeating every time (not retried): the server is not reachable at
 * all (fail fast so the API can answer 503), the model is not pulled or lacks a capability, the schema
 * is refused, out of memory, a prompt over the context, other 4xx, replies that are not Ollama's.
 */
export type FailureKind =
  | 'unavailable'
  | 'model-missing'
  | 'model-name'
  | 'timeout'
  | 'http'
  | 'dropped'
  | 'stream'
  | 'unexpected'
  | 'unsupported'
  | 'think-level'
  | 'schema'
  | 'memory'
  | 'context'
  | 'incomplete';

export class AttemptFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly retryable: boolean,
    message: string,
    readonly status: number | undefined,
    cause: unknown,
    /** what had arrived before an incomplete reply ended */
    readonly partial?: { content: string; thinking: string },
  ) {
    super(message, { cause });
    this.name = 'AttemptFailure';
  }
}

/** Codes of a connection that could not be opened: nothing is listening, or the host does not resolve. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Codes of a connection that was open and then broke. */
const DROP_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
/** undici's own header/body timeouts: a slow model, not a missing server. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** ollama-js: the stream ended without a `done: true` line. */
export const STREAM_CUT = 'Did not receive done or success response in stream.';
const MODEL_NOT_FOUND = /model\s+["']?(.+?)["']?\s+not found/i;

/**
 * Ollama's words for failures that repeat on every attempt (server/routes.go, server/images.go
 * CheckCapabilities, llm/server.go Completion, runner/*: grammar and sampler set-up, llm/status.go
 * outOfMemorySubstrings, the runners' errorInputTooLong).
 */
const anyOf = (...phrases: string[]): RegExp => new RegExp(phrases.join('|'), 'i');
const PERMANENT: { kind: FailureKind; re: RegExp }[] = [
  { kind: 'think-level', re: /think value .* is not supported for this model/i },
  {
    kind: 'unsupported',
    re: anyOf(
      'does not support (tools|thinking|chat|completion|generate|insert|vision|embedding)',
      'not supported by your version of Ollama',
    ),
  },
  {
    kind: 'schema',
    re: anyOf(
      'invalid JSON schema in format',
      'invalid format:',
      'JSON schema conversion failed',
      'number of repetitions exceeds sane defaults',
      'failed to load model vocabulary required for format',
      'unable to create sampling context',
      'failed to (parse|initialize) grammar',
      'failed to initialize samplers',
      'unknown escape',
    ),
  },
  {
    kind: 'context',
    re: anyOf('input length exceeds the context length', 'exceeds the available context size', 'prompt is longer than the context length'),
  },
  {
    kind: 'memory',
    re: anyOf(
      'requires more (system )?memory',
      'out of (device )?memory',
      'cudaMalloc failed',
      'hipMalloc failed',
      'failed to allocate',
      'allocation failed',
      'not enough memory',
      'insufficient memory',
      'erroroutofmemory',
      'vk_error_out_of_device_memory',
    ),
  },
];

/**
 * Ollama's words for a request it could not read or use (gin's JSON binding, api.Options.FromMap,
 * ThinkValue, Duration): the same request fails again, whatever its status (FromMap's is a 500).
 */
const REQUEST_REFUSED = anyOf(
  '^json: cannot unmarshal',
  '^invalid character',
  '^unexpected EOF',
  '^missing request body',
  '^option ".*" must be',
  '^invalid think value',
  '^think must be a boolean',
  '^time: invalid duration',
  '^Unsupported type',
);
/** A model name Ollama cannot parse (server/model_resolver.go; "model is required" before 0.18). */
const BAD_NAME = /^(invalid model name|model is required)$/i;

function permanentKind(text: string): FailureKind | undefined {
  return PERMANENT.find((p) => p.re.test(text))?.kind;
}

interface ErrorLike {
  name?: string;
  message?: string;
  status_code?: unknown;
  error?: unknown;
  code?: unknown;
  cause?: unknown;
}

function causeCode(e: unknown): string | undefined {
  let cur = e as ErrorLike | undefined;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.code === 'string') return cur.code;
    cur = cur.cause as ErrorLike | undefined;
  }
  return undefined;
}

/** Sorts a thrown value from the ollama client into an AttemptFailure. `timedOut`: our per-attempt timer fired. */
export function classify(e: unknown, timedOut: boolean): AttemptFailure {
  if (e instanceof AttemptFailure) return e;
  if (timedOut) return new AttemptFailure('timeout', true, 'timed out', undefined, e);
  const err = (e ?? {}) as ErrorLike;
  // ollama 0.6.4 does not export ResponseError: recognise it by name and status_code
  if (err.name === 'ResponseError' && typeof err.status_code === 'number') {
    const status = err.status_code;
    const text = String(err.error ?? err.message ?? '');
    if (status === 404 && MODEL_NOT_FOUND.test(text)) return new AttemptFailure('model-missing', false, text, status, e);
    if (status === 400 && BAD_NAME.test(text.trim())) return new AttemptFailure('model-name', false, text, status, e);
    const permanent = permanentKind(text);
    if (permanent) return new AttemptFailure(permanent, false, `HTTP ${status}: ${text}`, status, e);
    const retryable = !REQUEST_REFUSED.test(text.trim()) && (status === 408 || status === 429 || status >= 500);
    return new AttemptFailure('http', retryable, `HTTP ${status}: ${text}`, status, e);
  }
  const code = causeCode(e);
  if (code && TIMEOUT_CODES.has(code)) return new AttemptFailure('timeout', true, `timed out (${code})`, undefined, e);
  if (code && CONNECT_CODES.has(code)) return new AttemptFailure('unavailable', false, code, undefined, e);
  if ((code && DROP_CODES.has(code)) || err.message === 'terminated') {
    return new AttemptFailure('dropped', true, `connection dropped (${code ?? err.message})`, undefined, e);
  }
  if (err.name === 'TypeError' && err.message === 'fetch failed') {
    return new AttemptFailure('unavailable', false, code ?? 'fetch failed', undefined, e);
  }
  // the client turns an {"error": "..."} line inside a stream into a plain Error
  if (e instanceof Error && e.constructor === Error && e.message) {
    const permanent = permanentKind(e.message);
    return new AttemptFailure(permanent ?? 'stream', !permanent, e.message, undefined, e);
  }
  return new AttemptFailure('unexpected', false, err.message ?? String(e), undefined, e);
}

export interface CallContext {
  host: string;
  model: string;
  role: string;
  attempts: number;
  timeoutMs: number;
  numCtx: number;
  /** part of the reply had already been streamed to the caller, so the call was not retried */
  partial?: boolean;
}

type Describe = (c: CallContext, server: string) => string;
const PERMANENT_ERRORS: Partial<Record<FailureKind, { code: ErrorCode; what: Describe }>> = {
  unsupported: {
    code: 'LLM_MODEL_UNSUPPORTED',
    what: (c, m) =>
      `The model "${c.model}" cannot do what the call needs (${m}). Choose a model that can ` +
      `(\`ollama show ${c.model}\` lists its capabilities) for the role ${c.role} in ollama.roles.`,
  },
  'think-level': {
    code: 'LLM_MODEL_UNSUPPORTED',
    what: (c, m) =>
      `The model "${c.model}" takes no think level (${m}): set think to true or false for the role ${c.role} in ` +
      'ollama.roles (levels are for gpt-oss only before Ollama 0.17.7).',
  },
  schema: {
    code: 'LLM_SCHEMA_REFUSED',
    what: (_c, m) =>
      `Ollama refused the JSON schema sent as format (${m}). This is a defect of the service's format: ` +
      'tests/llm/formats.test.ts checks every registered format.',
  },
  memory: {
    code: 'OLLAMA_OUT_OF_MEMORY',
    what: (c, m) =>
      `Ollama has not enough memory for "${c.model}" with num_ctx ${c.numCtx} (${m}). Choose a smaller model ` +
      `or numCtx for the role ${c.role}, or free memory on the Ollama host.`,
  },
  context: {
    code: 'LLM_CONTEXT_OVERFLOW',
    what: (c, m) =>
      `The prompt does not fit the context of "${c.model}" (num_ctx ${c.numCtx}): ${m}. ` +
      `Raise ollama.roles.${roleKey(c.role)}.numCtx (within what the model supports), or send less.`,
  },
};

/** The config key a role's settings live under (agent:x → agent). */
export function roleKey(role: string): string {
  return role.split(':')[0] ?? role;
}

/** The catalog error for a call whose last attempt failed with `f`. */
export function toFactoryError(f: AttemptFailure, ctx: CallContext): FactoryError {
  const { host, model, attempts } = ctx;
  const base = { host, model, role: ctx.role, attempts, ...(ctx.partial ? { partial: true } : {}) };
  const after = ctx.partial ? ' (after part of the reply was streamed; not retried)' : '';
  const permanent = PERMANENT_ERRORS[f.kind];
  if (permanent) {
    const details = { ...base, server: f.message, ...(f.status ? { status: f.status } : {}) };
    return new FactoryError(permanent.code, permanent.what(ctx, f.message), details, { cause: f.cause });
  }
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
        `The model "${model}" is not available in Ollama at ${host}. Pull it with \`ollama pull ${model}\`, ` +
          'or choose another model (ollama.roles or the blueprint).',
        { ...base, server: f.message },
        { cause: f.cause, hint: `Run \`ollama pull ${model}\`.` },
      );
    case 'model-name':
      return new FactoryError(
        'OLLAMA_MODEL_MISSING',
        `"${model}" is not a valid model name for Ollama at ${host} (${f.message}): names are [host/][namespace/]model[:tag], ` +
          'each part letters, digits, _, - and . (no spaces, no empty tag). Fix it in ollama.roles or the blueprint.',
        { ...base, server: f.message },
        { cause: f.cause, hint: 'Use a name as `ollama list` shows it, e.g. llama3.1:8b.' },
      );
    case 'timeout':
      return new FactoryError(
        'LLM_TIMEOUT',
        `The model "${model}" did not finish within ${ctx.timeoutMs} ms (${plural(attempts, 'attempt')})${after}. ` +
          `Raise ollama.roles.${roleKey(ctx.role)}.timeoutMs or use a smaller model.`,
        { ...base, timeoutMs: ctx.timeoutMs },
        { cause: f.cause },
      );
    case 'incomplete':
      return new FactoryError(
        'LLM_INCOMPLETE',
        `The reply of model "${model}" ended without its final message: Ollama stopped the generation (its repeated-token ` +
          `guard, or the runner stopped). ${f.partial?.content.length ?? 0} characters had arrived.`,
        { ...base, received: (f.partial?.content ?? '').slice(-500) },
        { cause: f.cause },
      );
    default:
      return new FactoryError(
        'LLM_FAILED',
        `The call to model "${model}" failed after ${plural(attempts, 'attempt')}: ${f.message}${after}`,
        { ...base, kind: f.kind, ...(f.status !== undefined ? { status: f.status } : {}) },
        { cause: f.cause },
      );
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A reply that reached its length limit (done_reason "length"). */
export function truncatedError(r: { model: string; role: string; completionTokens: number | null; content: string }): FactoryError {
  return new FactoryError(
    'LLM_TRUNCATED',
    `The reply of model "${r.model}" was cut at its length limit (done_reason "length", ${r.completionTokens ?? 'unknown'} tokens): ` +
      `ask for less, or raise ollama.roles.${roleKey(r.role)}.numPredict.`,
    { model: r.model, role: r.role, completionTokens: r.completionTokens, reply: r.content.slice(-2_000) },
  );
}

/** A prompt the service will not send: it does not fit what the context leaves for it. */
export interface Overflow {
  role: string;
  model: string;
  tokens: number;
  budget: number;
  numCtx: number;
  compacted: boolean;
}
export function overflowError(c: Overflow): FactoryError {
  return new FactoryError(
    'LLM_CONTEXT_OVERFLOW',
    `The prompt for ${c.role} (about ${c.tokens} tokens${c.compacted ? ', also after compacting' : ''}) does not fit the ` +
      `${c.budget} tokens that num_ctx ${c.numCtx} of "${c.model}" leaves after the room kept for the reply. ` +
      `Send less, or raise ollama.roles.${roleKey(c.role)}.numCtx.`,
    { role: c.role, model: c.model, estimatedTokens: c.tokens, budget: c.budget, numCtx: c.numCtx },
  );
}

/** A format the grammar rules refuse: not sent at all. */
export function formatRefusedError(name: string, definedIn: string, problems: { path: string; message: string }[]): FactoryError {
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  const message = `The format "${name}" (${definedIn}) would be refused by Ollama's grammar: ${list}`;
  return new FactoryError('LLM_SCHEMA_REFUSED', message, { format: name, problems });
}
