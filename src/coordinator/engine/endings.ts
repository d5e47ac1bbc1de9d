/**
 * How a run ends: what a stopped workflow means for the project (sortStop), a pause with its report,
 * and the close every terminal ending goes through (temporary agents and tools destroyed as a step,
 * metrics from the journal, the terminal status with its event and audit row).
 */
import { FactoryError } from '../../errors/catalog.ts';
import { computeMetrics } from '../metrics.ts';
import type { ProjectRecord } from '../model.ts';
import type { WorkflowOutcome } from '../workflows/types.ts';
import { WorkflowContext } from './context.ts';
import { codeOf, errorValue, isTransient, needsChange, Suspended } from './errors.ts';
import type { EngineDeps, RunState } from './run.ts';

export type Ending = { kind: 'completed'; outcome: WorkflowOutcome } | { kind: 'failed' | 'cancelled'; error: unknown };

/** What a stopped workflow means for the project. */
export async function sortStop(
  deps: EngineDeps,
  run: RunState,
  e: unknown,
): Promise<Ending | 'suspended' | 'paused' | 'stopped' | 'restart'> {
  if (e instanceof Suspended) return 'suspended';
  const err = run.signal.aborted && run.signal.reason instanceof FactoryError ? run.signal.reason : e;
  const code = codeOf(err);
  if (code === 'SHUTTING_DOWN' || code === 'PROJECT_BUSY') return 'stopped';
  if (code === 'PROJECT_CANCELLED') return { kind: 'cancelled', error: err };
  if (code === 'BUDGET_EXCEEDED' && (await budgetRaised(deps, run, err))) return 'restart';
  if (code === 'BUDGET_EXCEEDED' && run.project.config.onBudgetExceeded === 'pause') return pause(run, 'budget', err);
  if (isTransient(err))
    return pause(
      run,
      code.startsWith('SANDBOX') || code === 'DOCKER_UNAVAILABLE' ? 'sandbox' : code.startsWith('STORE') ? 'error' : 'llm',
      err,
    );
  if (needsChange(err)) return pause(run, 'llm', err); // resumes once the model, its settings or the host are changed
  return { kind: 'failed', error: err };
}

/** The budget that refused a call was changed since (PATCH budget during the run). */
async function budgetRaised(deps: EngineDeps, run: RunState, err: unknown): Promise<boolean> {
  const d = (err as FactoryError).details as { kind?: keyof ProjectRecord['config']['budget']; limit?: number } | undefined;
  const fresh = await deps.repo.get(run.project.id);
  if (!d?.kind || !fresh) return false;
  return fresh.config.budget[d.kind] !== d.limit;
}

async function pause(run: RunState, reason: 'budget' | 'llm' | 'sandbox' | 'error', e: unknown): Promise<'paused'> {
  await run.settle();
  const error = errorValue(e);
  await run
    .commit({
      patch: { status: 'paused', paused: { reason, error, at: new Date().toISOString() } },
      events: [
        {
          status: 'paused',
          message: `paused (${reason}): ${error.message}`,
          metadata: { reason, error, usage: run.project.usage, budget: run.project.config.budget },
        },
      ],
      audit: [
        {
          type: 'project_status_changed',
          action: 'paused',
          success: false,
          error: `${error.code}: ${error.message}`,
          details: { from: run.project.status, to: 'paused', reason },
        },
        ...(reason === 'budget'
          ? [{ type: 'project_budget' as const, action: 'exceeded', details: { ...(error.details as object), usage: run.project.usage } }]
          : []),
      ],
    })
    .catch(() => undefined);
  return 'paused';
}

/** Close (temporary agents and tools destroyed, as a step), metrics, then the terminal status. */
export async function endRun(deps: EngineDeps, run: RunState, ending: Ending, close: boolean): Promise<void> {
  await run.settle();
  run.ctrl = new AbortController();
  run.finalizing = true;
  const ctx = new WorkflowContext(run);
  let closeError: unknown;
  if (close) {
    try {
      await ctx.step('close', async () => closeResources(deps, run), {
        meta: { phase: 'close' },
        summary: (r) => `closed: ${r.agents.length} agent(s), ${r.tools.length} tool(s) destroyed`,
      });
    } catch (e) {
      closeError = e;
    }
  }
  const status = ending.kind;
  const error = ending.kind === 'completed' ? null : errorValue(ending.error);
  const finishedAt = new Date().toISOString();
  const metrics = computeMetrics({ ...run.project, finishedAt }, run.journal.values());
  await run.commit({
    patch: {
      status,
      finishedAt,
      metrics,
      waiting: null,
      paused: null,
      error,
      ...(ending.kind === 'completed' ? { result: ending.outcome.result } : {}),
    },
    events: [
      {
        status,
        progress: 1,
        message:
          ending.kind === 'completed'
            ? `completed${ending.outcome.flagged ? ' (flagged: below the quality threshold somewhere)' : ''}`
            : `${status}: ${error!.code}: ${error!.message}`,
        metadata: { metrics, ...(error ? { error } : {}), ...(closeError ? { closeError: errorValue(closeError) } : {}) },
      },
    ],
    audit: [
      {
        type: 'project_status_changed',
        action: status,
        success: status === 'completed',
        ...(error ? { error: `${error.code}: ${error.message}` } : {}),
        details: { from: run.project.status, to: status, metrics },
      },
    ],
  });
}

/** Destroys every agent and tool this project created (journaled in its steps' `resources`). */
async function closeResources(deps: EngineDeps, run: RunState): Promise<{ agents: string[]; tools: string[] }> {
  const agents = new Set<string>();
  const tools = new Set<string>();
  for (const r of run.journal.values()) {
    const res =
      r.kind === 'step' && r.ok ? (r.data as { resources?: { agents?: string[]; tools?: string[] } } | null)?.resources : undefined;
    for (const a of res?.agents ?? []) agents.add(a);
    for (const t of res?.tools ?? []) tools.add(t);
  }
  const why = `project ${run.project.id} closed`;
  for (const a of agents) await deps.agents.destroy(a, run.project.owner, why);
  for (const t of tools) await deps.tools.destroy(t, run.project.owner, why);
  return { agents: [...agents], tools: [...tools] };
}
