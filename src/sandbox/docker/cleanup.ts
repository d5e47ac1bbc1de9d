import type Docker from 'dockerode';
import { Limiter } from '../../util/limiter.ts';
import type { Prepared } from './container.ts';
import type { DockerEngine } from './engine.ts';
import type { Ownership } from './owner.ts';
import { LABEL_OWNER, LABEL_SERVICE } from './spec.ts';

/**
 * Removing containers: the used ones in the background, and, through the reaper, whatever may be removed
 * but was not (a removal the engine did not answer, a create that came through after it was given up, the
 * containers of processes that are gone). An engine that does not answer is never waited for.
 */
export class Cleanup {
  private readonly pending = new Set<Promise<unknown>>();
  /** containers handed over for removal whose removal has not finished, by ownership token */
  private readonly held = new Map<string, Docker.Container>();
  private readonly removals: Limiter;
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: DockerEngine,
    private readonly ownership: Ownership,
    parallelRemovals = 2,
  ) {
    this.removals = new Limiter(parallelRemovals);
    // what had to be abandoned while the engine was silent is removed once it answers again; a create it
    // took in before it froze may only land a moment later, hence a second look
    this.unsubscribe = engine.onRecovered(() => {
      void this.reap().catch(() => 0);
      setTimeout(() => void this.reap().catch(() => 0), 5000).unref();
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when every removal started so far has finished (or was given up). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * Removes a container that failed to come up or is no longer used. Resolves once it is removed or given
   * up; without an answer from the engine, the reaper removes it later.
   */
  readonly discard = (container: Docker.Container | undefined, token: string): Promise<void> => {
    if (!container || this.engine.contactLost) {
      this.ownership.release(token);
      return Promise.resolve();
    }
    const remove = (abortSignal: AbortSignal) => container.remove({ force: true, v: true, abortSignal });
    this.held.set(token, container);
    return this.track(
      this.engine
        .call('remove', remove)
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => this.done(token)),
    );
  };

  private done(token: string): void {
    this.held.delete(token);
    this.ownership.release(token);
  }

  /**
   * Removes a used container in the background. Removals go through a small limiter: under sustained
   * load, a burst of removals next to the pool's refills makes the engine slower at both (measured:
   * 0.91-0.96x of a bare create/start/remove loop at concurrency 8 with every removal at once, 1.02-1.06x
   * with two at a time).
   */
  dispose(p: Prepared, immediately = false): void {
    if (this.engine.contactLost) return void this.discard(undefined, p.token);
    // A runner exits right after its end markers: removing an exited container costs the engine less
    // than killing a running one, so give it a moment to exit; anything still running is killed.
    const exitedSoon = p.dead || immediately ? Promise.resolve(0) : Promise.race([p.exited, new Promise((r) => setTimeout(r, 2000))]);
    const remove = (abortSignal: AbortSignal) => p.container.remove({ force: true, v: true, abortSignal });
    this.held.set(p.token, p.container);
    void this.track(
      exitedSoon
        .then(() => this.removals.run(() => this.engine.call('remove', remove)))
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => this.done(p.token)),
    );
  }

  private track(done: Promise<void>): Promise<void> {
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
    return done;
  }

  /**
   * Removes what may be removed (see Ownership): containers this runtime gave up, and those of processes
   * that are gone (crash recovery). With `closing`, all of this runtime's own. Returns how many.
   */
  async reap(closing = false): Promise<number> {
    const label = closing ? `${LABEL_OWNER}=${this.ownership.owner}` : `${LABEL_SERVICE}=agent-factory`;
    const docker = this.engine.docker;
    const list = await this.engine.call('list', (abortSignal) =>
      docker.listContainers({ all: true, filters: { label: [label] }, abortSignal }),
    );
    const doomed = list.filter((c) => this.ownership.mayRemove(c.Labels ?? {}, c.State === 'running', closing));
    const remove = (id: string) =>
      this.engine.call('remove', (abortSignal) => docker.getContainer(id).remove({ force: true, v: true, abortSignal }));
    await Promise.all(doomed.map((c) => remove(c.Id).catch(() => undefined)));
    return doomed.length;
  }

  /** Reaps every `intervalMs` (containers left by a `factory run` that was killed, for instance). */
  every(intervalMs: number): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.reap().catch(() => 0), intervalMs);
    this.timer.unref();
  }

  /**
   * For a process about to exit (a one-shot `factory run`): instead of waiting for them, hands the
   * removals still to do to the engine (a forced removal of each container held) and resolves once every
   * request is written to the engine's socket. The engine finishes them after the process has gone; one
   * that it never got (no engine, the process was killed first) is reaped by the next process that starts.
   */
  async detach(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe();
    if (this.engine.contactLost) return;
    const sent = [...this.held.entries()].map(async ([token, c]) => {
      await this.engine.sendAndLeave('DELETE', `/containers/${encodeURIComponent(c.id)}?force=1&v=1`);
      this.ownership.release(token);
    });
    await Promise.all(sent);
  }

  /**
   * Waits for the removals under way, then removes all of this runtime's own containers. While the engine
   * does not answer, nothing is waited for: the next process that reaches the engine reaps them (their
   * owner, this process, is gone by then).
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe();
    while (this.pending.size > 0 && !this.engine.contactLost) {
      await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => setTimeout(r, 250).unref())]);
    }
    if (!this.engine.contactLost) await this.reap(true).catch(() => 0);
  }
}
