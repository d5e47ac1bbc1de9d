import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RoleSchema, type Role } from '../access/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { Store, TokenRecord } from '../store/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';

export { RoleSchema, roleAllows } from '../access/index.ts';

export const TOKEN_PREFIX = 'aft_';

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const ADMIN_TOKEN_FILE = 'admin-token';

/** Issues, authenticates and revokes bearer tokens. Secrets are random 256-bit values; only hashes are kept. */
export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
  ) {}

  async create(role: Role, opts: { name?: string; createdBy?: string } = {}): Promise<{ token: TokenRecord; secret: string }> {
    const role_ = RoleSchema.parse(role);
    const id = `tok_${randomBytes(6).toString('hex')}`;
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const createdAt = new Date().toISOString();
    const createdBy = opts.createdBy ?? 'system';
    const name = opts.name ?? `${role_} token`;
    await this.store.tokens.insert({ id, name, role: role_, tokenHash: hashToken(secret), createdAt, createdBy });
    await this.audit.record({ type: 'token_created', action: 'create', target: id, actor: createdBy, details: { role: role_, name } });
    return { token: (await this.store.tokens.get(id))!, secret };
  }

  /** The active token for a presented secret, or undefined. Cheap: one indexed lookup by hash. */
  async lookup(secret: string): Promise<TokenRecord | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
    const rec = await this.store.tokens.findActiveByHash(hashToken(secret));
    if (rec) await this.store.tokens.touch(rec.id, new Date().toISOString());
    return rec;
  }

  /**
   * The principal behind a presented bearer secret. No secret is AUTH_MISSING, an unknown or revoked
   * one AUTH_INVALID (both 401); both are audited with where they were presented.
   */
  async authenticate(secret: string | undefined, where: { method: string; url: string; ip: string }): Promise<TokenRecord> {
    const target = `${where.method} ${where.url}`;
    if (!secret) {
      await this.audit.record({
        type: 'auth_failure',
        action: 'missing_token',
        target,
        success: false,
        error: 'no bearer token',
        details: where,
        securityFlags: ['auth'],
      });
      throw new FactoryError('AUTH_MISSING');
    }
    const principal = await this.lookup(secret);
    if (!principal) {
      await this.audit.record({
        type: 'auth_failure',
        action: 'invalid_token',
        target,
        success: false,
        error: 'unknown or revoked token',
        details: where,
        securityFlags: ['auth'],
      });
      throw new FactoryError('AUTH_INVALID');
    }
    return principal;
  }

  async revoke(id: string, by: string): Promise<boolean> {
    const ok = await this.store.tokens.revoke(id, new Date().toISOString());
    if (ok) await this.audit.record({ type: 'token_revoked', action: 'revoke', target: id, actor: by });
    return ok;
  }

  /** Every token (for the CLI). */
  async list(): Promise<TokenRecord[]> {
    return (await this.store.tokens.list({ limit: Number.MAX_SAFE_INTEGER - 1 })).items;
  }

  /** A page of tokens, oldest first. */
  page(page: PageRequest): Promise<PageOf<TokenRecord>> {
    return this.store.tokens.list(page);
  }

  /** Revokes an active token; RESOURCE_NOT_FOUND when there is none with that id. */
  async revokeOrThrow(id: string, by: string): Promise<void> {
    if (!(await this.revoke(id, by))) throw new FactoryError('RESOURCE_NOT_FOUND', `No active token ${id}`, { id });
  }

  /**
   * First start: with no active admin token, create one and write it to `<dataDir>/admin-token`
   * (mode 0600, atomically). Returns the file path when a token was created.
   */
  async ensureAdminToken(dataDir: string): Promise<string | undefined> {
    if ((await this.store.tokens.countActiveAdmins()) > 0) return undefined;
    const { secret } = await this.create('admin', { name: 'initial admin token', createdBy: 'system' });
    const file = join(dataDir, ADMIN_TOKEN_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${secret}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
    return file;
  }
}
