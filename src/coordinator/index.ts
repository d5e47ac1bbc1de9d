/**
 * The coordinator's public door (see README.md): the Coordinator class, the request schemas of the
 * project API, the views it returns, and the ports (the store implements ProjectRepository).
 */
import { Coordinator } from './coordinator.ts';
import { engineDeps, type CoordinatorCore } from './adapters.ts';
import type { EngineDeps } from './engine/run.ts';
import type { Workflow } from './workflows/types.ts';

export { Coordinator, DEFAULT_PIPELINE } from './coordinator.ts';
export { engineDeps, type CoordinatorCore } from './adapters.ts';
export type { EngineDeps } from './engine/run.ts';
export {
  ApprovalBody,
  BudgetPatchBody,
  CreateProjectBody,
  ListProjectsQuery,
  ProjectConfigInput,
  StepsQuery,
  resolveSettings,
} from './api.ts';
export * from './model.ts';
export type * from './ports.ts';
export type { BudgetLine, ProjectReport, ProjectSummary, ProjectView, StepView, TaskView } from './views.ts';
export type { ReplayResult } from './replay.ts';
export type { JournalVerdict } from './journal.ts';
export type { ProjectMetrics } from './metrics.ts';
export type { GateDecision, WorkflowContext } from './engine/context.ts';
export type { StepIO } from './engine/step-io.ts';
export type { Workflow, WorkflowOutcome } from './workflows/types.ts';
export { FORMATS, PlanSchema, ReviewSchema, type Plan, type SubTask } from './roles/schemas.ts';
export { validatePlan } from './roles/plan.ts';

/** The coordinator bound to the service's modules (what openCore creates; call start() to resume interrupted projects). */
export function createCoordinator(
  core: CoordinatorCore,
  opts: { costs?: EngineDeps['costs']; instance?: string; workflows?: Record<string, Workflow> } = {},
): Coordinator {
  return new Coordinator(engineDeps(core, opts), opts.workflows);
}
