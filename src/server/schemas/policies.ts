import { z } from 'zod';
import { isValidPolicyName, PolicyIssueSchema, PolicySchema } from '../../policy/index.ts';
import { strict } from './common.ts';

/** The policy routes' shared schemas: names, entity tags, what a write answers. */
export const Policy = PolicySchema.meta({ id: 'Policy', description: 'A resolved policy: its extends chain merged' });
export const Problem = z.object({ name: z.string(), file: z.string(), hash: z.string(), issues: z.array(PolicyIssueSchema) });
export const PolicyName = z
  .string()
  .refine(isValidPolicyName, { message: 'policy names are 1-64 characters of a-z, 0-9, - and _', params: { code: 'POLICY_NAME_INVALID' } });
export const NameParams = strict({ name: PolicyName });
/** An entity tag as sent in If-Match: "hash", W/"hash", a bare hash, or * */
const ETag = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  )
  .describe('the ETag you read (quotes optional), or *');
export const IfMatch = z.looseObject({ 'if-match': ETag.optional() });
export const needsIfMatch = {
  message: 'send If-Match with the ETag you read (GET the policy first)',
  params: { code: 'PRECONDITION_REQUIRED' },
};
export const Written = z.object({
  name: z.string(),
  etag: z.string(),
  previousEtag: z.string().nullable().optional(),
  version: z.number().int().nullable(),
  policy: Policy,
});
export const etagOf = (hash: string) => `"${hash}"`;
