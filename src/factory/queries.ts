import type { Principal } from '../access/index.ts';
import type { WorkItem, WorkKind } from '../store/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';
import type { FactoryDeps } from './deps.ts';
import type { ErrorValue } from './work.ts';

export type Usage = { calls: number; promptTokens: number; completionTokens: number; costUsd: number };
/** A job or run with its error as the factory stored it (see errorValue). */
export type WorkView = Omit<WorkItem, 'error'> & { error: ErrorValue | null };
export const workView = (w: WorkItem) => w as WorkView;

/** Jobs, runs and model usage, as far as a principal may see them. */
export class WorkQueries {
  constructor(private readonly d: Pick<FactoryDeps, 'store' | 'access'>) {}

  get(kind: WorkKind, id: string, p: Principal): WorkView & { usage: Usage } {
    this.d.access.require(p, kind, id, 'read');
    return { ...workView(this.d.store.work.get(id)!), usage: this.d.store.llm.totals({ task: id }) };
  }

  /** The jobs or runs `p` may see, newest first. */
  list(kind: WorkKind, p: Principal, page: PageRequest): PageOf<WorkView> {
    const { items, next } = this.d.store.work.list(kind, this.d.access.listScope(p), page);
    return { items: items.map(workView), next };
  }

  /** Model calls, tokens and cost: every call, or those of the principal's jobs and runs. */
  usage(p: Principal): Usage {
    const scope = this.d.access.eventScope(p);
    return this.d.store.llm.totals(scope.all ? {} : { owner: scope.principal });
  }
}
