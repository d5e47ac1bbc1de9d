import type { Principal } from '../access/index.ts';
import type { WorkItem, WorkKind } from '../store/index.ts';
import type { FactoryDeps } from './deps.ts';

export type Usage = { calls: number; promptTokens: number; completionTokens: number; costUsd: number };

/** Jobs, runs and model usage, as far as a principal may see them. */
export class WorkQueries {
  constructor(private readonly d: Pick<FactoryDeps, 'store' | 'access'>) {}

  get(kind: WorkKind, id: string, p: Principal): WorkItem & { usage: Usage } {
    this.d.access.require(p, kind, id, 'read');
    return { ...this.d.store.work.get(id)!, usage: this.d.store.llm.totals({ task: id }) };
  }

  list(kind: WorkKind, p: Principal, limit: number): WorkItem[] {
    return this.d.store.work.list(kind, limit, this.d.access.listScope(p));
  }

  /** Model calls, tokens and cost: every call, or those of the principal's jobs and runs. */
  usage(p: Principal): Usage {
    const scope = this.d.access.eventScope(p);
    return this.d.store.llm.totals(scope.all ? {} : { owner: scope.principal });
  }
}
