import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A Host header that may be named in the policy (host, IPv4, [IPv6], optional port); anything else is left out. */
const SAFE_HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The content security policy of every dashboard response: scripts, styles and connections from this
 * origin only (the stream's ws:// and wss:// on the same host), no inline script or style, no frames,
 * no plugins, no outside origin at all.
 */
export function dashboardCsp(host: string | undefined): string {
  const ws = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${ws}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function secure(req: FastifyRequest, reply: FastifyReply): void {
  void reply
    .header('content-security-policy', dashboardCsp(req.headers.host))
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cross-origin-resource-policy', 'same-origin');
}

/**
 * The dashboard at `/`: the static files Vite built into `root` (web/dist) at setup, served by the
 * service itself (nothing from a CDN). Hashed assets are cached for good; the page itself never is.
 * Without a build, `/` says how to make one. The files hold no data: the API behind them checks tokens.
 */
export const dashboardRoutes: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  app.addHook('onRequest', async (req, reply) => secure(req, reply));
  const assets = join(root, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    let html: string;
    try {
      html = await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built: run `npm run build:web` (bash scripts/setup.sh does it), then reload.\n');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
};
