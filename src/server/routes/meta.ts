import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, json } from '../schemas/common.ts';

export interface MetaOptions {
  /** every route as `METHOD /path`, once the app is ready */
  routes(): string[];
  /** the OpenAPI document */
  document(): unknown;
}

/** What this API is: its routes and its OpenAPI document. */
export const metaRoutes: FastifyPluginAsyncZod<MetaOptions> = async (app, opts) => {
  app.get(
    '/api/v1',
    {
      config: { public: true },
      schema: {
        operationId: 'getIndex',
        tags: ['service'],
        summary: 'The routes of this API',
        description: 'Every route as `METHOD /path`. The OpenAPI document has the details; /docs shows them.',
        response: {
          200: json(
            'The index',
            z.object({ service: z.literal('agent-factory'), routes: z.array(z.string()), openapi: z.string(), docs: z.string() }),
          ),
          ...errors(),
        },
      },
    },
    async () => ({ service: 'agent-factory' as const, routes: opts.routes(), openapi: '/api/v1/openapi.json', docs: '/docs' }),
  );

  app.get(
    '/api/v1/openapi.json',
    {
      config: { public: true },
      schema: {
        operationId: 'getOpenApi',
        tags: ['service'],
        summary: 'This API as an OpenAPI 3.1 document',
        description: 'Generated from the zod schemas the routes validate with; the typed client in src/client is generated from it.',
        response: { 200: json('The document', z.record(z.string(), z.unknown())), ...errors() },
      },
    },
    async () => opts.document() as Record<string, unknown>,
  );
};
