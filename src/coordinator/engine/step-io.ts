/**
 * What a step (activity) uses for its side effects: a journaling LlmProvider (step-llm.ts) and a
 * journaling tool runner. Every model reply and tool run is journaled by (step key, call index), so a
 * step that is run again after a crash gets its earlier calls back from the journal and only makes
 * the rest; and each new call is checked against the budget before it is made, and carries the run's
 * AbortSignal.
 */
import { FactoryError } from '../../errors/catalog.ts';
import type { LlmProvider } from '../../llm/index.ts';
import type { JournalDraft } from '../journal.ts';
import type { JournalEntry, ProjectRecord, Usage } from '../model.ts';
import type { ToolPool, ToolRunOutcome } from '../ports.ts';
import type { BudgetGuard } from './budget.ts';
import { stopReason } from './errors.ts';
import type { StepLlm } from './step-llm.ts';

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
  /** the completion a call may use (sent as num_predict) and the budget check assumes */
  maxCompletionTokens: number;
  /** replay: nothing that is not journaled may run */
  replay: boolean;
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
