import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/index.ts';
import type { PageOf, PageRequest } from '../../util/page.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageOf, pageQuery, pageReply, query } from '../schemas/common.ts';

export interface UsageBucket {
  start: string;
  model: string;
  role: string;
  calls: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  durationMs: number;
}

export interface UsageOptions {
  series(p: Principal, q: { bucket: 'hour' | 'day'; from?: string; to?: string }, page: PageRequest): Promise<PageOf<UsageBucket>>;
}

const Bucket = z
  .object({
    start: z.string().describe('start of the bucket (UTC, ISO 8601)'),
    model: z.string(),
    role: z.string().describe('designer, generator, generator:repair, agent:<name> …'),
    calls: z.number().int(),
    errors: z.number().int().describe('calls that failed'),
    promptTokens: z.number().int().describe('known counts only (Ollama leaves some out)'),
    completionTokens: z.number().int(),
    costUsd: z.number(),
    durationMs: z.number(),
  })
  .meta({ id: 'UsageBucket', description: 'Model usage of one model and role in one hour or day' });

/** Model usage over time, by model and role: what the dashboard's usage page draws. */
export const usageRoutes: FastifyPluginAsyncZod<UsageOptions> = async (app, { series }) => {
  app.get(
    '/api/v1/usage/series',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getUsageSeries',
        tags: ['work'],
        summary: 'Model usage over time, by model and role',
        description:
          'Calls, tokens, cost and time per hour or day (UTC), model and role, oldest first; of your jobs and runs (viewers and ' +
          'admins: every call). `from` is inclusive, `to` exclusive.',
        querystring: query({
          bucket: z.enum(['hour', 'day']).default('day'),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          ...pageQuery(1000, 500),
        }),
        response: {
          200: json('A page of buckets', z.object({ bucket: z.enum(['hour', 'day']), series: z.array(Bucket), nextCursor: NextCursor })),
          ...errors(400, 401),
        },
      },
    },
    async (req) => {
      const { bucket, from, to } = req.query;
      // stored times are UTC ISO strings: compare like with like
      const range = {
        ...(from !== undefined ? { from: new Date(from).toISOString() } : {}),
        ...(to !== undefined ? { to: new Date(to).toISOString() } : {}),
      };
      const page = await series(who(req), { bucket, ...range }, pageOf(req.query));
      return { bucket, ...pageReply('series', page, (b) => b) };
    },
  );
};
