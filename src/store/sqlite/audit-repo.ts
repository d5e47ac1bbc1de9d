import type Database from 'better-sqlite3';
import type { EventScope } from '../../access/index.ts';
import {
  AuditDetails,
  AuditEventType,
  AuditSecurityFlags,
  type AuditEvent,
  type AuditQuery,
  type AuditRepository,
  type ChainHead,
} from '../../audit/index.ts';
import { checked, column, nullableColumn, type Run } from './columns.ts';

interface Row {
  seq: number;
  id: string;
  ts: string;
  type: string;
  action: string;
  target: string;
  project: string | null;
  task: string | null;
  agent: string | null;
  actor: string;
  input: string;
  output: string;
  input_truncated: number;
  output_truncated: number;
  success: number;
  error: string | null;
  duration_ms: number;
  security_flags: string;
  details: string | null;
  prev_hash: string;
  hash: string;
}

function fromRow(r: Row): AuditEvent {
  return {
    seq: r.seq,
    id: r.id,
    timestamp: r.ts,
    type: checked(AuditEventType, r.type, 'audit_events', r.seq, 'type'),
    action: r.action,
    target: r.target,
    project: r.project,
    task: r.task,
    agent: r.agent,
    actor: r.actor,
    input: r.input,
    output: r.output,
    inputTruncated: r.input_truncated === 1,
    outputTruncated: r.output_truncated === 1,
    success: r.success === 1,
    error: r.error,
    durationMs: r.duration_ms,
    securityFlags: column(AuditSecurityFlags, r.security_flags, 'audit_events', r.seq, 'security_flags'),
    details: nullableColumn(AuditDetails, r.details, 'audit_events', r.seq, 'details'),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The events of one principal (@me): its own actions, and events about what it owns: its jobs and runs
 * (task), its agents (agent, or target for an agent's own events), and its tools (target is the tool
 * name, `name@version` or `name (probe …)`; only events since the tool was created under this owner,
 * since a destroyed tool's name can be taken by someone else).
 */
const PRINCIPAL_EVENTS = `(
  actor = @me
  OR task IN (SELECT id FROM work WHERE owner = @me)
  OR agent IN (SELECT id FROM agents WHERE created_by = @me)
  OR target IN (SELECT id FROM agents WHERE created_by = @me)
  OR EXISTS (SELECT 1 FROM tools t WHERE t.created_by = @me AND audit_events.ts >= t.created_at
    AND type IN ('tool_generated', 'tool_executed', 'tool_destroyed', 'security_block', 'access_changed')
    AND (target = t.name OR substr(target, 1, length(t.name) + 1) IN (t.name || '@', t.name || ' ')))
)`;

/**
 * SQL for the audit trail. Appends run in an IMMEDIATE transaction (a savepoint inside a caller's
 * transaction), through the store's gate, so the chain stays linear across callers and processes.
 */
export class AuditRepo implements AuditRepository {
  private readonly insert: Database.Statement;
  private readonly head: Database.Statement;
  private readonly scanPage: Database.Statement;
  private readonly counter: Database.Statement;
  private readonly appendTx: (build: (prev: ChainHead) => AuditEvent) => AuditEvent;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {
    this.insert = db.prepare(`INSERT INTO audit_events
      (seq, id, ts, type, action, target, project, task, agent, actor, input, output, input_truncated,
       output_truncated, success, error, duration_ms, security_flags, details, prev_hash, hash)
      VALUES (@seq, @id, @timestamp, @type, @action, @target, @project, @task, @agent, @actor, @input, @output,
       @inputTruncated, @outputTruncated, @success, @error, @durationMs, @securityFlags, @details, @prevHash, @hash)`);
    this.head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    this.scanPage = db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq ASC LIMIT ?');
    this.counter = db.prepare('SELECT count(*) AS n FROM audit_events');
    const tx = db.transaction((build: (prev: ChainHead) => AuditEvent) => {
      const event = build(this.head.get() as ChainHead);
      this.insert.run({
        ...event,
        inputTruncated: event.inputTruncated ? 1 : 0,
        outputTruncated: event.outputTruncated ? 1 : 0,
        success: event.success ? 1 : 0,
        securityFlags: JSON.stringify(event.securityFlags),
        details: event.details === null ? null : JSON.stringify(event.details),
      });
      return event;
    });
    this.appendTx = (build) => tx.immediate(build);
  }

  /** `build` receives the current head (or undefined) and returns the complete, hashed event to insert. */
  append(build: (prev: ChainHead) => AuditEvent): Promise<AuditEvent> {
    return this.run(() => this.appendTx(build));
  }

  /** The append itself, for a caller already inside the store's transaction (the coordinator's commits). */
  appendNow(build: (prev: ChainHead) => AuditEvent): AuditEvent {
    return this.appendTx(build);
  }

  /** Events matching the query, within the scope (every event, or a principal's: see `principalEvents`). */
  query(q: AuditQuery, scope: EventScope = { all: true }): Promise<AuditEvent[]> {
    return this.run(() => this.select(q, scope));
  }

  private select(q: AuditQuery, scope: EventScope): AuditEvent[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (!scope.all) {
      where.push(PRINCIPAL_EVENTS);
      params.me = scope.principal;
    }
    if (q.type !== undefined) {
      const types = Array.isArray(q.type) ? q.type : [q.type];
      where.push(`type IN (${types.map((_, i) => `@type${i}`).join(', ')})`);
      types.forEach((t, i) => (params[`type${i}`] = t));
    }
    if (q.project !== undefined) {
      where.push('project = @project');
      params.project = q.project;
    }
    if (q.agent !== undefined) {
      where.push('agent = @agent');
      params.agent = q.agent;
    }
    if (q.from !== undefined) {
      where.push('ts >= @from');
      params.from = new Date(q.from).toISOString();
    }
    if (q.to !== undefined) {
      where.push('ts <= @to');
      params.to = new Date(q.to).toISOString();
    }
    if (q.success !== undefined) {
      where.push('success = @success');
      params.success = q.success ? 1 : 0;
    }
    if (q.afterSeq !== undefined) {
      where.push(q.order === 'desc' ? 'seq < @afterSeq' : 'seq > @afterSeq');
      params.afterSeq = q.afterSeq;
    }
    const sql = `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq ${q.order === 'desc' ? 'DESC' : 'ASC'} LIMIT @limit`;
    params.limit = q.limit;
    return (this.db.prepare(sql).all(params) as Row[]).map(fromRow);
  }

  scan(afterSeq: number, limit: number): Promise<AuditEvent[]> {
    return this.run(() => this.scanNow(afterSeq, limit));
  }

  /** The page read itself, synchronously (the benchmark's baseline). */
  scanNow(afterSeq: number, limit: number): AuditEvent[] {
    return (this.scanPage.all(afterSeq, limit) as Row[]).map(fromRow);
  }

  count(): Promise<number> {
    return this.run(() => (this.counter.get() as { n: number }).n);
  }
}
