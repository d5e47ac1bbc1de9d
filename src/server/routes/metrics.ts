import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyPluginAsync } from 'fastify';

/** What /metrics needs from the metrics module: the exposition text and its content type. */
export interface MetricsExposition {
  readonly contentType: string;
  text(): Promise<string>;
}

/**
 * GET /metrics in Prometheus' text format. On the API's port it needs a viewer token (like any read);
 * on its own listener (`metrics.port`) it is open to whoever reaches that address. Not in the API
 * document: it is for scrapers, not for API clients.
 */
export const metricsRoutes: FastifyPluginAsync<{ metrics: MetricsExposition; open?: boolean }> = async (app, { metrics, open }) => {
  app.get('/metrics', { config: open ? { public: true } : { role: 'viewer' }, schema: { hide: true } }, async (_req, reply) => {
    const text = await metrics.text();
    return reply.header('cache-control', 'no-store').type(metrics.contentType).send(text);
  });
};

/**
 * Times every request by its route pattern (`/api/v1/tools/:name`, never the raw URL; undefined when
 * no route matched) and status code.
 */
export function useHttpMetrics(
  app: FastifyInstance,
  observe: (method: string, route: string | undefined, status: number, seconds: number) => void,
): void {
  app.addHook('onResponse', (req, reply, done) => {
    observe(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/** A listener of its own for /metrics (`metrics.port`), apart from the API: no token, nothing else served. */
export async function buildMetricsApp(metrics: MetricsExposition): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(metricsRoutes, { metrics, open: true });
  return app;
}
