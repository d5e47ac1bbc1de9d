/**
 * What the door returns, as zod schemas: the one description of a project, its steps, report, replay and
 * journal verdict. The views (views.ts) are typed by them, and routes hand them to the zod type provider
 * as response schemas (so the OpenAPI document and the typed client come from here too).
 */
import { z } from 'zod';
import { ProjectDefaultsSchema, REVIEW_KINDS } from '../config/schema.ts';
import { IssueSchema, SubTaskSchema } from './roles/schemas.ts';

import {
  ErrorValueSchema,
  OpenGateSchema,
  PauseSchema,
  PhaseSchema as Phase,
  StatusSchema as Status,
  UsageSchema,
} from './record-schemas.ts';

export { ErrorValueSchema, OpenGateSchema, PauseSchema, UsageSchema };

export const BudgetLineSchema = z.object({
  limit: z.number().nullable().describe('null: unlimited'),
  used: z.number(),
  remaining: z.number().nullable(),
  fraction: z.number().nullable().describe('used / limit'),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
export const BudgetLinesSchema = z
  .object({ tokens: BudgetLineSchema, costUsd: BudgetLineSchema, wallMs: BudgetLineSchema, toolRuns: BudgetLineSchema })
  .meta({ id: 'ProjectBudgetUse', description: 'Each budget: its limit, what is used and what remains' });

export const PlanViewSchema = z
  .object({ version: z.number().int(), analysis: z.string(), subTasks: z.array(SubTaskSchema) })
  .meta({ id: 'ProjectPlan', description: 'The strategist’s analysis and sub-tasks (or the approved edited plan)' });

export const PipelinePlanSchema = z
  .looseObject({ kind: z.string().describe('the pattern that planned it, e.g. company (goals, non-goals, phases)') })
  .meta({ id: 'PipelinePlan', description: 'A pipeline’s plan (its pattern’s own shape)' });

export const DecisionSchema = z
  .object({ at: z.string(), agent: z.string(), decision: z.string(), reason: z.string(), phase: z.string().optional() })
  .meta({ id: 'ProjectDecision', description: 'An entry of a pipeline project’s decisions log: who decided what, and why' });

export const ProjectMetricsSchema = z
  .object({
    totalMs: z.number().nullable(),
    runningMs: z.number(),
    planningMs: z.number(),
    executionMs: z.number(),
    reviewMs: z.number(),
    totalTasks: z.number(),
    completedTasks: z.number(),
    failedTasks: z.number(),
    retriedTasks: z.number(),
    flaggedTasks: z.number(),
    staticAgentsUsed: z.number(),
    dynamicAgentsCreated: z.number(),
    agentInvocations: z.number(),
    toolsGenerated: z.number(),
    toolExecutions: z.number(),
    averageQualityScore: z.number().nullable(),
    totalIterations: z.number(),
    firstPassRate: z.number().nullable(),
    steps: z.number(),
    llmCalls: z.number(),
    promptTokens: z.number(),
    completionTokens: z.number(),
    totalTokens: z.number(),
    estimatedTokenCalls: z.number().describe('calls whose tokens are estimates (Ollama reported no counts, or the call failed)'),
    costUsd: z.number(),
  })
  .meta({ id: 'ProjectMetrics', description: 'Seed 004 §10.1, computed from the journal when the project ends' });
export type ProjectMetrics = z.infer<typeof ProjectMetricsSchema>;

const summaryShape = {
  id: z.string(),
  name: z.string(),
  owner: z.string().describe('the token id that created it'),
  task: z.string(),
  pipeline: z.string(),
  status: Status,
  phase: Phase.describe('the last running phase: a wait or a pause returns to it'),
  error: ErrorValueSchema.nullable(),
  waiting: OpenGateSchema.nullable().describe('the open approval gate'),
  paused: PauseSchema.nullable(),
  usage: UsageSchema,
  budget: BudgetLinesSchema,
  runs: z.number().int(),
  cancelRequested: z.boolean(),
  running: z.boolean().describe('a run of it is active (or queued) in this service process'),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
};
export const ProjectSummarySchema = z.object(summaryShape).meta({ id: 'ProjectSummary' });
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const EvaluationSchema = z.object({
  iteration: z.number().int(),
  stage: z.string(),
  kind: z.enum(REVIEW_KINDS),
  reviewer: z.string(),
  score: z.number().nullable().describe('null: the reviewer gave no valid review'),
  accepted: z.boolean(),
  issues: z.array(IssueSchema),
});

export const TaskViewSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    type: z.string(),
    inputFrom: z.array(z.string()),
    status: z.enum(['pending', 'assigned', 'running', 'accepted', 'flagged', 'failed']),
    agent: z.object({ id: z.string(), name: z.string(), created: z.boolean() }).nullable(),
    iterations: z.number().int(),
    score: z.number().nullable(),
    evaluations: z.array(EvaluationSchema),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'ProjectTask' });
export type TaskView = z.infer<typeof TaskViewSchema>;

export const ApprovalSchema = z.object({
  gate: z.string(),
  round: z.number().int(),
  decision: z.enum(['approve', 'reject', 'message']),
  reason: z.string().optional(),
  message: z.string().optional().describe('the answer at a gate that takes messages'),
  plan: z.unknown().optional().describe('the edited plan that was approved'),
  by: z.string().describe('who decided (token id)'),
  at: z.string(),
});

export const ProjectViewSchema = z
  .object({
    ...summaryShape,
    config: ProjectDefaultsSchema.describe('the project’s settings: the service defaults with its config applied'),
    plan: z.union([PlanViewSchema, PipelinePlanSchema]).nullable(),
    tasks: z.array(TaskViewSchema),
    approvals: z.array(ApprovalSchema),
    result: z.unknown().describe('the aggregated result once completed'),
    metrics: ProjectMetricsSchema.nullable(),
    journal: z.object({ length: z.number().int(), head: z.string().describe('hash of the last journal row') }),
    decisions: z.array(DecisionSchema).describe('pipelines: the decisions log'),
    knownIssues: z.array(z.unknown()).describe('pipelines: the issues the project accepted and goes on with'),
  })
  .meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectViewSchema>;

export const StepViewSchema = z
  .object({
    seq: z.number().int(),
    key: z.string().describe('e.g. plan:1, p1/task:t3/iter:2/execute:1.1; model replies and tool runs inside a step: <step>#llm:<n>'),
    kind: z.enum(['step', 'llm', 'tool', 'signal', 'mark']),
    ok: z.boolean(),
    at: z.string(),
    meta: z.record(z.string(), z.unknown()),
    data: z.unknown().describe('the step’s result, or its error'),
  })
  .meta({ id: 'ProjectStep' });
export type StepView = z.infer<typeof StepViewSchema>;
export const StepDetailSchema = StepViewSchema.extend({ calls: z.array(StepViewSchema) }).meta({ id: 'ProjectStepDetail' });

export const ProjectReportSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    task: z.string(),
    status: Status,
    error: ErrorValueSchema.nullable(),
    paused: PauseSchema.nullable(),
    waiting: OpenGateSchema.nullable(),
    budget: BudgetLinesSchema,
    usage: UsageSchema,
    metrics: ProjectMetricsSchema.nullable(),
    result: z.unknown(),
    tasks: z.array(TaskViewSchema.omit({ evaluations: true }).extend({ reviews: z.number().int() })),
    approvals: z.array(ApprovalSchema),
    failures: z.array(z.object({ key: z.string(), at: z.string(), error: z.unknown() })),
    timeline: z.array(z.object({ at: z.string(), key: z.string(), kind: z.string(), data: z.unknown() })),
    next: z.string().describe('what to do now'),
  })
  .meta({ id: 'ProjectReport' });
export type ProjectReport = z.infer<typeof ProjectReportSchema>;

export const ReplayResultSchema = z
  .object({
    project: z.string(),
    ok: z.boolean().describe('every journaled step came back and a completed project’s result is the same'),
    steps: z.number().int(),
    calls: z.number().int().describe('journaled model replies and tool runs'),
    unvisited: z.array(z.string()).describe('journaled steps the replay never asked for'),
    resultMatches: z.boolean().nullable(),
    stoppedAt: z.string().nullable().describe('an open approval gate, or the project’s own failure'),
    error: ErrorValueSchema.nullable(),
    durationMs: z.number(),
    stepsPerSecond: z.number(),
  })
  .meta({ id: 'ProjectReplay' });
export type ReplayResult = z.infer<typeof ReplayResultSchema>;

export const JournalVerdictSchema = z
  .union([
    z.object({ ok: z.literal(true), count: z.number().int(), head: z.string() }),
    z.object({ ok: z.literal(false), count: z.number().int(), brokenAt: z.number().int(), key: z.string(), reason: z.string() }),
  ])
  .meta({ id: 'ProjectJournalVerdict' });
export type JournalVerdict = z.infer<typeof JournalVerdictSchema>;

export const CoordinatorStatusSchema = z.object({
  ok: z.boolean(),
  started: z.boolean().describe('this process drives projects (resumed those a stopped process left)'),
  running: z.number().int().describe('runs active in this process'),
  queued: z.number().int().describe('projects waiting here for a free slot (coordinator.maxConcurrentProjects)'),
  pending: z.number().int(),
  active: z.number().int().describe('planning, executing or reviewing'),
  waiting: z.number().int().describe('waiting for approval'),
  paused: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});
export type CoordinatorStatus = z.infer<typeof CoordinatorStatusSchema>;
