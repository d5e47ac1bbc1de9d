/**
 * Seed 000 pattern 2, concurrent: every agent gets the task at once (at most
 * config.maxConcurrentAgents running), then the aggregator gets every output and answers with the
 * result. An agent that fails after its retries is reported to the aggregator; if all fail, the
 * project fails with the first error.
 */
import { runBounded } from '../../engine/parallel.ts';
import type { WorkflowOutcome } from '../../workflows/types.ts';
import type { PipelineOf } from '../schema.ts';
import { errorLine, oneLine, textOf, type PipelineRun } from '../runtime.ts';

export async function concurrent(run: PipelineRun, spec: PipelineOf<'concurrent'>): Promise<WorkflowOutcome> {
  const { ctx } = run;
  const n = spec.agents.length;
  await ctx.transition('executing', 'executing', `fanning out to ${n} agent(s), at most ${ctx.config.maxConcurrentAgents} at once`);
  await run.inbox('fan-out');
  let done = 0;
  const settled = await runBounded(ctx, spec.agents, ctx.config.maxConcurrentAgents, async (agent, i) => {
    const reply = await run.callRetrying(
      `fan:${i + 1}:${agent}`,
      agent,
      {
        input: { agent: i + 1, of: n },
        notes: run.notesFor(agent),
        instructions: 'Work on the task on your own; your answer is aggregated with the others.',
      },
      ctx.config.workerRetries,
      { meta: { fan: i + 1 } },
    );
    ctx.progress(0.05 + (0.8 * ++done) / n);
    return reply;
  });
  const results = settled.flatMap((s, i) =>
    s.ok ? [{ agent: spec.agents[i]!, index: i + 1, output: s.value.kind === 'answer' ? s.value.value : textOf(s.value) }] : [],
  );
  const failed = settled.flatMap((s, i) => (s.ok ? [] : [{ agent: spec.agents[i]!, index: i + 1, error: errorLine(s.error) }]));
  if (results.length === 0) throw (settled[0] as { error: unknown }).error;
  await ctx.transition('reviewing', 'aggregating', `aggregating ${results.length} result(s)`);
  await run.inbox('aggregate');
  const agg = await run.callRetrying(
    'aggregate',
    spec.aggregator,
    {
      input: { results, failed },
      notes: run.notesFor(spec.aggregator),
      instructions: 'Aggregate the results into one answer to the task.',
    },
    ctx.config.workerRetries,
  );
  const text = textOf(agg);
  await run.remember([
    ...results.map((r) => ({ role: r.agent, text: typeof r.output === 'string' ? r.output : JSON.stringify(r.output) })),
    { role: spec.aggregator, text },
  ]);
  return {
    result: { result: agg.kind === 'answer' ? agg.value : text, parts: results.length, failed },
    flagged: failed.length > 0,
    summary: oneLine(text, 300),
  };
}
