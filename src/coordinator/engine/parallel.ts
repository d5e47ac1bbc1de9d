/**
 * Bounded fan-out (a primitive next to step, gate and inbox): runs `fn` over the items, at most
 * `limit` at once, in the items' order. A failure the journal records (a step's deterministic outcome)
 * is reported for its item and the others go on; anything else (cancel, budget, pause, a transient
 * error) stops the run: the running ones unwind, then it is rethrown. Completion order does not
 * matter for replay: each item's steps have their own keys.
 */
import type { WorkflowContext } from './context.ts';
import { isJournalable, stopReason } from './errors.ts';

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export async function runBounded<T, R>(
  ctx: WorkflowContext,
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<Settled<R>[]> {
  const out: Settled<R>[] = new Array(items.length);
  const running = new Map<number, Promise<number>>();
  let next = 0;
  let stop: unknown;
  const start = (i: number): void => {
    running.set(
      i,
      fn(items[i]!, i).then(
        (value) => {
          out[i] = { ok: true, value };
          return i;
        },
        (error: unknown) => {
          if (isJournalable(error) && !ctx.signal.aborted) out[i] = { ok: false, error };
          else stop ??= ctx.signal.aborted ? stopReason(ctx.signal) : error;
          return i;
        },
      ),
    );
  };
  for (;;) {
    while (stop === undefined && running.size < Math.max(1, limit) && next < items.length) start(next++);
    if (running.size === 0) break;
    running.delete(await Promise.race(running.values()));
  }
  if (stop !== undefined) throw stop;
  return out;
}
