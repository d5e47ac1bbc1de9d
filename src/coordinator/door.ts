/**
 * The door's part for pipelines, messages and memory (issue 13), under the same rules as the rest:
 * every method takes the asking Principal, parses its input with an exported zod schema, and a
 * submitter sees only its own projects and memory. The Coordinator extends this class.
 */
import { randomBytes } from 'node:crypto';
import { FactoryError } from '../errors/catalog.ts';
import { pageFromRows, type PageOf } from '../util/page.ts';
import { cursorKey, MessageBody, MessagesQuery, parseInput } from './api.ts';
import type { PipelineDetail, PipelineStatus, ProjectPipeline, RejectedPipelineView, SentMessage } from './door-schemas.ts';
import { recordDecision } from './decisions.ts';
import type { Runner } from './engine/runner.ts';
import { writeCommit, type EngineDeps } from './engine/run.ts';
import { isTerminal, type Principal, type ProjectRecord } from './model.ts';
import type { Memory } from './memory.ts';
import { MemoryDoor } from './door-memory.ts';
import type { Pipeline } from './pipelines/load.ts';
import type { PipelineRegistry } from './pipelines/registry.ts';
import { parseMentions } from './pipelines/routing.ts';
import { conversationOf, pipelineSummary, type ConversationLine, type PipelineSummary } from './pipelines/views.ts';

const detail = (pl: Pipeline): PipelineDetail => ({ ...pipelineSummary(pl), text: pl.bundle.text, roleFiles: pl.bundle.roles });

export class DoorExtras extends MemoryDoor {
  private runnerRef?: Runner;

  constructor(
    protected readonly deps: EngineDeps,
    protected readonly pipelines: PipelineRegistry,
    memory: Memory,
  ) {
    super(deps, memory);
  }

  protected attach(runner: Runner): void {
    this.runnerRef = runner;
  }

  /** GET /api/v1/pipelines: the loaded pipelines, and the files that did not load with every problem (line, column). */
  async listPipelines(who: Principal): Promise<{ pipelines: PipelineSummary[]; rejected: RejectedPipelineView[] }> {
    void who; // every role may read the pipelines
    return { pipelines: this.pipelines.list().map(pipelineSummary), rejected: this.pipelines.rejected };
  }

  /** GET /api/v1/pipelines/:name: one pipeline with its texts. */
  async pipeline(who: Principal, name: string): Promise<PipelineDetail> {
    void who;
    const pl = this.pipelines.get(name);
    if (!pl) {
      const bad = this.pipelines.rejectionOf(name);
      if (bad) throw new FactoryError('PIPELINE_INVALID', `The pipeline '${name}' does not load`, { file: bad.file, issues: bad.issues });
      throw new FactoryError('RESOURCE_NOT_FOUND', `No pipeline named '${name}'`, { kind: 'pipeline', id: name });
    }
    return detail(pl);
  }

  /** For /readyz: the pipelines that loaded, and the files that did not. */
  pipelineStatus(): PipelineStatus {
    const rejected = this.pipelines.rejected;
    return { ok: rejected.length === 0, dir: this.pipelines.dir, loaded: this.pipelines.list().map((p) => p.name), rejected };
  }

  /** Re-reads the pipeline directory (admins); running projects keep the texts they recorded. */
  async reloadPipelines(who: Principal): Promise<ReturnType<PipelineRegistry['reload']>> {
    if (who.role !== 'admin') throw new FactoryError('FORBIDDEN', 'Only an admin may reload the pipelines');
    return this.pipelines.reload();
  }

  /** GET /api/v1/projects/:id/pipeline: the exact pipeline texts the project runs under. */
  async pipelineOf(who: Principal, id: string): Promise<ProjectPipeline> {
    const p = await this.visible(who, id);
    const pl = await this.recordedPipeline(p);
    return pl ? detail(pl) : { name: p.pipeline, pattern: 'code' };
  }

  protected async recordedPipeline(p: ProjectRecord): Promise<Pipeline | undefined> {
    const row = await this.deps.repo.journalEntry(p.id, 'pipeline');
    const bundle = (row?.data as { bundle?: Pipeline['bundle'] } | undefined)?.bundle;
    return bundle ? this.pipelines.fromBundle(bundle) : undefined;
  }

  /**
   * POST /api/v1/projects/:id/messages: a person talks to the project. At an open gate that takes
   * messages (the planner's conversation) it is the answer; otherwise it goes to the project's inbox,
   * which the run reads at its next turn: `@name` addresses that agent, `@all` all of them, no
   * mention is routed. Only the owner or an admin may write; a finished project takes no messages.
   */
  async sendMessage(who: Principal, id: string, input: unknown): Promise<SentMessage> {
    const p = await this.decidable(who, id);
    const body = parseInput(MessageBody, input, 'message');
    const known = (await this.recordedPipeline(p))?.participants ?? [];
    const { mentions, unknown } = parseMentions(body.text, known);
    if (unknown.length)
      throw new FactoryError('VALIDATION_FAILED', `No agent named ${unknown.map((u) => `@${u}`).join(', ')} in project ${id}`, {
        issues: [{ path: 'text', message: `known: ${known.map((k) => `@${k}`).join(', ') || 'none'}, @all` }],
      });
    const at = new Date().toISOString();
    const base = { id: `msg_${randomBytes(6).toString('hex')}`, project: id, text: body.text, by: who.id, at, mentions };
    const to: SentMessage['to'] = mentions === 'all' ? known : mentions.length ? mentions : 'routed';
    if (p.status === 'waiting_for_approval' && p.waiting?.accepts?.includes('message')) {
      await recordDecision(this.deps, who, p, { decision: 'message', message: body.text, ...(body.gate ? { gate: body.gate } : {}) });
      this.runnerRef?.schedule(id);
      return { ...base, delivered: 'gate', to };
    }
    if (body.gate)
      throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} has no open ${body.gate} gate that takes messages`, {
        status: p.status,
      });
    if (isTerminal(p.status))
      throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} is ${p.status}: messages reach projects that are not finished`, {
        status: p.status,
      });
    const data = { id: base.id, text: body.text, by: who.id, at, mentions };
    const addressed = to === 'routed' ? '' : ` to ${to.map((t) => `@${t}`).join(', ')}`;
    await writeCommit(this.deps, p, {
      journal: [{ key: `signal:message:${base.id}`, kind: 'signal', ok: true, data }],
      events: [{ status: 'message', message: `message from ${who.id}${addressed}`, metadata: { id: base.id, to } }],
      audit: [{ type: 'project_message', action: 'sent', actor: who.id, input: body.text, details: { id: base.id, to } }],
    });
    return { ...base, delivered: 'inbox', to };
  }

  /** GET /api/v1/projects/:id/messages: the project's conversation (short-term memory): people, agents, routing. */
  async messages(who: Principal, id: string, query: unknown = {}): Promise<PageOf<ConversationLine>> {
    await this.visible(who, id);
    const q = parseInput(MessagesQuery, query, 'query');
    const afterSeq = Number(cursorKey(q.cursor)?.[0] ?? 0) || 0;
    const lines = conversationOf(await this.deps.repo.journal(id, { kinds: ['step', 'signal'], afterSeq }));
    return pageFromRows(lines.slice(0, q.limit + 1), q.limit, (l) => [l.seq]);
  }

  /** Admins and viewers see every project; a submitter only its own (others do not exist for it: 404, audited). */
  protected async visible(who: Principal, id: string): Promise<ProjectRecord> {
    await this.deps.access.require(who, id, 'read');
    const p = await this.deps.repo.get(id);
    if (!p) throw new FactoryError('RESOURCE_NOT_FOUND', `No project ${id}`, { kind: 'project', id });
    return p;
  }

  /** Only the owner or an admin may change a project (another who sees it: 403, audited). */
  protected async decidable(who: Principal, id: string): Promise<ProjectRecord> {
    await this.deps.access.require(who, id, 'change');
    return this.visible(who, id);
  }
}
