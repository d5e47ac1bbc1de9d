import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodType } from 'zod';
import { FactoryError, formatIssues } from '../errors/catalog.ts';

/**
 * Lets routes declare zod schemas (`schema: { body, querystring, params }`): Fastify compiles them
 * with this function, so handlers receive parsed, typed values and never validate by hand.
 */
export function useZodValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema as unknown as ZodType;
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
    return (data: unknown) => {
      const r = zodSchema.safeParse(data);
      if (r.success) return { value: r.data };
      return { error: new FactoryError('VALIDATION_FAILED', `Invalid ${part}`, { issues: formatIssues(r.error.issues, part) }) };
    };
  });
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data));
}

/** Typed helper to attach zod schemas to a route without fighting Fastify's JSON-schema types. */
export function zodSchema(s: { body?: ZodType; querystring?: ZodType; params?: ZodType; headers?: ZodType }): FastifySchema {
  return s as unknown as FastifySchema;
}

/** Parse a value with a zod schema, throwing a catalog error that names every bad path. */
export function parseOrThrow<T>(schema: ZodType<T>, data: unknown, where: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new FactoryError('VALIDATION_FAILED', `Invalid ${where}`, { issues: formatIssues(r.error.issues, where) });
  return r.data;
}
