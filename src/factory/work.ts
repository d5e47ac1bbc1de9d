import { randomBytes } from 'node:crypto';
import type { EventBus } from '../events/bus.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { Store, WorkItem, WorkKind } from '../store/index.ts';

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** Errors as they are stored with a job or run and sent to clients: code, message, details. */
export interface ErrorValue {
  code: string;
  message: string;
  retryable: boolean;
  details?: unknown;
}
export function errorValue(e: unknown): ErrorValue {
  if (e instanceof FactoryError)
    return { code: e.code, message: e.message, retryable: e.retryable, ...(e.details !== undefined ? { details: e.details } : {}) };
  return { code: 'INTERNAL', message: (e as Error).message ?? String(e), retryable: false };
}

/**
 * One job or run: its row in the store, and its progress events on topic `<kind>:<id>` (numbered and
 * persisted by the event bus, so subscribers see every step in order and can resume).
 */
export class Work {
  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    readonly item: WorkItem,
    private readonly ctx: { project?: string | null; agent?: string | null } = {},
  ) {}

  static async start(
    store: Store,
    events: EventBus,
    w: {
      kind: WorkKind;
      type: string;
      target: string;
      owner: string;
      input: unknown;
      id?: string;
      project?: string | null;
      agent?: string | null;
    },
  ): Promise<Work> {
    const item = await store.work.create({
      id: w.id ?? newId(w.kind),
      kind: w.kind,
      type: w.type,
      target: w.target,
      owner: w.owner,
      input: w.input,
    });
    const work = new Work(store, events, item, { project: w.project ?? null, agent: w.agent ?? null });
    await work.progress(0, 'queued', `${w.type} ${w.target} queued`);
    return work;
  }

  get id(): string {
    return this.item.id;
  }

  get topic(): string {
    return `${this.item.kind}:${this.item.id}`;
  }

  async progress(progress: number, status: string, message: string, metadata: Record<string, unknown> = {}): Promise<void> {
    await this.store.work.update(this.item.id, { progress, ...(isWorkStatus(status) ? { status } : { status: 'running' }) });
    await this.events.publish({
      topic: this.topic,
      owner: this.item.owner,
      project: this.ctx.project ?? null,
      task: this.item.id,
      agent: this.ctx.agent ?? null,
      status,
      progress,
      message,
      metadata: { type: this.item.type, target: this.item.target, ...metadata },
    });
  }

  async step(step: Record<string, unknown>): Promise<void> {
    await this.store.work.update(this.item.id, { step: { at: new Date().toISOString(), ...step } });
  }

  async succeed(result: unknown, message: string, metadata: Record<string, unknown> = {}): Promise<void> {
    await this.store.work.update(this.item.id, { status: 'succeeded', progress: 1, result });
    await this.events.publish({
      topic: this.topic,
      owner: this.item.owner,
      project: this.ctx.project ?? null,
      task: this.item.id,
      agent: this.ctx.agent ?? null,
      status: 'succeeded',
      progress: 1,
      message,
      metadata: { type: this.item.type, target: this.item.target, ...metadata },
    });
  }

  async fail(e: unknown, status: 'failed' | 'cancelled' = 'failed'): Promise<void> {
    const error = errorValue(e);
    await this.store.work.update(this.item.id, { status, error });
    await this.events.publish({
      topic: this.topic,
      owner: this.item.owner,
      project: this.ctx.project ?? null,
      task: this.item.id,
      agent: this.ctx.agent ?? null,
      status,
      progress: 1,
      message: `${error.code}: ${error.message}`,
      metadata: { type: this.item.type, target: this.item.target, error },
    });
  }
}

function isWorkStatus(s: string): s is 'queued' | 'running' {
  return s === 'queued' || s === 'running';
}

/**
 * A model's reasoning as progress events of their own (status `reasoning`), a few hundred characters
 * each. `add` is called from the model's stream (which does not wait): the writes queue up in order,
 * and `flush` waits for all of them (and reports the first that failed).
 */
export class ReasoningStream {
  private buffer = '';
  private writes: Promise<void> = Promise.resolve();
  constructor(
    private readonly work: Work,
    private readonly metadata: Record<string, unknown>,
  ) {}

  add(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 400) this.send();
  }

  async flush(): Promise<void> {
    this.send();
    await this.writes;
  }

  private send(): void {
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    const write = this.writes.then(() => this.work.progress(this.work.item.progress, 'reasoning', text, this.metadata));
    write.catch(() => undefined); // reported by flush
    this.writes = write;
  }
}
