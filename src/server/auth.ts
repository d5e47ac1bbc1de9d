import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditTrail } from '../audit/trail.ts';
import { roleAllows, type TokenService } from '../auth/tokens.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { Role, TokenRecord } from '../store/index.ts';

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

/** Reads `Authorization: Bearer <token>` (or, for WebSocket upgrades from browsers, `?access_token=`). */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m ? m[1] : '';
  }
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' && req.headers.upgrade?.toLowerCase() === 'websocket' ? q : undefined;
}

/**
 * Default deny: a route under /api without a declared role fails at registration.
 * Each request to a protected route is authenticated, then authorized by role; 401 and 403 are audited.
 */
export function useAuth(app: FastifyInstance, tokens: TokenService, audit: AuditTrail): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const cfg = route.config as { role?: Role; public?: boolean } | undefined;
    if (route.url.startsWith('/api') && !cfg?.role && !cfg?.public) {
      throw new Error(`route ${route.method} ${route.url} declares no role: add config.role or config.public`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const cfg = req.routeOptions.config as { role?: Role; public?: boolean } | undefined;
    const need = cfg?.role;
    if (!need) return;
    const secret = bearerOf(req);
    const where = { method: req.method, url: req.routeOptions.url ?? req.url, ip: req.ip };
    if (!secret) {
      audit.record({ type: 'auth_failure', action: 'missing_token', target: `${where.method} ${where.url}`, success: false, error: 'no bearer token', details: where, securityFlags: ['auth'] });
      throw new FactoryError('AUTH_MISSING');
    }
    const principal = tokens.authenticate(secret);
    if (!principal) {
      audit.record({ type: 'auth_failure', action: 'invalid_token', target: `${where.method} ${where.url}`, success: false, error: 'unknown or revoked token', details: where, securityFlags: ['auth'] });
      throw new FactoryError('AUTH_INVALID');
    }
    if (!roleAllows(principal.role, need)) {
      audit.record({ type: 'access_denied', action: 'role', target: `${where.method} ${where.url}`, actor: principal.id, success: false, error: `role ${principal.role} < ${need}`, details: { ...where, role: principal.role, need }, securityFlags: ['auth'] });
      throw new FactoryError('FORBIDDEN', `This needs the role ${need}; the token has ${principal.role}`, { need, have: principal.role });
    }
    req.principal = principal;
  });
}
