/**
 * What every pattern interpreter is written with: the engine's primitives (ctx.step, ctx.gate,
 * ctx.inbox, ctx.transition) wrapped for roles. A role call is one step (its model replies and tool
 * runs journaled inside it), preceded by a knowledge step when the role asks for knowledge; people's
 * messages come in through inbox steps; routing is a step. Nothing here writes outside the engine,
 * so crash safety, replay, budgets, cancel, audit, metrics and the stream hold for every pattern.
 */
import type { ToolBlueprint } from '../../blueprints/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { InboxMessage, StepOptions, WorkflowContext } from '../engine/context.ts';
import type { Memory } from '../memory.ts';
import type { Pipeline, PipelineRole } from './load.ts';
import { callRole, type RoleReply, type RoleRequest } from './role-call.ts';
import { route, type RouteDecision } from './routing.ts';

export interface PipelineEnv {
  memory: Memory;
  routingThreshold: number;
  shortTermMessages: number;
}

/** One line of the project's conversation (short-term memory). */
export interface Turn {
  speaker: string;
  text: string;
}

export type CallOptions = Omit<StepOptions<RoleReply>, 'meta'> & {
  meta?: Record<string, unknown>;
  /** checks the reply inside the step; what it throws is the step's (journaled) failure */
  check?: (r: RoleReply) => void;
};
export type CallRequest = Omit<RoleRequest, 'pipeline' | 'task' | 'owner' | 'maxRepeatedToolCalls' | 'offered' | 'knowledge'> & {
  /** what knowledge is looked up with (default: the task) */
  query?: string;
};

export class PipelineRun {
  /** people's messages read so far, for roles that take notes */
  readonly notes: InboxMessage[] = [];
  readonly transcript: Turn[] = [];

  constructor(
    readonly ctx: WorkflowContext,
    readonly pipeline: Pipeline,
    readonly env: PipelineEnv,
  ) {}

  get task(): string {
    return this.ctx.project.task;
  }

  role(key: string): PipelineRole {
    const r = this.pipeline.roles.get(key);
    if (!r) throw new FactoryError('INTERNAL', `pipeline ${this.pipeline.name} has no role ${key}`);
    return r;
  }

  /** A role call as one step `key` (and `key/knowledge` before it when the role takes knowledge). */
  async call(key: string, roleKey: string, req: CallRequest, opts: CallOptions = {}): Promise<RoleReply> {
    const role = this.role(roleKey);
    const knowledge = role.knowledge ? await this.knowledge(`${key}/knowledge`, req.query ?? this.task, role.knowledge) : [];
    const { query: _q, ...rest } = req;
    const { check, ...stepOpts } = opts;
    return this.ctx.step(
      key,
      async (io) => {
        const offered = (await Promise.all(role.blueprint.tools.map((t) => this.ctx.deps.tools.get(t, this.ctx.project.owner)))).filter(
          (t): t is ToolBlueprint => t !== undefined,
        );
        const reply = await callRole(io, role, {
          ...rest,
          pipeline: this.pipeline.name,
          task: this.task,
          owner: this.ctx.project.owner,
          maxRepeatedToolCalls: this.ctx.config.maxRepeatedToolCalls,
          offered,
          knowledge,
        });
        check?.(reply);
        return reply;
      },
      {
        announce: true,
        summary: (r) => `${roleKey}: ${r.kind === 'transfer' ? `transfers to ${r.to}` : oneLine(r.text, 160)}`,
        ...stepOpts,
        meta: { phase: 'role', role: roleKey, ...opts.meta },
      },
    );
  }

  /**
   * A role call retried with the error in its instructions (seed 003: a bad result is retried with
   * the error in the prompt): attempts `key`, `key~2`, … up to 1 + retries; the last error is thrown.
   */
  async callRetrying(key: string, roleKey: string, req: CallRequest, retries: number, opts: CallOptions = {}): Promise<RoleReply> {
    let last: unknown;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      const why = last ? `\n\nYour previous answer failed: ${errorLine(last)}. Correct that.` : '';
      try {
        return await this.call(
          attempt === 1 ? key : `${key}~${attempt}`,
          roleKey,
          { ...req, instructions: `${req.instructions ?? ''}${why}`.trim() || undefined },
          {
            ...opts,
            meta: { ...opts.meta, attempt },
          } as CallOptions,
        );
      } catch (e) {
        this.ctx.rethrowIfStop(e);
        last = e;
      }
    }
    throw last;
  }

  /** The owner's knowledge most similar to `query` (knowledge injection), as a step. */
  async knowledge(key: string, query: string, k: { topK: number; minScore: number }) {
    return this.ctx.step(
      key,
      async (io) => {
        const hits = await this.env.memory.searchKnowledge(io.llm, this.ctx.project.owner, query, k);
        return hits.map((h) => ({ id: h.item.id, title: h.item.title, content: oneLine(h.item.content, 2000), score: round(h.score) }));
      },
      { quiet: true, meta: { phase: 'knowledge' }, summary: (r) => `${r.length} knowledge item(s)` },
    );
  }

  /** Finished projects of the owner similar to the task (episodic memory), as a step. */
  async episodes(key: string) {
    if (this.env.memory.settings.episodes.topK === 0) return [];
    return this.ctx.step(
      key,
      async (io) => {
        const hits = await this.env.memory.searchEpisodes(io.llm, this.ctx.project.owner, this.task);
        return hits
          .filter((h) => h.item.project !== this.ctx.project.id)
          .map((h) => ({
            task: oneLine(h.item.task, 500),
            status: h.item.status,
            outcome: oneLine(h.item.outcome.summary, 500),
            quality: h.item.scores.quality,
            score: round(h.score),
          }));
      },
      { quiet: true, meta: { phase: 'episodes' }, summary: (r) => `${r.length} similar earlier project(s)` },
    );
  }

  /** People's messages since the last look: added to the notes and the transcript. */
  async inbox(key: string): Promise<InboxMessage[]> {
    const got = await this.ctx.inbox(key);
    for (const m of got) {
      this.notes.push(m);
      this.transcript.push({ speaker: `human:${m.by}`, text: m.text });
    }
    return got;
  }

  /** The notes a role sees: those addressed to it, to @all, or to nobody in particular. */
  notesFor(roleKey: string): { by: string; text: string }[] {
    return this.notes
      .filter((m) => m.mentions === 'all' || m.mentions.length === 0 || m.mentions.includes(roleKey))
      .map((m) => ({ by: m.by, text: m.text }));
  }

  /** The newest part of the conversation an agent is shown (short-term memory window). */
  window(): Turn[] {
    return this.transcript.slice(-this.env.shortTermMessages);
  }

  /** Routes `text` among `candidates` (the pipeline's agents by default), as a step. */
  async route(key: string, text: string, candidates = this.pipeline.participants): Promise<RouteDecision> {
    const list = candidates.map((k) => ({ key: k, description: this.role(k).blueprint.description }));
    return this.ctx.step(
      key,
      (io) => route(io, text, list, { threshold: this.env.routingThreshold, format: this.pipeline.formats.router }),
      {
        meta: { phase: 'route' },
        summary: (d) => `routed to ${d.agent} (${d.by}, similarity ${d.scores[0]?.score ?? 0})`,
        effects: (d) => ({
          events: [
            {
              status: 'routed',
              message: `message routed to ${d.agent} (${d.by})`,
              metadata: { agent: d.agent, by: d.by, scores: d.scores },
            },
          ],
        }),
      },
    );
  }

  /** Saves the outputs of roles marked `remember` into the owner's knowledge base (once, as a step). */
  async remember(outputs: { role: string; text: string }[]): Promise<void> {
    const kept = outputs.filter((o) => this.role(o.role).remember);
    if (kept.length === 0) return;
    await this.ctx.step(
      'remember',
      async (io) => {
        const ids: string[] = [];
        for (const [i, o] of kept.entries()) {
          const item = await this.env.memory.addKnowledge(io.llm, this.ctx.project.owner, {
            id: `kn_${this.ctx.project.id}_${i}`,
            title: `${this.pipeline.name}/${o.role}: ${oneLine(this.task, 120)}`,
            content: o.text.slice(0, this.env.memory.settings.knowledge.maxChars),
            source: `project:${this.ctx.project.id}`,
            project: this.ctx.project.id,
            tags: [this.pipeline.name, o.role],
          });
          ids.push(item.id);
        }
        return { saved: ids };
      },
      { meta: { phase: 'remember' }, summary: (r) => `${r.saved.length} result(s) saved to the knowledge base` },
    );
  }
}

export const oneLine = (s: string, n: number): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
export const errorLine = (e: unknown): string =>
  e instanceof FactoryError ? `${e.code}: ${oneLine(e.message, 400)}` : oneLine(String((e as Error)?.message ?? e), 400);
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The text of a reply for a transcript or a result. */
export const textOf = (r: RoleReply): string =>
  r.kind === 'transfer' ? r.text : typeof r.value === 'string' ? r.value : JSON.stringify(r.value);
