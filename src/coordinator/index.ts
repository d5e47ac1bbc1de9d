/**
 * The coordinator's public door (see README.md): the Coordinator class, the request schemas of the
 * project API, the views it returns, and the ports (the store implements ProjectRepository).
 */
import { Coordinator } from './coordinator.ts';
import { engineDeps, registerProjects, type CoordinatorCore } from './adapters.ts';
import type { EngineDeps } from './engine/run.ts';
import type { Workflow } from './workflows/types.ts';

export { Coordinator, DEFAULT_PIPELINE } from './coordinator.ts';
export { engineDeps, ownerPrincipal, type CoordinatorCore } from './adapters.ts';
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
export {
  CoordinatorStatusSchema,
  JournalVerdictSchema,
  ProjectReportSchema,
  ProjectSummarySchema,
  ProjectViewSchema,
  ReplayResultSchema,
  StepDetailSchema,
  StepViewSchema,
  type BudgetLine,
  type CoordinatorStatus,
  type JournalVerdict,
  type ProjectMetrics,
  type ProjectReport,
  type ProjectSummary,
  type ProjectView,
  type ReplayResult,
  type StepView,
  type TaskView,
} from './schemas.ts';
export type { GateDecision, WorkflowContext } from './engine/context.ts';
export type { StepIO } from './engine/step-io.ts';
export type { Workflow, WorkflowOutcome } from './workflows/types.ts';
export { FORMATS, PlanSchema, ReviewSchema, type Plan, type SubTask } from './roles/schemas.ts';
export { validatePlan } from './roles/plan.ts';

/** The coordinator bound to the service's modules (what openCore creates; call start() to resume interrupted projects). */
export function createCoordinator(core: CoordinatorCore, opts: CoordinatorOptions = {}): Coordinator {
  registerProjects(core);
  return new Coordinator(engineDeps(core, opts), opts.workflows);
}

export interface CoordinatorOptions {
  /** USD per million tokens by model (a model not listed costs 0) */
  costs?: EngineDeps['costs'];
  /** this process's lease name (default `<host>/<pid>/<random>`) */
  instance?: string;
  /** more pipelines by name, beside seed 004's */
  workflows?: Record<string, Workflow>;
}
