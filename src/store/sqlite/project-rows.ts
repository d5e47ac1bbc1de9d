/** How projects and journal rows are stored: columns, and the mapping to the coordinator's records. */
import { z } from 'zod';
import { ProjectDefaultsSchema } from '../../config/schema.ts';
import type { JournalEntry, ProjectPatch, ProjectRecord } from '../../coordinator/index.ts';
import {
  ErrorValueSchema,
  JournalKindSchema,
  OpenGateSchema,
  PauseSchema,
  PhaseSchema,
  StatusSchema,
  UsageSchema,
} from '../../coordinator/record-schemas.ts';
import { FactoryError } from '../../errors/catalog.ts';
import { JsonValue } from '../repositories.ts';
import { checked, column, ColumnCache } from './columns.ts';

export interface Row {
  id: string;
  name: string;
  owner: string;
  task: string;
  pipeline: string;
  status: string;
  phase: string;
  config: string;
  plan: string | null;
  result: string | null;
  error: string | null;
  waiting: string | null;
  paused: string | null;
  usage: string;
  metrics: string | null;
  runs: number;
  cancel_requested: number;
  lease_owner: string | null;
  lease_expires: string | null;
  journal_length: number;
  journal_head: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}
export interface JRow {
  project: string;
  seq: number;
  key: string;
  kind: string;
  ok: number;
  data: string;
  meta: string;
  at: string;
  prev_hash: string;
  hash: string;
}

/** Rows written before `estimatedCalls` existed count none. */
export const StoredUsage = z.preprocess((v) => (v && typeof v === 'object' ? { estimatedCalls: 0, ...v } : v), UsageSchema);
const Meta = z.record(z.string(), z.unknown());

export function storeError(e: unknown, project: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new FactoryError('CONFLICT', `A journal row of project ${project} was written twice`, { project }, { cause: e });
  }
  if (code === 'SQLITE_BUSY') return new FactoryError('STORE_BUSY', undefined, undefined, { cause: e });
  return e;
}
export const GENESIS = '0'.repeat(64);

/**
 * How rows are read back: `cache` (the repository's) spares a parse of the JSON columns that did not
 * change; `shared` takes its values without a copy (only for a reader that never changes them).
 */
export function fromRow(r: Row, cache: ColumnCache = new ColumnCache(0), shared = false): ProjectRecord {
  const at = (col: string) => [TABLE, r.id, col, shared] as const;
  const column = cache.column.bind(cache);
  const nullableColumn = cache.nullableColumn.bind(cache);
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    task: r.task,
    pipeline: r.pipeline,
    status: checked(StatusSchema, r.status, TABLE, r.id, 'status'),
    phase: checked(PhaseSchema, r.phase, TABLE, r.id, 'phase'),
    config: column(ProjectDefaultsSchema, r.config, ...at('config')),
    plan: nullableColumn(JsonValue, r.plan, ...at('plan')),
    result: nullableColumn(JsonValue, r.result, ...at('result')),
    error: nullableColumn(ErrorValueSchema, r.error, ...at('error')),
    waiting: nullableColumn(OpenGateSchema, r.waiting, ...at('waiting')),
    paused: nullableColumn(PauseSchema, r.paused, ...at('paused')),
    usage: column(StoredUsage, r.usage, ...at('usage')),
    metrics: nullableColumn(JsonValue, r.metrics, ...at('metrics')),
    runs: r.runs,
    cancelRequested: r.cancel_requested === 1,
    lease: r.lease_owner && r.lease_expires ? { owner: r.lease_owner, expiresAt: r.lease_expires } : null,
    journalLength: r.journal_length,
    journalHead: r.journal_head,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

const TABLE = 'projects';

export function fromJ(r: JRow): JournalEntry {
  const id = `${r.project}#${r.seq}`;
  return {
    project: r.project,
    seq: r.seq,
    key: r.key,
    kind: checked(JournalKindSchema, r.kind, 'project_journal', id, 'kind'),
    ok: r.ok === 1,
    data: column(JsonValue, r.data, 'project_journal', id, 'data'),
    meta: column(Meta, r.meta, 'project_journal', id, 'meta'),
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Columns a patch may set, and how each is stored. */
export const PATCH_COLUMNS: Record<keyof ProjectPatch, { col: string; json: boolean }> = {
  status: { col: 'status', json: false },
  phase: { col: 'phase', json: false },
  plan: { col: 'plan', json: true },
  result: { col: 'result', json: true },
  error: { col: 'error', json: true },
  waiting: { col: 'waiting', json: true },
  paused: { col: 'paused', json: true },
  metrics: { col: 'metrics', json: true },
  config: { col: 'config', json: true },
  startedAt: { col: 'started_at', json: false },
  finishedAt: { col: 'finished_at', json: false },
};
