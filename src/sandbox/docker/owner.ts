import { randomBytes } from 'node:crypto';
import { liveness, processIdentity } from '../../instance.ts';
import { LABEL_INSTANCE, LABEL_OWNER, LABEL_OWNER_HOST, LABEL_OWNER_PID, LABEL_OWNER_START, LABEL_SERVICE, LABEL_TOKEN } from './spec.ts';

/**
 * Which containers belong to whom. Every runtime (one per process, or several in one process) has its own
 * owner id, and labels each container with it, the owning process (host, pid, start time) and a token of
 * its own. A runtime removes:
 * - its own containers that it no longer tracks (a create that was given up and came through late, a
 *   removal the engine did not answer), and all of its own at close;
 * - another owner's containers only when that owner's process is known to be gone on this host (crash
 *   recovery); never those of a live process, of another host or another pid namespace.
 * - containers from before owner labels existed only when they carry this data directory's instance id
 *   and are no longer running.
 */
export class Ownership {
  readonly owner = randomBytes(8).toString('hex');
  /** tokens of containers this runtime created or is creating and still uses */
  private readonly live = new Set<string>();

  constructor(private readonly instanceId: string) {}

  /** Labels for a new container, with a fresh token that counts as live until released. */
  claim(): { token: string; labels: Record<string, string> } {
    const me = processIdentity();
    const token = randomBytes(8).toString('hex');
    this.live.add(token);
    return {
      token,
      labels: {
        [LABEL_SERVICE]: 'agent-factory',
        [LABEL_INSTANCE]: this.instanceId,
        [LABEL_OWNER]: this.owner,
        [LABEL_OWNER_HOST]: me.host,
        [LABEL_OWNER_PID]: String(me.pid),
        [LABEL_OWNER_START]: me.start,
        [LABEL_TOKEN]: token,
      },
    };
  }

  /** The container is removed, or given up (the reaper removes it if it still exists). */
  release(token: string): void {
    this.live.delete(token);
  }

  get liveCount(): number {
    return this.live.size;
  }

  /**
   * Whether a container (its labels and whether it runs) may be removed by this runtime. `closing`: this
   * runtime is shutting down, so all of its own go.
   */
  mayRemove(labels: Record<string, string>, running: boolean, closing = false): boolean {
    if (labels[LABEL_SERVICE] !== 'agent-factory') return false;
    const owner = labels[LABEL_OWNER];
    if (owner === this.owner) return closing || !this.live.has(labels[LABEL_TOKEN] ?? '');
    if (owner === undefined) return labels[LABEL_INSTANCE] === this.instanceId && !running;
    const pid = Number(labels[LABEL_OWNER_PID]);
    return liveness({ host: labels[LABEL_OWNER_HOST] ?? '', pid, start: labels[LABEL_OWNER_START] ?? '' }) === 'gone';
  }
}
