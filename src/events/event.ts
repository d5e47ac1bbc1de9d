import { z } from 'zod';

/** Seed 004's TaskProgress, as persisted: numbered (seq), ordered, replayable. */
export interface ProgressEvent {
  seq: number;
  topic: string;
  owner: string;
  timestamp: string;
  project: string | null;
  task: string | null;
  agent: string | null;
  status: string;
  progress: number;
  message: string;
  metadata: Record<string, unknown>;
}

/** The event's JSON column, as the store parses it back. */
export const ProgressMetadata = z.record(z.string(), z.unknown());

/** Which topics a replay reads: exact topics, or topics starting with a prefix ('' = every topic); optionally one owner's. */
export interface TopicMatch {
  exact: string[];
  prefixes: string[];
  owner?: string;
}

/** Where progress events are kept (the store implements it); the store numbers them. */
export interface EventRepository {
  append(e: Omit<ProgressEvent, 'seq'>): Promise<ProgressEvent>;
  /** events after `afterSeq` matching the topics, oldest first */
  after(afterSeq: number, match: TopicMatch, limit: number): Promise<ProgressEvent[]>;
  lastSeq(): Promise<number>;
}
