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
  z.object({ blueprint: z.unknown() }).strict(),
  z.object({ specialist: z.object({ task: z.string().min(1).max(8000), domain: z.string().max(200).optional(), skills: z.array(z.string().max(100)).max(20).optional() }).strict() }).strict(),
  z.object({ cloneOf: z.string().regex(/^agt_[0-9a-f]{16}$/), modifications: z.record(z.string(), z.unknown()).default({}) }).strict(),
]);
export const RunAgentBody = z.object({ task: z.string().min(1).max(32_000) }).strict();
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/** A submitter sees and changes only what it created; admins and viewers see everything. */
function mayRead(p: TokenRecord, owner: string): boolean {
  return p.role !== 'submitter' || p.id === owner;
}
function mayChange(p: TokenRecord, owner: string): boolean {
  return p.role === 'admin' || p.id === owner;
}
const who = (req: FastifyRequest) => req.principal as TokenRecord;

/** Tools, agents, jobs and runs over HTTP; the factory does the work, these routes only translate. */
export async function factoryRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const { factory, store } = deps;

  // ---- tools
  app.post('/api/v1/tools', { config: { role: 'submitter', docs: { summary: 'Submit a tool blueprint (JSON or YAML): 201 registered (with source), 202 job (generated), 422 blocked', body: ToolBlueprint } } }, async (req, reply) => {
    const out = await factory.tools.submit(req.body, who(req).id);
    if (out.status === 'registered') return reply.code(201).send({ status: 'registered', tool: toolSummary(out.tool), links: { execute: `/api/v1/tools/${out.tool.name}/execute` } });
    return reply.code(202).send({ status: 'accepted', jobId: out.jobId, links: { job: `/api/v1/jobs/${out.jobId}`, stream: `/api/v1/stream (subscribe job:${out.jobId})` } });
  });

  app.post<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name/versions', { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams }) }, async (req, reply) => {
    const rec = store.tools.active(req.params.name);
    if (rec && !mayChange(who(req), rec.createdBy)) throw new FactoryError('FORBIDDEN', 'Only the tool’s creator or an admin may add versions');
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
    const out = await factory.tools.submit(body, who(req).id, { newVersion: true });
    if (out.status === 'registered') return reply.code(201).send({ status: 'registered', tool: toolSummary(out.tool) });
    return reply.code(202).send({ status: 'accepted', jobId: out.jobId });
  });

  app.get('/api/v1/tools', { config: { role: 'viewer' } }, async () => ({
    tools: store.tools.list().map((t) => toolSummary(store.tools.version(t.name, t.latestVersion)!)),
  }));

  app.get<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name', { config: { role: 'viewer' }, schema: zodSchema({ params: NameParams }) }, async (req) => {
    const rec = store.tools.active(req.params.name);
    if (!rec) throw new FactoryError('RESOURCE_NOT_FOUND', `No tool named '${req.params.name}'`);
    const versions = store.tools.versions(req.params.name);
    return { ...toolSummary(versions.at(-1)!), blueprint: versions.at(-1)!.blueprint as ToolBlueprint, versions: versions.map(toolSummary) };
  });

  app.get<{ Params: z.infer<typeof VersionParams> }>('/api/v1/tools/:name/versions/:version', { config: { role: 'viewer' }, schema: zodSchema({ params: VersionParams }) }, async (req) => {
    const v = store.tools.version(req.params.name, req.params.version);
    if (!v) throw new FactoryError('RESOURCE_NOT_FOUND', `No version ${req.params.version} of '${req.params.name}'`);
    return { ...toolSummary(v), source: v.source, blueprint: v.blueprint, checkReport: v.checkReport, probeResults: v.probeResults };
  });

  app.post<{ Params: z.infer<typeof NameParams>; Body: z.infer<typeof ExecuteBody> }>(
    '/api/v1/tools/:name/execute',
    { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams, body: ExecuteBody }) },
    async (req, reply) => {
      const out = await deps.lifecycle.track(`execute ${req.params.name}`, (signal) =>
        factory.tools.execute(req.params.name, req.body.input, who(req).id, { ...(req.body.version ? { version: req.body.version } : {}), sampleData: req.body.sampleData, signal }));
      if (out.blocked) return reply.code(422).send(new FactoryError('CODE_BLOCKED', `${out.tool}@${out.version} is blocked by the policy in force`, { runId: out.runId, findings: out.findings }).toBody());
      return { runId: out.runId, tool: out.tool, version: out.version, status: out.result!.status, result: out.result };
    },
  );

  app.delete<{ Params: z.infer<typeof NameParams> }>('/api/v1/tools/:name', { config: { role: 'submitter' }, schema: zodSchema({ params: NameParams }) }, async (req, reply) => {
    const rec = store.tools.active(req.params.name);
    if (!rec) throw new FactoryError('RESOURCE_NOT_FOUND', `No tool named '${req.params.name}'`);
    if (!mayChange(who(req), rec.createdBy)) throw new FactoryError('FORBIDDEN', 'Only the tool’s creator or an admin may destroy it');
    factory.tools.destroy(req.params.name, who(req).id);
    return reply.code(204).send();
  });

  // ---- agents
  app.post<{ Body: z.infer<typeof CreateAgentBody> }>('/api/v1/agents', { config: { role: 'submitter' }, schema: zodSchema({ body: CreateAgentBody }) }, async (req, reply) => {
    const b = req.body;
    const actor = who(req).id;
    const agent =
      'blueprint' in b ? factory.agents.create(b.blueprint, actor)
      : 'specialist' in b ? await factory.agents.createSpecialist(b.specialist, actor)
      : factory.agents.clone(b.cloneOf, b.modifications, actor);
    return reply.code(201).send({ agent });
  });

  app.get('/api/v1/agents', { config: { role: 'viewer' } }, async (req) => ({
    agents: store.agents.list().filter((a) => mayRead(who(req), a.createdBy)),
  }));

  app.get<{ Params: z.infer<typeof IdParams> }>('/api/v1/agents/:id', { config: { role: 'viewer' }, schema: zodSchema({ params: IdParams }) }, async (req) => {
    const a = factory.agents.get(req.params.id);
    if (!mayRead(who(req), a.createdBy)) throw new FactoryError('RESOURCE_NOT_FOUND', `No agent ${req.params.id}`);
    return { agent: a };
  });

  app.post<{ Params: z.infer<typeof IdParams>; Body: z.infer<typeof RunAgentBody> }>(
    '/api/v1/agents/:id/runs',
    { config: { role: 'submitter' }, schema: zodSchema({ params: IdParams, body: RunAgentBody }) },
    async (req, reply) => {
      const a = factory.agents.get(req.params.id);
      if (!mayRead(who(req), a.createdBy)) throw new FactoryError('RESOURCE_NOT_FOUND', `No agent ${req.params.id}`);
      const { runId } = await factory.agents.run(req.params.id, req.body.task, who(req).id);
      return reply.code(202).send({ runId, links: { run: `/api/v1/runs/${runId}`, stream: `/api/v1/stream (subscribe run:${runId})` } });
    },
  );

  app.delete<{ Params: z.infer<typeof IdParams> }>('/api/v1/agents/:id', { config: { role: 'submitter' }, schema: zodSchema({ params: IdParams }) }, async (req, reply) => {
    const a = factory.agents.get(req.params.id);
    if (!mayChange(who(req), a.createdBy)) throw new FactoryError('FORBIDDEN', 'Only the agent’s creator or an admin may destroy it');
    factory.agents.destroy(req.params.id, who(req).id);
    return reply.code(204).send();
  });

  // ---- jobs and runs
  for (const kind of ['job', 'run'] as const) {
    app.get<{ Querystring: z.infer<typeof ListQuery> }>(`/api/v1/${kind}s`, { config: { role: 'viewer' }, schema: zodSchema({ querystring: ListQuery }) }, async (req) => {
      const p = who(req);
      return { [`${kind}s`]: store.work.list(kind, req.query.limit, p.role === 'submitter' ? p.id : undefined) };
    });
    app.get<{ Params: z.infer<typeof IdParams> }>(`/api/v1/${kind}s/:id`, { config: { role: 'viewer' }, schema: zodSchema({ params: IdParams }) }, async (req) => {
      const w = store.work.get(req.params.id);
      if (!w || w.kind !== kind || !mayRead(who(req), w.owner)) throw new FactoryError('RESOURCE_NOT_FOUND', `No ${kind} ${req.params.id}`);
      return { [kind]: { ...w, usage: store.llm.totals({ task: w.id }) } };
    });
  }

  app.get('/api/v1/blueprints', { config: { role: 'viewer' } }, async () => ({
    agents: [...deps.blueprints.agents.values()].map((b) => ({ file: b.file, blueprint: b.blueprint })),
    tools: [...deps.blueprints.tools.values()].map((b) => ({ file: b.file, blueprint: b.blueprint, registered: !!store.tools.active(b.blueprint.name) })),
    rejected: deps.blueprints.rejected,
  }));

  app.get('/api/v1/usage', { config: { role: 'viewer' } }, async () => ({ llm: store.llm.totals() }));
}
