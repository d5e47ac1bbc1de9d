import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { FactoryError } from '../../errors/catalog.ts';
import { isValidPolicyName, MAX_POLICY_BYTES, PolicyIssueSchema, PolicySchema } from '../../policy/index.ts';
import type { PolicyHistory } from '../../policy-history.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageOf, pageQuery, pageReply, query, strict } from '../schemas/common.ts';

const Policy = PolicySchema.meta({ id: 'Policy', description: 'A resolved policy: its extends chain merged' });
const Problem = z.object({ name: z.string(), file: z.string(), hash: z.string(), issues: z.array(PolicyIssueSchema) });
const PolicyName = z.string().refine(isValidPolicyName, { message: 'policy names are 1-64 characters of a-z, 0-9, - and _', params: { code: 'POLICY_NAME_INVALID' } });
const NameParams = strict({ name: PolicyName });
/** An entity tag as sent in If-Match: "hash", W/"hash", a bare hash, or * */
const ETag = z.string().max(200).transform((v) => v.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).describe('the ETag you read (quotes optional), or *');
const IfMatch = z.looseObject({ 'if-match': ETag.optional() });
const needsIfMatch = { message: 'send If-Match with the ETag you read (GET the policy first)', params: { code: 'PRECONDITION_REQUIRED' } };
const Written = z.object({ name: z.string(), etag: z.string(), previousEtag: z.string().nullable().optional(), version: z.number().int().nullable(), policy: Policy });
const etagOf = (hash: string) => `"${hash}"`;
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

/** Policy files over HTTP: read with ETags, edit with If-Match, full history with diffs, restore. */
export const policyRoutes: FastifyPluginAsyncZod<{ policies: PolicyHistory }> = async (app, { policies }) => {
  app.get('/api/v1/policies', {
    config: { role: 'viewer' },
    schema: {
      operationId: 'listPolicies', tags: ['policies'], summary: 'List the policies in force',
      description: 'Each with its ETag and latest version; `problems` lists files on disk that are refused now (the last valid version stays in force).',
      querystring: query(pageQuery()),
      response: {
        200: json('A page of policies', z.object({
          policies: z.array(z.object({ name: z.string(), description: z.string(), extends: z.string().nullable(), file: z.string(), etag: z.string(), version: z.number().int().nullable(), issues: z.array(PolicyIssueSchema).optional() })),
          problems: z.array(Problem), nextCursor: NextCursor,
        })),
        ...errors(400, 401),
      },
    },
  }, async (req) => {
    const page = policies.list(pageOf(req.query));
    return { ...pageReply('policies', page, (p) => p), problems: page.problems };
  });

  app.get('/api/v1/policies/:name', {
    config: { role: 'viewer' },
    schema: {
      operationId: 'getPolicy', tags: ['policies'], summary: 'One policy: text, ETag, version, the resolved policy',
      description: 'JSON by default; `format=yaml` returns the file’s text as it is. The ETag header is what If-Match wants.',
      params: NameParams,
      querystring: query({ format: z.enum(['json', 'yaml']).default('json') }),
      'x-etag': true,
      response: {
        200: {
          description: 'The policy (JSON), or its text (format=yaml)',
          content: {
            'application/json': { schema: z.object({ name: z.string(), etag: z.string(), version: z.number().int().nullable(), text: z.string(), policy: Policy, pendingProblem: Problem.optional() }) },
            'application/yaml': { schema: z.string() },
          },
        },
        ...errors(400, 401, 404),
      },
    },
  }, async (req, reply) => {
    const p = policies.read(req.params.name);
    void reply.header('etag', etagOf(p.etag));
    if (req.query.format === 'yaml') return reply.type('application/yaml').send(p.text);
    return reply.type('application/json').send(p);
  });

  // PUT has its own body parsers: a policy is its text (encapsulated, so other routes keep plain JSON)
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // a policy body is its text: YAML as sent (kept verbatim: the ETag is its hash), or JSON (the policy, or {"text": …})
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, { text: body }));
    const parseJson = scope.getDefaultJsonParser('error', 'error');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      parseJson(req, body as string, (err, value: unknown) => {
        if (err) return done(err);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const t = (value as { text?: unknown }).text;
          return done(null, typeof t === 'string' && Object.keys(value).length === 1 ? { text: t } : { text: toYaml(value) });
        }
        done(new FactoryError('VALIDATION_FAILED', 'Send the policy as YAML (Content-Type: application/yaml) or as a JSON object'));
      });
    });

    scope.put('/api/v1/policies/:name', {
      config: { role: 'admin' },
      schema: {
        operationId: 'putPolicy', tags: ['policies'], summary: 'Create or replace a policy',
        description: 'Validated first (422 names every problem by path and line), then written atomically and versioned. Replace with If-Match: the ETag you read (412 when it changed since, 428 without); create with If-None-Match: * (409 when it exists).',
        params: NameParams,
        headers: IfMatch.extend({ 'if-none-match': z.literal('*').optional().describe('* to create a policy that must not exist yet') })
          .refine((h) => h['if-match'] !== undefined || h['if-none-match'] === '*', needsIfMatch),
        consumes: ['application/yaml', 'application/json', 'text/plain'],
        body: strict({ text: z.string().max(MAX_POLICY_BYTES) }).describe('YAML text; in JSON, the policy object or {"text": "…"}'),
        'x-yaml-body': 'the policy file as YAML',
        'x-etag': true,
        response: {
          200: json('Replaced', Written), 201: json('Created', Written),
          ...errors(400, 401, 403, 409, 412, 413, 415, 422, 428),
        },
      },
    }, async (req, reply) => {
      const creating = req.headers['if-none-match'] === '*' && req.headers['if-match'] === undefined;
      const expected = creating ? null : req.headers['if-match'] === '*' ? undefined : req.headers['if-match'];
      const n = req.params.name;
      const done = await policies.update({ name: n, text: req.body.text, expected, author: who(req).id, how: creating ? 'created' : 'updated', source: 'api' });
      void reply.header('etag', etagOf(done.etag));
      if (creating) void reply.header('location', `/api/v1/policies/${n}`);
      return reply.code(creating ? 201 : 200).send(done);
    });
  });

  app.get('/api/v1/policies/:name/history', {
    config: { role: 'viewer' },
    schema: {
      operationId: 'getPolicyHistory', tags: ['policies'], summary: 'Every version of a policy',
      description: 'Oldest first, each with author, time, source (disk, api, restore) and a unified diff from the version before.',
      params: NameParams,
      querystring: query(pageQuery()),
      response: {
        200: json('A page of versions', z.object({
          name: z.string(),
          versions: z.array(z.object({ version: z.number().int(), etag: z.string(), author: z.string(), source: z.enum(['disk', 'api', 'restore']), createdAt: z.string(), diff: z.string() })),
          nextCursor: NextCursor,
        })),
        ...errors(400, 401, 404),
      },
    },
  }, async (req) => ({ name: req.params.name, ...pageReply('versions', policies.history(req.params.name, pageOf(req.query)), (v) => v) }));

  app.get('/api/v1/policies/:name/history/:version', {
    config: { role: 'viewer' },
    schema: {
      operationId: 'getPolicyVersion', tags: ['policies'], summary: 'One version of a policy, with its text',
      description: 'The text as it was in force, who wrote it and when.',
      params: strict({ name: PolicyName, version: z.coerce.number().int().min(1) }),
      'x-etag': true,
      response: {
        200: json('The version', z.object({ name: z.string(), version: z.number().int(), text: z.string(), etag: z.string(), author: z.string(), source: z.enum(['disk', 'api', 'restore']), createdAt: z.string() })),
        ...errors(400, 401, 404),
      },
    },
  }, async (req, reply) => {
    const v = policies.version(req.params.name, req.params.version);
    return reply.header('etag', etagOf(v.etag)).send(v);
  });

  app.post('/api/v1/policies/:name/restore', {
    config: { role: 'admin' },
    schema: {
      operationId: 'restorePolicy', tags: ['policies'], summary: 'Make an earlier version the one in force again',
      description: 'Validated like any edit, and a new version in the history. Needs If-Match with the current ETag (or *).',
      params: NameParams,
      headers: IfMatch.refine((h) => h['if-match'] !== undefined, needsIfMatch),
      body: strict({ version: z.number().int().min(1) }),
      'x-etag': true,
      response: { 200: json('Restored', Written.extend({ restoredFrom: z.number().int() })), ...errors(400, 401, 403, 404, 412, 415, 422, 428) },
    },
  }, async (req, reply) => {
    const m = req.headers['if-match'];
    const done = await policies.restore(req.params.name, req.body.version, m === '*' ? undefined : m, who(req).id);
    return reply.header('etag', etagOf(done.etag)).send(done);
  });
};
