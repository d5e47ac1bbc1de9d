import { AgentFactory } from './agents.ts';
import { ToolFactory, type FactoryDeps } from './tools.ts';

export { AgentFactory, toolSpecOf } from './agents.ts';
export { ToolFactory, toolSummary, type ExecuteOutcome, type FactoryDeps, type SubmitOutcome } from './tools.ts';
export { extractCode } from './generate.ts';

/** The factory's door: tools and agents, and the sweeper that destroys what expired. */
export class Factory {
  readonly tools: ToolFactory;
  readonly agents: AgentFactory;
  private timer: NodeJS.Timeout | null = null;

  constructor(deps: FactoryDeps) {
    this.tools = new ToolFactory(deps);
    this.agents = new AgentFactory(deps, this.tools);
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
