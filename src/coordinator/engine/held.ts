import type { JournalDraft } from '../journal.ts';
import type { Usage } from '../model.ts';
import type { RunState } from './run.ts';

/** Model replies and tool runs of a step not yet written, and the usage they add. */
export class Held {
  private drafts: JournalDraft[] = [];
  private usage: Partial<Usage> = {};

  constructor(private readonly run: RunState) {}

  add(d: JournalDraft, usage: Partial<Usage>): void {
    this.drafts.push(d);
    addUsage(this.usage, usage);
    addUsage(this.run.pendingUsage, usage);
  }

  take(): JournalDraft[] {
    return this.drafts.splice(0);
  }

  takeUsage(): Partial<Usage> {
    const u = this.usage;
    this.usage = {};
    for (const [k, v] of Object.entries(u))
      (this.run.pendingUsage as Record<string, number>)[k] = ((this.run.pendingUsage as Record<string, number>)[k] ?? 0) - (v ?? 0);
    return u;
  }

  /** Before a side effect: earlier deferred writes land, then the replies held here are written. */
  async flush(): Promise<void> {
    await this.run.settle();
    if (this.drafts.length === 0) return;
    await this.run.commit({ journal: this.take(), usage: this.takeUsage() });
  }
}

export function addUsage(to: Partial<Usage>, u: Partial<Usage>): Partial<Usage> {
  for (const [k, v] of Object.entries(u)) (to as Record<string, number>)[k] = ((to as Record<string, number>)[k] ?? 0) + (v ?? 0);
  return to;
}
