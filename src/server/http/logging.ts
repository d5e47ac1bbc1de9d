import type { FastifyRequest } from 'fastify';

/** Query keys whose values are never logged, matched after percent-decoding (`access%5Ftoken` too). */
const SENSITIVE_KEY = /token|secret|passw|auth|session|cookie|key/i;
/** A bearer token wherever it appears (`aft_…`), raw or percent-encoded (`aft%5F…`). */
const TOKEN = /aft(?:_|%5f)[^\s&/?#"']*/gi;
const HAS_TOKEN = /aft(?:_|%5f)/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Scrubs anything that looks like a bearer token out of a string (messages, stacks, URLs). */
export function scrubTokens(s: string): string {
  return s.replace(TOKEN, 'aft_[redacted]');
}

/**
 * A URL as it may be logged: values of sensitive query keys and anything that looks like a token are
 * replaced, whatever the encoding, so a `?access_token=` on a stream URL never reaches a log.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = scrubTokens(q < 0 ? url : url.slice(0, q));
  if (q < 0) return path;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (SENSITIVE_KEY.test(decode(key)) || HAS_TOKEN.test(decode(value))) return `${scrubTokens(key)}=[redacted]`;
      return scrubTokens(part);
    });
  return `${path}?${parts.join('&')}`;
}

/** Pino serializers for the request log line and error logs: no token reaches a log. */
export const logSerializers = {
  req(req: FastifyRequest) {
    return {
      method: req.method,
      url: redactUrl(req.url),
      hostname: req.hostname,
      remoteAddress: req.ip,
      remotePort: req.socket?.remotePort,
    };
  },
  err(err: Error & { code?: unknown; statusCode?: unknown }) {
    return {
      type: err?.name ?? 'Error',
      message: scrubTokens(String(err?.message ?? err)),
      stack: scrubTokens(String(err?.stack ?? '')),
      ...(err?.code !== undefined ? { code: err.code } : {}),
      ...(err?.statusCode !== undefined ? { statusCode: err.statusCode } : {}),
    };
  },
};
