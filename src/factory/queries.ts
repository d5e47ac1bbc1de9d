import type { Principal } from '../access/index.ts';
import type { UsageBucketRow, WorkItem, WorkKind } from '../store/index.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../util/page.ts';
import type { FactoryDeps } from './deps.ts';

export type Usage = { calls: number; promptTokens: number; completionTokens: number; costUsd: number };
/** A job or run (its error parsed by the store: see errorValue). */
export type WorkView = WorkItem;

/** Jobs, runs and model usage, as far as a principal may see them. */
export class WorkQueries {
  constructor(private readonly d: Pick<FactoryDeps, 'store' | 'access'>) {}

  async get(kind: WorkKind, id: string, p: Principal): Promise<WorkView & { usage: Usage }> {
    await this.d.access.require(p, kind, id, 'read');
    return { ...(await this.d.store.work.get(id))!, usage: await this.d.store.llm.totals({ task: id }) };
  }

  /** The jobs or runs `p` may see, newest first. */
  list(kind: WorkKind, p: Principal, page: PageRequest): Promise<PageOf<WorkView>> {
    return this.d.store.work.list(kind, this.d.access.listScope(p), page);
  }

  /** Model calls, tokens and cost: every call, or those of the principal's jobs and runs. */
  usage(p: Principal): Promise<Usage> {
    const scope = this.d.access.eventScope(p);
    return this.d.store.llm.totals(scope.all ? {} : { owner: scope.principal });
  }

  /** Usage over time: per hour or day (UTC), model and role, oldest first; the principal's own calls unless it sees everything. */
  async usageSeries(
    p: Principal,
    q: { bucket: 'hour' | 'day'; from?: string; to?: string },
    page: PageRequest,
  ): Promise<PageOf<UsageBucketRow>> {
    const scope = this.d.access.eventScope(p);
    const a = page.after;
    const after = a && a.length === 3 && a.every((k) => typeof k === 'string') ? (a as [string, string, string]) : undefined;
    const rows = await this.d.store.llm.series({
      ...q,
      ...(scope.all ? {} : { owner: scope.principal }),
      ...(after ? { after } : {}),
      limit: page.limit + 1,
    });
    return pageFromRows(rows, page.limit, (r) => [r.start, r.model, r.role]);
  }
}
