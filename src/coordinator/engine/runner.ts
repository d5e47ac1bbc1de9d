/**
 * Drives projects: at most coordinator.maxConcurrentProjects runs at once (the rest wait as pending).
 * A run takes the project's lease, verifies its journal, re-runs the workflow from the top (finished
 * steps come back from the journal), and ends in one of: completed / failed / cancelled (closed:
 * temporary agents and tools destroyed, metrics recorded), paused (budget or unavailable model or
 * sandbox; resumable), waiting for approval, or nothing at all on shutdown (resumed at next start).
 */
import { FactoryError } from '../../errors/catalog.ts';
import { verifyJournal } from '../journal.ts';
import { ACTIVE_STATUSES, isTerminal, type ProjectRecord } from '../model.ts';
import type { Workflow } from '../workflows/types.ts';
import { WorkflowContext } from './context.ts';
import { endRun, sortStop, type Ending } from './endings.ts';
import { staleHolder } from './lease.ts';
import { RunState, type EngineDeps } from './run.ts';

export class Runner {
  private readonly active = new Map<string, { run?: RunState; done: Promise<void> }>();
  private readonly queue: string[] = [];
  private slots = 0;
  private closing = false;

  constructor(
    private readonly deps: EngineDeps,
    private readonly workflows: ReadonlyMap<string, Workflow>,
  ) {}

  /** Runs in this process now, and projects waiting here for a free slot. */
  get load(): { running: number; queued: number } {
    return { running: this.active.size, queued: this.queue.length };
  }

  get isClosing(): boolean {
    return this.closing;
  }

  isActive(id: string): boolean {
    return this.active.has(id) || this.queue.includes(id);
  }

  /** Starts a run when a slot is free, else queues it. Never throws; returns when it was started or queued. */
  schedule(id: string): void {
    if (this.closing || this.isActive(id)) return;
    if (this.slots >= this.deps.settings.maxConcurrentProjects) {
      this.queue.push(id);
      return;
    }
    this.launch(id);
  }

  private launch(id: string): void {
    this.slots++;
    const entry: { run?: RunState; done: Promise<void> } = { done: Promise.resolve() };
    this.active.set(id, entry);
    entry.done = this.drive(id, entry)
      .catch(() => false)
      .then((again) => {
        this.active.delete(id);
        this.slots--;
        // the budget was raised while a refused call unwound: run again at once instead of pausing
        if (again && !this.closing) return this.launch(id);
        const next = this.queue.shift();
        if (next && !this.closing) this.launch(next);
      });
  }

  /** Resolves when the project's current run (if any) has ended. */
  async settled(id: string): Promise<void> {
    while (this.isActive(id)) {
      const e = this.active.get(id);
      if (e) await e.done;
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops a run in this process at once (its model calls and sandboxes abort). False: none runs here. */
  abort(id: string, reason: FactoryError): boolean {
    const q = this.queue.indexOf(id);
    if (q >= 0) this.queue.splice(q, 1);
    const run = this.active.get(id)?.run;
    if (!run) return false;
    if (!run.signal.aborted) run.ctrl.abort(reason);
    return true;
  }

  /** The live record of a running project changed from outside (budget): the run sees it at once. */
  refresh(p: ProjectRecord): void {
    const run = this.active.get(p.id)?.run;
    if (run && p.updatedAt >= run.project.updatedAt) run.project = { ...run.project, config: p.config };
  }

  /** Shutdown: runs stop where they are (their projects stay active and resume at the next start). */
  async close(): Promise<void> {
    this.closing = true;
    this.queue.length = 0;
    for (const e of this.active.values()) e.run?.ctrl.abort(new FactoryError('SHUTTING_DOWN', 'the coordinator is shutting down'));
    await Promise.allSettled([...this.active.values()].map((e) => e.done));
  }

  /** One run; true when it should run again at once. */
  private async drive(id: string, entry: { run?: RunState }): Promise<boolean> {
    const { repo, instance, settings } = this.deps;
    const before = await repo.get(id);
    if (!before) return false;
    const expires = () => new Date(Date.now() + settings.leaseMs).toISOString();
    if (!(await repo.acquire(id, instance, expires(), staleHolder(before.lease, instance)))) return false;
    let heartbeat: NodeJS.Timeout | undefined;
    let restart = false;
    const timers: NodeJS.Timeout[] = [];
    try {
      const p = (await repo.get(id))!;
      if (isTerminal(p.status) || (!ACTIVE_STATUSES.includes(p.status) && !p.cancelRequested)) return false;
      const rows = await repo.journal(id);
      const verdict = verifyJournal(rows, { length: p.journalLength, head: p.journalHead });
      const run = new RunState(this.deps, p, rows, instance);
      entry.run = run;
      if (!verdict.ok) {
        await endRun(
          this.deps,
          run,
          {
            kind: 'failed',
            error: new FactoryError(
              'JOURNAL_BROKEN',
              `The journal of project ${id} does not verify at row ${verdict.brokenAt} (${verdict.key}): ${verdict.reason}`,
              verdict,
            ),
          },
          false,
        );
        return false;
      }
      heartbeat = setInterval(
        () =>
          void repo.renew(id, instance, expires()).then((ok) => {
            if (!ok) run.ctrl.abort(new FactoryError('PROJECT_BUSY', `lost the lease of project ${id}`));
          }),
        Math.max(200, Math.floor(settings.leaseMs / 3)),
      );
      heartbeat.unref();
      if (p.cancelRequested) {
        await endRun(
          this.deps,
          run,
          { kind: 'cancelled', error: new FactoryError('PROJECT_CANCELLED', `Project ${id} was cancelled`) },
          true,
        );
        return false;
      }
      let ending: Ending | 'suspended' | 'paused' | 'stopped' | 'restart';
      try {
        await this.begin(run);
        this.arm(run, timers);
        const outcome = await this.workflowOf(run)(new WorkflowContext(run));
        ending = { kind: 'completed', outcome };
      } catch (e) {
        ending = await sortStop(this.deps, run, e);
      }
      if (typeof ending === 'object') await endRun(this.deps, run, ending, true);
      restart = ending === 'restart';
    } finally {
      await entry.run?.settle(); // nothing written after the lease is let go
      if (heartbeat) clearInterval(heartbeat);
      for (const t of timers) clearTimeout(t);
      await repo.release(id, instance).catch(() => undefined);
    }
    return restart;
  }

  private workflowOf(run: RunState): Workflow {
    const wf = this.workflows.get(run.project.pipeline);
    if (!wf) throw new FactoryError('INTERNAL', `no workflow named '${run.project.pipeline}'`);
    return wf;
  }

  private async begin(run: RunState): Promise<void> {
    const p = run.project;
    const first = p.startedAt === null;
    await run.commit({
      journal: [{ key: `run:${p.runs}`, kind: 'mark', ok: true, data: { instance: this.deps.instance, resumed: !first } }],
      patch: { status: p.phase, ...(first ? { startedAt: new Date().toISOString() } : {}) },
      events: [
        {
          status: first ? 'started' : 'resumed',
          message: first ? 'project started' : `project resumed (run ${p.runs})`,
          metadata: { run: p.runs, phase: p.phase },
        },
      ],
    });
  }

  /** The wall-clock budget and the overall timeout abort the run (model calls and sandboxes with it). */
  private arm(run: RunState, timers: NodeJS.Timeout[]): void {
    const cfg = run.project.config;
    const wall = cfg.budget.wallMs;
    if (wall !== null) {
      const left = wall - run.liveUsage().wallMs;
      const fire = () =>
        run.ctrl.abort(
          new FactoryError('BUDGET_EXCEEDED', `The project used its wall-clock budget of ${wall} ms`, {
            kind: 'wallMs',
            limit: wall,
            used: Math.round(run.liveUsage().wallMs),
            needed: 0,
          }),
        );
      if (left <= 0) fire();
      else timers.push(setTimeout(fire, left));
      const warnIn = 0.8 * wall - run.liveUsage().wallMs;
      if (warnIn > 0) timers.push(setTimeout(() => run.guard.checkWarnings(), warnIn + 5));
    }
    const deadline = Date.parse(run.project.startedAt ?? new Date().toISOString()) + cfg.timeoutMs - Date.now();
    const timeout = () =>
      run.ctrl.abort(
        new FactoryError('PROJECT_TIMEOUT', `Project ${run.project.id} ran past its timeout of ${cfg.timeoutMs} ms`, {
          timeoutMs: cfg.timeoutMs,
        }),
      );
    if (deadline <= 0) timeout();
    else timers.push(setTimeout(timeout, Math.min(deadline, 2 ** 31 - 1)));
    for (const t of timers) t.unref();
  }

  /** Ends a project that no run drives right now (cancel while waiting, paused or queued). */
  async finalize(id: string, ending: Ending): Promise<boolean> {
    const { repo, instance, settings } = this.deps;
    const p = await repo.get(id);
    if (!p) return false;
    if (!(await repo.acquire(id, instance, new Date(Date.now() + settings.leaseMs).toISOString(), staleHolder(p.lease, instance))))
      return false;
    try {
      const fresh = (await repo.get(id))!;
      const run = new RunState(this.deps, fresh, await repo.journal(id), instance);
      await endRun(this.deps, run, ending, true);
      return true;
    } finally {
      await repo.release(id, instance).catch(() => undefined);
    }
  }
}
