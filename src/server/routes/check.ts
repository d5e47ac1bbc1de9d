import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/index.ts';
import { LanguageSchema, type CheckResult as Checked, type Language } from '../../checker/index.ts';
import { PolicyName } from '../../policy/index.ts';
import { who } from '../http/auth.ts';
import { errors, json, strict } from '../schemas/common.ts';
import { CheckResult } from '../schemas/resources.ts';

export interface CheckOptions {
  /** the static check under a named policy, blocks audited */
  check(req: { language: Language; source: string; policy: string; file?: string | undefined }, p: Principal): Promise<Checked>;
}

/** The static checker on its own: nothing runs. */
export const checkRoutes: FastifyPluginAsyncZod<CheckOptions> = async (app, { check }) => {
  app.post(
    '/api/v1/check',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'checkSource',
        tags: ['checker'],
        summary: 'Check a script against a policy',
        description: 'Static check only (tree-sitter ASTs); nothing runs. A block is audited (security_block) with the rule ids.',
        body: strict({
          language: LanguageSchema,
          source: z.string().max(1024 * 1024),
          policy: PolicyName.default('default'),
          file: z.string().max(500).optional().describe('a name for the audit trail (recorded as check:<file>)'),
        }),
        response: {
          200: json('The verdict', CheckResult.extend({ file: z.string().nullable(), policy: z.string() })),
          ...errors(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (req) => ({ file: req.body.file ?? null, policy: req.body.policy, ...(await check(req.body, who(req))) }),
  );
};
