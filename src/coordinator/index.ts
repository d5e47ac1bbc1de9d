/**
 * The coordinator's public door (see README.md): the Coordinator class, the request schemas of the
 * project API, the views it returns, and the ports (the store implements ProjectRepository).
 */
import { Coordinator } from './coordinator.ts';
import { engineDeps, registerProjects, type CoordinatorCore } from './adapters.ts';
import type { EngineDeps } from './engine/run.ts';
import type { Workflow } from './workflows/types.ts';
import { PipelineRegistry } from './pipelines/registry.ts';

export { Coordinator, DEFAULT_PIPELINE } from './coordinator.ts';
export { engineDeps, ownerPrincipal, type CoordinatorCore } from './adapters.ts';
export type { EngineDeps } from './engine/run.ts';
export {
  ApprovalBody,
  BudgetPatchBody,
  CreateProjectBody,
  ListProjectsQuery,
  MessageBody,
  MessagesQuery,
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
export { EpisodesQuery, KnowledgeBody, KnowledgeListQuery, MemorySearchQuery, RememberBody } from './door-memory.ts';
export {
  ConversationLineSchema,
  EpisodeHitsSchema,
  EpisodeSchema,
  KnowledgeHitsSchema,
  KnowledgeItemSchema,
  PipelineDetailSchema,
  PipelineStatusSchema,
  PipelineSummarySchema,
  ProjectPipelineSchema,
  RejectedPipelineSchema,
  SavedKnowledgeSchema,
  SentMessageSchema,
  type PipelineStatus,
  type SentMessage,
} from './door-schemas.ts';
export { Memory, cosine } from './memory.ts';
export { PipelineRegistry, type RejectedPipeline } from './pipelines/registry.ts';
export { loadPipeline, type Pipeline, type PipelineBundle, type PipelineRole } from './pipelines/load.ts';
export { PipelineFileSchema, PATTERNS, type PatternName, type PipelineFile } from './pipelines/schema.ts';
export { PIPELINE_FORMATS } from './pipelines/formats.ts';
export { parseMentions } from './pipelines/routing.ts';
export type { PipelineIssue } from './pipelines/yaml.ts';
export type { ConversationLine, Decision, PipelineSummary } from './pipelines/views.ts';
export type { InboxMessage } from './engine/context.ts';

/**
 * The coordinator bound to the service's modules (what openCore creates; call start() to resume
 * interrupted projects). Pipelines are read from `config.pipelineDir` (or `opts.pipelines`).
 */
export function createCoordinator(core: CoordinatorCore, opts: CoordinatorOptions = {}): Coordinator {
  registerProjects(core);
  return new Coordinator(engineDeps(core, opts), {
    ...(opts.workflows ? { workflows: opts.workflows } : {}),
    pipelines: opts.pipelines ?? new PipelineRegistry(core.config.pipelineDir),
    memory: core.store.memory,
  });
}

export interface CoordinatorOptions {
  /** USD per million tokens by model (a model not listed costs 0) */
  costs?: EngineDeps['costs'];
  /** this process's lease name (default `<host>/<pid>/<random>`) */
  instance?: string;
  /** more code workflows by name, beside seed 004's (tests; projects recorded before pipelines) */
  workflows?: Record<string, Workflow>;
  /** the pipeline files (default: a registry of `config.pipelineDir`) */
  pipelines?: PipelineRegistry;
}
