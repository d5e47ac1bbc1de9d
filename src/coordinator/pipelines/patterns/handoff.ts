/**
 * Seed 000 pattern 4, handoff: one agent holds the conversation at a time and either answers (the
 * result) or transfers it to another through a `transfer_to_<name>` tool call (only the transfers its
 * `handoffs` allow are offered). The first agent is `entry`, or the one routing picks for the task.
 * Caught: ping-pong (the same two agents handing back and forth maxPingPong times in a row) and more
 * than maxHandoffs transfers; then the project fails with HANDOFF_LOOP, or (onLoop: answer) the agent
 * holding the conversation must answer without transfers. `@name` in a person's message transfers
 * the conversation to that agent.
 */
import { FactoryError } from '../../../errors/catalog.ts';
import type { WorkflowOutcome } from '../../workflows/types.ts';
import type { PipelineOf } from '../schema.ts';
import { oneLine, textOf, type PipelineRun } from '../runtime.ts';

type Spec = PipelineOf<'handoff'>;
interface Transfer {
  from: string;
  to: string;
  reason: string;
  by: 'agent' | 'person';
}

export async function handoff(run: PipelineRun, spec: Spec): Promise<WorkflowOutcome> {
  const { ctx } = run;
  await ctx.transition('executing', 'handoff', `handoff among ${spec.agents.length} agents`);
  let current = spec.entry === 'route' ? (await run.route('route:task', run.task, spec.agents)).agent : spec.entry;
  const transfers: Transfer[] = [];
  let stopped: string | null = null;
  for (let turn = 1; ; turn++) {
    for (const m of await run.inbox(`handoff:${turn}`)) {
      const to = m.mentions === 'all' ? [] : m.mentions.filter((x) => spec.agents.includes(x));
      if (to[0] && to[0] !== current) {
        transfers.push({ from: current, to: to[0], reason: `@${to[0]} by ${m.by}`, by: 'person' });
        current = to[0];
      }
    }
    const targets = stopped ? [] : (spec.handoffs[current] ?? []);
    const reply = await run.callRetrying(
      `handoff:${turn}:${current}`,
      current,
      {
        input: { conversation: run.window(), handoffs: transfers },
        notes: run.notesFor(current),
        transfers: targets.map((t) => ({ to: t, description: run.role(t).blueprint.description })),
        instructions: stopped
          ? `Transfers are stopped (${stopped}): answer the task yourself now.`
          : targets.length
            ? `Answer the task, or hand the conversation to an agent better suited (${targets.join(', ')}) with its transfer tool.`
            : 'Answer the task.',
      },
      ctx.config.workerRetries,
      { meta: { turn, agent: current } },
    );
    run.transcript.push({
      speaker: current,
      text: reply.kind === 'transfer' ? `(transfers to ${reply.to}) ${reply.reason}` : textOf(reply),
    });
    ctx.progress(Math.min(0.9, 0.05 + (0.85 * turn) / (spec.maxHandoffs + 1)));
    if (reply.kind === 'answer') {
      const text = textOf(reply);
      await run.remember([{ role: current, text }]);
      return {
        result: { result: reply.value, answeredBy: current, handoffs: transfers, stopped },
        flagged: stopped !== null,
        summary: oneLine(text, 300),
      };
    }
    transfers.push({ from: current, to: reply.to, reason: reply.reason, by: 'agent' });
    const loop = loopOf(
      transfers.filter((t) => t.by === 'agent'),
      spec,
    );
    if (loop) {
      await ctx.step('handoff:loop', async () => ({ ...loop, handoffs: transfers }), {
        meta: { phase: 'loop' },
        summary: () => loop.message,
        effects: () => ({ events: [{ status: 'loop_caught', message: loop.message, metadata: { kind: loop.kind, agents: loop.agents } }] }),
      });
      if (spec.onLoop === 'fail') throw new FactoryError('HANDOFF_LOOP', loop.message, { ...loop, handoffs: transfers });
      stopped = loop.kind;
    }
    current = reply.to;
  }
}

/** Ping-pong (A→B→A… maxPingPong transfers in a row between the same two) or more than maxHandoffs transfers. */
export function loopOf(ts: Transfer[], spec: Pick<Spec, 'maxHandoffs' | 'maxPingPong'>) {
  const tail = ts.slice(-spec.maxPingPong);
  const pair = new Set(tail.flatMap((t) => [t.from, t.to]));
  const alternating = tail.every((t, i) => i === 0 || (t.from === tail[i - 1]!.to && t.to === tail[i - 1]!.from));
  if (tail.length === spec.maxPingPong && pair.size === 2 && alternating) {
    const agents = [...pair];
    return {
      kind: 'ping-pong' as const,
      agents,
      message: `${agents.join(' and ')} handed the conversation back and forth ${tail.length} times`,
    };
  }
  if (ts.length > spec.maxHandoffs) {
    const agents = [...new Set(ts.map((t) => t.to))];
    return { kind: 'handoff-limit' as const, agents, message: `more than ${spec.maxHandoffs} handoffs` };
  }
  return null;
}
