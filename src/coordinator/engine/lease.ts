/**
 * Leases: one process drives a project at a time. A lease names its holder as `<host>/<pid>/<nonce>`;
 * it lapses after coordinator.leaseMs without renewal, and a holder on this host whose process is
 * gone (kill -9) is taken over at once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function instanceName(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder to take over from: a lease of a dead process on this host, or one of this very instance. */
export function staleHolder(lease: { owner: string; expiresAt: string } | null, self: string, now = Date.now()): string | undefined {
  if (!lease) return undefined;
  if (lease.owner === self || Date.parse(lease.expiresAt) < now) return lease.owner;
  const [host, pid] = lease.owner.split('/');
  if (host === hostname() && Number(pid) !== process.pid && Number.isInteger(Number(pid)) && !alive(Number(pid))) return lease.owner;
  return undefined;
}

/** Held by a live process other than this one. */
export function heldElsewhere(lease: { owner: string; expiresAt: string } | null, self: string): boolean {
  return lease !== null && staleHolder(lease, self) === undefined;
}
