import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LanguageSchema } from '../../checker/types.ts';
import { PolicyName } from '../../policy/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { zodSchema } from '../validation.ts';

const CheckBody = z
  .object({
    language: LanguageSchema,
    source: z.string().max(1024 * 1024),
    policy: PolicyName.default('default'),
    /** a name for the audit trail (a file name, a tool name) */
    file: z.string().max(500).optional(),
  })
  .strict();

export async function checkRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  /** Static check only; nothing runs. Blocks are audited (security_block) with the rule ids. */
  app.post<{ Body: z.infer<typeof CheckBody> }>(
    '/api/v1/check',
    { config: { role: 'submitter' }, schema: zodSchema({ body: CheckBody }) },
    async (req) => {
      const policy = deps.policies.get(req.body.policy);
      const result = deps.executor.check(req.body.source, req.body.language, policy, { actor: req.principal!.id, target: req.body.file ?? 'api' });
      return { file: req.body.file ?? null, policy: policy.name, ...result };
    },
  );
}
