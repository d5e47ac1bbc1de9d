import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TokenService } from '../../auth/index.ts';
import { who } from '../http/auth.ts';
import { empty, errors, json, NextCursor, pageOf, pageQuery, pageReply, query, strict } from '../schemas/common.ts';
import { Role, Token } from '../schemas/resources.ts';

const TokenId = z.string().regex(/^tok_[0-9a-f]{12}$/, 'not a token id (tok_ and 12 hex digits)');

/** Who you are; API tokens (admin). */
export const tokenRoutes: FastifyPluginAsyncZod<{ tokens: TokenService }> = async (app, { tokens }) => {
  app.get(
    '/api/v1/whoami',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'whoAmI',
        tags: ['tokens'],
        summary: 'The token this request was made with',
        description: 'Its id, name and role: what the access rules know you as.',
        response: { 200: json('Your token', z.object({ token: Token })), ...errors(401) },
      },
    },
    async (req) => ({ token: who(req) }),
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'listTokens',
        tags: ['tokens'],
        summary: 'List API tokens',
        description: 'Every token, oldest first, never a secret.',
        querystring: query(pageQuery()),
        response: { 200: json('A page of tokens', z.object({ tokens: z.array(Token), nextCursor: NextCursor })), ...errors(400, 401, 403) },
      },
    },
    async (req) => pageReply('tokens', await tokens.page(pageOf(req.query)), (t) => t),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'createToken',
        tags: ['tokens'],
        summary: 'Create an API token',
        description: 'The secret is in this reply only; the service keeps its hash.',
        body: strict({ role: Role, name: z.string().min(1).max(100).optional() }),
        response: {
          201: json('Created', z.object({ token: Token, secret: z.string().describe('aft_…: shown once') })),
          ...errors(400, 401, 403, 413, 415),
        },
      },
    },
    async (req, reply) => {
      const created = await tokens.create(req.body.role, { ...(req.body.name ? { name: req.body.name } : {}), createdBy: who(req).id });
      return reply.code(201).header('location', `/api/v1/tokens/${created.token.id}`).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'revokeToken',
        tags: ['tokens'],
        summary: 'Revoke an API token',
        description: 'It stops working at once; its record stays.',
        params: strict({ id: TokenId }),
        response: { 204: empty('Revoked'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await tokens.revokeOrThrow(req.params.id, who(req).id);
      return reply.code(204).send();
    },
  );
};
