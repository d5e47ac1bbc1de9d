/**
 * Runs the sub-tasks of a plan as their inputs become ready, at most `limit` at once. Among ready
 * sub-tasks the higher priority goes first, then the one with the longest chain of dependents (so a
 * bounded pool stays close to the ideal of critical path and width). A sub-task whose input failed is
 * skipped. A stop of the run (cancel, budget, pause) lets the running ones unwind, then rethrows. The
 * outcome lists sub-tasks in the plan's order, so what the workflow makes of it is the same in a replay.
 */
import type { WorkflowContext } from '../engine/context.ts';
import { isJournalable, stopReason } from '../engine/errors.ts';
import { chainLengths } from '../roles/plan.ts';
import type { SubTask } from '../roles/schemas.ts';

export interface DagOutcome<R> {
  done: Map<string, R>;
  failed: Map<string, unknown>;
  /** not run because an input failed */
  skipped: string[];
}

type Settled<R> = { id: string; ok: true; value: R } | { id: string; ok: false; error: unknown };

export async function runDag<R>(
  ctx: WorkflowContext,
  tasks: SubTask[],
  limit: number,
  runOne: (t: SubTask) => Promise<R>,
): Promise<DagOutcome<R>> {
  const chain = chainLengths(tasks);
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  const pending = new Map(tasks.map((t) => [t.id, t]));
  const running = new Map<string, Promise<Settled<R>>>();
  const out: DagOutcome<R> = { done: new Map(), failed: new Map(), skipped: [] };
  let stop: unknown;

  const start = (t: SubTask): void => {
    pending.delete(t.id);
    running.set(
      t.id,
      runOne(t).then(
        (value): Settled<R> => ({ id: t.id, ok: true, value }),
        (error: unknown): Settled<R> => ({ id: t.id, ok: false, error }),
      ),
    );
  };

  for (;;) {
    if (stop === undefined) {
      for (const [id, t] of pending) {
        if (t.inputFrom.some((d) => out.failed.has(d) || out.skipped.includes(d))) {
          pending.delete(id);
          out.skipped.push(id);
        }
      }
      const ready = [...pending.values()]
        .filter((t) => t.inputFrom.every((d) => out.done.has(d)))
        .sort((a, b) => b.priority - a.priority || chain.get(b.id)! - chain.get(a.id)! || order.get(a.id)! - order.get(b.id)!);
      for (const t of ready) {
        if (running.size >= limit) break;
        start(t);
      }
    }
    if (running.size === 0) break;
    const s = await Promise.race(running.values());
    running.delete(s.id);
    if (s.ok) out.done.set(s.id, s.value);
    else if (isJournalable(s.error) && !ctx.signal.aborted) out.failed.set(s.id, s.error);
    else stop ??= ctx.signal.aborted ? stopReason(ctx.signal) : s.error;
  }
  if (stop !== undefined) throw stop;
  for (const id of pending.keys()) out.skipped.push(id);
  // in the plan's order, not the order they finished in (which a replay or a resume need not repeat)
  const byPlan = (a: string, b: string) => order.get(a)! - order.get(b)!;
  return {
    done: new Map([...out.done].sort(([a], [b]) => byPlan(a, b))),
    failed: new Map([...out.failed].sort(([a], [b]) => byPlan(a, b))),
    skipped: out.skipped.sort(byPlan),
  };
}
