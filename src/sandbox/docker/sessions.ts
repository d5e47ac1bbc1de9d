import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import type { Job } from '../protocol.ts';
import type { Outcome } from './container.ts';
import type { SessionSandbox } from './session.ts';

type Language = 'python' | 'shell';

/** The persistent sandboxes of agent sessions: one per session and limit profile, never shared. */
export class SessionSandboxes {
  /** session id → spec key → its persistent sandbox */
  private readonly sessions = new Map<string, Map<string, Promise<SessionSandbox>>>();

  constructor(
    private readonly open: (spec: Docker.ContainerCreateOptions, language: Language, signal: AbortSignal) => Promise<SessionSandbox>,
    /** removes a sandbox's container (resolves when removed or given up) */
    private readonly remove: (s: SessionSandbox) => Promise<void>,
  ) {}

  async run(
    sessionId: string,
    key: string,
    spec: Docker.ContainerCreateOptions,
    language: Language,
    job: Omit<Job, 'nonce'>,
    opts: { timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal | undefined; engineSignal: AbortSignal },
  ): Promise<{ out: Outcome; containerId: string }> {
    const byKey = this.sessions.get(sessionId) ?? new Map<string, Promise<SessionSandbox>>();
    this.sessions.set(sessionId, byKey);
    let pending = byKey.get(key);
    const current = pending ? await pending.catch(() => null) : null;
    if (pending && current?.dead !== false) {
      if (current) void this.remove(current); // a dead sandbox (timed out, flooded, crashed, lost) is replaced by a fresh one
      pending = undefined;
    }
    if (!pending) {
      pending = this.open(
        { ...spec, name: `af-session-${sessionId.replace(/[^a-zA-Z0-9_.-]/g, '-')}-${key}-${randomUUID().slice(0, 8)}` },
        language,
        opts.engineSignal,
      );
      byKey.set(key, pending);
    }
    const session = await pending;
    const out = await session.run(job, opts);
    return { out, containerId: session.container.id.slice(0, 12) };
  }

  /** Destroys every persistent sandbox of a session. */
  async close(sessionId: string): Promise<void> {
    const byKey = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    if (!byKey) return;
    await Promise.all(
      [...byKey.values()].map((p) =>
        p.then(
          (s) => this.remove(s),
          () => undefined,
        ),
      ),
    );
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }
}
