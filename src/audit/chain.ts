import { createHash } from 'node:crypto';
import type { AuditEvent } from './event.ts';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields covered by the hash, in a fixed order (anything not listed here is not protected). */
export function chainPayload(e: Omit<AuditEvent, 'hash'>): string {
  return JSON.stringify([
    e.seq, e.id, e.timestamp, e.type, e.action, e.target, e.project, e.task, e.agent, e.actor,
    e.input, e.output, e.inputTruncated, e.outputTruncated, e.success, e.error, e.durationMs,
    e.securityFlags, e.details, e.prevHash,
  ]);
}

export function chainHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(chainPayload(e)).digest('hex');
}

export type VerifyResult =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks events in seq order and reports the first row whose link or content does not verify. */
export function verifyChain(events: Iterable<AuditEvent>): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq: number | null = null;
  let count = 0;
  for (const e of events) {
    if (expectedSeq !== null && e.seq !== expectedSeq) {
      return { ok: false, count, brokenAt: e.seq, reason: `rows ${expectedSeq}..${e.seq - 1} are missing (deleted)` };
    }
    if (e.prevHash !== prev) {
      return { ok: false, count, brokenAt: e.seq, reason: 'prev_hash does not match the hash of the row before it' };
    }
    if (chainHash(e) !== e.hash) {
      return { ok: false, count, brokenAt: e.seq, reason: 'the row content does not match its hash (edited)' };
    }
    prev = e.hash;
    expectedSeq = e.seq + 1;
    count++;
  }
  return { ok: true, count, head: prev };
}
