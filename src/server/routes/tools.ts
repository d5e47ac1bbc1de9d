import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { blueprintInvalid, BlueprintName, MAX_BLUEPRINT_BYTES } from '../../blueprints/index.ts';
import { formatIssues } from '../../errors/catalog.ts';
import { toolSummary, type ToolFactory } from '../../factory/index.ts';
import { who } from '../http/auth.ts';
import { reportedBy } from '../http/validation.ts';
import { empty, errors, json, Links, NextCursor, pageOf, pageQuery, pageReply, query, QueryBool, strict } from '../schemas/common.ts';
import { RunResult, ToolBlueprint, ToolDetail, ToolSummary, ToolVersionDetail } from '../schemas/resources.ts';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const Blueprint = reportedBy(ToolBlueprint, (e) => blueprintInvalid('tool', formatIssues(e.issues)));
const NameParams = strict({ name: BlueprintName });
const Registered = z.object({ status: z.literal('registered'), tool: ToolSummary, links: Links });
const Accepted = z.object({ status: z.literal('accepted'), jobId: z.string(), links: Links });
const submitted = {
  201: json('Registered now (a blueprint with source: checked, probe-run, registered)', Registered),
  202: json('Accepted: the model generates it; follow the job (GET or the stream)', Accepted),
  ...errors(400, 401, 403, 404, 409, 413, 415, 422, 503),
};

/** A YAML document as a plain value; a syntax error is BLUEPRINT_INVALID with its line. */
function parseYaml(text: string): unknown {
  if (Buffer.byteLength(text, 'utf8') > MAX_BLUEPRINT_BYTES)
    throw blueprintInvalid('tool', [{ path: '(root)', message: `larger than ${MAX_BLUEPRINT_BYTES} bytes` }]);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    throw blueprintInvalid(
      'tool',
      doc.errors.map((e) => ({
        path: '(root)',
        message: `YAML: ${e.message.split('\n')[0]}`,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
      })),
    );
  }
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** Tools over HTTP: submit (JSON or YAML), versions, read, share, execute, destroy. The factory does the work. */
export const toolRoutes: FastifyPluginAsyncZod<{ tools: ToolFactory }> = async (app, { tools }) => {
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseYaml(body as string));
    } catch (e) {
      done(e as Error);
    }
  });

  app.post(
    '/api/v1/tools',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'submitTool',
        tags: ['tools'],
        summary: 'Submit a tool blueprint',
        description:
          'JSON or YAML. With `source`: checked, probe-run on its examples and registered now (201). Without: the model ' +
          'writes it, checked and repaired from the findings, in a job (202). `shared=true` lets other submitters read and ' +
          'execute it.',
        querystring: query({ shared: QueryBool.optional().describe('share the tool with every submitter') }),
        consumes: ['application/json', ...YAML_TYPES],
        body: Blueprint,
        response: submitted,
      },
    },
    async (req, reply) => {
      const out = await tools.submit(req.body, who(req), { shared: req.query.shared ?? false });
      if (out.status === 'registered') {
        const self = `/api/v1/tools/${out.tool.name}`;
        const tool = toolSummary(out.tool, { createdBy: out.tool.createdBy, shared: out.shared });
        return reply
          .code(201)
          .header('location', self)
          .send({ status: 'registered', tool, links: { self, execute: `${self}/execute` } });
      }
      const job = `/api/v1/jobs/${out.jobId}`;
      return reply
        .code(202)
        .header('location', job)
        .send({ status: 'accepted', jobId: out.jobId, links: { job, stream: `subscribe job:${out.jobId}` } });
    },
  );

  app.post(
    '/api/v1/tools/:name/versions',
    {
      config: { role: 'submitter' },
      // the URL names the tool: the body gets that name, whatever it says itself
      preValidation: async (req) => {
        const body = req.body as Record<string, unknown> | null;
        if (body && typeof body === 'object' && !Array.isArray(body)) body.name = (req.params as { name: string }).name;
      },
      schema: {
        operationId: 'submitToolVersion',
        tags: ['tools'],
        summary: 'Submit a new version of a tool',
        description: 'Like submitting a tool; its owner or an admin. The name comes from the URL.',
        params: NameParams,
        consumes: ['application/json', ...YAML_TYPES],
        body: Blueprint,
        response: submitted,
      },
    },
    async (req, reply) => {
      const out = await tools.submit(req.body, who(req), { newVersion: true });
      if (out.status === 'registered') {
        const self = `/api/v1/tools/${out.tool.name}/versions/${out.tool.version}`;
        const tool = toolSummary(out.tool, { createdBy: out.tool.createdBy, shared: out.shared });
        return reply.code(201).header('location', self).send({ status: 'registered', tool, links: { self } });
      }
      const job = `/api/v1/jobs/${out.jobId}`;
      return reply.code(202).header('location', job).send({ status: 'accepted', jobId: out.jobId, links: { job } });
    },
  );

  app.get(
    '/api/v1/tools',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listTools',
        tags: ['tools'],
        summary: 'List tools',
        description: 'By name: your own, shared ones and the service’s (viewers and admins: every tool).',
        querystring: query(pageQuery()),
        response: { 200: json('A page of tools', z.object({ tools: z.array(ToolSummary), nextCursor: NextCursor })), ...errors(400, 401) },
      },
    },
    async (req) => pageReply('tools', await tools.list(who(req), pageOf(req.query)), (t) => toolSummary(t.latest, t.record)),
  );

  app.get(
    '/api/v1/tools/:name',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getTool',
        tags: ['tools'],
        summary: 'One tool and its versions',
        description: 'The latest version with its blueprint, and every version. 404 when there is none you may see.',
        params: NameParams,
        response: { 200: json('The tool', ToolDetail), ...errors(400, 401, 404) },
      },
    },
    async (req) => {
      const { record, versions } = await tools.get(req.params.name, who(req));
      const latest = versions.at(-1)!;
      return { ...toolSummary(latest, record), blueprint: latest.blueprint, versions: versions.map((v) => toolSummary(v, record)) };
    },
  );

  app.patch(
    '/api/v1/tools/:name',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'shareTool',
        tags: ['tools'],
        summary: 'Share a tool, or make it private again',
        description: 'Its owner or an admin. Shared: other submitters may read and execute it, never change or destroy it.',
        params: NameParams,
        body: strict({ shared: z.boolean() }),
        response: {
          200: json('Changed', z.object({ name: z.string(), owner: z.string(), shared: z.boolean() })),
          ...errors(400, 401, 403, 404, 415),
        },
      },
    },
    async (req) => {
      const r = await tools.setShared(req.params.name, req.body.shared, who(req));
      return { name: r.name, owner: r.createdBy, shared: r.shared };
    },
  );

  app.get(
    '/api/v1/tools/:name/versions/:version',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getToolVersion',
        tags: ['tools'],
        summary: 'One version: source, check report, probe results',
        description: 'What was registered, and the evidence it passed on.',
        params: strict({ name: BlueprintName, version: z.coerce.number().int().min(1) }),
        response: { 200: json('The version', ToolVersionDetail), ...errors(400, 401, 404) },
      },
    },
    async (req) => {
      const v = await tools.version(req.params.name, req.params.version, who(req));
      return { ...toolSummary(v), source: v.source, blueprint: v.blueprint, checkReport: v.checkReport, probeResults: v.probeResults };
    },
  );

  app.post(
    '/api/v1/tools/:name/execute',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'executeTool',
        tags: ['tools'],
        summary: 'Run a tool on an input',
        description:
          'Checked again under the policy in force now (422 CODE_BLOCKED with the findings), then sandboxed. The run is ' +
          'yours; it also shows on the tool’s stream topic.',
        params: NameParams,
        body: strict({
          input: z.record(z.string(), z.unknown()).default({}).describe('keys from the tool’s inputSpec'),
          version: z.number().int().min(1).optional().describe('default: the latest'),
          sampleData: z.boolean().default(false).describe('mount the tool’s sample data (blueprints/data/<sampleData>) at /data'),
        }),
        response: {
          200: json(
            'The run’s result',
            z.object({ runId: z.string(), tool: z.string(), version: z.number().int(), status: z.string(), result: RunResult }),
          ),
          ...errors(400, 401, 403, 404, 415, 422, 502, 503),
        },
      },
    },
    async (req) => {
      const out = await tools.execute(req.params.name, req.body.input, who(req), {
        ...(req.body.version ? { version: req.body.version } : {}),
        sampleData: req.body.sampleData,
      });
      return { runId: out.runId, tool: out.tool, version: out.version, status: out.result.status, result: out.result };
    },
  );

  app.delete(
    '/api/v1/tools/:name',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'destroyTool',
        tags: ['tools'],
        summary: 'Destroy a tool',
        description: 'Its owner or an admin. Its versions and audit history stay.',
        params: NameParams,
        response: { 204: empty('Destroyed'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await tools.destroy(req.params.name, who(req));
      return reply.code(204).send();
    },
  );
};
