import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { FactoryError } from '../../errors/catalog.ts';
import { MAX_POLICY_BYTES, PolicyIssueSchema } from '../../policy/index.ts';
import type { PolicyHistory } from '../../policy-history.ts';
import { who } from '../http/auth.ts';
import { errors, json, strict } from '../schemas/common.ts';
import { etagOf, IfMatch, NameParams, needsIfMatch, Written } from '../schemas/policies.ts';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

/** Policy files over HTTP, write side: create or replace with If-Match, restore an earlier version (admin). */
export const policyEditRoutes: FastifyPluginAsyncZod<{ policies: PolicyHistory }> = async (app, { policies }) => {
  // PUT has its own body parsers: a policy is its text (encapsulated, so other routes keep plain JSON)
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // a policy body is its text: YAML as sent (kept verbatim: the ETag is its hash), or JSON (the policy, or {"text": …})
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, { text: body }));
    const parseJson = scope.getDefaultJsonParser('error', 'error');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      void parseJson(req, body as string, (err, value: unknown) => {
        if (err) return done(err);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const t = (value as { text?: unknown }).text;
          return done(null, typeof t === 'string' && Object.keys(value).length === 1 ? { text: t } : { text: toYaml(value) });
        }
        done(new FactoryError('VALIDATION_FAILED', 'Send the policy as YAML (Content-Type: application/yaml) or as a JSON object'));
      });
    });

    scope.put(
      '/api/v1/policies/:name',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'putPolicy',
          tags: ['policies'],
          summary: 'Create or replace a policy',
          description:
            'Validated first (422 names every problem by path and line), then written atomically and versioned. Replace with ' +
            'If-Match: the ETag you read (412 when it changed since, 428 without); create with If-None-Match: * (409 when it ' +
            'exists).',
          params: NameParams,
          headers: IfMatch.extend({
            'if-none-match': z.literal('*').optional().describe('* to create a policy that must not exist yet'),
          }).refine((h) => h['if-match'] !== undefined || h['if-none-match'] === '*', needsIfMatch),
          consumes: ['application/yaml', 'application/json', 'text/plain'],
          body: strict({ text: z.string().max(MAX_POLICY_BYTES) }).describe('YAML text; in JSON, the policy object or {"text": "…"}'),
          'x-yaml-body': 'the policy file as YAML',
          'x-etag': true,
          response: {
            200: json('Replaced', Written),
            201: json('Created', Written),
            ...errors(400, 401, 403, 409, 412, 413, 415, 422, 428),
          },
        },
      },
      async (req, reply) => {
        const creating = req.headers['if-none-match'] === '*' && req.headers['if-match'] === undefined;
        const expected = creating ? null : req.headers['if-match'] === '*' ? undefined : req.headers['if-match'];
        const n = req.params.name;
        const done = await policies.update({
          name: n,
          text: req.body.text,
          expected,
          author: who(req).id,
          how: creating ? 'created' : 'updated',
          source: 'api',
        });
        void reply.header('etag', etagOf(done.etag));
        if (creating) void reply.header('location', `/api/v1/policies/${n}`);
        return reply.code(creating ? 201 : 200).send(done);
      },
    );

    scope.post(
      '/api/v1/policies/:name/validate',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'validatePolicy',
          tags: ['policies'],
          summary: 'Check a policy text without saving it',
          description:
            'A dry run of PUT: the same validation (YAML, schema, extends, and policies that extend this one), every problem ' +
            'with its path and, where the text has one, its line and column. Nothing is written or versioned.',
          params: NameParams,
          consumes: ['application/yaml', 'application/json', 'text/plain'],
          body: strict({ text: z.string().max(MAX_POLICY_BYTES) }).describe('YAML text; in JSON, the policy object or {"text": "…"}'),
          'x-yaml-body': 'the policy file as YAML',
          response: {
            200: json('The verdict (valid or not)', z.object({ name: z.string(), valid: z.boolean(), issues: z.array(PolicyIssueSchema) })),
            ...errors(400, 401, 403, 413, 415),
          },
        },
      },
      async (req) => ({ name: req.params.name, ...policies.validate(req.params.name, req.body.text) }),
    );
  });

  app.post(
    '/api/v1/policies/:name/restore',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'restorePolicy',
        tags: ['policies'],
        summary: 'Make an earlier version the one in force again',
        description: 'Validated like any edit, and a new version in the history. Needs If-Match with the current ETag (or *).',
        params: NameParams,
        headers: IfMatch.refine((h) => h['if-match'] !== undefined, needsIfMatch),
        body: strict({ version: z.number().int().min(1) }),
        'x-etag': true,
        response: {
          200: json('Restored', Written.extend({ restoredFrom: z.number().int() })),
          ...errors(400, 401, 403, 404, 412, 415, 422, 428),
        },
      },
    },
    async (req, reply) => {
      const m = req.headers['if-match'];
      const done = await policies.restore(req.params.name, req.body.version, m === '*' ? undefined : m, who(req).id);
      return reply.header('etag', etagOf(done.etag)).send(done);
    },
  );
};
