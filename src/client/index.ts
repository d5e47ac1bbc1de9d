/**
 * A typed client for this API: openapi-fetch over the types generated from docs/openapi.json
 * (`npm run generate:client`). Paths, parameters, bodies and replies are checked by the compiler, so
 * code using it stops compiling when the document and the code disagree.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.ts';

export type { components, operations, paths };
export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];

/** A client for the service at `baseUrl` (http://host:port), sending `token` as the bearer token. */
export function createApiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<paths>({ baseUrl, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
}

/** A project's plan when it is seed 004's (analysis and sub-tasks), not a pipeline pattern's own shape. */
export function seedPlan(plan: Schemas['ProjectPlan'] | Schemas['PipelinePlan'] | null | undefined): Schemas['ProjectPlan'] | undefined {
  return plan && 'subTasks' in plan && Array.isArray(plan.subTasks) && 'version' in plan ? (plan as Schemas['ProjectPlan']) : undefined;
}
