import type { FastifyError, FastifyInstance } from 'fastify';
import { FactoryError, type ErrorCode } from '../errors/catalog.ts';

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

/** Every API error reply is `{ error: { code, message, retryable, hint?, details? } }` from the catalog. */
export function useErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const fe = toFactoryError(err);
    if (fe.status >= 500) req.log.error({ err, code: fe.code }, 'request failed');
    else req.log.info({ code: fe.code, reason: fe.message }, 'request rejected');
    if (fe.retryable && fe.status === 503) reply.header('retry-after', '5');
    // a refused WebSocket upgrade must not leave the connection open
    if (req.headers.upgrade) reply.header('connection', 'close');
    void reply.code(fe.status).type('application/json').send(fe.toBody());
  });
  // A refused WebSocket upgrade is answered on the raw socket, which nothing else would close.
  app.addHook('onResponse', async (req, reply) => {
    if (req.headers.upgrade && reply.statusCode >= 400) req.raw.socket?.destroySoon();
  });
  app.setNotFoundHandler((req, reply) => {
    const fe = new FactoryError('ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`);
    void reply.code(404).type('application/json').send(fe.toBody());
  });
}
