/** The auth module's door: bearer tokens (hashed), roles. */
export { ADMIN_TOKEN_FILE, RoleSchema, TOKEN_PREFIX, TokenService, hashToken, roleAllows } from './tokens.ts';
export type { TokenRecord } from '../store/index.ts';
