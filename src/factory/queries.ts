import type { Principal } from '../access/index.ts';
import type { WorkItem, WorkKind } from '../store/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';
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
}
