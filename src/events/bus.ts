import type { EventRepository, ProgressEvent, TopicMatch } from './event.ts';

export type { ProgressEvent } from './event.ts';

/** What producers publish: seed 004's TaskProgress fields plus the topic and who owns it. */
export interface ProgressInput {
  /** job:<id>, run:<id>, agent:<id>, tool:<name> */
  topic: string;
  owner: string;
  project?: string | null;
  task?: string | null;
  agent?: string | null;
  status: string;
  /** 0..1 */
  progress: number;
  message: string;
  metadata?: Record<string, unknown>;
}

export type EventListener = (e: ProgressEvent) => void;

/**
 * Progress events: persisted first (numbered by the store, so order and replay are exact), then
 * handed to live listeners synchronously. A listener's failure never affects the producer.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly repo: EventRepository) {}

  /** Persists the event, then hands it to the live listeners. */
  async publish(p: ProgressInput): Promise<ProgressEvent> {
    const e = await this.repo.append({
      topic: p.topic,
      owner: p.owner,
      timestamp: new Date().toISOString(),
      project: p.project ?? null,
      task: p.task ?? null,
      agent: p.agent ?? null,
      status: p.status,
      progress: Math.min(1, Math.max(0, p.progress)),
      message: p.message,
      metadata: p.metadata ?? {},
    });
    this.announce(e);
    return e;
  }

  /** Hands an event that is already persisted (e.g. by a transaction of the coordinator) to live listeners. */
  announce(e: ProgressEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a broken subscriber never breaks a producer
      }
    }
  }

  subscribe(l: EventListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  replay(afterSeq: number, match: TopicMatch, limit = 1000): Promise<ProgressEvent[]> {
    return this.repo.after(afterSeq, match, limit);
  }

  lastSeq(): Promise<number> {
    return this.repo.lastSeq();
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
