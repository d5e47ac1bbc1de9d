import type { FastifyInstance } from 'fastify';
import { AuditQuery } from '../../audit/event.ts';
import type { ServiceDeps } from '../deps.ts';
import { zodSchema } from '../validation.ts';

export async function auditRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  /** Query the trail by type, project, agent, time range; page with afterSeq. */
  app.get<{ Querystring: AuditQuery }>(
    '/api/v1/audit',
    { config: { role: 'viewer' }, schema: zodSchema({ querystring: AuditQuery }) },
    async (req) => {
      // a submitter reads the events of its own actions and about its own resources; others read all
      const events = deps.audit.query(req.query, deps.access.eventScope(req.principal!));
      const last = events[events.length - 1];
      return { events, nextAfterSeq: events.length === req.query.limit && last ? last.seq : null };
    },
  );

  /** Verify the hash chain; names the first broken row. */
  app.get('/api/v1/audit/verify', { config: { role: 'viewer' } }, async () => deps.audit.verify());
}
