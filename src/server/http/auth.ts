import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Access, Role } from '../../access/index.ts';
import type { TokenRecord, TokenService } from '../../auth/index.ts';
import { FactoryError } from '../../errors/catalog.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the least role a route needs; every /api route must declare one (or `public: true`) */
    role?: Role;
    public?: boolean;
  }
  interface FastifyRequest {
    principal: TokenRecord | null;
  }
}

/** The WebSocket subprotocol of the stream, and the prefix of the one that carries a browser's token. */
export const STREAM_PROTOCOL = 'agent-factory.v1';
export const BEARER_PROTOCOL_PREFIX = 'agent-factory.bearer.';

/**
 * Reads `Authorization: Bearer <token>`; on WebSocket upgrades (browsers cannot set headers there) also
 * the subprotocol `agent-factory.bearer.<token>` offered beside `agent-factory.v1`, or `?access_token=`.
 */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m ? m[1] : '';
  }
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered === 'string') {
    const carried = offered
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith(BEARER_PROTOCOL_PREFIX));
    if (carried !== undefined) return carried.slice(BEARER_PROTOCOL_PREFIX.length);
  }
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' ? q : undefined;
}

/** The authenticated principal of a request to a protected route. */
export function who(req: FastifyRequest): TokenRecord {
  if (!req.principal) throw new FactoryError('INTERNAL', 'a protected route ran without a principal');
  return req.principal;
}

const isApi = (url: string) => url.startsWith('/api') || url === '/healthz' || url === '/readyz';

/**
 * Default deny: a route under /api without a declared role fails at registration, and each route's
 * OpenAPI `security` follows from its role (empty on public routes). Each request to a protected route
 * is authenticated, then authorized by role; refusals are audited by the token service and the access rules.
 */
export function useAuth(app: FastifyInstance, tokens: Pick<TokenService, 'authenticate'>, access: Pick<Access, 'requireRole'>): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const cfg = route.config as { role?: Role; public?: boolean } | undefined;
    if (!isApi(route.url)) return;
    if (!cfg?.role && !cfg?.public)
      throw new Error(`route ${String(route.method)} ${route.url} declares no role: add config.role or config.public`);
    const schema = (route.schema ??= {}) as Record<string, unknown>;
    schema.security = cfg.role ? [{ bearer: [] }] : [];
    if (cfg.role) schema['x-role'] = cfg.role;
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const need = (req.routeOptions.config as { role?: Role } | undefined)?.role;
    if (!need) return;
    const where = { method: req.method, url: req.routeOptions.url ?? req.url.split('?')[0]!, ip: req.ip };
    const principal = await tokens.authenticate(bearerOf(req), where);
    await access.requireRole(principal, need, where);
    req.principal = principal;
  });
}
