import type Database from 'better-sqlite3';
import { ProgressMetadata, type EventRepository, type ProgressEvent, type TopicMatch } from '../../events/index.ts';
import { column, type Run } from './columns.ts';

interface Row {
  seq: number;
  topic: string;
  owner: string;
  ts: string;
  project: string | null;
  task: string | null;
  agent: string | null;
  status: string;
  progress: number;
  message: string;
  metadata: string;
}
const fromRow = (r: Row): ProgressEvent => ({
  seq: r.seq,
  topic: r.topic,
  owner: r.owner,
  timestamp: r.ts,
  project: r.project,
  task: r.task,
  agent: r.agent,
  status: r.status,
  progress: r.progress,
  message: r.message,
  metadata: column(ProgressMetadata, r.metadata, 'events', r.seq, 'metadata'),
});

/** Progress events, numbered by the table (seq). */
export class EventRepo implements EventRepository {
  private readonly insert: Database.Statement;
  private readonly last: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {
    this.insert = db.prepare(`INSERT INTO events (topic, owner, ts, project, task, agent, status, progress, message, metadata)
      VALUES (@topic, @owner, @timestamp, @project, @task, @agent, @status, @progress, @message, @metadata)`);
    this.last = db.prepare('SELECT coalesce(max(seq), 0) AS s FROM events');
  }

  append(e: Omit<ProgressEvent, 'seq'>): Promise<ProgressEvent> {
    return this.run(() => this.appendNow(e));
  }

  /** The insert itself, for a caller already inside the store's transaction (the coordinator's commits). */
  appendNow(e: Omit<ProgressEvent, 'seq'>): ProgressEvent {
    const info = this.insert.run({ ...e, metadata: JSON.stringify(e.metadata) });
    return { ...e, seq: Number(info.lastInsertRowid) };
  }

  /**
   * Events after `afterSeq`, oldest first, whose topic is one of `exact` or starts with one of
   * `prefixes` ('' = every topic), optionally only those of one owner.
   */
  after(afterSeq: number, match: TopicMatch, limit: number): Promise<ProgressEvent[]> {
    return this.run(() => {
      const ors: string[] = [];
      const params: Record<string, unknown> = { afterSeq, limit };
      if (match.prefixes.includes('')) ors.push('1');
      match.exact.forEach((t, i) => {
        ors.push(`topic = @e${i}`);
        params[`e${i}`] = t;
      });
      match.prefixes
        .filter((p) => p !== '')
        .forEach((p, i) => {
          ors.push(`topic LIKE @p${i} ESCAPE '\\'`);
          params[`p${i}`] = `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        });
      if (ors.length === 0) return [];
      let sql = `SELECT * FROM events WHERE seq > @afterSeq AND (${ors.join(' OR ')})`;
      if (match.owner !== undefined) {
        sql += ' AND owner = @owner';
        params.owner = match.owner;
      }
      return (this.db.prepare(`${sql} ORDER BY seq ASC LIMIT @limit`).all(params) as Row[]).map(fromRow);
    });
  }

  lastSeq(): Promise<number> {
    return this.run(() => (this.last.get() as { s: number }).s);
  }
}
