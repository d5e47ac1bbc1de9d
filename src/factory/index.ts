import { SYSTEM } from '../access/index.ts';
import type { BlueprintDirLoad } from '../blueprints/index.ts';
import { AgentFactory } from './agents.ts';
import type { FactoryDeps } from './deps.ts';
import { Executions } from './executions.ts';
import { WorkQueries } from './queries.ts';
import { registerResources } from './resources.ts';
import { ToolFactory } from './tools.ts';

export { AgentFactory, toolSpecOf, type AgentView } from './agents.ts';
export { classifyReply, repromptMessage, type ReplyKind, type ReplyProblem } from './agent-turns.ts';
export type { FactoryDeps } from './deps.ts';
export { Executions, type ExecutionRequest } from './executions.ts';
export { extractCode } from './generate.ts';
export { blueprintCatalog, type CatalogEntry } from './catalog.ts';
export { WorkQueries, type Usage, type WorkView } from './queries.ts';
export { ToolFactory, toolSummary, type ExecuteOptions, type ExecuteOutcome, type SubmitOutcome, type ToolVersionView } from './tools.ts';

/** The factory's door: tools, agents, their jobs and runs, and the sweeper that destroys what expired. */
export class Factory {
  readonly tools: ToolFactory;
  readonly agents: AgentFactory;
  readonly work: WorkQueries;
  readonly executions: Executions;
  private timer: NodeJS.Timeout | null = null;

  private readonly store: FactoryDeps['store'];

  constructor(deps: FactoryDeps) {
    this.store = deps.store;
    registerResources(deps.access, deps.store);
    this.tools = new ToolFactory(deps);
    this.agents = new AgentFactory(deps, this.tools);
    this.work = new WorkQueries(deps);
    this.executions = new Executions(deps);
  }

  /** The static agents of blueprints/agents (seed 004 §2.4.1) exist once each in the agent pool, owned by the service. */
  async ensureStaticAgents(bps: BlueprintDirLoad): Promise<string[]> {
    const created: string[] = [];
    const have = new Set(
      (await this.store.agents.list()).items.filter((a) => a.origin === 'blueprint' && a.createdBy === SYSTEM.id).map((a) => a.name),
    );
    for (const [name, loaded] of bps.agents) {
      if (have.has(name)) continue;
      try {
        await this.agents.create(loaded.blueprint, SYSTEM);
        created.push(name);
      } catch {
        // a blueprint that no longer fits the policies in force is reported by readiness, not fatal
      }
    }
    return created;
  }

  async sweep(): Promise<{ tools: string[]; agents: string[] }> {
    return { tools: await this.tools.sweep(), agents: await this.agents.sweep() };
  }

  /** Sweeps now and every `intervalMs`; a sweep that fails (the store busy) is tried again at the next. */
  startSweeper(intervalMs: number): void {
    const sweep = () => void this.sweep().catch(() => undefined);
    sweep();
    this.timer = setInterval(sweep, intervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
