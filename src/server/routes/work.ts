import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/index.ts';
import type { AgentBlueprint, RejectedBlueprint, ToolBlueprint } from '../../blueprints/index.ts';
import type { CatalogEntry, WorkQueries } from '../../factory/index.ts';
import type { PageOf, PageRequest } from '../../util/page.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageOf, pageQuery, pageReply, query, strict } from '../schemas/common.ts';
import { AgentBlueprint as AgentBlueprintSchema, ToolBlueprint as ToolBlueprintSchema, Usage, WorkItem } from '../schemas/resources.ts';

export interface WorkOptions {
  work: WorkQueries;
  /** the blueprints on disk, as the caller may see them */
  blueprints(p: Principal, page: PageRequest): Promise<PageOf<CatalogEntry> & { rejected: RejectedBlueprint[] }>;
}

const WorkId = z.string().regex(/^[a-z]{3,5}_[0-9a-f]{16}$/, 'not an id');
const Issue = z.object({ path: z.string(), message: z.string(), line: z.number().optional() });

/** Jobs and runs (yours; viewers and admins: all), model usage, and the blueprints on disk. */
export const workRoutes: FastifyPluginAsyncZod<WorkOptions> = async (app, { work, blueprints }) => {
  const list = (what: string) => ({
    tags: ['work'],
    summary: `List ${what}`,
    querystring: query(pageQuery()),
    description: 'Newest first: yours (viewers and admins: everyone’s), with status, result and every step.',
  });
  const one = (what: string) => ({
    tags: ['work'],
    summary: `One ${what}`,
    params: strict({ id: WorkId }),
    description: 'Status, result, error, every step and the model tokens it used. 404 when there is none you may see.',
  });

  app.get(
    '/api/v1/jobs',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listJobs',
        ...list('jobs (tool generation)'),
        response: { 200: json('A page of jobs', z.object({ jobs: z.array(WorkItem), nextCursor: NextCursor })), ...errors(400, 401) },
      },
    },
    async (req) => pageReply('jobs', await work.list('job', who(req), pageOf(req.query)), (w) => w),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getJob',
        ...one('job'),
        response: { 200: json('The job', z.object({ job: WorkItem })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ job: await work.get('job', req.params.id, who(req)) }),
  );

  app.get(
    '/api/v1/runs',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listRuns',
        ...list('runs (tools, agents, executions)'),
        response: { 200: json('A page of runs', z.object({ runs: z.array(WorkItem), nextCursor: NextCursor })), ...errors(400, 401) },
      },
    },
    async (req) => pageReply('runs', await work.list('run', who(req), pageOf(req.query)), (w) => w),
  );

  app.get(
    '/api/v1/runs/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getRun',
        ...one('run'),
        response: { 200: json('The run', z.object({ run: WorkItem })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ run: await work.get('run', req.params.id, who(req)) }),
  );

  app.get(
    '/api/v1/usage',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getUsage',
        tags: ['work'],
        summary: 'Model calls, tokens and cost',
        description: 'Of your jobs and runs (viewers and admins: every call).',
        response: { 200: json('Totals', z.object({ llm: Usage })), ...errors(401) },
      },
    },
    async (req) => ({ llm: await work.usage(who(req)) }),
  );

  app.get(
    '/api/v1/blueprints',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listBlueprints',
        tags: ['work'],
        summary: 'The blueprints on disk',
        description:
          'Validated at start: agents, then tools, by name (a tool is `registered` when you may see a tool of its name); ' +
          '`rejected` lists the invalid files and why.',
        querystring: query(pageQuery()),
        response: {
          200: json(
            'A page of blueprints',
            z.object({
              agents: z.array(z.object({ file: z.string(), blueprint: AgentBlueprintSchema })),
              tools: z.array(z.object({ file: z.string(), blueprint: ToolBlueprintSchema, registered: z.boolean() })),
              rejected: z.array(z.object({ file: z.string(), kind: z.enum(['agent', 'tool']), issues: z.array(Issue) })),
              nextCursor: NextCursor,
            }),
          ),
          ...errors(400, 401),
        },
      },
    },
    async (req) => {
      const page = await blueprints(who(req), pageOf(req.query));
      const { nextCursor } = pageReply('items', page, (e) => e);
      const agents: { file: string; blueprint: AgentBlueprint }[] = [];
      const tools: { file: string; blueprint: ToolBlueprint; registered: boolean }[] = [];
      for (const e of page.items) {
        if (e.kind === 'agent') agents.push({ file: e.file, blueprint: e.blueprint });
        else tools.push({ file: e.file, blueprint: e.blueprint, registered: e.registered });
      }
      return { agents, tools, rejected: page.rejected, nextCursor };
    },
  );
};
