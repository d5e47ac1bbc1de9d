import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PolicyIssueSchema } from '../../policy/index.ts';
import type { PolicyHistory } from '../../policy-history.ts';
import { errors, json, NextCursor, pageOf, pageQuery, pageReply, query, strict } from '../schemas/common.ts';
import { etagOf, NameParams, Policy, PolicyName, Problem } from '../schemas/policies.ts';

/** Policy files over HTTP, read side: the policies in force with ETags, their text, every version with diffs. */
export const policyRoutes: FastifyPluginAsyncZod<{ policies: PolicyHistory }> = async (app, { policies }) => {
  app.get(
    '/api/v1/policies',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listPolicies',
        tags: ['policies'],
        summary: 'List the policies in force',
        description:
          'Each with its ETag and latest version; `problems` lists files on disk that are refused now (the last valid version ' +
          'stays in force).',
        querystring: query(pageQuery()),
        response: {
          200: json(
            'A page of policies',
            z.object({
              policies: z.array(
                z.object({
                  name: z.string(),
                  description: z.string(),
                  extends: z.string().nullable(),
                  file: z.string(),
                  etag: z.string(),
                  version: z.number().int().nullable(),
                  issues: z.array(PolicyIssueSchema).optional(),
                }),
              ),
              problems: z.array(Problem),
              nextCursor: NextCursor,
            }),
          ),
          ...errors(400, 401),
        },
      },
    },
    async (req) => {
      const page = await policies.list(pageOf(req.query));
      return { ...pageReply('policies', page, (p) => p), problems: page.problems };
    },
  );

  app.get(
    '/api/v1/policies/:name',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getPolicy',
        tags: ['policies'],
        summary: 'One policy: text, ETag, version, the resolved policy',
        description: 'JSON by default; `format=yaml` returns the file’s text as it is. The ETag header is what If-Match wants.',
        params: NameParams,
        querystring: query({ format: z.enum(['json', 'yaml']).default('json') }),
        'x-etag': true,
        response: {
          200: {
            description: 'The policy (JSON), or its text (format=yaml)',
            content: {
              'application/json': {
                schema: z.object({
                  name: z.string(),
                  etag: z.string(),
                  version: z.number().int().nullable(),
                  text: z.string(),
                  policy: Policy,
                  pendingProblem: Problem.optional(),
                }),
              },
              'application/yaml': { schema: z.string() },
            },
          },
          ...errors(400, 401, 404),
        },
      },
    },
    async (req, reply) => {
      const p = await policies.read(req.params.name);
      void reply.header('etag', etagOf(p.etag));
      if (req.query.format === 'yaml') return reply.type('application/yaml').send(p.text);
      return reply.type('application/json').send(p);
    },
  );

  app.get(
    '/api/v1/policies/:name/history',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getPolicyHistory',
        tags: ['policies'],
        summary: 'Every version of a policy',
        description: 'Oldest first, each with author, time, source (disk, api, restore) and a unified diff from the version before.',
        params: NameParams,
        querystring: query(pageQuery()),
        response: {
          200: json(
            'A page of versions',
            z.object({
              name: z.string(),
              versions: z.array(
                z.object({
                  version: z.number().int(),
                  etag: z.string(),
                  author: z.string(),
                  source: z.enum(['disk', 'api', 'restore']),
                  createdAt: z.string(),
                  diff: z.string(),
                }),
              ),
              nextCursor: NextCursor,
            }),
          ),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => ({
      name: req.params.name,
      ...pageReply('versions', await policies.history(req.params.name, pageOf(req.query)), (v) => v),
    }),
  );

  app.get(
    '/api/v1/policies/:name/history/:version',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getPolicyVersion',
        tags: ['policies'],
        summary: 'One version of a policy, with its text',
        description: 'The text as it was in force, who wrote it and when.',
        params: strict({ name: PolicyName, version: z.coerce.number().int().min(1) }),
        'x-etag': true,
        response: {
          200: json(
            'The version',
            z.object({
              name: z.string(),
              version: z.number().int(),
              text: z.string(),
              etag: z.string(),
              author: z.string(),
              source: z.enum(['disk', 'api', 'restore']),
              createdAt: z.string(),
            }),
          ),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req, reply) => {
      const v = await policies.version(req.params.name, req.params.version);
      return reply.header('etag', etagOf(v.etag)).send(v);
    },
  );
};
