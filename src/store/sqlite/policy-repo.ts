import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PolicyRepository, PolicyVersion } from '../repositories.ts';
import { checked, type Run } from './columns.ts';

const Source = z.enum(['disk', 'api', 'restore']);
interface Row {
  name: string;
  version: number;
  text: string;
  etag: string;
  author: string;
  source: string;
  created_at: string;
}
const fromRow = (r: Row): PolicyVersion => ({
  name: r.name,
  version: r.version,
  text: r.text,
  etag: r.etag,
  author: r.author,
  source: checked(Source, r.source, 'policy_versions', `${r.name}@${r.version}`, 'source'),
  createdAt: r.created_at,
});

/** Every version of every policy file the service has seen, in order. */
export class PolicyRepo implements PolicyRepository {
  private readonly recordTx: (v: Omit<PolicyVersion, 'version' | 'createdAt'>) => { version: PolicyVersion; added: boolean };

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {
    const tx = db.transaction((v: Omit<PolicyVersion, 'version' | 'createdAt'>) => {
      const latest = this.latestNow(v.name);
      if (latest && latest.etag === v.etag) return { version: latest, added: false };
      const version: PolicyVersion = { ...v, version: (latest?.version ?? 0) + 1, createdAt: new Date().toISOString() };
      this.db
        .prepare(
          'INSERT INTO policy_versions (name, version, text, etag, author, source, created_at) VALUES (@name, @version, @text, @etag, @author, @source, @createdAt)',
        )
        .run(version);
      return { version, added: true };
    });
    this.recordTx = (v) => tx.immediate(v);
  }

  /** Adds a version unless the latest one already has this etag. Returns the latest version either way. */
  record(v: Omit<PolicyVersion, 'version' | 'createdAt'>): Promise<{ version: PolicyVersion; added: boolean }> {
    return this.run(() => this.recordTx(v));
  }

  latest(name: string): Promise<PolicyVersion | undefined> {
    return this.run(() => this.latestNow(name));
  }

  private latestNow(name: string): PolicyVersion | undefined {
    const r = this.db.prepare('SELECT * FROM policy_versions WHERE name = ? ORDER BY version DESC LIMIT 1').get(name) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  get(name: string, version: number): Promise<PolicyVersion | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT * FROM policy_versions WHERE name = ? AND version = ?').get(name, version) as Row | undefined;
      return r ? fromRow(r) : undefined;
    });
  }

  history(name: string): Promise<PolicyVersion[]> {
    return this.run(() =>
      (this.db.prepare('SELECT * FROM policy_versions WHERE name = ? ORDER BY version ASC').all(name) as Row[]).map(fromRow),
    );
  }
}
