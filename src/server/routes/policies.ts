import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { FactoryError } from '../../errors/catalog.ts';
import { assertPolicyName } from '../../policy/index.ts';
import { unifiedDiff } from '../../util/diff.ts';
import type { ServiceDeps } from '../deps.ts';
import { zodSchema } from '../validation.ts';

const NameParams = z.object({ name: z.string() }).strict();
const RestoreBody = z.object({ version: z.number().int().min(1) }).strict();
const GetQuery = z.object({ format: z.enum(['json', 'yaml']).default('json') }).strict();

const etagOf = (hash: string) => `"${hash}"`;
/** If-Match: "hash" (quotes optional); '*' or absent handled by the caller. */
function ifMatch(req: FastifyRequest): string | undefined {
  const h = req.headers['if-match'];
  if (typeof h !== 'string' || h.trim() === '') return undefined;
  return h.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** Policy files over HTTP: read with ETags, edit with If-Match, full history with diffs, restore. */
export async function policyRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const { policies, history, store } = deps;


  const name = (req: FastifyRequest<{ Params: { name: string } }>) => {
    assertPolicyName(req.params.name); // 400 POLICY_NAME_INVALID: no path traversal, no odd characters
    return req.params.name;
  };

  app.get('/api/v1/policies', { config: { role: 'viewer' } }, async () => ({
    policies: policies.list().map((p) => ({ ...p, etag: p.hash, version: store.policies.latest(p.name)?.version ?? null })),
    problems: policies.problems(),
  }));

  app.get<{ Params: { name: string }; Querystring: z.infer<typeof GetQuery> }>(
    '/api/v1/policies/:name',
    { config: { role: 'viewer' }, schema: zodSchema({ params: NameParams, querystring: GetQuery }) },
    async (req, reply) => {
      const n = name(req);
      const src = policies.source(n);
      void reply.header('etag', etagOf(src.hash));
      if (req.query.format === 'yaml') return reply.type('application/yaml').send(src.text);
      const problem = policies.problems().find((p) => p.name === n);
      return { name: n, etag: src.hash, version: store.policies.latest(n)?.version ?? null, text: src.text, policy: policies.get(n), ...(problem ? { pendingProblem: problem } : {}) };
    },
  );

  /** Create or replace. Needs If-Match with the current ETag (or If-None-Match: * to create). */
  app.put<{ Params: { name: string } }>(
    '/api/v1/policies/:name',
    { config: { role: 'admin' }, schema: zodSchema({ params: NameParams }) },
    async (req, reply) => {
      const n = name(req);
      const text = bodyText(req.body);
      const creating = req.headers['if-none-match'] === '*';
      const expected = ifMatch(req);
      if (!creating && expected === undefined) {
        throw new FactoryError('PRECONDITION_REQUIRED', 'Send If-Match with the policy’s ETag (or If-None-Match: * to create a new one)');
      }
      let written;
      try {
        written = await policies.write(n, text, { expectedHash: creating ? null : expected === '*' ? undefined : expected });
      } catch (e) {
        // refused edits are audited too: who tried what, and why it was refused
        const fe = e instanceof FactoryError ? e : undefined;
        deps.audit.record({
          type: 'policy_rejected', action: 'api', target: n, actor: req.principal!.id, success: false, input: text,
          error: `${fe?.code ?? 'INTERNAL'}: ${fe?.message ?? String(e)}`, securityFlags: ['policy'],
          details: { code: fe?.code ?? null, details: (fe?.details as Record<string, unknown> | undefined) ?? null },
        });
        throw e;
      }
      const version = history.recordVersion(n, req.principal!.id, creating ? 'created' : 'updated', 'api');
      void reply.header('etag', etagOf(written.hash));
      return reply.code(creating ? 201 : 200).send({ name: n, etag: written.hash, previousEtag: written.previousHash, version, policy: written.policy });
    },
  );

  app.get<{ Params: { name: string } }>(
    '/api/v1/policies/:name/history',
    { config: { role: 'viewer' }, schema: zodSchema({ params: NameParams }) },
    async (req) => {
      const n = name(req);
      const versions = store.policies.history(n);
      if (versions.length === 0 && !policies.has(n)) throw new FactoryError('POLICY_NOT_FOUND', `no policy named '${n}'`);
      return {
        name: n,
        versions: versions.map((v, i) => ({
          version: v.version, etag: v.etag, author: v.author, source: v.source, createdAt: v.createdAt,
          diff: unifiedDiff(i === 0 ? '' : versions[i - 1]!.text, v.text, { oldLabel: i === 0 ? '/dev/null' : `${n}@${v.version - 1}`, newLabel: `${n}@${v.version}` }),
        })),
      };
    },
  );

  app.get<{ Params: { name: string; version: string } }>(
    '/api/v1/policies/:name/history/:version',
    { config: { role: 'viewer' }, schema: zodSchema({ params: z.object({ name: z.string(), version: z.coerce.number().int().min(1) }).strict() }) },
    async (req, reply) => {
      const n = name(req as unknown as FastifyRequest<{ Params: { name: string } }>);
      const v = store.policies.get(n, Number(req.params.version));
      if (!v) throw new FactoryError('RESOURCE_NOT_FOUND', `policy '${n}' has no version ${req.params.version}`);
      return reply.header('etag', etagOf(v.etag)).send(v);
    },
  );

  /** Make an earlier version the one in force again (validated like any edit; a new version in the history). */
  app.post<{ Params: { name: string }; Body: z.infer<typeof RestoreBody> }>(
    '/api/v1/policies/:name/restore',
    { config: { role: 'admin' }, schema: zodSchema({ params: NameParams, body: RestoreBody }) },
    async (req, reply: FastifyReply) => {
      const n = name(req);
      const expected = ifMatch(req);
      if (expected === undefined) throw new FactoryError('PRECONDITION_REQUIRED');
      const old = store.policies.get(n, req.body.version);
      if (!old) throw new FactoryError('RESOURCE_NOT_FOUND', `policy '${n}' has no version ${req.body.version}`);
      const written = await policies.write(n, old.text, { expectedHash: expected === '*' ? undefined : expected });
      const version = history.recordVersion(n, req.principal!.id, `restored version ${old.version}`, 'restore');
      void reply.header('etag', etagOf(written.hash));
      return { name: n, etag: written.hash, version, restoredFrom: old.version, policy: written.policy };
    },
  );
}

/** A YAML/JSON text body, or a JSON object (the policy itself, or `{ "text": "…" }`). */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const t = (body as { text?: unknown }).text;
    if (typeof t === 'string' && Object.keys(body).length === 1) return t;
    return toYaml(body);
  }
  throw new FactoryError('VALIDATION_FAILED', 'Send the policy as YAML (Content-Type: application/yaml) or JSON');
}
