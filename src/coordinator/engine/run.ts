/**
 * One run of a project: the journal it replays from, the lease its writes are fenced by, the budget
 * guard, the AbortSignal every model call and sandbox run carries, and the one way it writes (commit).
 */
import type { AuditEventInput } from '../../audit/event.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { Config } from '../../config/schema.ts';
import type { ProgressInput } from '../../events/bus.ts';
import type { LlmProvider } from '../../llm/index.ts';
import { journalBuilder, type JournalDraft } from '../journal.ts';
import type { JournalEntry, ProjectRecord, Usage } from '../model.ts';
import type { AgentPool, AuditPort, Committed, EventsPort, ProjectAccess, ProjectCommit, ProjectRepository, ToolPool } from '../ports.ts';
import { BudgetGuard, type BudgetKind } from './budget.ts';

/** A journal row as the run sees it before its write lands (or in a replay, which writes nothing). */
function provisional(project: string, d: JournalDraft): JournalEntry {
  return {
    project,
    seq: 0,
    key: d.key,
    kind: d.kind,
    ok: d.ok,
    data: d.data,
    meta: d.meta ?? {},
    at: new Date().toISOString(),
    prevHash: '',
    hash: '',
  };
}

function addTo(into: Partial<Usage>, u: Partial<Usage>, sign: 1 | -1): void {
  const t = into as Record<string, number>;
  for (const [k, v] of Object.entries(u)) t[k] = (t[k] ?? 0) + sign * (v ?? 0);
}

/** Everything the engine is built from (bound by the adapters to the service's modules). */
export interface EngineDeps {
  repo: ProjectRepository;
  events: EventsPort;
  audit: AuditPort;
  llm: LlmProvider;
  agents: AgentPool;
  tools: ToolPool;
  access: ProjectAccess;
  settings: Config['coordinator'];
  /** USD per million tokens by model; a model not listed costs 0 */
  costs?: Record<string, { prompt: number; completion: number }>;
  /** this process, for leases: `<host>/<pid>/<random>` */
  instance: string;
  /** told once a project has ended (completed, failed, cancelled), after its terminal commit; must not throw */
  onEnded?: (p: ProjectRecord) => void;
}

export type EventDraft = Omit<ProgressInput, 'topic' | 'owner' | 'project' | 'progress'> & { progress?: number };
export type AuditDraft = Omit<AuditEventInput, 'project' | 'actor'> & { actor?: string };

export interface CommitParts {
  journal?: JournalDraft[];
  patch?: ProjectCommit['patch'];
  usage?: Partial<Usage>;
  events?: EventDraft[];
  audit?: AuditDraft[];
  ignoreCancel?: boolean;
}

/**
 * One transaction for a project: journal rows, state, events and audit rows; the events and audit
 * rows are handed to live subscribers right after it commits. Used by runs (fenced) and the door.
 */
export async function writeCommit(
  deps: EngineDeps,
  p: Pick<ProjectRecord, 'id' | 'owner'>,
  c: CommitParts,
  opts: { fence?: string; ignoreCancel?: boolean; progress?: number; lazy?: boolean } = {},
): Promise<Committed> {
  return deps.repo.commit(
    {
      project: p.id,
      ...(opts.lazy ? { lazy: true } : {}),
      ...(opts.fence !== undefined ? { fence: opts.fence } : {}),
      ...(opts.ignoreCancel ? { ignoreCancel: true } : {}),
      journal: (c.journal ?? []).map((d) => journalBuilder(p.id, d)),
      ...(c.patch ? { patch: c.patch } : {}),
      ...(c.usage ? { usage: c.usage } : {}),
      events: (c.events ?? []).map((e) => ({
        ...e,
        topic: `project:${p.id}`,
        owner: p.owner,
        project: p.id,
        progress: e.progress ?? opts.progress ?? 0,
      })),
      audit: (c.audit ?? []).map((a) =>
        deps.audit.prepare({ ...a, project: p.id, actor: a.actor ?? 'coordinator', target: a.target ?? p.id }),
      ),
    },
    (w) => {
      for (const e of w.events) deps.events.announce(e);
      for (const a of w.audit) deps.audit.announce(a);
    },
  );
}

export class RunState {
  ctrl = new AbortController();
  readonly journal = new Map<string, JournalEntry>();
  readonly guard: BudgetGuard;
  readonly inflight = new Map<string, Promise<unknown>>();
  progress = 0;
  /** the journal position up to which the workflow has read people's messages (inbox steps) */
  inboxSeq = 0;
  /** usage of replies held by running steps, not yet written */
  readonly pendingUsage: Partial<Usage> = {};
  private wallMark = performance.now();

  constructor(
    readonly deps: EngineDeps,
    public project: ProjectRecord,
    rows: JournalEntry[],
    /** the lease owner; undefined in a replay, which writes nothing */
    readonly fence: string | undefined,
  ) {
    for (const r of rows) this.journal.set(r.key, r);
    const warned = new Set(
      rows.filter((r) => r.kind === 'mark' && r.key.startsWith('budget-warning:')).map((r) => r.key.slice('budget-warning:'.length)),
    );
    this.guard = new BudgetGuard(
      () => this.project.config.budget,
      () => this.liveUsage(),
      warned,
      (kind, used, limit) => void this.warn(kind, used, limit),
    );
  }

  get replay(): boolean {
    return this.fence === undefined;
  }

  get signal(): AbortSignal {
    return this.ctrl.signal;
  }

  get topic(): string {
    return `project:${this.project.id}`;
  }

  /** usage with the running time of this run not yet written */
  liveUsage(): Usage {
    const u = { ...this.project.usage };
    const into = u as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(this.pendingUsage)) into[k] = (into[k] ?? 0) + (v ?? 0);
    if (!this.replay) u.wallMs += performance.now() - this.wallMark;
    return u;
  }

  event(e: EventDraft): ProgressInput {
    return { ...e, topic: this.topic, owner: this.project.owner, project: this.project.id, progress: e.progress ?? this.progress };
  }

  /** A progress event that is not part of any state change. */
  say(e: EventDraft): void {
    // through the repository, so it joins the group commit of the writes around it
    if (!this.replay)
      void writeCommit(this.deps, this.project, { events: [e] }, { progress: this.progress, lazy: true }).catch(() => undefined);
  }

  /** set while the run closes: its writes go through even after a cancel was requested */
  finalizing = false;

  /** Commits queued without waiting (`defer`), not yet written. */
  private readonly deferred = new Set<Promise<unknown>>();

  /**
   * The run's one way to write: fenced by its lease, with the running time since the last write.
   * `defer`: returns at once (the row is in the in-memory journal already); the write lands in order
   * with the next ones, and `settle()` (called before every model call, tool run or other side
   * effect) waits for it, so nothing outside ever depends on a step that is not written yet. A
   * deferred write that fails stops the run.
   */
  async commit(c: CommitParts, opts: { defer?: boolean } = {}): Promise<Committed | undefined> {
    if (this.replay) {
      for (const d of c.journal ?? []) this.journal.set(d.key, provisional(this.project.id, d));
      return undefined;
    }
    const now = performance.now();
    const usage = { ...c.usage, wallMs: (c.usage?.wallMs ?? 0) + Math.round(now - this.wallMark) };
    this.wallMark = now;
    addTo(this.pendingUsage, usage, 1);
    const writing = writeCommit(
      this.deps,
      this.project,
      { ...c, usage },
      {
        fence: this.fence!,
        ignoreCancel: this.finalizing || c.ignoreCancel === true,
        progress: this.progress,
      },
    ).then(
      (done) => {
        addTo(this.pendingUsage, usage, -1);
        this.project = done.project;
        for (const j of done.journal) this.journal.set(j.key, j);
        return done;
      },
      (e: unknown) => {
        addTo(this.pendingUsage, usage, -1);
        throw e;
      },
    );
    if (!opts.defer) return writing;
    for (const d of c.journal ?? []) if (!this.journal.has(d.key)) this.journal.set(d.key, provisional(this.project.id, d));
    const tracked = writing.then(
      () => undefined,
      (e: unknown) => {
        if (!this.signal.aborted)
          this.ctrl.abort(e instanceof FactoryError ? e : new FactoryError('INTERNAL', (e as Error)?.message ?? String(e)));
      },
    );
    this.deferred.add(tracked);
    void tracked.finally(() => this.deferred.delete(tracked));
    return undefined;
  }

  /** Waits until every deferred write of this run has landed. */
  async settle(): Promise<void> {
    while (this.deferred.size > 0) await Promise.all([...this.deferred]);
  }

  /** Journals a warning mark with its event and audit row, once per limit. */
  private async warn(kind: BudgetKind, used: number, limit: number): Promise<void> {
    try {
      await this.commit({
        journal: [{ key: `budget-warning:${kind}:${limit}`, kind: 'mark', ok: true, data: { kind, used, limit } }],
        events: [
          {
            status: 'budget_warning',
            message: `${Math.round((used / limit) * 100)} % of the ${kind} budget used (${Math.round(used)} of ${limit})`,
            metadata: { kind, used, limit },
          },
        ],
        audit: [{ type: 'project_budget', action: 'warning', details: { kind, used, limit } }],
      });
    } catch {
      // a warning that cannot be written (the run is stopping) is not worth failing for
    }
  }
}
