import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ListScope } from '../../access/index.ts';
import { ProbeResultSchema, ToolBlueprint } from '../../blueprints/index.ts';
import { CheckResultSchema } from '../../checker/types.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../../util/page.ts';
import type { ToolRecord, ToolRepository, ToolVersion } from '../repositories.ts';
import { checked, column, type Run } from './columns.ts';
import { scopeWhere } from './scope.ts';

const Origin = z.enum(['source', 'generated']);
const Probes = z.array(ProbeResultSchema);

interface VRow {
  name: string;
  version: number;
  language: string;
  origin: string;
  source: string;
  checksum: string;
  policy: string;
  blueprint: string;
  check_report: string;
  probe_results: string;
  attempts: number;
  created_by: string;
  created_at: string;
  expires_at: string | null;
}
const fromV = (r: VRow): ToolVersion => {
  const id = `${r.name}@${r.version}`;
  return {
    name: r.name,
    version: r.version,
    language: r.language,
    origin: checked(Origin, r.origin, 'tool_versions', id, 'origin'),
    source: r.source,
    checksum: r.checksum,
    policy: r.policy,
    blueprint: column(ToolBlueprint, r.blueprint, 'tool_versions', id, 'blueprint'),
    checkReport: column(CheckResultSchema, r.check_report, 'tool_versions', id, 'check_report'),
    probeResults: column(Probes, r.probe_results, 'tool_versions', id, 'probe_results'),
    attempts: r.attempts,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
};
interface TRow {
  name: string;
  latest_version: number;
  created_at: string;
  created_by: string;
  shared: number;
  destroyed_at: string | null;
}
const fromT = (r: TRow): ToolRecord => ({
  name: r.name,
  latestVersion: r.latest_version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  shared: r.shared === 1,
  destroyedAt: r.destroyed_at,
});

/** Registered tools and every version of each. A destroyed tool keeps its history; its name can be registered again. */
export class ToolRepo implements ToolRepository {
  private readonly addTx: (v: Omit<ToolVersion, 'version' | 'createdAt'>) => ToolVersion;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {
    const tx = db.transaction((v: Omit<ToolVersion, 'version' | 'createdAt'>) => this.add(v));
    this.addTx = (v) => tx.immediate(v);
  }

  /**
   * Adds the next version (creating or reviving the tool) in one transaction. A destroyed tool's name
   * revived by a new submission belongs to its new creator, unshared.
   */
  addVersion(v: Omit<ToolVersion, 'version' | 'createdAt'>): Promise<ToolVersion> {
    return this.run(() => this.addTx(v));
  }

  private add(v: Omit<ToolVersion, 'version' | 'createdAt'>): ToolVersion {
    const now = new Date().toISOString();
    const cur = this.db.prepare('SELECT * FROM tools WHERE name = ?').get(v.name) as TRow | undefined;
    const maxV = (this.db.prepare('SELECT coalesce(max(version), 0) AS m FROM tool_versions WHERE name = ?').get(v.name) as { m: number })
      .m;
    const version = maxV + 1;
    if (cur?.destroyed_at) {
      this.db
        .prepare('UPDATE tools SET latest_version = ?, created_at = ?, created_by = ?, shared = 0, destroyed_at = NULL WHERE name = ?')
        .run(version, now, v.createdBy, v.name);
    } else if (cur) this.db.prepare('UPDATE tools SET latest_version = ? WHERE name = ?').run(version, v.name);
    else
      this.db
        .prepare('INSERT INTO tools (name, latest_version, created_at, created_by) VALUES (?, ?, ?, ?)')
        .run(v.name, version, now, v.createdBy);
    this.db
      .prepare(
        `INSERT INTO tool_versions (name, version, language, origin, source, checksum, policy, blueprint, check_report, probe_results, attempts, created_by, created_at, expires_at)
                VALUES (@name, @version, @language, @origin, @source, @checksum, @policy, @blueprint, @checkReport, @probeResults, @attempts, @createdBy, @createdAt, @expiresAt)`,
      )
      .run({
        ...v,
        version,
        createdAt: now,
        blueprint: JSON.stringify(v.blueprint),
        checkReport: JSON.stringify(v.checkReport),
        probeResults: JSON.stringify(v.probeResults),
      });
    return this.versionNow(v.name, version)!;
  }

  get(name: string): Promise<ToolRecord | undefined> {
    return this.run(() => this.getNow(name));
  }

  private getNow(name: string): ToolRecord | undefined {
    const r = this.db.prepare('SELECT * FROM tools WHERE name = ?').get(name) as TRow | undefined;
    return r ? fromT(r) : undefined;
  }

  active(name: string): Promise<ToolRecord | undefined> {
    return this.run(() => {
      const t = this.getNow(name);
      return t && !t.destroyedAt ? t : undefined;
    });
  }

  /** Active tools in the scope, by name; a page of them after a name. */
  list(scope: ListScope = { all: true }, page?: PageRequest): Promise<PageOf<ToolRecord>> {
    return this.run(() => {
      const w = scopeWhere(scope, 'created_by', 'shared');
      const after = page?.after ? 'AND name > @after' : '';
      const limit = page ? 'LIMIT @limit' : '';
      const rows = this.db.prepare(`SELECT * FROM tools WHERE destroyed_at IS NULL AND ${w.sql} ${after} ORDER BY name ${limit}`).all({
        ...w.params,
        ...(page?.after ? { after: String(page.after[0]) } : {}),
        ...(page ? { limit: page.limit + 1 } : {}),
      }) as TRow[];
      return pageFromRows(rows.map(fromT), page?.limit ?? Infinity, (t) => [t.name]);
    });
  }

  setShared(name: string, shared: boolean): Promise<boolean> {
    return this.run(
      () => this.db.prepare('UPDATE tools SET shared = ? WHERE name = ? AND destroyed_at IS NULL').run(shared ? 1 : 0, name).changes === 1,
    );
  }

  version(name: string, version: number): Promise<ToolVersion | undefined> {
    return this.run(() => this.versionNow(name, version));
  }

  private versionNow(name: string, version: number): ToolVersion | undefined {
    const r = this.db.prepare('SELECT * FROM tool_versions WHERE name = ? AND version = ?').get(name, version) as VRow | undefined;
    return r ? fromV(r) : undefined;
  }

  versions(name: string): Promise<ToolVersion[]> {
    return this.run(() => (this.db.prepare('SELECT * FROM tool_versions WHERE name = ? ORDER BY version').all(name) as VRow[]).map(fromV));
  }

  destroy(name: string): Promise<boolean> {
    return this.run(
      () =>
        this.db.prepare('UPDATE tools SET destroyed_at = ? WHERE name = ? AND destroyed_at IS NULL').run(new Date().toISOString(), name)
          .changes === 1,
    );
  }

  /** Active tools whose latest version has expired. */
  expired(now: string): Promise<string[]> {
    return this.run(() =>
      (
        this.db
          .prepare(
            `SELECT t.name FROM tools t JOIN tool_versions v ON v.name = t.name AND v.version = t.latest_version
                WHERE t.destroyed_at IS NULL AND v.expires_at IS NOT NULL AND v.expires_at <= ?`,
          )
          .all(now) as { name: string }[]
      ).map((r) => r.name),
    );
  }
}
