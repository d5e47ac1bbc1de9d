import type { FastifyInstance, RouteOptions } from 'fastify';
import { z, type ZodType } from 'zod';
import { ERROR_CATALOG } from '../errors/catalog.ts';

export interface RouteDoc {
  method: string;
  url: string;
  role: string | null;
  summary?: string | undefined;
  schema: { body?: ZodType; querystring?: ZodType; params?: ZodType };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** one line for the API docs, and a body schema for routes that parse their body themselves */
    docs?: { summary: string; body?: ZodType };
  }
}

/** Records every route with its zod schemas as it is registered (call before registering routes). */
export function collectRouteDocs(app: FastifyInstance): RouteDoc[] {
  const docs: RouteDoc[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
    const cfg = (r.config ?? {}) as { role?: string; docs?: { summary: string; body?: ZodType } };
    const schema = (r.schema ?? {}) as RouteDoc['schema'];
    for (const method of methods) {
      docs.push({ method, url: r.url, role: cfg.role ?? null, summary: cfg.docs?.summary, schema: { ...schema, ...(cfg.docs?.body ? { body: cfg.docs.body } : {}) } });
    }
  });
  return docs;
}

function jsonSchema(s: ZodType): Record<string, unknown> {
  try {
    const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  } catch {
    return {};
  }
}

/** An OpenAPI 3.1 document generated from the registered routes and their zod schemas. */
export function openApiDocument(routes: RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (!r.url.startsWith('/api') && !['/healthz', '/readyz'].includes(r.url)) continue;
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const params: unknown[] = [];
    for (const [where, s] of [['path', r.schema.params], ['query', r.schema.querystring]] as const) {
      if (!s) continue;
      const js = jsonSchema(s) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        params.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
      }
    }
    if (params.length === 0) for (const m of r.url.matchAll(/:([A-Za-z0-9_]+)/g)) params.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    const op: Record<string, unknown> = {
      summary: r.summary ?? `${r.method} ${r.url}`,
      ...(r.role ? { security: [{ bearer: [] }], 'x-role': r.role } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(r.schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.schema.body) } } } } : {}),
      responses: {
        default: { description: 'An error from the catalog', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '2XX': { description: 'Success' },
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'agent-factory', version, description: 'Blueprints into specialists and checked, sandboxed tools. Errors: see components.schemas.Error and x-error-codes.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'aft_… tokens; roles admin > submitter > viewer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message', 'retryable'], properties: { code: { enum: Object.keys(ERROR_CATALOG) }, message: { type: 'string' }, retryable: { type: 'boolean' }, hint: { type: 'string' }, details: {} } } },
        },
      },
    },
    'x-error-codes': Object.fromEntries(Object.entries(ERROR_CATALOG).map(([k, v]) => [k, { status: v.status, retryable: v.retryable, message: v.message }])),
  };
}

/** A small, self-contained interactive page: every operation, its schema, and a form to try it with a token. */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>agent-factory API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}details{border:1px solid #ccc;border-radius:6px;margin:.4rem 0;padding:.4rem .8rem}
summary{cursor:pointer}code,pre,textarea,input{font:12px ui-monospace,monospace}pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:20rem}
.m{display:inline-block;width:4.5rem;font-weight:bold}.role{color:#777;margin-left:.5rem}textarea{width:100%;height:6rem}</style></head>
<body><h1>agent-factory API</h1>
<p>Token (stored in this browser only): <input id="tok" size="60" placeholder="aft_…"> · <a href="/api/v1/openapi.json">openapi.json</a></p>
<div id="ops">loading…</div>
<script>
const tok = document.getElementById('tok'); tok.value = localStorage.getItem('af-token') || '';
tok.onchange = () => localStorage.setItem('af-token', tok.value);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
fetch('/api/v1/openapi.json').then((r) => r.json()).then((doc) => {
  const box = document.getElementById('ops'); box.textContent = '';
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const d = document.createElement('details');
    const body = op.requestBody ? op.requestBody.content['application/json'].schema : null;
    d.innerHTML = '<summary><span class="m">' + method.toUpperCase() + '</span><code>' + esc(path) + '</code><span class="role">' + esc(op['x-role'] || 'public') + '</span> ' + esc(op.summary) + '</summary>' +
      (op.parameters ? '<p>Parameters</p><pre>' + esc(JSON.stringify(op.parameters, null, 2)) + '</pre>' : '') +
      (body ? '<p>Body schema</p><pre>' + esc(JSON.stringify(body, null, 2)) + '</pre>' : '') +
      '<p>Try it: path <input class="p" size="50" value="' + esc(path) + '"></p>' + (body ? '<textarea class="b">{}</textarea>' : '') +
      '<p><button>Send</button></p><pre class="out"></pre>';
    d.querySelector('button').onclick = async () => {
      const headers = { authorization: 'Bearer ' + tok.value };
      const b = d.querySelector('.b'); if (b) headers['content-type'] = 'application/json';
      const res = await fetch(d.querySelector('.p').value, { method: method.toUpperCase(), headers, body: b ? b.value : undefined });
      d.querySelector('.out').textContent = res.status + ' ' + res.statusText + '\\n' + await res.text();
    };
    box.appendChild(d);
  }
});
</script></body></html>`;
