import type { FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { ERROR_CATALOG, FactoryError, formatIssues, type ErrorCode } from '../../errors/catalog.ts';

/** How the issues of a schema are reported when they are not VALIDATION_FAILED (blueprints: BLUEPRINT_INVALID). */
type Reporter = (error: z.ZodError) => FactoryError | undefined;
const reporters = new WeakMap<object, Reporter>();

/** Marks a request schema whose validation errors are reported by `report` (undefined: the usual way). */
export function reportedBy<T extends ZodType>(schema: T, report: Reporter): T {
  reporters.set(schema, report);
  return schema;
}

const PART: Record<string, string> = { querystring: 'query', params: 'path', headers: 'headers', body: 'body' };

function toError(error: z.ZodError, part: string, report: Reporter | undefined): FactoryError {
  // a refinement may name the catalog code it stands for (If-Match → PRECONDITION_REQUIRED, a policy name → POLICY_NAME_INVALID)
  const own = error.issues.find(
    (i): i is z.core.$ZodIssueCustom => i.code === 'custom' && typeof i.params?.code === 'string' && i.params.code in ERROR_CATALOG,
  );
  if (own) return new FactoryError(own.params!.code as ErrorCode, own.message, { issues: formatIssues(error.issues, part) });
  const reported = report?.(error);
  if (reported) return reported;
  const issues = formatIssues(error.issues, part);
  return new FactoryError(
    'VALIDATION_FAILED',
    `Invalid ${part}: ${issues
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')
      .slice(0, 500)}`,
    { issues },
  );
}

/**
 * Routes declare zod schemas (params, querystring, headers, body, response); Fastify compiles them
 * with these functions, so handlers receive parsed, typed values and never validate by hand, and
 * replies are encoded by their response schemas (what is not in a schema is not sent).
 */
export function useZodValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema as unknown as ZodType;
    const part = PART[httpPart ?? 'body'] ?? 'body';
    const report = reporters.get(zodSchema);
    return (data: unknown) => {
      try {
        const r = zodSchema.safeParse(data);
        return r.success ? { value: r.data } : { error: toError(r.error, part, report) };
      } catch (e) {
        if (e instanceof FactoryError) return { error: e };
        throw e;
      }
    };
  });
  app.setSerializerCompiler(serializerCompiler);
}
