import type Database from 'better-sqlite3';
import { RoleSchema, type Role } from '../../access/index.ts';
import { pageFromRows, type PageOf, type PageRequest } from '../../util/page.ts';
import type { TokenRecord, TokenRepository } from '../repositories.ts';
import { checked, type Run } from './columns.ts';

interface Row {
  id: string;
  name: string;
  role: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const fromRow = (r: Row): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: checked(RoleSchema, r.role, 'api_tokens', r.id, 'role'),
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** SQL for API tokens. Only hashes are stored; the secret is shown once at creation. */
export class TokenRepo implements TokenRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
  ) {}

  insert(t: { id: string; name: string; role: Role; tokenHash: string; createdAt: string; createdBy: string }): Promise<void> {
    return this.run(() => {
      this.db
        .prepare(
          `INSERT INTO api_tokens (id, name, role, token_hash, created_at, created_by)
                  VALUES (@id, @name, @role, @tokenHash, @createdAt, @createdBy)`,
        )
        .run(t);
    });
  }

  findActiveByHash(tokenHash: string): Promise<TokenRecord | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as Row | undefined;
      return r ? fromRow(r) : undefined;
    });
  }

  touch(id: string, at: string): Promise<void> {
    return this.run(() => {
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  revoke(id: string, at: string): Promise<boolean> {
    return this.run(
      () => this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1,
    );
  }

  /** Every token, oldest first; a page of them after (createdAt, id). */
  list(page: PageRequest = { limit: 1000 }): Promise<PageOf<TokenRecord>> {
    return this.run(() => this.listNow(page));
  }

  private listNow(page: PageRequest): PageOf<TokenRecord> {
    const after = page.after ? 'WHERE (created_at, id) > (@a0, @a1)' : '';
    const rows = this.db
      .prepare(`SELECT * FROM api_tokens ${after} ORDER BY created_at ASC, id ASC LIMIT @limit`)
      .all({ limit: page.limit + 1, ...(page.after ? { a0: String(page.after[0]), a1: String(page.after[1] ?? '') } : {}) }) as Row[];
    return pageFromRows(rows.map(fromRow), page.limit, (t) => [t.createdAt, t.id]);
  }

  get(id: string): Promise<TokenRecord | undefined> {
    return this.run(() => {
      const r = this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as Row | undefined;
      return r ? fromRow(r) : undefined;
    });
  }

  countActiveAdmins(): Promise<number> {
    return this.run(
      () => (this.db.prepare("SELECT count(*) AS n FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL").get() as { n: number }).n,
    );
  }
}
