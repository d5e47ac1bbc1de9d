/**
 * Budgets before the fact (seed 004 §12): a model call whose estimated prompt plus its maximum
 * completion would take the project past its token or cost budget is not sent; neither is a tool run
 * past the tool-run budget. Calls in flight hold a reservation, so parallel branches cannot overshoot
 * together. At 80 % of a limit a warning is raised once per limit.
 */
import type { ProjectBudget } from '../../config/schema.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { ChatMessage, ChatRequest, ChatResult, LlmUsage } from '../../llm/index.ts';
import { estimateTokens, promptTokens } from '../../llm/index.ts';
import type { Usage } from '../model.ts';
import { codeOf } from './errors.ts';

export type BudgetKind = keyof ProjectBudget;
export const WARN_AT = 0.8;

export interface Estimate {
  tokens: number;
  costUsd: number;
}

export interface Hold {
  tokens: number;
  costUsd: number;
  toolRuns: number;
}

/** Tokens of everything sent: the LLM layer's estimate of messages and tool specs, plus the format schema. */
export function estimatePromptTokens(req: Pick<ChatRequest, 'messages' | 'tools'>, format?: unknown): number {
  return promptTokens(req.messages, req.tools ?? []) + (format !== undefined ? estimateTokens(JSON.stringify(format)) : 0);
}

/** A call's tokens as the project counts them: Ollama's counts, or estimates (`estimated`) where it reported none. */
export interface CallUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  estimated?: true;
}

const counted = (prompt: number, completion: number, estimated: boolean): CallUsage => ({
  promptTokens: prompt,
  completionTokens: completion,
  totalTokens: prompt + completion,
  ...(estimated ? { estimated: true as const } : {}),
});

const written = (m: ChatMessage): number =>
  estimateTokens(m.content) + estimateTokens(m.thinking ?? '') + (m.toolCalls?.length ? estimateTokens(JSON.stringify(m.toolCalls)) : 0);

/**
 * The usage of a reply. An unknown count (Ollama leaves counts out) is never taken as zero: the prompt
 * is the estimate the budget check made, the completion is estimated from the reply's text; a
 * structured call that was re-asked counts every ask (`spent`).
 */
export function replyUsage(res: ChatResult & { asks?: number; spent?: LlmUsage }, promptEstimate: number): CallUsage {
  const asks = res.asks ?? 1;
  const u = res.spent ?? res.usage;
  const prompt = u.promptTokens ?? asks * promptEstimate;
  const completion = u.completionTokens ?? asks * written(res.message);
  return counted(prompt, completion, u.promptTokens === null || u.completionTokens === null);
}

/**
 * What a failed call used. A reply that was written but not usable (invalid after the re-ask, cut at
 * its limit, ended without its final message) cost tokens: its counts where the error carries them,
 * else estimates (a cut or unfinished reply: the limit). A call refused before anything was generated
 * costs nothing.
 */
export function failedCallUsage(e: unknown, promptEstimate: number, limit: number): CallUsage {
  const d = ((e as FactoryError).details ?? {}) as { asks?: number; spent?: LlmUsage; reply?: string; completionTokens?: number | null };
  switch (codeOf(e)) {
    case 'LLM_OUTPUT_INVALID': {
      const asks = d.asks ?? 1;
      const prompt = d.spent?.promptTokens ?? asks * promptEstimate;
      const completion = d.spent?.completionTokens ?? asks * estimateTokens(d.reply ?? '');
      return counted(prompt, completion, d.spent?.promptTokens == null || d.spent?.completionTokens == null);
    }
    case 'LLM_TRUNCATED':
      return counted(promptEstimate, d.completionTokens ?? limit, true);
    case 'LLM_INCOMPLETE':
      return counted(promptEstimate, limit, true);
    default:
      return counted(0, 0, false);
  }
}

export function usedOf(u: Usage, kind: BudgetKind): number {
  switch (kind) {
    case 'tokens':
      return u.promptTokens + u.completionTokens;
    case 'costUsd':
      return u.costUsd;
    case 'wallMs':
      return u.wallMs;
    case 'toolRuns':
      return u.toolRuns;
  }
}

export function budgetExceeded(kind: BudgetKind, limit: number, used: number, needed: number): FactoryError {
  const what = kind === 'tokens' ? 'token' : kind === 'costUsd' ? 'cost' : kind === 'wallMs' ? 'wall-clock' : 'tool-run';
  const msg =
    kind === 'wallMs'
      ? `The project used its wall-clock budget of ${limit} ms`
      : `The next ${kind === 'toolRuns' ? 'tool run' : 'model call'} needs ${round(needed)} more ` +
        `(${what} budget ${round(limit)}, used ${round(used)}); it was not sent`;
  return new FactoryError('BUDGET_EXCEEDED', msg, { kind, limit, used: round(used), needed: round(needed) });
}
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export class BudgetGuard {
  private readonly reserved: Hold = { tokens: 0, costUsd: 0, toolRuns: 0 };

  constructor(
    private readonly budget: () => ProjectBudget,
    private readonly used: () => Usage,
    /** limits already warned about, as `kind:limit` (from the journal's marks) */
    private readonly warned: Set<string>,
    private readonly onWarn: (kind: BudgetKind, used: number, limit: number) => void,
  ) {}

  reserveCall(e: Estimate): Hold {
    const b = this.budget();
    const u = this.used();
    if (b.tokens !== null && usedOf(u, 'tokens') + this.reserved.tokens + e.tokens > b.tokens) {
      throw budgetExceeded('tokens', b.tokens, usedOf(u, 'tokens') + this.reserved.tokens, e.tokens);
    }
    if (b.costUsd !== null && u.costUsd + this.reserved.costUsd + e.costUsd > b.costUsd) {
      throw budgetExceeded('costUsd', b.costUsd, u.costUsd + this.reserved.costUsd, e.costUsd);
    }
    return this.hold({ tokens: e.tokens, costUsd: e.costUsd, toolRuns: 0 });
  }

  reserveToolRun(): Hold {
    const b = this.budget();
    const u = this.used();
    if (b.toolRuns !== null && u.toolRuns + this.reserved.toolRuns + 1 > b.toolRuns) {
      throw budgetExceeded('toolRuns', b.toolRuns, u.toolRuns + this.reserved.toolRuns, 1);
    }
    return this.hold({ tokens: 0, costUsd: 0, toolRuns: 1 });
  }

  private hold(h: Hold): Hold {
    this.reserved.tokens += h.tokens;
    this.reserved.costUsd += h.costUsd;
    this.reserved.toolRuns += h.toolRuns;
    return h;
  }

  /** Gives a reservation back (the actual use is in the project's usage by now), then checks the 80 % marks. */
  release(h: Hold): void {
    this.reserved.tokens -= h.tokens;
    this.reserved.costUsd -= h.costUsd;
    this.reserved.toolRuns -= h.toolRuns;
    this.checkWarnings();
  }

  checkWarnings(): void {
    const b = this.budget();
    const u = this.used();
    for (const kind of ['tokens', 'costUsd', 'toolRuns', 'wallMs'] as const) {
      const limit = b[kind];
      if (limit === null || limit <= 0) continue;
      const used = usedOf(u, kind);
      const mark = `${kind}:${limit}`;
      if (used >= WARN_AT * limit && !this.warned.has(mark)) {
        this.warned.add(mark);
        this.onWarn(kind, used, limit);
      }
    }
  }
}
