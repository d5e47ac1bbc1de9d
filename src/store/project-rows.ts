/** How projects and journal rows are stored: columns, and the mapping to the coordinator's records. */
import type { JournalEntry, ProjectPatch, ProjectRecord, ProjectStatus } from '../coordinator/index.ts';
import { FactoryError } from '../errors/catalog.ts';

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

const json = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function storeError(e: unknown, project: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new FactoryError('CONFLICT', `A journal row of project ${project} was written twice`, { project }, { cause: e });
  }
  if (code === 'SQLITE_BUSY') return new FactoryError('STORE_BUSY', undefined, undefined, { cause: e });
  return e;
}
export const GENESIS = '0'.repeat(64);

export function fromRow(r: Row): ProjectRecord {
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    task: r.task,
    pipeline: r.pipeline,
    status: r.status as ProjectStatus,
    phase: r.phase as ProjectRecord['phase'],
    config: JSON.parse(r.config) as ProjectRecord['config'],
    plan: json(r.plan),
    result: json(r.result),
    error: json(r.error) as ProjectRecord['error'],
    waiting: json(r.waiting) as ProjectRecord['waiting'],
    paused: json(r.paused) as ProjectRecord['paused'],
    usage: { estimatedCalls: 0, ...(JSON.parse(r.usage) as Partial<ProjectRecord['usage']>) } as ProjectRecord['usage'],
    metrics: json(r.metrics),
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

export const fromJ = (r: JRow): JournalEntry => ({
  project: r.project,
  seq: r.seq,
  key: r.key,
  kind: r.kind as JournalEntry['kind'],
  ok: r.ok === 1,
  data: JSON.parse(r.data),
  meta: JSON.parse(r.meta) as Record<string, unknown>,
  at: r.at,
  prevHash: r.prev_hash,
  hash: r.hash,
});

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
