import { roleAllows, type Role } from './roles.ts';

/** Who acts: a token (its id and role), or the service itself. */
export interface Principal {
  id: string;
  role: Role;
}

/** Owner id of what the service creates itself (the static agents of blueprints/): visible to every role. */
export const SYSTEM_OWNER = 'system';
/** The service acting on its own behalf (start-up, the expiry sweeper). */
export const SYSTEM: Principal = { id: SYSTEM_OWNER, role: 'admin' };

/** Anything with an owner that the access rules govern: tools, agents, jobs, runs (and later projects). */
export interface Resource {
  kind: string;
  id: string;
  owner: string;
  /** marked shared by its owner: others may read and use it, never change it */
  shared: boolean;
  /** false once destroyed or expired: then nobody may see it, but its owner stays known */
  live: boolean;
  /** when it came to be under this owner: what happened before (a destroyed tool's name taken again) is not about it */
  since?: string;
}

/** read: see it; use: execute a tool, run or clone an agent; change: new versions, sharing, destroy. */
export type Action = 'read' | 'use' | 'change';
export type Decision = 'allow' | 'hidden' | 'forbidden';

/** Viewers and admins see everything; a submitter sees its own, shared and the service's own resources. */
export function seesEverything(p: Principal): boolean {
  return p.role !== 'submitter';
}

export function mayRead(p: Principal, r: Resource): boolean {
  return seesEverything(p) || r.owner === p.id || r.owner === SYSTEM_OWNER || r.shared;
}

/**
 * The rule, in one place. What a principal may not see is `hidden` (answered as 404, so that its
 * existence does not leak); what it sees but may not do is `forbidden` (403).
 */
export function decide(p: Principal, r: Resource, action: Action): Decision {
  if (!r.live || !mayRead(p, r)) return 'hidden';
  if (action === 'read') return 'allow';
  if (action === 'use') return roleAllows(p.role, 'submitter') ? 'allow' : 'forbidden';
  return p.role === 'admin' || r.owner === p.id ? 'allow' : 'forbidden';
}

/**
 * What a list may show a principal, for the store to apply in its query: every row, or the rows whose
 * owner is one of `owners` or that are shared.
 */
export type ListScope = { all: true } | { all: false; owners: string[]; shared: boolean };

export function listScope(p: Principal): ListScope {
  return seesEverything(p) ? { all: true } : { all: false, owners: [p.id, SYSTEM_OWNER], shared: true };
}

/**
 * What audit events and progress events a principal may see: everything, or those of its own actions
 * and about its own resources (a submitter).
 */
export type EventScope = { all: true } | { all: false; principal: string };

export function eventScope(p: Principal): EventScope {
  return seesEverything(p) ? { all: true } : { all: false, principal: p.id };
}

/** An event (progress or audit) is visible when the principal caused it or owns what it is about (since it does). */
export function eventVisible(p: Principal, e: { owner: string; timestamp?: string }, about: Resource | undefined): boolean {
  if (seesEverything(p) || e.owner === p.id) return true;
  return about?.owner === p.id && (about.since === undefined || e.timestamp === undefined || e.timestamp >= about.since);
}
