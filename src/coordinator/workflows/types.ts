import type { WorkflowContext } from '../engine/context.ts';

/** What a workflow returns when it finishes; the runner closes the project with it. */
export interface WorkflowOutcome {
  result: unknown;
  /** accepted below the quality threshold somewhere (accept-best-and-flag) */
  flagged: boolean;
  summary: string;
}

/**
 * A workflow: deterministic code over the context's primitives (step, transition, gate). Issue 13's
 * pipelines are workflows too, interpreted from their YAML; they register under their name.
 */
export type Workflow = (ctx: WorkflowContext) => Promise<WorkflowOutcome>;
