import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blueprintCatalog } from '../factory/index.ts';
import { readiness } from '../readiness.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { STREAM_PROTOCOL, useAuth } from './http/auth.ts';
import { useErrorReplies } from './http/errors.ts';
import { logSerializers } from './http/logging.ts';
import { useOpenApi } from './http/openapi.ts';
import { requestIdOf } from './http/request-id.ts';
import { useZodValidation } from './http/validation.ts';
import { agentRoutes } from './routes/agents.ts';
import { auditRoutes } from './routes/audit.ts';
import { checkRoutes } from './routes/check.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { executionRoutes } from './routes/executions.ts';
import { healthRoutes } from './routes/health.ts';
import { memoryRoutes } from './routes/memory.ts';
import { metaRoutes } from './routes/meta.ts';
import { pipelineRoutes } from './routes/pipelines.ts';
import { metricsRoutes, useHttpMetrics } from './routes/metrics.ts';
import { policyRoutes } from './routes/policies.ts';
import { policyEditRoutes } from './routes/policy-edits.ts';
import { projectRoutes } from './routes/projects.ts';
import { streamRoutes, type StreamOptions } from './routes/stream.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { toolRoutes } from './routes/tools.ts';
import { usageRoutes } from './routes/usage.ts';
import { workRoutes } from './routes/work.ts';
import { query } from './schemas/common.ts';

export interface AppOptions {
  /** false silences request logs (tests); otherwise structured JSON logs at config.server.logLevel */
  logger?: boolean;
  /** where logs go (default stdout); tests read them to prove that no token is logged */
  logStream?: { write(line: string): void };
  stream?: StreamOptions;
  /** where the built dashboard is (default: web/dist of this package) */
  dashboardRoot?: string;
}

/** The dashboard's build (npm run build:web, run by scripts/setup.sh). */
export const DASHBOARD_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const API_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

const isApi = (url: string) => url.startsWith('/api') || url === '/healthz' || url === '/readyz';

/**
 * Builds the Fastify app: typed and validated by the routes' zod schemas, documented from them.
 * Each route file is a plugin that gets only the services it needs and translates HTTP/WS to them.
 */
export async function buildApp(deps: ServiceDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.server.logLevel,
            redact: ['req.headers.authorization', 'req.headers["sec-websocket-protocol"]', 'req.query.access_token'],
            serializers: logSerializers,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: deps.config.server.bodyLimitBytes,
    // a project's step key is one URL-encoded path segment (GET /api/v1/projects/:id/steps/:step)
    routerOptions: { maxParamLength: 1024 },
    genReqId: requestIdOf,
    requestIdHeader: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  const routes: string[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    if (!isApi(r.url)) return;
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
    // a route without query parameters refuses any, naming that none are allowed
    const schema = (r.schema ??= {}) as Record<string, unknown>;
    schema.querystring ??= query({});
  });
  const { metrics } = deps;
  if (metrics) useHttpMetrics(app, (m, route, status, s) => metrics.httpRequest(m, route, status, s));
  useZodValidation(app);
  useErrorReplies(app);
  useAuth(app, deps.tokens, deps.access);
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  await useOpenApi(app, API_VERSION);
  await app.register(websocket, {
    // the stream's own subprotocol is the one chosen, never the one that carries a token
    options: { maxPayload: 1024 * 1024, handleProtocols: (offered) => (offered.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false) },
  });

  const { factory, access } = deps;
  await app.register(healthRoutes, { readiness: () => readiness(deps) });
  await app.register(metaRoutes, { routes: () => [...routes].sort(), document: () => app.swagger() });
  await app.register(tokenRoutes, { tokens: deps.tokens });
  await app.register(auditRoutes, { query: (q, p) => deps.audit.query(q, access.eventScope(p)), verify: () => deps.audit.verify() });
  await app.register(policyRoutes, { policies: deps.history });
  await app.register(policyEditRoutes, { policies: deps.history });
  await app.register(checkRoutes, {
    check: (r, p) =>
      deps.executor.check(r.source, r.language, deps.policies.get(r.policy), { actor: p.id, target: r.file ? `check:${r.file}` : 'check' }),
  });
  await app.register(toolRoutes, { tools: factory.tools });
  await app.register(agentRoutes, { agents: factory.agents });
  await app.register(workRoutes, { work: factory.work, blueprints: (p, page) => blueprintCatalog(deps.blueprints, access, p, page) });
  await app.register(executionRoutes, { executions: factory.executions });
  await app.register(usageRoutes, { series: (p, q, page) => factory.work.usageSeries(p, q, page) });
  await app.register(projectRoutes, { projects: deps.coordinator });
  await app.register(pipelineRoutes, { pipelines: deps.coordinator });
  await app.register(memoryRoutes, { memory: deps.coordinator });
  await app.register(streamRoutes, {
    events: deps.events,
    access,
    options: { ...opts.stream, ...(metrics ? { observer: metrics.stream } : {}) },
  });
  // on the API's port unless it has a listener of its own (src/service.ts starts that one)
  if (metrics && deps.config.metrics.port === undefined) await app.register(metricsRoutes, { metrics });
  await app.register(dashboardRoutes, { root: opts.dashboardRoot ?? DASHBOARD_ROOT });
  return app;
}
