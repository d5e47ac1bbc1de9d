/**
 * What a step (activity) uses for its side effects: a journaling LlmProvider and a journaling tool
 * runner. Every model reply and tool run is journaled by (step key, call index), so a step that is
 * run again after a crash gets its earlier calls back from the journal and only makes the rest; and
 * each new call is checked against the budget before it is sent, and carries the run's AbortSignal.
 */
import type { z } from 'zod';
import { FactoryError } from '../../errors/catalog.ts';
import type { ChatRequest, ChatResult, LlmCallRecord, LlmProvider, LlmStatus, StructuredResult } from '../../llm/index.ts';
import { jsonSchemaFor } from '../../llm/index.ts';
import { requestDigest, type JournalDraft } from '../journal.ts';
import type { JournalEntry, ProjectRecord, Usage } from '../model.ts';
import type { ToolPool, ToolRunOutcome } from '../ports.ts';
import { estimatePromptTokens, type BudgetGuard } from './budget.ts';
import { errorValue, fromErrorValue, isJournalable, stopReason } from './errors.ts';

export interface StepScope {
  key: string;
  project: () => ProjectRecord;
  signal: AbortSignal;
  recorded(key: string): JournalEntry | undefined;
  /**
   * Journals a model reply or tool run: held until the step's next model call, tool run or other side
   * effect (flush), or committed with the step's result, whichever comes first.
   */
  record(d: JournalDraft, usage: Partial<Usage>): void;
  flush(): Promise<void>;
  guard: BudgetGuard;
  llm: LlmProvider;
  tools: ToolPool;
  costUsd(model: string, promptTokens: number, completionTokens: number): number;
  maxCompletionTokens: number;
  /** replay: nothing that is not journaled may run */
  replay: boolean;
}

interface RecordedReply {
  message: ChatResult['message'];
  value?: unknown;
  model: string;
  usage: ChatResult['usage'];
  durationMs: number;
  callId: string;
}

const schemas = new WeakMap<z.ZodType, Record<string, unknown>>();
/** The JSON schema of a format, computed once per schema. */
function formatOf(schema: z.ZodType): Record<string, unknown> {
  let f = schemas.get(schema);
  if (!f) {
    f = jsonSchemaFor(schema);
    schemas.set(schema, f);
  }
  return f;
}

const tokensOf = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

/** The LlmProvider a step's roles and agent loops talk to. */
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
    return this.call(req, undefined, (r) => this.s.llm.chat(r));
  }

  structured<T>(schema: z.ZodType<T>, req: ChatRequest): Promise<StructuredResult<T>> {
    return this.call(req, schema, (r) => this.s.llm.structured(schema, r)) as Promise<StructuredResult<T>>;
  }

  private async call<T>(
    req: ChatRequest,
    schema: z.ZodType<T> | undefined,
    send: (r: ChatRequest) => Promise<ChatResult & { value?: T }>,
  ): Promise<ChatResult & { value?: T }> {
    const key = `${this.s.key}#llm:${this.next++}`;
    const model = this.modelFor(req.role, req.model);
    const p = this.s.project();
    const format = schema ? formatOf(schema) : undefined;
    const digest = requestDigest({ model, messages: req.messages, tools: req.tools ?? [], format: format ?? null });
    const hit = this.s.recorded(key);
    if (hit) return this.fromJournal(hit, schema);
    if (this.s.replay)
      throw new FactoryError('REPLAY_DIVERGED', `Replay asked for model call ${key}, which the journal does not have`, { key });
    if (this.s.signal.aborted) throw stopReason(this.s.signal);
    await this.s.flush();
    const promptEstimate = estimatePromptTokens(req, format);
    const completion = this.s.maxCompletionTokens;
    const hold = this.s.guard.reserveCall({
      tokens: promptEstimate + completion,
      costUsd: this.s.costUsd(model, promptEstimate, completion),
    });
    const started = performance.now();
    try {
      const signal = req.signal ? AbortSignal.any([req.signal, this.s.signal]) : this.s.signal;
      let res: ChatResult & { value?: T };
      try {
        res = await send({ ...req, model, signal, project: p.id, task: req.task ?? this.s.key });
      } catch (e) {
        if (this.s.signal.aborted) throw stopReason(this.s.signal);
        if (isJournalable(e)) {
          this.s.record({ key, kind: 'llm', ok: false, data: errorValue(e), meta: { role: req.role, model, digest } }, { llmCalls: 1 });
        }
        throw e;
      }
      const usage = {
        ...res.usage,
        promptTokens: tokensOf(res.usage.promptTokens),
        completionTokens: tokensOf(res.usage.completionTokens),
      };
      usage.totalTokens = usage.promptTokens + usage.completionTokens;
      // the coordinator's cost table prices the call when it knows the model, else the provider's record
      const priced = this.s.costUsd(res.model, usage.promptTokens, usage.completionTokens);
      const cost = priced > 0 ? priced : (res.record?.costUsd ?? 0);
      const data: RecordedReply = {
        message: res.message,
        model: res.model,
        usage,
        durationMs: res.durationMs,
        callId: res.record?.id ?? key,
      };
      if (schema) data.value = res.value;
      this.s.record(
        {
          key,
          kind: 'llm',
          ok: true,
          data,
          meta: { role: req.role, model: res.model, digest, durationMs: Math.round(performance.now() - started) },
        },
        { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costUsd: cost, llmCalls: 1 },
      );
      return { ...res, usage };
    } finally {
      this.s.guard.release(hold);
    }
  }

  private fromJournal<T>(hit: JournalEntry, schema: z.ZodType<T> | undefined): ChatResult & { value?: T } {
    if (!hit.ok) throw fromErrorValue(hit.data as ReturnType<typeof errorValue>);
    const d = hit.data as RecordedReply;
    const record: LlmCallRecord = {
      id: d.callId,
      at: hit.at,
      role: String(hit.meta.role ?? ''),
      model: d.model,
      promptTokens: d.usage.promptTokens,
      completionTokens: d.usage.completionTokens,
      durationMs: d.durationMs,
      attempts: 1,
      ok: true,
      error: null,
      costUsd: 0,
      project: hit.project,
      task: null,
      agent: null,
    };
    const out: ChatResult & { value?: T } = { message: d.message, usage: d.usage, model: d.model, durationMs: d.durationMs, record };
    if (schema) out.value = schema.parse(d.value);
    return out;
  }
}

/** Tool runs of a step, journaled by call index; a run past the tool-run budget is not started. */
export class StepTools {
  private next = 0;

  constructor(private readonly s: StepScope) {}

  async run(name: string, args: Record<string, unknown>, who: { actor: string; task: string; agent: string }): Promise<ToolRunOutcome> {
    const key = `${this.s.key}#tool:${this.next++}`;
    const hit = this.s.recorded(key);
    if (hit) return hit.data as ToolRunOutcome;
    if (this.s.replay)
      throw new FactoryError('REPLAY_DIVERGED', `Replay asked for tool run ${key}, which the journal does not have`, { key });
    if (this.s.signal.aborted) throw stopReason(this.s.signal);
    await this.s.flush();
    const hold = this.s.guard.reserveToolRun();
    try {
      const started = performance.now();
      const out = await this.s.tools.execute(name, args, { ...who, project: this.s.project().id, signal: this.s.signal });
      if (this.s.signal.aborted) throw stopReason(this.s.signal);
      this.s.record(
        {
          key,
          kind: 'tool',
          ok: out.ok,
          data: out,
          meta: { tool: name, durationMs: Math.round(performance.now() - started), agent: who.agent },
        },
        { toolRuns: out.runId ? 1 : 0 },
      );
      return out;
    } finally {
      this.s.guard.release(hold);
    }
  }
}

/** The side-effect handles a step's code receives. */
export interface StepIO {
  key: string;
  signal: AbortSignal;
  llm: StepLlm;
  tools: StepTools;
  project: ProjectRecord;
  /** a progress event on the project's topic (not part of the step's transaction) */
  say(status: string, message: string, metadata?: Record<string, unknown>): void;
  /** writes the replies held so far: call before a side effect that is not a model call or tool run */
  checkpoint(): Promise<void>;
}
