import type { BlueprintDirLoad } from '../blueprints/index.ts';
import { AgentFactory } from './agents.ts';
import { ToolFactory, type FactoryDeps } from './tools.ts';

export { AgentFactory, toolSpecOf } from './agents.ts';
export { classifyReply, repromptMessage, type ReplyKind, type ReplyProblem } from './agent-turns.ts';
export { ToolFactory, toolSummary, type ExecuteOutcome, type FactoryDeps, type SubmitOutcome } from './tools.ts';
export { extractCode } from './generate.ts';

/** The factory's door: tools and agents, and the sweeper that destroys what expired. */
export class Factory {
  readonly tools: ToolFactory;
  readonly agents: AgentFactory;
  private timer: NodeJS.Timeout | null = null;

  private readonly store: FactoryDeps['store'];

  constructor(deps: FactoryDeps) {
    this.store = deps.store;
    this.tools = new ToolFactory(deps);
    this.agents = new AgentFactory(deps, this.tools);
  }

  /** The static agents of blueprints/agents (seed 004 §2.4.1) exist once each in the agent pool. */
  ensureStaticAgents(bps: BlueprintDirLoad): string[] {
    const created: string[] = [];
    const have = new Set(this.store.agents.list().filter((a) => a.origin === 'blueprint' && a.createdBy === 'system').map((a) => a.name));
    for (const [name, loaded] of bps.agents) {
      if (have.has(name)) continue;
      try {
        this.agents.create(loaded.blueprint, 'system');
        created.push(name);
      } catch {
        // a blueprint that no longer fits the policies in force is reported by readiness, not fatal
      }
    }
    return created;
  }

  sweep(): { tools: string[]; agents: string[] } {
    return { tools: this.tools.sweep(), agents: this.agents.sweep() };
  }

  startSweeper(intervalMs: number): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
