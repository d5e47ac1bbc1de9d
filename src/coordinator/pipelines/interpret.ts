/**
 * A loaded pipeline → the workflow the engine runs: the pattern's interpreter over the pipeline's
 * data. Seed 004's workflow is the pattern `seed004` (pipelines/default.yaml).
 */
import { seed004 } from '../workflows/seed004.ts';
import type { Workflow } from '../workflows/types.ts';
import { company } from './patterns/company/index.ts';
import { concurrent } from './patterns/concurrent.ts';
import { groupChat } from './patterns/group-chat.ts';
import { handoff } from './patterns/handoff.ts';
import { magentic } from './patterns/magentic.ts';
import { sequential } from './patterns/sequential.ts';
import type { Pipeline } from './load.ts';
import { PipelineRun, type PipelineEnv } from './runtime.ts';

export function interpret(pipeline: Pipeline, env: PipelineEnv): Workflow {
  const spec = pipeline.spec;
  const run =
    (fn: (r: PipelineRun) => ReturnType<Workflow>): Workflow =>
    (ctx) =>
      fn(new PipelineRun(ctx, pipeline, env));
  switch (spec.pattern) {
    case 'seed004':
      return seed004;
    case 'sequential':
      return run((r) => sequential(r, spec));
    case 'concurrent':
      return run((r) => concurrent(r, spec));
    case 'group-chat':
      return run((r) => groupChat(r, spec));
    case 'handoff':
      return run((r) => handoff(r, spec));
    case 'magentic':
      return run((r) => magentic(r, spec));
    case 'company':
      return run((r) => company(r, spec));
  }
}
