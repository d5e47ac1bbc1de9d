import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationLineSchema,
  MessageBody,
  MessagesQuery,
  PipelineDetailSchema,
  PipelineSummarySchema,
  ProjectPipelineSchema,
  RejectedPipelineSchema,
  SentMessageSchema,
  type Coordinator,
} from '../../coordinator/index.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageReply, query, strict } from '../schemas/common.ts';

type Door = Pick<Coordinator, 'listPipelines' | 'pipeline' | 'reloadPipelines' | 'pipelineOf' | 'sendMessage' | 'messages'>;

const ProjectId = z.string().regex(/^prj_[0-9a-f]{16}$/, 'not a project id (prj_ and 16 hex digits)');
const IdParams = strict({ id: ProjectId });
const NameParams = strict({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'not a pipeline name (a-z, 0-9, _ and -)') });
const Pipelines = z.object({ pipelines: z.array(PipelineSummarySchema), rejected: z.array(RejectedPipelineSchema) });
const NOT_YOURS = '404 when there is no project you may see (another submitter’s is 404 too).';
const tags = ['pipelines'];

/**
 * Pipelines (issue 13) over HTTP: the files in `pipelines/`, the texts a project recorded, and a
 * project's conversation (the planner's questions, answers to an escalation, @mentions). The
 * coordinator's door translated; its zod schemas are the bodies and replies.
 */
export const pipelineRoutes: FastifyPluginAsyncZod<{ pipelines: Door }> = async (app, { pipelines }) => {
  app.get(
    '/api/v1/pipelines',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listPipelines',
        tags,
        summary: 'The pipelines on disk',
        description:
          'Each pipeline that loaded (pattern, roles, the agents @mentions address, its example project), and `rejected`: the ' +
          'files that did not, with every problem’s file, path, line and column. A rejected file is never half-loaded.',
        response: { 200: json('The pipelines', Pipelines), ...errors(401) },
      },
    },
    async (req) => pipelines.listPipelines(who(req)),
  );

  app.get(
    '/api/v1/pipelines/:name',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getPipeline',
        tags,
        summary: 'One pipeline with its texts',
        description: 'Its summary, the file’s text and the role files it uses. 422 PIPELINE_INVALID (with the issues) for a rejected file.',
        params: NameParams,
        response: { 200: json('The pipeline', z.object({ pipeline: PipelineDetailSchema })), ...errors(401, 404, 422) },
      },
    },
    async (req) => ({ pipeline: await pipelines.pipeline(who(req), req.params.name) }),
  );

  app.post(
    '/api/v1/pipelines/reload',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'reloadPipelines',
        tags,
        summary: 'Read the pipeline directory again',
        description: 'New projects use the files as they are now; running projects keep the texts they recorded at creation.',
        response: {
          200: json('Reloaded', z.object({ loaded: z.array(z.string()), rejected: z.array(RejectedPipelineSchema) })),
          ...errors(401, 403),
        },
      },
    },
    async (req) => pipelines.reloadPipelines(who(req)),
  );

  app.get(
    '/api/v1/projects/:id/pipeline',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getProjectPipeline',
        tags,
        summary: 'The pipeline texts a project runs under',
        description: `Recorded when the project was created: a later edit of the file changes nothing for it. ${NOT_YOURS}`,
        params: IdParams,
        response: { 200: json('The recorded pipeline', z.object({ pipeline: ProjectPipelineSchema })), ...errors(401, 404) },
      },
    },
    async (req) => ({ pipeline: await pipelines.pipelineOf(who(req), req.params.id) }),
  );

  app.post(
    '/api/v1/projects/:id/messages',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'sendProjectMessage',
        tags,
        summary: 'Talk to a project',
        description:
          'At an open gate that takes messages (`waiting.accepts` has `message`: the planner’s conversation, a CEO’s escalation) ' +
          'the message is its answer (`delivered: gate`); otherwise it goes to the project’s inbox, read at the next turn: ' +
          '`@name` addresses that agent, `@all` every agent, no mention is routed to the most similar agent. 400 for an unknown ' +
          '@name; 409 PROJECT_STATE_INVALID once the project has ended. Only the owner or an admin (403 for others who see it; ' +
          '404 for a submitter who does not).',
        params: IdParams,
        body: MessageBody,
        response: { 201: json('Delivered', z.object({ message: SentMessageSchema })), ...errors(401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send({ message: await pipelines.sendMessage(who(req), req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/projects/:id/messages',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listProjectMessages',
        tags,
        summary: 'The project’s conversation',
        description:
          'Short-term memory in journal order: people’s messages and answers, each agent’s turn, handoffs, routing and the ' +
          `speakers a selector chose. ${NOT_YOURS}`,
        params: IdParams,
        querystring: query(MessagesQuery.shape),
        response: {
          200: json('A page of the conversation', z.object({ messages: z.array(ConversationLineSchema), nextCursor: NextCursor })),
          ...errors(401, 404),
        },
      },
    },
    async (req) => pageReply('messages', await pipelines.messages(who(req), req.params.id, req.query), (l) => l),
  );
};
