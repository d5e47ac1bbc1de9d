import { ConfigSchema } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import { chatOnce, clientWithSignal, type RawReply } from './call.ts';
import { compact, promptBudget, promptTokens } from './context.ts';
import { embedOnce } from './embed.ts';
import { AttemptFailure, formatRefusedError, overflowError, toFactoryError, truncatedError } from './errors.ts';
import type { LlmFormat } from './formats.ts';
import { grammarErrors } from './grammar.ts';
import { callRecord, UNKNOWN_USAGE, usageOf, type CostTable } from './records.ts';
import { withRetries, type RetryOutcome } from './retry.ts';
import { missingModels, pickModel, resolveRole, type OllamaSettings, type ResolvedRole } from './roles.ts';
import { parseReply, repairMessages } from './structured.ts';
import type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  LlmCallRecord,
  LlmProvider,
  LlmStatus,
  LlmUsage,
  StructuredResult,
} from './types.ts';
import { toOllamaRequest } from './wire.ts';

export type { LlmStatus } from './types.ts';
export type { OllamaSettings } from './roles.ts';

export interface OllamaProviderOptions {
  /** called once per model call (a structured re-ask is a second call), failed calls included; must not throw */
  onCall?: (record: LlmCallRecord) => void;
  /** USD per million tokens by model; a model not listed costs 0 (local models cost nothing) */
  costPerMillionTokens?: CostTable;
}

type Fitted = { messages: ChatMessage[]; compacted: number };
type Exchange = { ok: true; result: ChatResult; doneReason: string | undefined } | { ok: false; error: unknown; record: LlmCallRecord };

const REPLY_EXCERPT = 2_000;
/** After Ollama refused a prompt as over the context: compact to this share of what was sent, at most REFITS times. */
const REFIT_SHARE = 0.6;
const REFITS = 2;
const isContext = (e: unknown): boolean => e instanceof AttemptFailure && e.kind === 'context';

/** The LLM provider backed by an Ollama server. The `ollama` package is used only under src/llm/. */
export class OllamaProvider implements LlmProvider {
  readonly host: string;
  private readonly settings: OllamaSettings;
  private readonly opts: OllamaProviderOptions;

  constructor(settings: OllamaSettings, opts?: OllamaProviderOptions);
  /** @deprecated the pre-LLM-layer form; pass `config.ollama` instead */
  constructor(host: string, pingTimeoutMs?: number);
  constructor(a: OllamaSettings | string, b?: OllamaProviderOptions | number) {
    this.settings =
      typeof a === 'string' ? ConfigSchema.shape.ollama.parse({ host: a, ...(typeof b === 'number' ? { pingTimeoutMs: b } : {}) }) : a;
    this.opts = typeof b === 'object' ? b : {};
    this.host = this.settings.host;
  }

  modelFor(role: string, override?: string): string {
    return pickModel(this.settings, role, override);
  }

  async chat(req: ChatRequest): Promise<ChatResult> {
    const out = await this.exchange(req, resolveRole(this.settings, req.role, req.model));
    return this.settle(out, req);
  }

  async structured<T>(format: LlmFormat<T>, req: ChatRequest): Promise<StructuredResult<T>> {
    const role = resolveRole(this.settings, req.role, req.model);
    const refused = grammarErrors(format.json);
    if (refused.length) {
      const error = formatRefusedError(format.name, format.definedIn, refused);
      this.emit(this.failedRecord(req, role.model, error));
      throw error;
    }
    let messages = req.messages;
    let spent: LlmUsage = usageOf(0, 0);
    for (let ask = 1; ; ask++) {
      let parsed: ReturnType<typeof parseReply<T>> | undefined;
      const summarize = (issues: { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      const result = this.settle(await this.exchange({ ...req, messages }, role, format.json), req, (r) => {
        parsed = parseReply(format.schema, r.message.content);
        return parsed.ok ? null : `LLM_OUTPUT_INVALID: ${summarize(parsed.issues)}`;
      });
      spent = addUsage(spent, result.usage);
      const content = result.message.content;
      if (parsed!.ok) return { ...result, value: parsed!.value, asks: ask, spent };
      const issues = parsed!.issues;
      const summary = summarize(issues);
      if (ask >= 2) {
        throw new FactoryError(
          'LLM_OUTPUT_INVALID',
          `The reply of model "${role.model}" did not match the format "${format.name}", also after one re-ask: ${summary}`,
          { model: role.model, role: req.role, format: format.name, asks: ask, spent, issues, reply: content.slice(0, REPLY_EXCERPT) },
        );
      }
      messages = repairMessages(req.messages, content, issues);
    }
  }

  embed(req: EmbedRequest): Promise<EmbedResult> {
    return embedOnce(this.settings, req, (r) => this.emit(r), this.opts.costPerMillionTokens);
  }

  async status(): Promise<LlmStatus> {
    const client = clientWithSignal(this.host, AbortSignal.timeout(this.settings.pingTimeoutMs));
    try {
      const list = await client.list();
      const models = list.models.map((m) => m.name);
      const missing = missingModels(this.settings, models);
      return { ok: true, host: this.host, models, ...(missing.length ? { missingModels: missing } : {}) };
    } catch (e) {
      const err = e as { cause?: { code?: string }; name?: string; message?: string };
      const reason = err.cause?.code ?? (err.name === 'TimeoutError' ? 'timeout' : (err.message ?? String(e)));
      const error = `Ollama not reachable at ${this.host} (${reason}); start it with \`ollama serve\` or set OLLAMA_HOST`;
      return { ok: false, host: this.host, error };
    }
  }

  /**
   * Emits the call's record and turns a failed exchange or a truncated reply into its error.
   * `check` may find the reply unusable: its `CODE: message` marks the record as failed.
   */
  private settle(out: Exchange, req: ChatRequest, check?: (r: ChatResult) => string | null): ChatResult {
    if (!out.ok) {
      this.emit(out.record);
      throw out.error;
    }
    const { result } = out;
    if (out.doneReason === 'length') {
      const { model, usage, message } = result;
      const error = truncatedError({ model, role: req.role, completionTokens: usage.completionTokens, content: message.content });
      this.emit({ ...result.record, ok: false, error: `LLM_TRUNCATED: ${error.message}` });
      throw error;
    }
    const problem = check?.(result) ?? null;
    if (problem) Object.assign(result.record, { ok: false, error: problem });
    this.emit(result.record);
    return result;
  }

  /**
   * Fits the conversation to the role's context, then one model call with its retries; never throws.
   * Should Ollama count more tokens than the estimate (its 400 for a prompt over num_ctx, as
   * `truncate: false` asks), a conversation that may be compacted is compacted further and sent again.
   */
  private async exchange(req: ChatRequest, role: ResolvedRole, format?: Record<string, unknown>): Promise<Exchange> {
    const startedAt = new Date();
    const t0 = performance.now();
    const numCtx = req.options?.numCtx ?? role.numCtx;
    const budget = promptBudget(numCtx, req.options?.numPredict ?? role.numPredict);
    let fitted = this.fit(req, budget, role.model, numCtx);
    if (fitted instanceof FactoryError) return { ok: false, error: fitted, record: this.failedRecord(req, role.model, fitted, startedAt) };
    const stream = { started: false };
    let outcome = await this.send(req, role, numCtx, fitted.messages, format, stream);
    let attempts = outcome.attempts;
    for (let again = 0; again < REFITS && req.compact && !outcome.ok && isContext(outcome.error) && !stream.started; again++) {
      const smaller = compact(req.messages, req.tools ?? [], Math.floor(promptTokens(fitted.messages, req.tools) * REFIT_SHARE));
      if (!smaller) break;
      fitted = smaller;
      outcome = await this.send(req, role, numCtx, fitted.messages, format, stream);
      attempts += outcome.attempts;
    }
    const durationMs = Math.round(performance.now() - t0);
    const base = { req, model: role.model, startedAt, durationMs, attempts, costs: this.opts.costPerMillionTokens };
    if (outcome.ok) {
      const reply: RawReply = outcome.value;
      const usage: LlmUsage = usageOf(reply.promptTokens, reply.completionTokens);
      const record = callRecord({ ...base, usage, error: null });
      const result = { message: reply.message, usage, model: role.model, durationMs, record, compacted: fitted.compacted };
      return { ok: true, doneReason: reply.doneReason, result };
    }
    const { timeoutMs } = role;
    const context = { host: this.host, model: role.model, role: req.role, attempts, timeoutMs, numCtx, partial: stream.started };
    const error = outcome.error instanceof AttemptFailure ? toFactoryError(outcome.error, context) : outcome.error;
    return { ok: false, error, record: callRecord({ ...base, usage: UNKNOWN_USAGE, error: describe(error) }) };
  }

  /** One request body, sent with its retries. `stream.started`: text already went to the caller (then no retry). */
  private send(
    req: ChatRequest,
    role: ResolvedRole,
    numCtx: number,
    messages: ChatMessage[],
    format: Record<string, unknown> | undefined,
    stream: { started: boolean },
  ): Promise<RetryOutcome<RawReply>> {
    const body = toOllamaRequest(req, messages, role.model, { ...role, numCtx }, format);
    const mark = <A extends unknown[]>(fn: ((...a: A) => void) | undefined) =>
      fn &&
      ((...a: A): void => {
        stream.started = true;
        fn(...a);
      });
    const onToken = mark(req.onToken);
    const onThinking = mark(req.onThinking);
    const attempt = () => chatOnce({ host: this.host, body, timeoutMs: role.timeoutMs, signal: req.signal, onToken, onThinking });
    return withRetries(this.settings, attempt, {
      // a reply already partly streamed to the caller is not started again
      shouldRetry: (e) => e instanceof AttemptFailure && e.retryable && !stream.started,
      signal: req.signal,
    });
  }

  /** The messages as sent: as they are when they fit, compacted when the request allows it, else an error. */
  private fit(req: ChatRequest, budget: number, model: string, numCtx: number): Fitted | FactoryError {
    const tokens = promptTokens(req.messages, req.tools);
    if (tokens <= budget) return { messages: req.messages, compacted: 0 };
    const fitted = req.compact ? compact(req.messages, req.tools ?? [], budget) : undefined;
    return fitted ?? overflowError({ role: req.role, model, tokens, budget, numCtx, compacted: req.compact === true });
  }

  private failedRecord(req: ChatRequest, model: string, error: unknown, startedAt = new Date()): LlmCallRecord {
    const costs = this.opts.costPerMillionTokens;
    return callRecord({ req, model, startedAt, durationMs: 0, attempts: 0, usage: UNKNOWN_USAGE, error: describe(error), costs });
  }

  private emit(record: LlmCallRecord): void {
    this.opts.onCall?.(record);
  }
}

/** Known counts added up; a count stays unknown (null) once one of the parts is. */
function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  const sum = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : x + y);
  return usageOf(sum(a.promptTokens, b.promptTokens), sum(a.completionTokens, b.completionTokens));
}

function describe(error: unknown): { code: string; message: string } {
  return error instanceof FactoryError
    ? { code: error.code, message: error.message }
    : { code: (error as { name?: string })?.name ?? 'Error', message: (error as { message?: string })?.message ?? String(error) };
}
