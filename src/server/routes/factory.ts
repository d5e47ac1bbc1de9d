import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BlueprintName, ToolBlueprint } from '../../blueprints/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import { toolSummary } from '../../factory/index.ts';
import type { TokenRecord } from '../../store/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { zodSchema } from '../validation.ts';

const NameParams = z.object({ name: BlueprintName }).strict();
const IdParams = z.object({ id: z.string().regex(/^[a-z]{3,5}_[0-9a-f]{16}$/, 'not an id') }).strict();
const VersionParams = z.object({ name: BlueprintName, version: z.coerce.number().int().min(1) }).strict();
export const ExecuteBody = z.object({
  input: z.record(z.string(), z.unknown()).default({}),
  version: z.number().int().min(1).optional(),
  /** mount the tool's sample data (blueprints/data/<sampleData>) at /data for this run */
  sampleData: z.boolean().default(false),
}).strict();
export const CreateAgentBody = z.union([
  z.object({ blueprint: z.unknown(), shared: z.boolean().optional() }).strict(),
  z.object({ specialist: z.object({ task: z.string().min(1).max(8000), domain: z.string().max(200).optional(), skills: z.array(z.string().max(100)).max(20).optional() }).strict(), shared: z.boolean().optional() }).strict(),
  z.object({ cloneOf: z.string().regex(/^agt_[0-9a-f]{16}$/), modifications: z.record(z.string(), z.unknown()).default({}), shared: z.boolean().optional() }).strict(),
]);
export const RunAgentBody = z.object({ task: z.string().min(1).max(32_000) }).strict();
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

const who = (req: FastifyRequest) => req.principal as TokenRecord;
const SharedQuery = z.object({ shared: z.enum(['true', 'false']).optional() }).strict();
export const ShareBody = z.object({ shared: z.boolean() }).strict();

/** Tools, agents, jobs and runs over HTTP; the factory does the work, these routes only translate. */
export async function factoryRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const { factory } = deps;

  // ---- tools
  app.post<{ Querystring: z.infer<typeof SharedQuery> }>('/api/v1/tools', { config: { role: 'submitter', docs: { summary: 'Submit a tool blueprint (JSON or YAML): 201 registered (with source), 202 job (generated), 422 blocked', body: ToolBlueprint } }, schema: zodSchema({ querystring: SharedQuery }) }, async (req, reply) => {
    const out = await factory.tools.submit(req.body, who(req), { shared: req.query.shared === 'true' });
    if (out.status === 'registered') return reply.code(201).send({ status: 'registered', tool: toolSummary(out.tool, { createdBy: out.tool.createdBy, shared: out.shared }), links: { execute: `/api/v1/tools/${out.tool.name}/execute` } });
    return reply.code(202).send({ status: 'accepted', jobId: out.jobId, links: { job: `/api/v1/jobs/${out.jobId}`, stream: `/api/v1/stream (subscribe job:${out.jobId})` } });
  });

  app.post<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name/versions', { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams }) }, async (req, reply) => {
    // the URL names the tool: a YAML or JSON body gets that name, whatever it says itself
    let parsed: unknown = req.body;
    if (typeof parsed === 'string') {
      try {
        parsed = parseYaml(parsed) as unknown;
      } catch {
        // not YAML: the blueprint parser reports it with its line
      }
    }
    const body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...(parsed as object), name: req.params.name } : parsed;
    const out = await factory.tools.submit(body, who(req), { newVersion: true });
    if (out.status === 'registered') return reply.code(201).send({ status: 'registered', tool: toolSummary(out.tool) });
    return reply.code(202).send({ status: 'accepted', jobId: out.jobId });
  });

  app.get('/api/v1/tools', { config: { role: 'viewer' } }, async (req) => ({
    tools: factory.tools.list(who(req)).map((t) => toolSummary(t.latest, t.record)),
  }));

  app.get<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name', { config: { role: 'viewer' }, schema: zodSchema({ params: NameParams }) }, async (req) => {
    const { record, versions } = factory.tools.get(req.params.name, who(req));
    return { ...toolSummary(versions.at(-1)!, record), blueprint: versions.at(-1)!.blueprint as ToolBlueprint, versions: versions.map((v) => toolSummary(v, record)) };
  });

  app.patch<{ Params: z.infer<typeof NameParams>; Body: z.infer<typeof ShareBody> }>('/api/v1/tools/:name', { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams, body: ShareBody }) }, async (req) => {
    const record = factory.tools.setShared(req.params.name, req.body.shared, who(req));
    return { name: record.name, owner: record.createdBy, shared: record.shared };
  });

  app.get<{ Params: z.infer<typeof VersionParams> }>('/api/v1/tools/:name/versions/:version', { config: { role: 'viewer' }, schema: zodSchema({ params: VersionParams }) }, async (req) => {
    const v = factory.tools.version(req.params.name, req.params.version, who(req));
    return { ...toolSummary(v), source: v.source, blueprint: v.blueprint, checkReport: v.checkReport, probeResults: v.probeResults };
  });

  app.post<{ Params: z.infer<typeof NameParams>; Body: z.infer<typeof ExecuteBody> }>(
    '/api/v1/tools/:name/execute',
    { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams, body: ExecuteBody }) },
    async (req, reply) => {
      const out = await deps.lifecycle.track(`execute ${req.params.name}`, (signal) =>
        factory.tools.execute(req.params.name, req.body.input, who(req), { ...(req.body.version ? { version: req.body.version } : {}), sampleData: req.body.sampleData, signal }));
      if (out.blocked) return reply.code(422).send(new FactoryError('CODE_BLOCKED', `${out.tool}@${out.version} is blocked by the policy in force`, { runId: out.runId, findings: out.findings }).toBody());
      return { runId: out.runId, tool: out.tool, version: out.version, status: out.result!.status, result: out.result };
    },
  );

  app.delete<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name', { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams }) }, async (req, reply) => {
    factory.tools.destroy(req.params.name, who(req));
    return reply.code(204).send();
  });

  // ---- agents
  app.post<{ Body: z.infer<typeof CreateAgentBody> }>('/api/v1/agents', { config: { role: 'submitter' }, schema: zodSchema({ body: CreateAgentBody }) }, async (req, reply) => {
    const b = req.body;
    const p = who(req);
    const agent =
      'blueprint' in b ? factory.agents.create(b.blueprint, p, { shared: b.shared ?? false })
      : 'specialist' in b ? await factory.agents.createSpecialist(b.specialist, p, b.shared ?? false)
      : factory.agents.clone(b.cloneOf, b.modifications, p, b.shared ?? false);
    return reply.code(201).send({ agent });
  });

  app.get('/api/v1/agents', { config: { role: 'viewer' } }, async (req) => ({ agents: factory.agents.list(who(req)) }));

  app.get<{ Params: z.infer<typeof IdParams> }>('/api/v1/agents/:id', { config: { role: 'viewer' }, schema: zodSchema({ params: IdParams }) }, async (req) => ({
    agent: factory.agents.get(req.params.id, who(req)),
  }));

  app.patch<{ Params: z.infer<typeof IdParams>; Body: z.infer<typeof ShareBody> }>('/api/v1/agents/:id', { config: { role: 'submitter' }, schema: zodSchema({ params: IdParams, body: ShareBody }) }, async (req) => ({
    agent: factory.agents.setShared(req.params.id, req.body.shared, who(req)),
  }));

  app.post<{ Params: z.infer<typeof IdParams>; Body: z.infer<typeof RunAgentBody> }>(
    '/api/v1/agents/:id/runs',
    { config: { role: 'submitter' }, schema: zodSchema({ params: IdParams, body: RunAgentBody }) },
    async (req, reply) => {
      const { runId } = await factory.agents.run(req.params.id, req.body.task, who(req));
      return reply.code(202).send({ runId, links: { run: `/api/v1/runs/${runId}`, stream: `/api/v1/stream (subscribe run:${runId})` } });
    },
  );

  app.delete<{ Params: z.infer<typeof IdParams> }>('/api/v1/agents/:id', { config: { role: 'submitter' }, schema: zodSchema({ params: IdParams }) }, async (req, reply) => {
    factory.agents.destroy(req.params.id, who(req));
    return reply.code(204).send();
  });

  // ---- jobs and runs
  for (const kind of ['job', 'run'] as const) {
    app.get<{ Querystring: z.infer<typeof ListQuery> }>(`/api/v1/${kind}s`, { config: { role: 'viewer' }, schema: zodSchema({ querystring: ListQuery }) }, async (req) => ({
      [`${kind}s`]: factory.work.list(kind, who(req), req.query.limit),
    }));
    app.get<{ Params: z.infer<typeof IdParams> }>(`/api/v1/${kind}s/:id`, { config: { role: 'viewer' }, schema: zodSchema({ params: IdParams }) }, async (req) => ({
      [kind]: factory.work.get(kind, req.params.id, who(req)),
    }));
  }

  app.get('/api/v1/blueprints', { config: { role: 'viewer' } }, async (req) => ({
    agents: [...deps.blueprints.agents.values()].map((b) => ({ file: b.file, blueprint: b.blueprint })),
    tools: [...deps.blueprints.tools.values()].map((b) => ({ file: b.file, blueprint: b.blueprint, registered: deps.access.may(who(req), 'tool', b.blueprint.name, 'read') })),
    rejected: deps.blueprints.rejected,
  }));

  app.get('/api/v1/usage', { config: { role: 'viewer' } }, async (req) => ({ llm: factory.work.usage(who(req)) }));
}
