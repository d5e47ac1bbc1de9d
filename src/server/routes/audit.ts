import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/index.ts';
import { AuditQuery, type AuditEvent as AuditEventRecord, type VerifyResult as Verified } from '../../audit/index.ts';
import { encodeCursor } from '../../util/page.ts';
import { who } from '../http/auth.ts';
import { Cursor, errors, json, NextCursor, query } from '../schemas/common.ts';
import { AuditEvent, VerifyResult } from '../schemas/resources.ts';

export interface AuditOptions {
  /** the events a principal may read (a submitter: its own actions and its own resources) */
  query(q: AuditQuery, p: Principal): Promise<AuditEventRecord[]>;
  verify(): Promise<Verified>;
}

/** The audit trail: query it, verify its hash chain. */
export const auditRoutes: FastifyPluginAsyncZod<AuditOptions> = async (app, audit) => {
  app.get(
    '/api/v1/audit',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'queryAudit',
        tags: ['audit'],
        summary: 'Query the audit trail',
        description:
          'By type, project, agent, time range and outcome, oldest first (or newest with order=desc). A submitter gets the ' +
          'events of its own actions and about its own resources; viewers and admins get every event.',
        querystring: query({ ...AuditQuery.shape, cursor: Cursor.optional() }),
        response: {
          200: json(
            'A page of events',
            z.object({ events: z.array(AuditEvent), nextAfterSeq: z.number().int().nullable(), nextCursor: NextCursor }),
          ),
          ...errors(400, 401),
        },
      },
    },
    async (req) => {
      const { cursor, ...q } = req.query;
      const events = await audit.query({ ...q, ...(cursor?.length ? { afterSeq: Number(cursor[0]) } : {}) }, who(req));
      const last = events.length === q.limit ? events[events.length - 1] : undefined;
      return { events, nextAfterSeq: last ? last.seq : null, nextCursor: last ? encodeCursor([last.seq]) : null };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'verifyAudit',
        tags: ['audit'],
        summary: 'Verify the hash chain',
        description: 'Walks every event; names the first row that was edited or deleted.',
        response: { 200: json('The verdict', VerifyResult), ...errors(401) },
      },
    },
    async () => audit.verify(),
  );
};
