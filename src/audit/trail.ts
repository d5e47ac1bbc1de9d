import { randomUUID } from 'node:crypto';
import type { EventScope } from '../access/index.ts';
import { FactoryError, formatIssues } from '../errors/catalog.ts';
import { truncateUtf8 } from '../util/text.ts';
import { ChainVerifier, GENESIS_HASH, chainHash, type VerifyResult } from './chain.ts';
import { AuditEventInput, AuditQuery, type AuditEvent } from './event.ts';
import type { AuditRepository, ChainHead } from './repository.ts';

/** Events per read while verifying. */
const VERIFY_PAGE = 5000;

export type AuditListener = (event: AuditEvent) => void;

/**
 * The append-only, hash-chained audit trail. Each event's hash covers its content and the previous
 * event's hash, so editing or deleting a row breaks the chain at that row.
 */
export class AuditTrail {
  private readonly listeners = new Set<AuditListener>();

  constructor(
    private readonly repo: AuditRepository,
    private readonly opts: { maxFieldBytes: number } = { maxFieldBytes: 4096 },
  ) {}

  /** Appends an event (validated first) and hands it to the subscribers once it is written. */
  async record(input: AuditEventInput): Promise<AuditEvent> {
    const event = await this.repo.append(this.prepare(input));
    this.announce(event);
    return event;
  }

  /**
   * Validates an event now and returns the builder that completes it (position, time, chain hashes)
   * from the head inside a writer's transaction: AuditRepository.append, or a repository that commits an
   * audit row together with other state (the coordinator). Call `announce` once it is written.
   */
  prepare(input: AuditEventInput): (prev: ChainHead) => AuditEvent {
    const parsed = AuditEventInput.safeParse(input);
    if (!parsed.success) {
      throw new FactoryError('INTERNAL', 'Invalid audit event', { issues: formatIssues(parsed.error.issues) });
    }
    const e = parsed.data;
    const inp = truncateUtf8(e.input, this.opts.maxFieldBytes);
    const out = truncateUtf8(e.output, this.opts.maxFieldBytes);
    return (prev) => {
      const draft: Omit<AuditEvent, 'hash'> = {
        seq: (prev?.seq ?? 0) + 1,
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        type: e.type,
        action: e.action,
        target: e.target,
        project: e.project ?? null,
        task: e.task ?? null,
        agent: e.agent ?? null,
        actor: e.actor,
        input: inp.text,
        output: out.text,
        inputTruncated: inp.truncated,
        outputTruncated: out.truncated,
        success: e.success,
        error: e.error ?? null,
        durationMs: e.durationMs,
        securityFlags: e.securityFlags,
        details: e.details ?? null,
        prevHash: prev?.hash ?? GENESIS_HASH,
      };
      return { ...draft, hash: chainHash(draft) };
    };
  }

  /** Hands a written event to the subscribers (after its transaction committed). */
  announce(event: AuditEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a listener's failure never loses or blocks an audit write
      }
    }
  }

  /** Events matching the query; a scope from the access rules limits them to what a principal may read. */
  query(q: Partial<AuditQuery> = {}, scope: EventScope = { all: true }): Promise<AuditEvent[]> {
    return this.repo.query(AuditQuery.parse(q), scope);
  }

  /** Walks the whole trail, a page at a time, and reports the first row that does not verify. */
  async verify(pageSize = VERIFY_PAGE): Promise<VerifyResult> {
    const chain = new ChainVerifier();
    for (let after = 0; ;) {
      const page = await this.repo.scan(after, pageSize);
      for (const e of page) if (!chain.add(e)) return chain.result();
      if (page.length < pageSize) return chain.result();
      after = page[page.length - 1]!.seq;
    }
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Subscribe to events after they are durably written. Returns an unsubscribe function. */
  subscribe(listener: AuditListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
