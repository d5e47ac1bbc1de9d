/**
 * Seed 000 pattern 1, sequential: each role in turn, each given the task and every output before it;
 * the last output is the result. A failed step is retried with its error (config.workerRetries), then
 * the project fails. People's messages reach every later step as notes (@name: that role only).
 */
import type { WorkflowOutcome } from '../../workflows/types.ts';
import type { PipelineOf } from '../schema.ts';
import { oneLine, textOf, type PipelineRun } from '../runtime.ts';

export async function sequential(run: PipelineRun, spec: PipelineOf<'sequential'>): Promise<WorkflowOutcome> {
  const { ctx } = run;
  await ctx.transition('executing', 'executing', `running ${spec.steps.length} step(s) in sequence`);
  const outputs: { role: string; output: unknown; text: string }[] = [];
  for (const [i, key] of spec.steps.entries()) {
    await run.inbox(`step:${i + 1}`);
    const last = i === spec.steps.length - 1;
    const reply = await run.callRetrying(
      `step:${i + 1}:${key}`,
      key,
      {
        input: { step: i + 1, of: spec.steps.length, previous: outputs.map((o) => ({ role: o.role, output: o.output })) },
        notes: run.notesFor(key),
        instructions: last ? 'You are the last step: your answer is the result of the project.' : `Step ${i + 1} of ${spec.steps.length}.`,
      },
      ctx.config.workerRetries,
      { meta: { step: i + 1 } },
    );
    const text = textOf(reply);
    outputs.push({ role: key, output: reply.kind === 'answer' ? reply.value : text, text });
    run.transcript.push({ speaker: key, text });
    ctx.progress(0.05 + (0.9 * (i + 1)) / spec.steps.length);
  }
  await run.remember(outputs);
  const final = outputs.at(-1)!;
  return {
    result: { result: final.output, steps: outputs.map((o) => ({ role: o.role, output: o.output })) },
    flagged: false,
    summary: oneLine(final.text, 300),
  };
}
