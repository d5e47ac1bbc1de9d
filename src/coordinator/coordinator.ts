/**
 * The coordinator's door: projects created, listed, read, cancelled, approved, resumed, re-budgeted,
 * reported and replayed, each call checked against the principal asking. Routes and the CLI are thin
 * translations of these methods; progress streams on the EventBus topic `project:<id>`.
 */
import { randomBytes } from 'node:crypto';
import { FactoryError } from '../errors/catalog.ts';
import { pageFromRows, type PageOf } from '../util/page.ts';
import {
  ApprovalBody,
  BudgetPatchBody,
  CreateProjectBody,
  cursorKey,
  ListProjectsQuery,
  parseInput,
  resolveSettings,
  StepsQuery,
} from './api.ts';
import { usedOf } from './engine/budget.ts';
import { heldElsewhere } from './engine/lease.ts';
import { writeCommit, type EngineDeps } from './engine/run.ts';
import { Runner } from './engine/runner.ts';
import { journalBuilder, verifyJournal, type JournalVerdict } from './journal.ts';
import { ACTIVE_STATUSES, isTerminal, type Principal, type ProjectRecord, type ProjectStatus } from './model.ts';
import type { CoordinatorStatus } from './schemas.ts';
import { recordDecision } from './decisions.ts';
import { replayProject, type ReplayResult } from './replay.ts';
import {
  projectReport,
  projectView,
  stepView,
  summaryOf,
  type ProjectReport,
  type ProjectSummary,
  type ProjectView,
  type StepView,
} from './views.ts';
import { seed004 } from './workflows/seed004.ts';
import type { Workflow } from './workflows/types.ts';
import { Memory } from './memory.ts';
import type { MemoryRepository } from './ports.ts';
import { interpret } from './pipelines/interpret.ts';
import type { Pipeline, PipelineBundle } from './pipelines/load.ts';
import { PipelineRegistry, summary as issueSummary } from './pipelines/registry.ts';
import type { PipelineEnv } from './pipelines/runtime.ts';
import type { JournalEntry } from './model.ts';
import { DoorExtras } from './door.ts';

/** The code workflow of seed 004, for projects created before pipelines (and when no pipeline directory is loaded). */
export const DEFAULT_PIPELINE = 'seed004';

export interface CoordinatorParts {
  /** workflows by name (code), for tests and projects recorded before pipelines */
  workflows?: Record<string, Workflow>;
  /** the pipeline files; without it only the code workflows run */
  pipelines?: PipelineRegistry;
  /** long-term memory (the store's MemoryRepository) */
  memory: MemoryRepository;
}

/** The texts a project recorded at its creation (journal row `pipeline`). */
interface RecordedPipeline {
  name: string;
  pattern: string;
  digest: string;
  bundle: PipelineBundle;
}

export class Coordinator extends DoorExtras {
  protected readonly runner: Runner;
  private readonly workflows: Map<string, Workflow>;
  private readonly interpreted = new Map<string, Workflow>();
  private readonly env: PipelineEnv;
  private started = false;

  constructor(deps: EngineDeps, opts: CoordinatorParts) {
    const memory = new Memory(opts.memory, deps.settings.memory);
    const withHooks: EngineDeps = {
      ...deps,
      onEnded: (p) => {
        deps.onEnded?.(p);
        void memory.recordEpisode(deps.llm, p).catch(() => undefined);
      },
    };
    const pipelines = opts.pipelines ?? new PipelineRegistry('');
    super(withHooks, pipelines, memory);
    this.workflows = new Map(Object.entries({ [DEFAULT_PIPELINE]: seed004, ...opts.workflows }));
    this.env = { memory, routingThreshold: deps.settings.routing.threshold, shortTermMessages: deps.settings.memory.shortTermMessages };
    this.runner = new Runner(withHooks, (run) => this.workflowOf(run.project, run.journal));
    this.attach(this.runner);
  }

  /** The workflow of a project: its recorded pipeline, interpreted (once per digest), or a code workflow by name. */
  private workflowOf(p: ProjectRecord, journal: ReadonlyMap<string, JournalEntry>): Workflow {
    const rec = journal.get('pipeline')?.data as RecordedPipeline | undefined;
    if (rec) {
      let wf = this.interpreted.get(rec.digest);
      if (!wf) {
        wf = interpret(this.pipelines.fromBundle(rec.bundle), this.env);
        this.interpreted.set(rec.digest, wf);
      }
      return wf;
    }
    const wf = this.workflows.get(p.pipeline);
    if (!wf) throw new FactoryError('INTERNAL', `no workflow named '${p.pipeline}'`);
    return wf;
  }

  /** The pipeline a new project of `name` runs (undefined: a code workflow of that name). */
  private pipelineFor(name: string | undefined): Pipeline | undefined {
    const wanted = name ?? this.deps.settings.defaultPipeline;
    const pl = this.pipelines.get(wanted);
    if (pl) return pl;
    if (name === undefined && !this.pipelines.rejectionOf(wanted)) return undefined; // no pipeline files: seed 004's code workflow
    if (name !== undefined && this.workflows.has(name)) return undefined;
    const bad = this.pipelines.rejectionOf(wanted);
    if (bad)
      throw new FactoryError('PIPELINE_INVALID', `The pipeline '${wanted}' does not load: ${issueSummary(bad.issues)}`, {
        file: bad.file,
        issues: bad.issues,
      });
    throw new FactoryError('VALIDATION_FAILED', `No pipeline named '${wanted}'`, {
      issues: [
        { path: 'pipeline', message: `known: ${[...this.pipelines.list().map((x) => x.name), ...this.workflows.keys()].join(', ')}` },
      ],
    });
  }

  /** The stream topic of a project's events. */
  static topic(id: string): string {
    return `project:${id}`;
  }

  /** Resumes every project a stopped or crashed process left running (its lease lapsed or its process is gone). */
  async start(): Promise<{ resumed: string[] }> {
    this.started = true;
    const resumed: string[] = [];
    for (const p of await this.deps.repo.inStatus(ACTIVE_STATUSES)) {
      if (heldElsewhere(p.lease, this.deps.instance)) continue;
      this.runner.schedule(p.id);
      resumed.push(p.id);
    }
    return { resumed };
  }

  /** For readiness: whether this process drives projects, its runs, and the projects in each state of the store. */
  async status(): Promise<CoordinatorStatus> {
    const by = await this.deps.repo.countByStatus();
    const n = (...s: ProjectStatus[]) => s.reduce((sum, x) => sum + (by[x] ?? 0), 0);
    return {
      ok: !this.runner.isClosing,
      started: this.started,
      ...this.runner.load,
      pending: n('pending'),
      active: n('planning', 'executing', 'reviewing'),
      waiting: n('waiting_for_approval'),
      paused: n('paused'),
      completed: n('completed'),
      failed: n('failed'),
      cancelled: n('cancelled'),
    };
  }

  /** Stops the runs of this process where they are; their projects resume at the next start. */
  close(): Promise<void> {
    return this.runner.close();
  }

  async create(who: Principal, input: unknown): Promise<ProjectView> {
    if (who.role === 'viewer') throw new FactoryError('FORBIDDEN', 'A viewer may not create projects');
    const body = parseInput(CreateProjectBody, input, 'project');
    const pl = this.pipelineFor(body.pipeline);
    const pipeline = pl?.name ?? body.pipeline ?? DEFAULT_PIPELINE;
    const base = pl?.spec.config ? resolveSettings(this.deps.settings.defaults, pl.spec.config) : this.deps.settings.defaults;
    const config = resolveSettings(base, body.config);
    const id = `prj_${randomBytes(8).toString('hex')}`;
    const name = body.name?.trim() ?? body.task.trim().replace(/\s+/g, ' ').slice(0, 80);
    const record = { id, name, owner: who.id, task: body.task, pipeline, config };
    const recorded: RecordedPipeline | undefined = pl && { name: pl.name, pattern: pl.pattern, digest: pl.digest, bundle: pl.bundle };
    await this.deps.repo.create(
      record,
      {
        journal: recorded
          ? [journalBuilder(id, { key: 'pipeline', kind: 'mark', ok: true, data: recorded, meta: { digest: pl!.digest } })]
          : [],
        events: [
          {
            topic: Coordinator.topic(id),
            owner: who.id,
            project: id,
            status: 'pending',
            progress: 0,
            message: `project ${name} created`,
            metadata: { pipeline },
          },
        ],
        audit: [
          this.deps.audit.prepare({
            type: 'project_created',
            action: 'create',
            target: id,
            project: id,
            actor: who.id,
            input: body.task,
            details: { name, pipeline, config, ...(pl ? { pattern: pl.pattern, digest: pl.digest } : {}) },
          }),
        ],
      },
      (w) => {
        for (const e of w.events) this.deps.events.announce(e);
        for (const a of w.audit) this.deps.audit.announce(a);
      },
    );
    this.runner.schedule(id);
    return this.get(who, id);
  }

  /** The projects `who` may see, newest first: a page of `limit` after `cursor` (the previous page's next key). */
  async list(who: Principal, query: unknown = {}): Promise<PageOf<ProjectSummary>> {
    const q = parseInput(ListProjectsQuery, query, 'query');
    const scope = this.deps.access.owners(who);
    const owners = scope === 'all' ? (q.owner ? [q.owner] : undefined) : q.owner ? scope.filter((o) => o === q.owner) : scope;
    const status = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
    const after = cursorKey(q.cursor);
    const rows = await this.deps.repo.list({
      ...(owners ? { owners } : {}),
      ...(status ? { status } : {}),
      ...(after ? { before: [String(after[0]), String(after[1] ?? '')] as [string, string] } : {}),
      limit: q.limit + 1,
    });
    const page = pageFromRows(rows, q.limit, (p) => [p.createdAt, p.id]);
    return { items: page.items.map((p) => summaryOf(p, this.runner.isActive(p.id))), next: page.next };
  }

  async get(who: Principal, id: string): Promise<ProjectView> {
    const p = await this.visible(who, id);
    return projectView(p, await this.deps.repo.journal(id, { kinds: ['step', 'signal'] }), this.runner.isActive(id));
  }

  /** The journal's rows in order (steps, decisions, runner marks; with `calls` the model replies and tool runs too), paged. */
  async steps(who: Principal, id: string, query: unknown = {}): Promise<PageOf<StepView>> {
    await this.visible(who, id);
    const q = parseInput(StepsQuery, query, 'query');
    const rows = await this.deps.repo.journal(id, {
      afterSeq: Number(cursorKey(q.cursor)?.[0] ?? 0) || 0,
      limit: q.limit + 1,
      ...(q.calls ? {} : { kinds: ['step', 'signal', 'mark'] }),
    });
    const page = pageFromRows(rows, q.limit, (r) => [r.seq]);
    return { items: page.items.map(stepView), next: page.next };
  }

  /** One step with the model replies and tool runs made inside it. */
  async step(who: Principal, id: string, key: string): Promise<StepView & { calls: StepView[] }> {
    await this.visible(who, id);
    const row = await this.deps.repo.journalEntry(id, key);
    if (!row) throw new FactoryError('RESOURCE_NOT_FOUND', `Project ${id} has no step ${key}`, { project: id, step: key });
    const calls = (await this.deps.repo.journal(id, { kinds: ['llm', 'tool'] })).filter((r) => r.key.startsWith(`${key}#`));
    return { ...stepView(row), calls: calls.map(stepView) };
  }

  async report(who: Principal, id: string): Promise<ProjectReport> {
    const p = await this.visible(who, id);
    return projectReport(p, await this.deps.repo.journal(id, { kinds: ['step', 'signal', 'mark'] }), this.runner.isActive(id));
  }

  /** Idempotent: stops model calls and sandboxes at once, destroys the project's temporary agents and tools. */
  async cancel(who: Principal, id: string, reason = 'cancelled by request'): Promise<ProjectView> {
    const p = await this.decidable(who, id);
    if (p.status === 'cancelled') return this.get(who, id);
    if (isTerminal(p.status)) throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} is already ${p.status}`, { status: p.status });
    await this.deps.repo.requestCancel(id);
    await writeCommit(this.deps, p, {
      events: [{ status: 'cancelling', message: `cancel requested by ${who.id}: ${reason}`, metadata: { by: who.id, reason } }],
      audit: [{ type: 'project_status_changed', action: 'cancel_requested', actor: who.id, details: { from: p.status, reason } }],
    });
    const error = new FactoryError('PROJECT_CANCELLED', `Project ${id} was cancelled by ${who.id}: ${reason}`, { by: who.id, reason });
    if (this.runner.isActive(id)) {
      this.runner.abort(id, error);
      await this.runner.settled(id);
    }
    const now = (await this.deps.repo.get(id))!;
    if (!isTerminal(now.status) && !heldElsewhere(now.lease, this.deps.instance))
      await this.runner.finalize(id, { kind: 'cancelled', error });
    return this.get(who, id);
  }

  /** Approve, reject with a reason, or approve an edited plan; only the owner or an admin decides. */
  async approve(who: Principal, id: string, input: unknown): Promise<ProjectView> {
    const p = await this.decidable(who, id);
    await recordDecision(this.deps, who, p, parseInput(ApprovalBody, input, 'decision'));
    this.runner.schedule(id);
    return this.get(who, id);
  }

  /** A paused project goes on (a project whose budget is used up first needs PATCH budget). */
  async resume(who: Principal, id: string): Promise<ProjectView> {
    const p = await this.decidable(who, id);
    if (ACTIVE_STATUSES.includes(p.status)) {
      if (!this.runner.isActive(id) && !heldElsewhere(p.lease, this.deps.instance)) this.runner.schedule(id);
      return this.get(who, id);
    }
    if (p.status !== 'paused')
      throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} is ${p.status}, not paused`, { status: p.status });
    const spent = exhausted(p);
    if (spent)
      throw new FactoryError(
        'BUDGET_EXCEEDED',
        `Project ${id} has used its ${spent} budget; raise it with PATCH budget, which resumes it`,
        { kind: spent, budget: p.config.budget, usage: p.usage },
      );
    await this.unpause(who, p);
    return this.get(who, id);
  }

  /** New limits (null = unlimited); a project paused by its budget resumes when they allow it. */
  async patchBudget(who: Principal, id: string, input: unknown): Promise<ProjectView> {
    const p = await this.decidable(who, id);
    if (isTerminal(p.status)) throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} is ${p.status}`, { status: p.status });
    const patch = parseInput(BudgetPatchBody, input, 'budget');
    const budget = { ...p.config.budget, ...patch };
    const done = await writeCommit(this.deps, p, {
      patch: { config: { ...p.config, budget } },
      events: [{ status: 'budget_changed', message: `budget changed by ${who.id}`, metadata: { from: p.config.budget, to: budget } }],
      audit: [{ type: 'project_budget', action: 'changed', actor: who.id, details: { from: p.config.budget, to: budget } }],
    });
    this.runner.refresh(done.project);
    if (done.project.status === 'paused' && done.project.paused?.reason === 'budget' && !exhausted(done.project))
      await this.unpause(who, done.project);
    return this.get(who, id);
  }

  /** Runs the workflow (the recorded pipeline) over the journal with no model, tools or agents, writing nothing. */
  async replay(who: Principal, id: string): Promise<ReplayResult> {
    const p = await this.visible(who, id);
    const rows = await this.deps.repo.journal(id);
    return replayProject(this.deps, p, rows, this.workflowOf(p, new Map(rows.map((r) => [r.key, r]))));
  }

  /** Checks the journal's hash chain. */
  async verify(who: Principal, id: string): Promise<JournalVerdict> {
    const p = await this.visible(who, id);
    return verifyJournal(await this.deps.repo.journal(id), { length: p.journalLength, head: p.journalHead });
  }

  /** For the stream route: who may subscribe to `project:<id>`. */
  async ownerOf(id: string): Promise<string | undefined> {
    return (await this.deps.repo.get(id))?.owner;
  }

  /** Resolves once no run of the project is active in this process (it finished, waits, paused or stopped). */
  async settled(who: Principal, id: string): Promise<ProjectView> {
    await this.visible(who, id);
    await this.runner.settled(id);
    return this.get(who, id);
  }

  private async unpause(who: Principal, p: ProjectRecord): Promise<void> {
    await writeCommit(this.deps, p, {
      patch: { status: p.phase, paused: null },
      events: [{ status: 'resuming', message: `resumed by ${who.id}`, metadata: { by: who.id } }],
      audit: [{ type: 'project_status_changed', action: 'resumed', actor: who.id, details: { from: 'paused', to: p.phase } }],
    });
    this.runner.schedule(p.id);
  }
}

/** The first budget whose limit is reached, if any. */
function exhausted(p: ProjectRecord): string | null {
  for (const kind of ['tokens', 'costUsd', 'wallMs', 'toolRuns'] as const) {
    const limit = p.config.budget[kind];
    if (limit !== null && usedOf(p.usage, kind) >= limit) return kind;
  }
  return null;
}
