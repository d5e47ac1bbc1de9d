import type Database from 'better-sqlite3';

export interface PolicyVersion {
  name: string;
  version: number;
  text: string;
  etag: string;
  author: string;
  source: 'disk' | 'api' | 'restore';
  createdAt: string;
}

interface Row { name: string; version: number; text: string; etag: string; author: string; source: PolicyVersion['source']; created_at: string }
const fromRow = (r: Row): PolicyVersion => ({ name: r.name, version: r.version, text: r.text, etag: r.etag, author: r.author, source: r.source, createdAt: r.created_at });

/** Every version of every policy file the service has seen, in order. */
export class PolicyRepo {
  constructor(private readonly db: Database.Database) {}

  /** Adds a version unless the latest one already has this etag. Returns the latest version either way. */
  record(v: Omit<PolicyVersion, 'version' | 'createdAt'>): { version: PolicyVersion; added: boolean } {
    return this.db.transaction(() => {
      const latest = this.latest(v.name);
      if (latest && latest.etag === v.etag) return { version: latest, added: false };
      const version: PolicyVersion = { ...v, version: (latest?.version ?? 0) + 1, createdAt: new Date().toISOString() };
      this.db
        .prepare('INSERT INTO policy_versions (name, version, text, etag, author, source, created_at) VALUES (@name, @version, @text, @etag, @author, @source, @createdAt)')
        .run(version);
      return { version, added: true };
    }).immediate();
  }

  latest(name: string): PolicyVersion | undefined {
    const r = this.db.prepare('SELECT * FROM policy_versions WHERE name = ? ORDER BY version DESC LIMIT 1').get(name) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  get(name: string, version: number): PolicyVersion | undefined {
    const r = this.db.prepare('SELECT * FROM policy_versions WHERE name = ? AND version = ?').get(name, version) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  history(name: string): PolicyVersion[] {
    return (this.db.prepare('SELECT * FROM policy_versions WHERE name = ? ORDER BY version ASC').all(name) as Row[]).map(fromRow);
  }
}
