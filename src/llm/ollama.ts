import type { z } from 'zod';
import { ConfigSchema } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import { chatOnce, clientWithSignal } from './call.ts';
import { AttemptFailure, toFactoryError } from './errors.ts';
import { missingModels, pickModel, type OllamaSettings } from './models.ts';
import { callRecord, usageOf, type CostTable } from './records.ts';
import { withRetries } from './retry.ts';
import { jsonSchemaFor, parseReply, repairMessages } from './structured.ts';
import type { ChatRequest, ChatResult, LlmCallRecord, LlmProvider, LlmStatus, StructuredResult } from './types.ts';
import { toOllamaRequest } from './wire.ts';

export type { LlmStatus } from './types.ts';
export type { OllamaSettings } from './models.ts';

export interface OllamaProviderOptions {
  /** called once per model call (a structured re-ask is a second call), failed calls included; must not throw */
  onCall?: (record: LlmCallRecord) => void;
  /** USD per million tokens by model; a model not listed costs 0 (local models cost nothing) */
  costPerMillionTokens?: CostTable;
}

type Exchange = { ok: true; result: ChatResult } | { ok: false; error: unknown; record: LlmCallRecord };

const REPLY_EXCERPT = 2_000;

/** The LLM provider backed by an Ollama server. The `ollama` package is used only under src/llm/. */
export class OllamaProvider implements LlmProvider {
  readonly host: string;
  private readonly settings: OllamaSettings;
  private readonly opts: OllamaProviderOptions;

  constructor(settings: OllamaSettings, opts?: OllamaProviderOptions);
  /** @deprecated the pre-LLM-layer form; pass `config.ollama` instead */
  constructor(host: string, pingTimeoutMs?: number);
  constructor(a: OllamaSettings | string, b?: OllamaProviderOptions | number) {
    this.settings = typeof a === 'string' ? ConfigSchema.shape.ollama.parse({ host: a, ...(typeof b === 'number' ? { pingTimeoutMs: b } : {}) }) : a;
    this.opts = typeof b === 'object' ? b : {};
    this.host = this.settings.host;
  }

  modelFor(role: string, override?: string): string {
    return pickModel(this.settings, role, override);
  }

  async chat(req: ChatRequest): Promise<ChatResult> {
    const out = await this.exchange(req, this.modelFor(req.role, req.model));
    if (!out.ok) {
      this.emit(out.record);
      throw out.error;
    }
    this.emit(out.result.record);
    return out.result;
  }

  async structured<T>(schema: z.ZodType<T>, req: ChatRequest): Promise<StructuredResult<T>> {
    const model = this.modelFor(req.role, req.model);
    const format = jsonSchemaFor(schema);
    let messages = req.messages;
    for (let ask = 1; ; ask++) {
      const out = await this.exchange({ ...req, messages }, model, format);
      if (!out.ok) {
        this.emit(out.record);
        throw out.error;
      }
      const content = out.result.message.content;
      const parsed = parseReply(schema, content);
      if (parsed.ok) {
        this.emit(out.result.record);
        return { ...out.result, value: parsed.value };
      }
      const summary = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      this.emit({ ...out.result.record, ok: false, error: `LLM_OUTPUT_INVALID: ${summary}` });
      if (ask >= 2) {
        throw new FactoryError(
          'LLM_OUTPUT_INVALID',
          `The reply of model "${model}" did not match the schema, also after one re-ask: ${summary}`,
          { model, role: req.role, asks: ask, issues: parsed.issues, reply: content.slice(0, REPLY_EXCERPT) },
        );
      }
      messages = repairMessages(req.messages, content, parsed.issues);
    }
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
      const reason = err.cause?.code ?? (err.name === 'TimeoutError' ? 'timeout' : err.message ?? String(e));
      return { ok: false, host: this.host, error: `Ollama not reachable at ${this.host} (${reason}); start it with \`ollama serve\` or set OLLAMA_HOST` };
    }
  }

  /** One model call with its retries; never throws, so the caller can emit the record first. */
  private async exchange(req: ChatRequest, model: string, format?: Record<string, unknown>): Promise<Exchange> {
    const startedAt = new Date();
    const t0 = performance.now();
    const body = toOllamaRequest(req, model, format);
    let streamed = false;
    const userToken = req.onToken;
    const onToken = userToken
      ? (text: string): void => {
          streamed = true;
          userToken(text);
        }
      : undefined;
    const timeoutMs = this.settings.requestTimeoutMs;
    const outcome = await withRetries(this.settings, () => chatOnce({ host: this.host, body, timeoutMs, signal: req.signal, onToken }), {
      // a reply already partly streamed to the caller is not started again
      shouldRetry: (e) => e instanceof AttemptFailure && e.retryable && !streamed,
      signal: req.signal,
    });
    const durationMs = Math.round(performance.now() - t0);
    const base = { req, model, startedAt, durationMs, attempts: outcome.attempts, costs: this.opts.costPerMillionTokens };
    if (outcome.ok) {
      const reply = outcome.value;
      const usage = usageOf(reply.promptTokens, reply.completionTokens);
      const record = callRecord({ ...base, usage, error: null });
      return { ok: true, result: { message: reply.message, usage, model, durationMs, record } };
    }
    const error = outcome.error instanceof AttemptFailure
      ? toFactoryError(outcome.error, { host: this.host, model, attempts: outcome.attempts, timeoutMs, partial: streamed })
      : outcome.error;
    const described = error instanceof FactoryError
      ? { code: error.code, message: error.message }
      : { code: (error as { name?: string })?.name ?? 'Error', message: (error as { message?: string })?.message ?? String(error) };
    return { ok: false, error, record: callRecord({ ...base, usage: usageOf(0, 0), error: described }) };
  }

  private emit(record: LlmCallRecord): void {
    this.opts.onCall?.(record);
  }
}
