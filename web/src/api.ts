/**
 * The API as the dashboard uses it: the typed client generated from docs/openapi.json (src/client), so
 * this code stops compiling when the API changes shape. Errors become ApiError with the catalog's code.
 */
import { createApiClient, type ApiClient, type Schemas } from '../../src/client/index.ts';

export type { ApiClient, Schemas };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function apiFor(token: string): ApiClient {
  return createApiClient(location.origin, token);
}

type ErrorBody = { error?: { code?: string; message?: string; hint?: string; details?: unknown } };

/** The data of a reply, or an ApiError with the service's code, message and hint. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const e = (error ?? {}) as ErrorBody;
  throw new ApiError(
    response.status,
    e.error?.code ?? `HTTP_${response.status}`,
    e.error?.message ?? response.statusText,
    e.error?.hint,
    e.error?.details,
  );
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return `${e.message}${e.hint ? ` ${e.hint}` : ''} (${e.code})`;
  return e instanceof Error ? e.message : String(e);
}
