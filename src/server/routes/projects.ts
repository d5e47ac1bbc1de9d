import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApprovalBody,
  BudgetPatchBody,
  CreateProjectBody,
  JournalVerdictSchema,
  ListProjectsQuery,
  ProjectReportSchema,
  ProjectSummarySchema,
  ProjectViewSchema,
  ReplayResultSchema,
  StepDetailSchema,
  StepsQuery,
  StepViewSchema,
  type Coordinator,
} from '../../coordinator/index.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageReply, query, strict } from '../schemas/common.ts';

type Door = Pick<
  Coordinator,
  'create' | 'list' | 'get' | 'steps' | 'step' | 'cancel' | 'approve' | 'resume' | 'patchBudget' | 'report' | 'replay' | 'verify'
>;

const ProjectId = z.string().regex(/^prj_[0-9a-f]{16}$/, 'not a project id (prj_ and 16 hex digits)');
const IdParams = strict({ id: ProjectId });
const StepParams = strict({
  id: ProjectId,
  step: z
    .string()
    .min(1)
    .max(400)
    .describe('the step key, URL-encoded as one path segment: plan:1 → plan%3A1, p1/task:t1/assign:1 → p1%2Ftask%3At1%2Fassign%3A1'),
});
const Project = z.object({ project: ProjectViewSchema });
const NOT_YOURS = '404 when there is no project you may see (another submitter’s is 404 too).';
const DECIDES = 'Only the project’s owner or an admin (403 for anyone else who sees it; 404 for a submitter who does not).';
const tags = ['projects'];

/**
 * Projects over HTTP (issue 12): the coordinator's door translated. Every body and reply is one of the
 * coordinator's zod schemas; who may see and decide what is the access rules' business (kind `project`).
 */
export const projectRoutes: FastifyPluginAsyncZod<{ projects: Door }> = async (app, { projects }) => {
  app.post(
    '/api/v1/projects',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'createProject',
        tags,
        summary: 'Start a project',
        description:
          'The coordinator plans the task (strategist), assigns sub-tasks to agents (delegator), runs them in parallel up to ' +
          '`config.maxConcurrentAgents`, reviews and iterates each to the quality threshold, aggregates, and closes. `config` ' +
          'overrides any of the service’s `coordinator.defaults` (README: project config keys). The run starts at once, or ' +
          'waits as pending past `coordinator.maxConcurrentProjects`. Follow it on the stream (`project:<id>`).',
        body: CreateProjectBody,
        response: { 201: json('Created and started', Project), ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const project = await projects.create(who(req), req.body);
      return reply.code(201).header('location', `/api/v1/projects/${project.id}`).send({ project });
    },
  );

  app.get(
    '/api/v1/projects',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listProjects',
        tags,
        summary: 'List projects',
        description: 'Newest first: yours (viewers and admins: everyone’s), filtered by status and owner.',
        querystring: query(ListProjectsQuery.shape),
        response: {
          200: json('A page of projects', z.object({ projects: z.array(ProjectSummarySchema), nextCursor: NextCursor })),
          ...errors(400, 401),
        },
      },
    },
    async (req) => pageReply('projects', await projects.list(who(req), req.query), (p) => p),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getProject',
        tags,
        summary: 'One project',
        description:
          'Status and phase, config, plan, sub-tasks (agent, iterations, score, every evaluation with its issues), the open ' +
          `approval (\`waiting\`), \`paused\`, usage against each budget, approvals decided, result, metrics. ${NOT_YOURS}`,
        params: IdParams,
        response: { 200: json('The project', Project), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ project: await projects.get(who(req), req.params.id) }),
  );

  app.get(
    '/api/v1/projects/:id/steps',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listProjectSteps',
        tags,
        summary: 'The project’s journal',
        description:
          'Every step (plan, assignments, agent runs, reviews, aggregation, status changes), approval decision and run mark, ' +
          `in order; with \`calls=true\` also each model reply and tool run inside a step. ${NOT_YOURS}`,
        params: IdParams,
        querystring: query(StepsQuery.shape),
        response: {
          200: json('A page of journal rows', z.object({ steps: z.array(StepViewSchema), nextCursor: NextCursor })),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => pageReply('steps', await projects.steps(who(req), req.params.id, req.query), (s) => s),
  );

  app.get(
    '/api/v1/projects/:id/steps/:step',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getProjectStep',
        tags,
        summary: 'One step, with its model replies and tool runs',
        description:
          'Step keys contain `/` and `:` (e.g. `p1/task:t1/iter:1/execute:1.1`): send the key URL-encoded as one path segment ' +
          `(encodeURIComponent; the typed client does). ${NOT_YOURS}`,
        params: StepParams,
        response: { 200: json('The step', z.object({ step: StepDetailSchema })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ step: await projects.step(who(req), req.params.id, req.params.step) }),
  );

  app.post(
    '/api/v1/projects/:id/cancel',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'cancelProject',
        tags,
        summary: 'Cancel a project',
        description:
          'Stops its model calls and sandboxes at once and destroys its temporary agents and tools. Idempotent: cancelling a ' +
          `cancelled project answers it again; a completed or failed one is 409 PROJECT_STATE_INVALID. ${DECIDES}`,
        params: IdParams,
        body: strict({ reason: z.string().max(2000).optional().describe('recorded with the cancellation') }).optional(),
        response: { 200: json('Cancelled', Project), ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req) => ({ project: await projects.cancel(who(req), req.params.id, req.body?.reason?.trim() || undefined) }),
  );

  app.post(
    '/api/v1/projects/:id/approve',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'decideProjectGate',
        tags,
        summary: 'Decide the open approval gate',
        description:
          'Approve (`{"decision":"approve"}`), reject with a reason (`{"decision":"reject","reason":…}`: the strategist plans ' +
          'again with it, up to `maxReplans`, then the project fails with APPROVAL_REJECTED), or approve an edited plan ' +
          '(`{"decision":"approve","plan":{analysis,subTasks}}`, plan gate only: validated like a generated plan, 422 ' +
          `PLAN_INVALID with the issues). 409 PROJECT_STATE_INVALID when nothing waits (or it was decided). ${DECIDES}`,
        params: IdParams,
        body: ApprovalBody,
        response: { 200: json('Decided; the project goes on', Project), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req) => ({ project: await projects.approve(who(req), req.params.id, req.body) }),
  );

  app.post(
    '/api/v1/projects/:id/resume',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'resumeProject',
        tags,
        summary: 'Resume a paused project',
        description:
          'A project paused by an unavailable model or sandbox (or a setting to change) goes on from where it stopped; no ' +
          'finished step runs again. One paused by its budget needs PATCH budget instead (409 BUDGET_EXCEEDED). ' +
          `409 PROJECT_STATE_INVALID when it is not paused. ${DECIDES}`,
        params: IdParams,
        response: { 200: json('Resumed', Project), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ project: await projects.resume(who(req), req.params.id) }),
  );

  app.patch(
    '/api/v1/projects/:id/budget',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'changeProjectBudget',
        tags,
        summary: 'Change the budget',
        description:
          'New limits for tokens, costUsd, wallMs and toolRuns (null: unlimited); the others stay. A project paused by its ' +
          `budget resumes by itself when the new limits allow. 409 PROJECT_STATE_INVALID once it has ended. ${DECIDES}`,
        params: IdParams,
        body: BudgetPatchBody,
        response: { 200: json('Changed', Project), ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req) => ({ project: await projects.patchBudget(who(req), req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/projects/:id/report',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getProjectReport',
        tags,
        summary: 'The project’s report',
        description:
          'Status, error, pause, budget use, metrics (seed 004 §10.1), sub-tasks, approvals, failed steps, the timeline of ' +
          `status changes and runs, and \`next\`: what to do now. ${NOT_YOURS}`,
        params: IdParams,
        response: { 200: json('The report', z.object({ report: ProjectReportSchema })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ report: await projects.report(who(req), req.params.id) }),
  );

  app.post(
    '/api/v1/projects/:id/replay',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'replayProject',
        tags,
        summary: 'Replay the project from its journal',
        description:
          'Runs the workflow again over the journal with no model, tools or agents, writing nothing: every step must come back ' +
          'from the journal, and a completed project’s result must be the same (`ok`). 500 JOURNAL_BROKEN when a row was ' +
          `changed. ${NOT_YOURS}`,
        params: IdParams,
        response: { 200: json('The replay', z.object({ replay: ReplayResultSchema })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ replay: await projects.replay(who(req), req.params.id) }),
  );

  app.get(
    '/api/v1/projects/:id/verify',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'verifyProjectJournal',
        tags,
        summary: 'Verify the journal’s hash chain',
        description: `\`ok\` with the row count and head hash, or the first row that was changed or removed. ${NOT_YOURS}`,
        params: IdParams,
        response: { 200: json('The verdict', z.object({ verdict: JournalVerdictSchema })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ verdict: await projects.verify(who(req), req.params.id) }),
  );
};
