import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Readiness } from '../../readiness.ts';
import { errors, json } from '../schemas/common.ts';

export interface HealthOptions {
  /** the core's one readiness function */
  readiness(): Promise<{ ready: boolean; report: Readiness }>;
}

/** Liveness and readiness, for probes and people. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { readiness }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      logLevel: 'warn',
      schema: {
        operationId: 'getHealth',
        tags: ['service'],
        summary: 'Liveness',
        description: 'The process is up and serving. Never touches a dependency.',
        response: { 200: json('Up', z.object({ status: z.literal('ok') })), ...errors() },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        operationId: 'getReadiness',
        tags: ['service'],
        summary: 'Readiness, each dependency on its own',
        description:
          'Store, Docker, sandbox images and pool, Ollama, policies, blueprints and pipelines, each with `ok`, plus hints. 503 when the ' +
          'store, Docker or the images are missing; `degraded` (200) when only Ollama is.',
        response: { 200: json('Ready or degraded', Readiness), 503: json('Not ready: see checks and hints', Readiness), ...errors() },
      },
    },
    async (_req, reply) => {
      const { ready, report } = await readiness();
      return reply.code(ready ? 200 : 503).send(report);
    },
  );
};
