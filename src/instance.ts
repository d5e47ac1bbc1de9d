import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * The identity of the service instance of a data directory: kept across restarts, it groups the
 * containers of every process that works on that directory. It does NOT decide what may be removed:
 * several processes may share one data directory at once (a server and `factory run`s); see ProcessIdentity.
 */
export function instanceId(dataDir: string): string {
  const file = join(dataDir, 'instance-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{16}$/.test(id)) return id;
  } catch {
    // first start
  }
  const id = randomBytes(8).toString('hex');
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}

/**
 * Who owns a container: the host (Linux: boot id and pid namespace, so another machine or a process in
 * another container never looks like ours), the pid and that process's start time (so a reused pid is not
 * mistaken for the owner). A container may be removed by another process only when its owner is known to
 * be gone.
 */
export interface ProcessIdentity {
  host: string;
  pid: number;
  /** the process's start time in clock ticks since boot (Linux); '' where it cannot be read */
  start: string;
}

let self: ProcessIdentity | undefined;

export function processIdentity(): ProcessIdentity {
  self ??= { host: hostKey(), pid: process.pid, start: startTime(process.pid) ?? '' };
  return self;
}

function hostKey(): string {
  let basis: string;
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    basis = `linux:${boot}:${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    basis = `host:${hostname()}`;
  }
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/** Field 22 of /proc/PID/stat (after the parenthesised command, which may itself contain spaces and parentheses). */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '', start: rest[19] ?? '' };
  } catch {
    return undefined;
  }
}

function startTime(pid: number): string | undefined {
  return procStat(pid)?.start || undefined;
}

export type Liveness = 'alive' | 'gone' | 'unknown';

/**
 * Whether the process that owns something is still running. 'unknown' (another host, another pid
 * namespace, a process we may not inspect) means: leave its things alone.
 */
export function liveness(owner: ProcessIdentity): Liveness {
  const me = processIdentity();
  if (owner.host !== me.host || !Number.isInteger(owner.pid) || owner.pid <= 0) return 'unknown';
  if (owner.pid === me.pid && owner.start === me.start) return 'alive';
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else (also what /proc with hidepid hides): alive
    return (e as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'alive';
  }
  const stat = procStat(owner.pid);
  if (!stat) return 'alive'; // exists, but its start time cannot be read here: assume it is the owner
  if (stat.state === 'Z' || stat.state === 'X') return 'gone';
  if (owner.start === '') return 'alive'; // no start time recorded: a live pid may be the owner
  return stat.start === owner.start ? 'alive' : 'gone';
}
