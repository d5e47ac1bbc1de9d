/**
 * The LlmProvider a step's roles and agent loops talk to. Every model reply is journaled by (step key,
 * call index), so a step run again after a crash gets its earlier replies back and only asks for the
 * rest. A new call is checked against the budget before it is sent, with the completion it may use
 * sent as `num_predict` (the budget's assumption is the call's real limit), and carries the run's
 * AbortSignal. A reply cut at that limit is asked once more with twice the limit when the budget
 * allows, else the step fails with LLM_TRUNCATED saying what to change.
 */
import { FactoryError } from '../../errors/catalog.ts';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  LlmCallRecord,
  LlmFormat,
  LlmProvider,
  LlmStatus,
  StructuredResult,
} from '../../llm/index.ts';
import { estimateTokens } from '../../llm/index.ts';
import { requestDigest } from '../journal.ts';
import type { JournalEntry } from '../model.ts';
import { estimatePromptTokens, failedCallUsage, replyUsage, type CallUsage } from './budget.ts';
import { codeOf, errorValue, fromErrorValue, isJournalable, stopReason } from './errors.ts';
import type { StepScope } from './step-io.ts';

/** The largest completion a call is given (the most `maxCompletionTokens` may be). */
export const MAX_COMPLETION_TOKENS = 131_072;

interface RecordedReply {
  message: ChatResult['message'];
  value?: unknown;
  model: string;
  usage: CallUsage;
  durationMs: number;
  callId: string;
  compacted?: number;
}

type Reply<T> = ChatResult & { value?: T };
/** A truncated reply being asked again: its error and the limit it had. */
type Truncation = { error: unknown; limit: number };

export class StepLlm implements LlmProvider {
  private next = 0;

  constructor(
    private readonly s: StepScope,
    private readonly roleModels: Record<string, string>,
  ) {}

  modelFor(role: string, override?: string): string {
    return this.s.llm.modelFor(role, override ?? this.roleModels[role.split(':')[0]!]);
  }

  status(): Promise<LlmStatus> {
    return this.s.llm.status();
  }

  chat(req: ChatRequest): Promise<ChatResult> {
    return this.ask(req, undefined);
  }

  structured<T>(format: LlmFormat<T>, req: ChatRequest): Promise<StructuredResult<T>> {
    return this.ask(req, format) as Promise<StructuredResult<T>>;
  }

  /**
   * Embeddings, journaled like a reply (a step run again gets its vectors back) and checked against
   * the token and cost budget before they are asked for (the inputs' estimated tokens).
   */
  async embed(req: EmbedRequest): Promise<EmbedResult> {
    const key = `${this.s.key}#llm:${this.next++}`;
    const model = this.modelFor(req.role, req.model);
    const hit = this.s.recorded(key);
    if (hit) {
      if (!hit.ok) throw fromErrorValue(hit.data as ReturnType<typeof errorValue>);
      const d = hit.data as { embeddings: number[][]; model: string; usage: CallUsage; durationMs: number; callId: string };
      const usage = { promptTokens: d.usage.promptTokens, completionTokens: 0, totalTokens: d.usage.promptTokens };
      return { embeddings: d.embeddings, model: d.model, usage, durationMs: d.durationMs, record: this.recordOf(hit, d.model, usage) };
    }
    if (this.s.replay)
      throw new FactoryError('REPLAY_DIVERGED', `Replay asked for embeddings ${key}, which the journal does not have`, { key });
    if (this.s.signal.aborted) throw stopReason(this.s.signal);
    await this.s.flush();
    const prompt = req.input.reduce((n, t) => n + estimateTokens(t), 0);
    const hold = this.s.guard.reserveCall({ tokens: prompt, costUsd: this.s.costUsd(model, prompt, 0) });
    try {
      const signal = req.signal ? AbortSignal.any([req.signal, this.s.signal]) : this.s.signal;
      let res: EmbedResult;
      try {
        res = await this.s.llm.embed({ ...req, model, signal, project: this.s.project().id, task: req.task ?? this.s.key });
      } catch (e) {
        if (this.s.signal.aborted) throw stopReason(this.s.signal);
        if (isJournalable(e)) {
          const usage: CallUsage = { promptTokens: prompt, completionTokens: 0, totalTokens: prompt, estimated: true };
          this.s.record(
            { key, kind: 'llm', ok: false, data: errorValue(e), meta: { role: req.role, model, usage, embed: true } },
            {
              ...this.charge(model, usage),
              llmCalls: 1,
            },
          );
        }
        throw e;
      }
      const counted = res.usage.promptTokens;
      const usage: CallUsage =
        counted === null
          ? { promptTokens: prompt, completionTokens: 0, totalTokens: prompt, estimated: true }
          : { promptTokens: counted, completionTokens: 0, totalTokens: counted };
      const data = { embeddings: res.embeddings, model: res.model, usage, durationMs: res.durationMs, callId: res.record.id };
      this.s.record(
        { key, kind: 'llm', ok: true, data, meta: { role: req.role, model: res.model, embed: true, inputs: req.input.length } },
        { ...this.charge(res.model, usage), llmCalls: 1 },
      );
      return res;
    } finally {
      this.s.guard.release(hold);
    }
  }

  /** One call; a truncated reply once more with a larger completion limit if the budget allows. */
  private async ask<T>(req: ChatRequest, format: LlmFormat<T> | undefined): Promise<Reply<T>> {
    const limit = req.options?.numPredict ?? this.s.maxCompletionTokens;
    try {
      return await this.call(withLimit(req, limit), format);
    } catch (e) {
      if (codeOf(e) !== 'LLM_TRUNCATED') throw e;
      const larger = Math.min(2 * limit, MAX_COMPLETION_TOKENS);
      if (larger <= limit) throw truncated(e, limit, 'the completion limit is at its maximum');
      try {
        return await this.call(withLimit(req, larger), format, { error: e, limit });
      } catch (again) {
        // cut again (a budget that refused the retry has already said so)
        if (codeOf(again) === 'LLM_TRUNCATED' && !isOurs(again)) {
          throw truncated(again, larger, `also with twice the limit (${limit} first)`);
        }
        throw again;
      }
    }
  }

  /** `retryOf`: the truncation this call retries; a budget that cannot take it fails the call with that truncation. */
  private async call<T>(req: ChatRequest, format: LlmFormat<T> | undefined, retryOf?: Truncation): Promise<Reply<T>> {
    const key = `${this.s.key}#llm:${this.next++}`;
    const model = this.modelFor(req.role, req.model);
    const limit = req.options!.numPredict!;
    const sentFormat = format?.json ?? null;
    const digest = requestDigest({ model, messages: req.messages, tools: req.tools ?? [], format: sentFormat, numPredict: limit });
    const hit = this.s.recorded(key);
    if (hit) return this.fromJournal(hit, format);
    if (this.s.replay)
      throw new FactoryError('REPLAY_DIVERGED', `Replay asked for model call ${key}, which the journal does not have`, { key });
    if (this.s.signal.aborted) throw stopReason(this.s.signal);
    await this.s.flush();
    const prompt = estimatePromptTokens(req, format?.json);
    const hold = this.reserve(model, prompt, limit, retryOf);
    const started = performance.now();
    try {
      const signal = req.signal ? AbortSignal.any([req.signal, this.s.signal]) : this.s.signal;
      const sent = { ...req, model, signal, project: this.s.project().id, task: req.task ?? this.s.key };
      let res: Reply<T> & Partial<Pick<StructuredResult<T>, 'asks' | 'spent'>>;
      try {
        res = await (format ? this.s.llm.structured(format, sent) : this.s.llm.chat(sent));
      } catch (e) {
        if (this.s.signal.aborted) throw stopReason(this.s.signal);
        if (isJournalable(e)) {
          const usage = failedCallUsage(e, prompt, limit);
          this.s.record(
            { key, kind: 'llm', ok: false, data: errorValue(e), meta: { role: req.role, model, digest, usage } },
            {
              ...this.charge(model, usage),
              llmCalls: 1,
            },
          );
        }
        throw e;
      }
      const usage = replyUsage(res, prompt);
      const data: RecordedReply = {
        message: res.message,
        model: res.model,
        usage,
        durationMs: res.durationMs,
        callId: res.record?.id ?? key,
        ...(res.compacted ? { compacted: res.compacted } : {}),
      };
      if (format) data.value = res.value;
      const durationMs = Math.round(performance.now() - started);
      this.s.record(
        { key, kind: 'llm', ok: true, data, meta: { role: req.role, model: res.model, digest, durationMs } },
        { ...this.charge(res.model, usage, res.record?.costUsd), llmCalls: 1 },
      );
      return { ...res, usage };
    } finally {
      this.s.guard.release(hold);
    }
  }

  private reserve(model: string, prompt: number, limit: number, retryOf: Truncation | undefined) {
    try {
      return this.s.guard.reserveCall({ tokens: prompt + limit, costUsd: this.s.costUsd(model, prompt, limit) });
    } catch (e) {
      if (!retryOf || codeOf(e) !== 'BUDGET_EXCEEDED') throw e;
      throw truncated(retryOf.error, retryOf.limit, `the budget does not allow asking again with ${limit}: ${(e as Error).message}`);
    }
  }

  /** What a call adds to the project's usage: its tokens (estimated ones marked) and its cost. */
  private charge(model: string, u: CallUsage, recorded?: number) {
    // the coordinator's cost table prices the call when it knows the model, else the provider's record
    const priced = this.s.costUsd(model, u.promptTokens, u.completionTokens);
    return {
      promptTokens: u.promptTokens,
      completionTokens: u.completionTokens,
      costUsd: priced > 0 ? priced : (recorded ?? 0),
      estimatedCalls: u.estimated ? 1 : 0,
    };
  }

  private recordOf(hit: JournalEntry, model: string, u: { promptTokens: number; completionTokens: number }): LlmCallRecord {
    const d = hit.data as { callId?: string; durationMs?: number };
    return {
      id: d.callId ?? hit.key,
      at: hit.at,
      role: String(hit.meta.role ?? ''),
      model,
      promptTokens: u.promptTokens,
      completionTokens: u.completionTokens,
      durationMs: d.durationMs ?? 0,
      attempts: 1,
      ok: true,
      error: null,
      costUsd: 0,
      project: hit.project,
      task: null,
      agent: null,
    };
  }

  private fromJournal<T>(hit: JournalEntry, format: LlmFormat<T> | undefined): Reply<T> {
    if (!hit.ok) throw fromErrorValue(hit.data as ReturnType<typeof errorValue>);
    const d = hit.data as RecordedReply;
    const record = this.recordOf(hit, d.model, d.usage);
    const { message, usage, model, durationMs } = d;
    const out: Reply<T> = { message, usage, model, durationMs, record, compacted: d.compacted ?? 0 };
    if (format) out.value = format.schema.parse(d.value);
    return out;
  }
}

/** A truncation this class already described (the LLM layer's names the role's numPredict, which the request overrides). */
const isOurs = (e: unknown): boolean => ((e as FactoryError).details as { numPredict?: number } | undefined)?.numPredict !== undefined;

const withLimit = (req: ChatRequest, numPredict: number): ChatRequest => ({ ...req, options: { ...req.options, numPredict } });

/** The coordinator's LLM_TRUNCATED: the limit it sent (it overrides the role's numPredict) and what to change. */
function truncated(e: unknown, limit: number, why: string): FactoryError {
  const details = (e as FactoryError).details as Record<string, unknown> | undefined;
  return new FactoryError(
    'LLM_TRUNCATED',
    `The reply was cut at its limit of ${limit} completion tokens (${why}). Ask for less (a smaller sub-task), ` +
      'or raise the project’s config.maxCompletionTokens (sent as num_predict) and its token budget.',
    { ...details, numPredict: limit, reason: why },
  );
}
