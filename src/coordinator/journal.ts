/**
 * The project journal: every finished step, model reply, tool run, human signal and runner mark, in
 * order, hash-chained per project like the audit trail (src/audit/chain.ts): each row's hash covers
 * its content and the previous row's hash, so a changed, removed or reordered row breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { JournalEntry, JournalKind } from './model.ts';
import type { ChainBuilder } from './ports.ts';
import type { JournalVerdict } from './schemas.ts';

export const JOURNAL_GENESIS = '0'.repeat(64);

export interface JournalDraft {
  key: string;
  kind: JournalKind;
  ok: boolean;
  data: unknown;
  meta?: Record<string, unknown>;
}

/** JSON with object keys sorted, so the hash does not depend on key order after a round trip. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      return Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return val;
  });
}

/**
 * The row's hash. Data and meta are hashed as JSON text: the builder takes them through a JSON round
 * trip first, and a round trip keeps that text exactly, so a row read back from the store hashes the same.
 */
export function journalHash(e: Omit<JournalEntry, 'hash'>): string {
  const payload = JSON.stringify([e.project, e.seq, e.key, e.kind, e.ok, e.data ?? null, e.meta, e.at, e.prevHash]);
  return createHash('sha256').update(payload).digest('hex');
}

/** The builder a commit chains in: seq and prev hash come from the head inside the transaction. */
export function journalBuilder(project: string, d: JournalDraft, at = new Date().toISOString()): ChainBuilder<JournalEntry> {
  // a JSON round trip now, so the hash covers exactly what is stored and read back
  const data = d.data === undefined ? null : (JSON.parse(JSON.stringify(d.data)) as unknown);
  const meta = JSON.parse(JSON.stringify(d.meta ?? {})) as Record<string, unknown>;
  return (prev) => {
    const draft: Omit<JournalEntry, 'hash'> = {
      project,
      seq: (prev?.seq ?? 0) + 1,
      key: d.key,
      kind: d.kind,
      ok: d.ok,
      data,
      meta,
      at,
      prevHash: prev?.hash ?? JOURNAL_GENESIS,
    };
    return { ...draft, hash: journalHash(draft) };
  };
}

export type { JournalVerdict } from './schemas.ts';

/** Walks the rows in seq order and names the first whose link or content does not verify. */
export function verifyJournal(rows: Iterable<JournalEntry>, expected?: { length: number; head: string }): JournalVerdict {
  let prev = JOURNAL_GENESIS;
  let count = 0;
  for (const r of rows) {
    if (r.seq !== count + 1)
      return { ok: false, count, brokenAt: r.seq, key: r.key, reason: `rows ${count + 1}..${r.seq - 1} are missing` };
    if (r.prevHash !== prev) return { ok: false, count, brokenAt: r.seq, key: r.key, reason: 'prev_hash does not match the row before it' };
    if (journalHash(r) !== r.hash)
      return { ok: false, count, brokenAt: r.seq, key: r.key, reason: 'the row content does not match its hash (changed)' };
    prev = r.hash;
    count++;
  }
  if (expected && (expected.length !== count || expected.head !== prev)) {
    return {
      ok: false,
      count,
      brokenAt: count + 1,
      key: '',
      reason: `the project says ${expected.length} rows ending in ${expected.head.slice(0, 12)}…, the journal has ${count} (rows cut off the end?)`,
    };
  }
  return { ok: true, count, head: prev };
}

/** A digest of a model request: replay compares it to spot a workflow that asks something else now. */
export function requestDigest(v: unknown): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);
}
