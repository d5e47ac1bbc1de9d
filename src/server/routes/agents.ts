import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blueprintInvalid } from '../../blueprints/index.ts';
import { formatIssues } from '../../errors/catalog.ts';
import type { AgentFactory } from '../../factory/index.ts';
import { who } from '../http/auth.ts';
import { reportedBy } from '../http/validation.ts';
import { empty, errors, json, Links, NextCursor, pageOf, pageQuery, pageReply, query, strict } from '../schemas/common.ts';
import { Agent, AgentBlueprint } from '../schemas/resources.ts';

const AgentId = z.string().regex(/^agt_[0-9a-f]{16}$/, 'not an agent id (agt_ and 16 hex digits)');
const IdParams = strict({ id: AgentId });
const Specialist = strict({
  task: z.string().min(1).max(8000).describe('what the specialist is for'),
  domain: z.string().max(200).optional(),
  skills: z.array(z.string().max(100)).max(20).optional(),
});
const HOW = ['blueprint', 'specialist', 'cloneOf'] as const;

/**
 * One of: a blueprint, a task the model designs a specialist for, or an agent to clone; problems inside a blueprint are
 * BLUEPRINT_INVALID.
 */
const CreateBody = reportedBy(
  strict({
    blueprint: AgentBlueprint.optional().describe('create from this blueprint'),
    specialist: Specialist.optional().describe('let the model design a specialist for a task (needs Ollama)'),
    cloneOf: AgentId.optional().describe('clone this agent (yours, a shared one or the service’s)'),
    modifications: z.record(z.string(), z.unknown()).optional().describe('with cloneOf: blueprint fields to change'),
    shared: z.boolean().optional().describe('share the agent with every submitter (read, run, clone)'),
  }).refine((b) => HOW.filter((k) => b[k] !== undefined).length === 1, { message: `send exactly one of ${HOW.join(', ')}`, path: [] }),
  (e) =>
    e.issues.length > 0 && e.issues.every((i) => i.path[0] === 'blueprint')
      ? blueprintInvalid('agent', formatIssues(e.issues.map((i) => ({ ...i, path: i.path.slice(1) }))))
      : undefined,
);

/** Agents over HTTP: create (blueprint, specialist, clone), read, share, run, destroy. The factory does the work. */
export const agentRoutes: FastifyPluginAsyncZod<{ agents: AgentFactory }> = async (app, { agents }) => {
  app.post(
    '/api/v1/agents',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'createAgent',
        tags: ['agents'],
        summary: 'Create an agent',
        description:
          'From a blueprint, as a specialist the model designs for a task (validated by the same schema), or as a clone with ' +
          'modifications.',
        body: CreateBody,
        response: { 201: json('Created', z.object({ agent: Agent })), ...errors(400, 401, 403, 404, 413, 415, 422, 502, 503, 504) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const p = who(req);
      const shared = b.shared ?? false;
      const agent = b.blueprint
        ? await agents.create(b.blueprint, p, { shared })
        : b.specialist
          ? await agents.createSpecialist(b.specialist, p, shared)
          : await agents.clone(b.cloneOf!, b.modifications ?? {}, p, shared);
      return reply.code(201).header('location', `/api/v1/agents/${agent.id}`).send({ agent });
    },
  );

  app.get(
    '/api/v1/agents',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listAgents',
        tags: ['agents'],
        summary: 'List agents',
        description: 'Oldest first: your own, shared ones and the service’s static agents (viewers and admins: every agent).',
        querystring: query(pageQuery()),
        response: { 200: json('A page of agents', z.object({ agents: z.array(Agent), nextCursor: NextCursor })), ...errors(400, 401) },
      },
    },
    async (req) => pageReply('agents', await agents.list(who(req), pageOf(req.query)), (a) => a),
  );

  app.get(
    '/api/v1/agents/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getAgent',
        tags: ['agents'],
        summary: 'One agent',
        description: 'With its blueprint. 404 when there is none you may see.',
        params: IdParams,
        response: { 200: json('The agent', z.object({ agent: Agent })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ agent: await agents.get(req.params.id, who(req)) }),
  );

  app.patch(
    '/api/v1/agents/:id',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'shareAgent',
        tags: ['agents'],
        summary: 'Share an agent, or make it private again',
        description: 'Its owner or an admin. Shared: other submitters may read, run and clone it, never change or destroy it.',
        params: IdParams,
        body: strict({ shared: z.boolean() }),
        response: { 200: json('Changed', z.object({ agent: Agent })), ...errors(400, 401, 403, 404, 415) },
      },
    },
    async (req) => ({ agent: await agents.setShared(req.params.id, req.body.shared, who(req)) }),
  );

  app.post(
    '/api/v1/agents/:id/runs',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'runAgent',
        tags: ['agents'],
        summary: 'Give an agent a task',
        description:
          'The agent converses under its system prompt and calls the tools you may use, each checked and sandboxed. Follow ' +
          'the run with GET or on the stream.',
        params: IdParams,
        body: strict({ task: z.string().min(1).max(32_000) }),
        response: { 202: json('Started', z.object({ runId: z.string(), links: Links })), ...errors(400, 401, 403, 404, 415, 503) },
      },
    },
    async (req, reply) => {
      const { runId } = await agents.run(req.params.id, req.body.task, who(req));
      const run = `/api/v1/runs/${runId}`;
      return reply
        .code(202)
        .header('location', run)
        .send({ runId, links: { run, stream: `subscribe run:${runId}` } });
    },
  );

  app.delete(
    '/api/v1/agents/:id',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'destroyAgent',
        tags: ['agents'],
        summary: 'Destroy an agent',
        description: 'Its owner or an admin.',
        params: IdParams,
        response: { 204: empty('Destroyed'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await agents.destroy(req.params.id, who(req));
      return reply.code(204).send();
    },
  );
};
