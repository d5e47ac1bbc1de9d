import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RoleSchema } from '../../auth/tokens.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { ServiceDeps } from '../deps.ts';
import { zodSchema } from '../validation.ts';

const CreateTokenBody = z.object({ role: RoleSchema, name: z.string().min(1).max(100).optional() }).strict();
const TokenParams = z.object({ id: z.string().regex(/^tok_[0-9a-f]{12}$/, 'not a token id') }).strict();

export async function tokenRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  app.get('/api/v1/whoami', { config: { role: 'viewer' } }, async (req) => ({ token: req.principal }));

  app.get('/api/v1/tokens', { config: { role: 'admin' } }, async () => ({ tokens: deps.tokens.list() }));

  app.post<{ Body: z.infer<typeof CreateTokenBody> }>(
    '/api/v1/tokens',
    { config: { role: 'admin' }, schema: zodSchema({ body: CreateTokenBody }) },
    async (req, reply) => {
      const created = deps.tokens.create(req.body.role, { name: req.body.name, createdBy: req.principal!.id });
      return reply.code(201).send({ token: created.token, secret: created.secret });
    },
  );

  app.delete<{ Params: z.infer<typeof TokenParams> }>(
    '/api/v1/tokens/:id',
    { config: { role: 'admin' }, schema: zodSchema({ params: TokenParams }) },
    async (req, reply) => {
      if (!deps.tokens.revoke(req.params.id, req.principal!.id)) {
        throw new FactoryError('RESOURCE_NOT_FOUND', `No active token ${req.params.id}`);
      }
      return reply.code(204).send();
    },
  );
}
