import { z, type ZodType } from 'zod';
import { ERROR_CATALOG, type ErrorCode as Code } from '../../errors/catalog.ts';
import { decodeCursor, encodeCursor, type PageKey, type PageOf } from '../../util/page.ts';

const CODES = Object.keys(ERROR_CATALOG) as [Code, ...Code[]];

/** Every error reply: a stable code from the catalog (docs/errors.md), whether retrying can help, what to do. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(CODES),
      message: z.string(),
      retryable: z.boolean(),
      hint: z.string().optional(),
      details: z.unknown().optional().describe('what went wrong where: issues with paths, findings, ...'),
      requestId: z.string().describe('this request’s id (the X-Request-Id header): quote it when reporting a problem'),
    }),
  })
  .meta({ id: 'Error', description: 'An error from the catalog (docs/errors.md)' });

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Refused',
  428: 'Precondition required',
  500: 'Internal error',
  502: 'Upstream failure',
  503: 'Unavailable',
  504: 'Upstream timeout',
};

function errorResponse(status: number) {
  const codes = CODES.filter((c) => ERROR_CATALOG[c].status === status);
  const description = `${STATUS_TEXT[status] ?? 'Error'}${codes.length ? `: ${codes.join(', ')}` : ''}`;
  return { description, content: { 'application/json': { schema: ErrorBody } } };
}

/**
 * Error responses by status; every route lists those it can answer, with the catalog codes each may
 * carry. 400 (every route refuses unknown query parameters) and 500 are always there.
 */
export function errors<S extends number>(...statuses: S[]): Record<S | 400 | 500, ReturnType<typeof errorResponse>> {
  const all = [...new Set([400, ...statuses, 500])] as S[];
  return Object.fromEntries(all.map((s) => [s, errorResponse(s)])) as Record<S | 400 | 500, ReturnType<typeof errorResponse>>;
}

/** A JSON response with a description (the OpenAPI response object). */
export function json<T extends ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** A response without a body (204). */
export function empty(description: string) {
  return z.undefined().describe(description);
}

/** A strict object whose unknown keys are refused with the names of the allowed ones. */
export function strict<T extends z.ZodRawShape>(shape: T, what = 'key') {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `unknown ${what}(s) ${iss.keys.join(', ')}; allowed: ${allowed.join(', ') || 'none'}` : undefined,
  });
}

/** A query string: unknown parameters are refused like unknown body keys, naming the allowed ones. */
export function query<T extends z.ZodRawShape>(shape: T) {
  return strict(shape, 'query parameter');
}

/** `true`/`false` in a query string. */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** An opaque cursor from a previous page's `nextCursor`. */
export const Cursor = z
  .string()
  .max(512)
  .transform((s, ctx): PageKey => {
    const key = decodeCursor(s);
    if (!key) ctx.addIssue({ code: 'custom', message: 'not a cursor from this API: pass nextCursor from the previous page unchanged' });
    return key ?? [];
  })
  .describe('nextCursor from the previous page');

/** Paging: up to `limit` items, after `cursor`. */
export function pageQuery(maxLimit = 500, defaultLimit = 100) {
  return {
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit).describe(`items per page (1-${maxLimit})`),
    cursor: Cursor.optional(),
  };
}

export const NextCursor = z.string().nullable().describe('pass as `cursor` for the next page; null on the last page');

/** A service page as the API shows it: the items under `key`, and the next cursor. */
export function pageReply<K extends string, T, U>(
  key: K,
  page: PageOf<T>,
  map: (t: T) => U,
): Record<K, U[]> & { nextCursor: string | null } {
  return { [key]: page.items.map(map), nextCursor: page.next ? encodeCursor(page.next) : null } as Record<K, U[]> & {
    nextCursor: string | null;
  };
}

/** Links a reply carries to related resources. */
export const Links = z.record(z.string(), z.string()).describe('related resources');

/** A page request from a parsed page query. */
export const pageOf = (q: { limit: number; cursor?: PageKey | undefined }) => ({
  limit: q.limit,
  ...(q.cursor ? { after: q.cursor } : {}),
});
