import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { useAuth } from './auth.ts';
import { logSerializers } from './logging.ts';
import type { ServiceDeps } from './deps.ts';
import { useErrorReplies } from './errors.ts';
import { auditRoutes } from './routes/audit.ts';
import { checkRoutes } from './routes/check.ts';
import { factoryRoutes } from './routes/factory.ts';
import { policyRoutes } from './routes/policies.ts';
import { healthRoutes } from './routes/health.ts';
import { streamRoutes } from './routes/stream.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { collectRouteDocs, DOCS_HTML, openApiDocument } from './openapi.ts';
import { useZodValidation } from './validation.ts';

export interface AppOptions {
  /** false silences request logs (tests); otherwise structured JSON logs at config.server.logLevel */
  logger?: boolean;
  /** where logs go (default stdout); tests read them to prove that no token is logged */
  logStream?: { write(line: string): void };
  stream?: import('./routes/stream.ts').StreamOptions;
}

/** Builds the Fastify app. Plugins translate HTTP/WS to the service's modules and nothing else. */
export async function buildApp(deps: ServiceDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.server.logLevel,
            redact: ['req.headers.authorization', 'req.query.access_token'],
            serializers: logSerializers,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: deps.config.server.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });
  const routeDocs = collectRouteDocs(app);
  useZodValidation(app);
  useErrorReplies(app);
  useAuth(app, deps.tokens, deps.audit);
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  // YAML bodies (policies, blueprints) arrive as text; their parsers report problems with paths and lines
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await healthRoutes(app, deps);
  await auditRoutes(app, deps);
  await tokenRoutes(app, deps);
  await app.register(async (scope) => policyRoutes(scope, deps));
  await checkRoutes(app, deps);
  await factoryRoutes(app, deps);
  await streamRoutes(app, deps, opts.stream);

  let openapi: Record<string, unknown> | null = null;
  app.get('/api/v1/openapi.json', { config: { public: true, docs: { summary: 'This API as an OpenAPI 3.1 document, generated from the zod schemas' } } }, async () => (openapi ??= openApiDocument(routeDocs, '0.1.0')));
  app.get('/docs', { config: { public: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));
  app.get('/api/v1', { config: { public: true } }, async () => ({
    service: 'agent-factory',
    routes: [...routes].sort(),
  }));
  return app;
}
