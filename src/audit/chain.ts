import { createHash } from 'node:crypto';
import type { AuditEvent } from './event.ts';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields covered by the hash, in a fixed order (anything not listed here is not protected). */
export function chainPayload(e: Omit<AuditEvent, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.id,
    e.timestamp,
    e.type,
    e.action,
    e.target,
    e.project,
    e.task,
    e.agent,
    e.actor,
    e.input,
    e.output,
    e.inputTruncated,
    e.outputTruncated,
    e.success,
    e.error,
    e.durationMs,
    e.securityFlags,
    e.details,
    e.prevHash,
  ]);
}

export function chainHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(chainPayload(e)).digest('hex');
}

export type VerifyResult = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; reason: string };

/** Checks events one at a time, in seq order; stops at the first row whose link or content does not verify. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private expectedSeq: number | null = null;
  private count = 0;
  private broken: { brokenAt: number; reason: string } | undefined;

  /** false once the chain is broken (at this event or before) */
  add(e: AuditEvent): boolean {
    if (this.broken) return false;
    if (this.expectedSeq !== null && e.seq !== this.expectedSeq) {
      this.broken = { brokenAt: e.seq, reason: `rows ${this.expectedSeq}..${e.seq - 1} are missing (deleted)` };
    } else if (e.prevHash !== this.prev) {
      this.broken = { brokenAt: e.seq, reason: 'prev_hash does not match the hash of the row before it' };
    } else if (chainHash(e) !== e.hash) {
      this.broken = { brokenAt: e.seq, reason: 'the row content does not match its hash (edited)' };
    }
    if (this.broken) return false;
    this.prev = e.hash;
    this.expectedSeq = e.seq + 1;
    this.count++;
    return true;
  }

  result(): VerifyResult {
    return this.broken ? { ok: false, count: this.count, ...this.broken } : { ok: true, count: this.count, head: this.prev };
  }
}

/** Walks events in seq order and reports the first row whose link or content does not verify. */
export function verifyChain(events: Iterable<AuditEvent>): VerifyResult {
  const chain = new ChainVerifier();
  for (const e of events) if (!chain.add(e)) break;
  return chain.result();
}
