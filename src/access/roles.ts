import { z } from 'zod';

/** The roles, strongest first. The one list: tokens, routes and the access rules all use it. */
export const ROLES = ['admin', 'submitter', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const RANK = Object.fromEntries(ROLES.map((r, i) => [r, ROLES.length - i])) as Record<Role, number>;

/** admin may do everything a submitter may; a submitter everything a viewer may. */
export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}
