import type { EventScope } from '../access/index.ts';
import type { AuditEvent, AuditQuery } from './event.ts';

/** The head of the chain an append links to (undefined: the trail is empty). */
export type ChainHead = { seq: number; hash: string } | undefined;

/**
 * Where the audit trail keeps its events (the store implements it). Appends are serialized: `build`
 * receives the head inside the writer's transaction and returns the complete, hashed event, so the
 * chain stays linear however many writers (or processes) append.
 */
export interface AuditRepository {
  append(build: (prev: ChainHead) => AuditEvent): Promise<AuditEvent>;
  /** events matching the query, within the scope (every event, or a principal's) */
  query(q: AuditQuery, scope?: EventScope): Promise<AuditEvent[]>;
  /** up to `limit` events after `afterSeq`, in seq order (verification pages through the trail) */
  scan(afterSeq: number, limit: number): Promise<AuditEvent[]>;
  count(): Promise<number>;
}
