import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { REQUEST_ID_RE } from './request-id.ts';

/** The operations' groups, in the order the docs show them. */
export const TAGS = [
  { name: 'service', description: 'Health, readiness, this API' },
  { name: 'tools', description: 'Tool blueprints into checked, probed, registered tools; run them in the sandbox' },
  { name: 'agents', description: 'Agents from blueprints, designed by the model or cloned; runs that call tools' },
  { name: 'work', description: 'Jobs (tool generation) and runs (tools, agents, executions), and model usage' },
  { name: 'projects', description: 'Tasks the coordinator plans, delegates, reviews, iterates and aggregates, durably' },
  { name: 'pipelines', description: 'Pipelines as data (pipelines/*.yaml): the patterns, a project’s recorded texts and conversation' },
  { name: 'memory', description: 'Long-term memory: a knowledge base and episodes of finished projects, private to their owner' },
  { name: 'executions', description: 'One-off runs of a script: checked, sandboxed, audited, private to the caller' },
  { name: 'policies', description: 'Security policies: read with ETags, edit with If-Match, history, restore' },
  { name: 'checker', description: 'The static checker on its own' },
  { name: 'audit', description: 'The hash-chained audit trail' },
  { name: 'tokens', description: 'API tokens and who you are' },
  { name: 'stream', description: 'Progress events over WebSocket' },
];

type Json = Record<string, unknown>;
const header = (description: string, schema: Json = { type: 'string' }) => ({ description, schema });

/**
 * What zod schemas cannot say, added to every operation from one place: the request id header, the
 * response headers (Location, ETag, WWW-Authenticate, Allow, Retry-After) and YAML bodies taken as text.
 */
export function finishDocument(doc: Json): Json {
  const components = (doc.components ??= {}) as Json;
  components.parameters = {
    RequestId: {
      name: 'X-Request-Id',
      in: 'header',
      required: false,
      description: 'echoed back; 1-128 of A-Z a-z 0-9 . _ : -',
      schema: { type: 'string', pattern: REQUEST_ID_RE.source },
    },
  };
  components.headers = {
    RequestId: header('the request id: the one sent, or a new UUID'),
    Location: header('where the created resource (201) or the started work (202) is'),
    ETag: header('the version of the resource, for If-Match'),
    WWWAuthenticate: header('Bearer, with error="invalid_token" when a token was sent but is not valid'),
    Allow: header('the methods the path answers'),
    RetryAfter: header('seconds to wait before retrying', { type: 'integer' }),
  };
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item) as [string, Json][]) {
      if (method === 'head') {
        delete item[method];
        continue;
      }
      op.parameters = [...((op.parameters as unknown[]) ?? []), { $ref: '#/components/parameters/RequestId' }];
      const etag = op['x-etag'] === true;
      for (const [status, res] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
        const headers: Json = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
        if (status === '201' || status === '202') headers.Location = { $ref: '#/components/headers/Location' };
        if (etag && status.startsWith('2')) headers.ETag = { $ref: '#/components/headers/ETag' };
        if (status === '401') headers['WWW-Authenticate'] = { $ref: '#/components/headers/WWWAuthenticate' };
        if (status === '405') headers.Allow = { $ref: '#/components/headers/Allow' };
        if (status === '503') headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
        res.headers = { ...((res.headers as Json) ?? {}), ...headers };
      }
      const yaml = op['x-yaml-body'];
      const content = (op.requestBody as { content?: Record<string, Json> } | undefined)?.content;
      if (typeof yaml === 'string' && content) {
        for (const m of Object.keys(content))
          if (m.includes('yaml') || m === 'text/plain') content[m] = { schema: { type: 'string', description: yaml } };
      }
      delete op['x-etag'];
      delete op['x-yaml-body'];
    }
  }
  pruneComponents(doc);
  return doc;
}

/** Drops components nothing refers to (the registry holds an input and an output form of each schema). */
function pruneComponents(doc: Json): void {
  const components = doc.components as Record<string, Json>;
  const refsIn = (v: unknown, out: Set<string>): Set<string> => {
    if (Array.isArray(v)) for (const x of v) refsIn(x, out);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v))
        if (k === '$ref' && typeof x === 'string') out.add(x);
        else refsIn(x, out);
    }
    return out;
  };
  const used = refsIn(doc.paths, new Set());
  for (let grew = true; grew;) {
    grew = false;
    for (const ref of [...used]) {
      const [, , section, name] = ref.split('/');
      for (const r of refsIn(components[section!]?.[name!], new Set())) if (!used.has(r)) (used.add(r), (grew = true));
    }
  }
  for (const section of ['schemas', 'headers', 'parameters']) {
    for (const name of Object.keys(components[section] ?? {}))
      if (!used.has(`#/components/${section}/${name}`)) delete components[section]![name];
  }
}

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, and the interactive docs at /docs (assets bundled, no CDN). */
export async function useOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'agent-factory',
        version,
        description:
          'Blueprints into specialists and checked, sandboxed tools. Errors carry stable codes from one catalog (docs/errors.md).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: 'http://127.0.0.1:8080', description: 'the service on its default address' }],
      tags: TAGS,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'aft_… tokens; roles admin > submitter > viewer' } },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: (doc) => finishDocument(jsonSchemaTransformObject(doc) as Json) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, displayOperationId: true, tryItOutEnabled: false, validatorUrl: null },
    staticCSP: true,
  });
}
