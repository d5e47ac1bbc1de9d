import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { FactoryError, type ErrorCode } from '../../errors/catalog.ts';

/** Fastify's own error codes, translated to the catalog. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BODY_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_MALFORMED',
  FST_ERR_BAD_URL: 'ROUTE_NOT_FOUND',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

export function toFactoryError(err: unknown): FactoryError {
  if (err instanceof FactoryError) return err;
  const fe = err as Partial<FastifyError>;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new FactoryError(mapped, undefined, undefined, { cause: err });
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 413) return new FactoryError('BODY_TOO_LARGE');
    if (fe.statusCode === 415) return new FactoryError('MEDIA_TYPE_UNSUPPORTED');
    return new FactoryError('VALIDATION_FAILED', fe.message, { fastifyCode: fe.code });
  }
  return new FactoryError('INTERNAL', undefined, undefined, { cause: err });
}

/** The reply body of an error: the catalog's shape, with the request id. */
export function errorBody(fe: FactoryError, req: Pick<FastifyRequest, 'id'>) {
  return { error: { ...fe.toBody().error, requestId: req.id } };
}

function send(fe: FactoryError, req: FastifyRequest, reply: FastifyReply): void {
  if (fe.status === 401)
    void reply.header('www-authenticate', `Bearer realm="agent-factory"${fe.code === 'AUTH_INVALID' ? ', error="invalid_token"' : ''}`);
  if (fe.retryable && fe.status === 503) void reply.header('retry-after', '5');
  // a refused WebSocket upgrade must not leave the connection open
  if (req.headers.upgrade) void reply.header('connection', 'close');
  void reply.code(fe.status).type('application/json').send(errorBody(fe, req));
}

/** Which methods each route pattern answers, for 405 and its Allow header. */
function routeIndex(app: FastifyInstance): (path: string) => string[] {
  const routes: { re: RegExp; method: string }[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const re = new RegExp(
      `^${r.url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[A-Za-z0-9_]+/g, '[^/]+')
        .replace(/\*/g, '.*')}$`,
    );
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ re, method: m });
  });
  return (path) => [...new Set(routes.filter((r) => r.re.test(path)).map((r) => r.method))];
}

/**
 * Every API error reply is `{ error: { code, message, retryable, hint?, details?, requestId } }` from the
 * catalog; 401 carries WWW-Authenticate, a known path asked with the wrong method is 405 with Allow.
 */
export function useErrorReplies(app: FastifyInstance): void {
  const methodsOf = routeIndex(app);
  app.setErrorHandler((err, req, reply) => {
    const fe = toFactoryError(err);
    if (fe.status >= 500) req.log.error({ err, code: fe.code }, 'request failed');
    else req.log.info({ code: fe.code, reason: fe.message }, 'request rejected');
    send(fe, req, reply);
  });
  // A refused WebSocket upgrade is answered on the raw socket, which nothing else would close.
  app.addHook('onResponse', async (req, reply) => {
    if (req.headers.upgrade && reply.statusCode >= 400) req.raw.socket?.destroySoon();
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const allowed = methodsOf(path);
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      void reply.header('allow', allowed.join(', '));
      return send(
        new FactoryError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`, { allowed }),
        req,
        reply,
      );
    }
    send(new FactoryError('ROUTE_NOT_FOUND', `No route ${req.method} ${path}`), req, reply);
  });
}
