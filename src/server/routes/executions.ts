import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executions } from '../../factory/index.ts';
import { PolicyName } from '../../policy/index.ts';
import { LanguageSchema } from '../../checker/index.ts';
import { who } from '../http/auth.ts';
import { errors, json, Links, query, QueryBool, strict } from '../schemas/common.ts';
import { WorkItem } from '../schemas/resources.ts';

const Started = z.object({ run: WorkItem, links: Links });

/** One-off runs of a script (like Piston or Judge0): checked, sandboxed, audited, private to the caller. */
export const executionRoutes: FastifyPluginAsyncZod<{ executions: Executions }> = async (app, { executions }) => {
  app.post(
    '/api/v1/executions',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'createExecution',
        tags: ['executions'],
        summary: 'Run a script once',
        description:
          'Checked under the policy (422 CODE_BLOCKED with the findings), then run in the sandbox under its limits. By ' +
          'default the reply waits for the result (201); with wait=false it returns the run at once (202): follow it on the ' +
          'stream (run:<id>) or GET it.',
        querystring: query({ wait: QueryBool.default(true).describe('wait for the result (default true)') }),
        body: strict({
          language: LanguageSchema,
          source: z
            .string()
            .min(1)
            .max(1024 * 1024),
          input: z.unknown().optional().describe('stdin: a string as it is, anything else as one line of JSON'),
          args: z.array(z.string().max(4096)).max(100).optional().describe('command-line arguments'),
          policy: PolicyName.optional().describe('default: default'),
        }),
        response: {
          201: json('Finished: `run.result` has status, exit code, stdout and stderr', Started),
          202: json('Started: follow run:<id> on the stream', Started),
          ...errors(400, 401, 403, 404, 413, 415, 422, 502, 503),
        },
      },
    },
    async (req, reply) => {
      const run = await executions.start(req.body, who(req), req.query.wait);
      const self = `/api/v1/executions/${run.id}`;
      return reply
        .code(req.query.wait ? 201 : 202)
        .header('location', self)
        .send({ run, links: { self, stream: `subscribe run:${run.id}` } });
    },
  );

  app.get(
    '/api/v1/executions/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getExecution',
        tags: ['executions'],
        summary: 'One execution',
        description: 'Its input, status and result. Private to its caller (and viewers and admins): 404 otherwise.',
        params: strict({ id: z.string().regex(/^run_[0-9a-f]{16}$/, 'not a run id') }),
        response: { 200: json('The execution', z.object({ run: WorkItem })), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({ run: await executions.get(req.params.id, who(req)) }),
  );
};
