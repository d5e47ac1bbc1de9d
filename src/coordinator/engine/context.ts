/**
 * The primitives a workflow is written in (Temporal-style durable execution): the workflow's own code
 * is deterministic given the journal, and every side effect is a step with a stable key. A finished
 * step returns its journaled result without running again; a new step's result, its state change,
 * events and audit row are committed in one transaction.
 */
import type { ProjectSettings } from '../../config/schema.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { JournalDraft } from '../journal.ts';
import type { GateAnswer, ProjectPhase, ProjectRecord, Usage } from '../model.ts';
import type { ProjectPatch } from '../ports.ts';
import { errorValue, fromErrorValue, isJournalable, stopReason, Suspended } from './errors.ts';
import type { AuditDraft, EventDraft, RunState } from './run.ts';
import { addUsage, Held } from './held.ts';
import { StepTools, type StepIO, type StepScope } from './step-io.ts';
import { StepLlm } from './step-llm.ts';

export interface StepEffects {
  patch?: ProjectPatch;
  /** added to the project's usage (e.g. a tool generation's model calls, made outside the journal) */
  usage?: Partial<Usage>;
  events?: EventDraft[];
  audit?: AuditDraft[];
}

export interface StepOptions<T> {
  /** state, events and audit rows committed together with the result */
  effects?: (result: T) => StepEffects;
  /** one line for the step's event */
  summary?: (result: T) => string;
  /** facts about the step kept in its journal row (task, iteration, stage, agent …): metrics read them */
  meta?: Record<string, unknown>;
  /** no step_completed event (the effects' events say it all) */
  quiet?: boolean;
  /** a step_started event before it runs (for long steps: a worker's run, planning, a tool's generation) */
  announce?: boolean;
}

export interface GateDecision {
  decision: GateAnswer;
  reason?: string;
  /** a message (gates that take one, e.g. the planner's conversation) */
  message?: string;
  /** an edited plan, validated like a generated one */
  plan?: unknown;
  by: string;
  at: string;
}

export class WorkflowContext {
  constructor(
    private readonly run: RunState,
    /** told every step key the workflow asks for (replay counts them) */
    private readonly observe?: (key: string) => void,
  ) {}

  get project(): ProjectRecord {
    return this.run.project;
  }

  get config(): ProjectSettings {
    return this.run.project.config;
  }

  get signal(): AbortSignal {
    return this.run.signal;
  }

  get replay(): boolean {
    return this.run.replay;
  }

  /** The existing agents and tools (ports), for roles that pick among them inside a step. */
  get deps() {
    return this.run.deps;
  }

  progress(p: number): void {
    this.run.progress = Math.max(this.run.progress, Math.min(1, p));
  }

  say(status: string, message: string, metadata: Record<string, unknown> = {}): void {
    this.run.say({ status, message, metadata });
  }

  /** A step that failed in a way the workflow must not handle (a stop of the whole run) is rethrown. */
  rethrowIfStop(e: unknown): void {
    if (this.run.signal.aborted) throw stopReason(this.run.signal);
    if (!isJournalable(e) || e instanceof Suspended) throw e;
  }

  /** Runs `fn` once per project: afterwards (resume, replay) its journaled result comes back. */
  async step<T>(key: string, fn: (io: StepIO) => Promise<T>, opts: StepOptions<T> = {}): Promise<T> {
    this.observe?.(key);
    const hit = this.run.journal.get(key);
    if (hit?.kind === 'step') {
      if (hit.ok) return hit.data as T;
      throw fromErrorValue(hit.data as ReturnType<typeof errorValue>);
    }
    // two branches asking for the same step share one execution
    const pending = this.run.inflight.get(key);
    if (pending) return pending as Promise<T>;
    const p = this.execute(key, fn, opts);
    this.run.inflight.set(key, p);
    try {
      return await p;
    } finally {
      this.run.inflight.delete(key);
    }
  }

  private async execute<T>(key: string, fn: (io: StepIO) => Promise<T>, opts: StepOptions<T>): Promise<T> {
    const run = this.run;
    if (run.signal.aborted) throw stopReason(run.signal);
    if (!run.replay && !run.finalizing && run.liveUsage().steps + run.inflight.size > run.project.config.maxSteps) {
      throw this.fatal(
        new FactoryError('STEP_LIMIT_EXCEEDED', `Project ${run.project.id} reached its limit of ${run.project.config.maxSteps} steps`, {
          maxSteps: run.project.config.maxSteps,
          step: key,
        }),
      );
    }
    const meta = opts.meta ?? {};
    if (opts.announce) run.say({ status: 'step_started', message: key, metadata: { step: key, ...meta } });
    const held = new Held(run);
    const started = performance.now();
    let result: T;
    try {
      result = await fn(this.io(key, held));
    } catch (e) {
      if (run.signal.aborted || !isJournalable(e)) {
        await held.flush().catch(() => undefined); // replies already paid for are kept for the resume
        if (run.signal.aborted) throw stopReason(run.signal);
        throw this.fatal(e);
      }
      const err = errorValue(e);
      await run.commit(
        {
          journal: [
            ...held.take(),
            { key, kind: 'step', ok: false, data: err, meta: { ...meta, durationMs: Math.round(performance.now() - started) } },
          ],
          usage: { ...held.takeUsage(), steps: 1 },
          events: [
            {
              status: 'step_failed',
              message: `${key}: ${err.code}: ${err.message}`.slice(0, 2000),
              metadata: { step: key, ...meta, error: err.code },
            },
          ],
          audit: [
            {
              type: 'project_step',
              action: 'failed',
              target: key,
              success: false,
              error: `${err.code}: ${err.message}`,
              durationMs: performance.now() - started,
              details: { ...meta },
            },
          ],
        },
        { defer: true },
      );
      throw e;
    }
    const fx = opts.effects?.(result) ?? {};
    const durationMs = Math.round(performance.now() - started);
    await run.commit(
      {
        journal: [...held.take(), { key, kind: 'step', ok: true, data: result, meta: { ...meta, durationMs } } as JournalDraft],
        usage: addUsage(addUsage({}, fx.usage ?? {}), { ...held.takeUsage(), steps: 1 }),
        ...(fx.patch ? { patch: fx.patch } : {}),
        events: [
          ...(opts.quiet
            ? []
            : [
                {
                  status: 'step_completed',
                  message: (opts.summary?.(result) ?? key).slice(0, 2000),
                  metadata: { step: key, ...meta, durationMs },
                },
              ]),
          ...(fx.events ?? []),
        ],
        audit: [{ type: 'project_step', action: 'completed', target: key, durationMs, details: { ...meta } }, ...(fx.audit ?? [])],
      },
      { defer: !fx.patch },
    ); // a state change (status, plan) is waited for; a step's result lands before the next side effect
    return result;
  }

  private io(key: string, held: Held): StepIO {
    const run = this.run;
    const scope: StepScope = {
      key,
      project: () => run.project,
      signal: run.signal,
      recorded: (k) => run.journal.get(k),
      record: (d, usage) => held.add(d, usage),
      flush: () => held.flush(),
      guard: run.guard,
      llm: run.deps.llm,
      tools: run.deps.tools,
      maxCompletionTokens: run.project.config.maxCompletionTokens,
      replay: run.replay,
      costUsd: (model, p, c) => {
        const price = run.deps.costs?.[model];
        return price ? (p * price.prompt + c * price.completion) / 1_000_000 : 0;
      },
    };
    return {
      key,
      signal: run.signal,
      project: run.project,
      llm: new StepLlm(scope, run.project.config.models),
      tools: new StepTools(scope),
      say: (status, message, metadata = {}) => run.say({ status, message, metadata: { step: key, ...metadata } }),
      checkpoint: () => held.flush(),
    };
  }

  /** A failure that stops the whole run (transient, budget, limits): every other branch stops too. */
  private fatal(e: unknown): unknown {
    if (!this.run.signal.aborted && !(e instanceof Suspended))
      this.run.ctrl.abort(e instanceof FactoryError ? e : new FactoryError('INTERNAL', (e as Error)?.message ?? String(e)));
    return e;
  }

  /** The workflow enters a phase: status and phase change, streamed and audited (once, as a step). */
  async transition(phase: ProjectPhase, key: string, message: string, patch: ProjectPatch = {}): Promise<void> {
    const from = this.run.project.status;
    await this.step(`status:${key}`, async () => ({ status: phase }), {
      meta: { phase: 'status', status: phase },
      quiet: true,
      summary: () => message,
      effects: () => ({
        patch: { ...patch, status: phase, phase },
        events: [{ status: phase, message }],
        audit: [{ type: 'project_status_changed', action: phase, details: { from, to: phase } }],
      }),
    });
  }

  /**
   * An approval gate: the decision if one was made; otherwise the project waits (status
   * waiting_for_approval, nothing held) and this run ends. A decision restarts it from the top.
   */
  async gate(gate: string, round: number, subject: unknown, accepts?: GateAnswer[]): Promise<GateDecision> {
    const decided = this.run.journal.get(`signal:gate:${gate}:${round}`);
    if (decided) return decided.data as GateDecision;
    if (this.run.replay || this.run.journal.has(`gate:${gate}:${round}`)) throw new Suspended(gate);
    const openedAt = new Date().toISOString();
    await this.run.commit({
      journal: [{ key: `gate:${gate}:${round}`, kind: 'mark', ok: true, data: { gate, round } }],
      patch: { status: 'waiting_for_approval', waiting: { gate, round, subject, openedAt, ...(accepts ? { accepts } : {}) } },
      events: [
        {
          status: 'waiting_for_approval',
          message: accepts?.includes('message')
            ? `waiting for a message: ${gate} (round ${round})`
            : `approval needed: ${gate} (round ${round})`,
          metadata: { gate, round, ...(accepts ? { accepts } : {}) },
        },
      ],
      audit: [{ type: 'project_approval', action: 'requested', details: { gate, round } }],
    });
    throw new Suspended(gate);
  }

  /**
   * Messages people sent to the project (`signal:message:*` rows, written by the door) since the last
   * inbox step, in the order they arrived. A step: what it returned is journaled, so a resumed or
   * replayed run sees the same messages at the same point.
   */
  async inbox(key: string): Promise<InboxMessage[]> {
    const after = this.run.inboxSeq;
    const got = await this.step(
      `inbox:${key}`,
      async () => {
        const rows = await this.run.deps.repo.journal(this.run.project.id, { kinds: ['signal'], afterSeq: after });
        const messages = rows
          .filter((r) => r.key.startsWith('signal:message:'))
          .map((r) => ({ ...(r.data as Omit<InboxMessage, 'seq'>), seq: r.seq }));
        return { messages, upTo: Math.max(after, ...messages.map((m) => m.seq)) };
      },
      { quiet: true, meta: { phase: 'inbox' } },
    );
    this.run.inboxSeq = Math.max(this.run.inboxSeq, got.upTo);
    return got.messages;
  }
}

/** A message a person sent to a project (POST /api/v1/projects/:id/messages). */
export interface InboxMessage {
  id: string;
  text: string;
  by: string;
  at: string;
  /** the agents it addresses by @name; `all` for @all; [] for none (routed) */
  mentions: string[] | 'all';
  seq: number;
}
