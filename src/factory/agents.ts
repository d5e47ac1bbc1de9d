import type { Principal } from '../access/index.ts';
import { AgentBlueprint, blueprintInvalid, inputContract, parseAgentBlueprint, type ToolBlueprint } from '../blueprints/index.ts';
import { FactoryError } from '../errors/catalog.ts';
import { defineFormat, ROLES, type ChatMessage, type LlmUsage, type ToolSpec } from '../llm/index.ts';
import type { AgentRecord } from '../store/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';
import { renderAgentSystemPrompt, renderPrompt, specialistDesignerContext } from '../templates/index.ts';
import type { FactoryDeps } from './deps.ts';
import type { ToolFactory } from './tools.ts';
import { classifyReply, repromptMessage, type ReplyProblem } from './agent-turns.ts';
import { newId, ReasoningStream, Work } from './work.ts';

/** A registered tool as Ollama's tool calling sees it: name, description, JSON schema of its input (the schema that is enforced). */
export function toolSpecOf(bp: ToolBlueprint): ToolSpec {
  return {
    name: bp.name,
    description: `${bp.description} ${bp.purpose}`.slice(0, 1000),
    parameters: { ...inputContract(bp.inputSpec).jsonSchema },
  };
}

/** A stored agent (its blueprint parsed by the store with the blueprint schema). */
export type AgentView = AgentRecord;
type Created = AgentView & { warnings: string[] };

/**
 * Agent blueprints into runtime specialists: create, design for a task, clone, destroy, expire, run.
 * Every method takes the principal it acts for; the access rules decide what it may see and change.
 */
export class AgentFactory {
  constructor(
    private readonly d: FactoryDeps,
    private readonly tools: ToolFactory,
  ) {}

  /** Validated by the blueprint schema and the policy rules before anything is stored. */
  async create(
    input: unknown,
    p: Principal,
    opts: { origin?: AgentRecord['origin']; parent?: string | null; shared?: boolean } = {},
  ): Promise<Created> {
    const bp = parseAgentBlueprint(input);
    const origin = opts.origin ?? 'blueprint';
    const parent = opts.parent ?? null;
    if (!this.d.policies.has(bp.policy))
      throw blueprintInvalid('agent', [{ path: 'policy', message: `no policy named '${bp.policy}'` }], bp.name);
    // a tool the creator may not see is reported exactly like one that does not exist
    const usable = await Promise.all(bp.tools.map((t) => this.d.access.may(p, 'tool', t, 'use')));
    const unknownTools = bp.tools.filter((_, i) => !usable[i]);
    const rec = await this.d.store.agents.insert({
      id: newId('agt'),
      name: bp.name,
      origin,
      parent,
      blueprint: bp,
      createdBy: p.id,
      shared: opts.shared ?? false,
      expiresAt: bp.ttlSeconds ? new Date(Date.now() + bp.ttlSeconds * 1000).toISOString() : null,
    });
    const details = {
      name: bp.name,
      type: bp.type,
      policy: bp.policy,
      tools: bp.tools,
      parent,
      expiresAt: rec.expiresAt,
      shared: rec.shared,
    };
    await this.d.audit.record({ type: 'agent_created', action: origin, target: rec.id, agent: rec.id, actor: p.id, details });
    await this.d.events.publish({
      topic: `agent:${rec.id}`,
      owner: p.id,
      agent: rec.id,
      status: 'created',
      progress: 1,
      message: `agent ${bp.name} created (${origin})`,
    });
    return { ...rec, warnings: unknownTools.map((t) => `tool '${t}' is not registered; it is not offered to the model until it is`) };
  }

  /** The model designs a blueprint for a task from what `p` may see; it passes the same schema and policy rules as any other. */
  async createSpecialist(req: { task: string; domain?: string; skills?: string[] }, p: Principal, shared = false): Promise<Created> {
    const status = await this.d.llm.status();
    if (!status.ok) throw new FactoryError('OLLAMA_UNAVAILABLE', status.error ?? undefined);
    const example = (await this.list(p, { limit: 1 })).items[0]?.blueprint ?? EXAMPLE;
    const tools = (await this.tools.list(p, { limit: 200 })).items.map((t) => ({
      name: t.record.name,
      description: t.latest.blueprint.description,
    }));
    const prompt = renderPrompt(
      'specialist-designer.md',
      specialistDesignerContext({ ...req, tools, policies: this.d.policies.list().map((x) => x.name), example }),
    );
    const res = await this.d.llm.structured(SPECIALIST_DESIGN, {
      role: ROLES.designer,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
    });
    return this.create({ ...res.value, type: 'specialist' }, p, { origin: 'specialist', shared });
  }

  /** A copy of an agent `p` may use (its own, a shared one or the service's), with modifications. */
  async clone(id: string, modifications: Record<string, unknown>, p: Principal, shared = false): Promise<Created> {
    await this.d.access.require(p, 'agent', id, 'use');
    const src = (await this.d.store.agents.get(id))!;
    return this.create({ ...src.blueprint, ...modifications }, p, { origin: 'clone', parent: id, shared });
  }

  async get(id: string, p: Principal): Promise<AgentView> {
    await this.d.access.require(p, 'agent', id, 'read');
    return (await this.d.store.agents.get(id))!;
  }

  /** The agents `p` may see, oldest first. */
  list(p: Principal, page?: PageRequest): Promise<PageOf<AgentView>> {
    return this.d.store.agents.list(this.d.access.listScope(p), page);
  }

  /** Shares an agent with every submitter (read, run, clone), or makes it private again; owner or admin. */
  async setShared(id: string, shared: boolean, p: Principal): Promise<AgentView> {
    await this.d.access.require(p, 'agent', id, 'change');
    await this.d.store.agents.setShared(id, shared);
    await this.d.audit.record({
      type: 'access_changed',
      action: shared ? 'shared' : 'unshared',
      target: id,
      agent: id,
      actor: p.id,
      details: { kind: 'agent', shared },
    });
    return (await this.d.store.agents.get(id))!;
  }

  /** `reason` goes into the audit row and the event (the coordinator: the project that closed). */
  async destroy(id: string, p: Principal, reason = 'requested'): Promise<void> {
    await this.d.access.require(p, 'agent', id, 'change');
    await this.destroyNow(id, p.id, reason);
  }

  private async destroyNow(id: string, actor: string, reason: string): Promise<boolean> {
    const ok = await this.d.store.agents.destroy(id);
    if (ok) {
      await this.d.audit.record({ type: 'agent_destroyed', action: reason, target: id, agent: id, actor });
      await this.d.events.publish({
        topic: `agent:${id}`,
        owner: actor,
        agent: id,
        status: 'destroyed',
        progress: 1,
        message: `agent ${id} destroyed (${reason})`,
      });
    }
    return ok;
  }

  async sweep(): Promise<string[]> {
    const gone = await this.d.store.agents.expired(new Date().toISOString());
    for (const id of gone) await this.destroyNow(id, 'sweeper', 'expired');
    return gone;
  }

  /** Starts a run; returns its id at once. Progress and every step stream on run:<id>. */
  async run(id: string, task: string, p: Principal): Promise<{ runId: string }> {
    await this.d.access.require(p, 'agent', id, 'use');
    const agent = (await this.d.store.agents.get(id))!;
    const status = await this.d.llm.status();
    if (!status.ok) throw new FactoryError('OLLAMA_UNAVAILABLE', status.error ?? undefined);
    const work = await Work.start(this.d.store, this.d.events, {
      kind: 'run',
      type: 'agent',
      target: id,
      owner: p.id,
      input: { task },
      agent: id,
    });
    void this.d.lifecycle.track(`run ${work.id}`, (signal) => this.converse(work, agent, task, p, signal)).catch(() => undefined);
    return { runId: work.id };
  }

  /**
   * The conversation: system prompt and knowledge, the task, tool calls through checker and sandbox, a
   * turn limit. Only tools the run's principal may use are offered (and checked again at each call).
   * A reply that is empty, a call written as text, a call of an undeclared tool, or prose where the
   * blueprint requires a tool call is asked again once with the declared tools, then fails.
   */
  private async converse(work: Work, agent: AgentRecord, task: string, p: Principal, signal: AbortSignal): Promise<void> {
    const bp = agent.blueprint;
    const offered: ToolBlueprint[] = [];
    for (const name of bp.tools) {
      if (!(await this.d.access.may(p, 'tool', name, 'use'))) continue;
      const rec = (await this.d.store.tools.active(name))!;
      offered.push((await this.d.store.tools.version(name, rec.latestVersion))!.blueprint);
    }
    const specs = offered.map(toolSpecOf);
    const declared = specs.map((t) => t.name);
    const messages: ChatMessage[] = [
      {
        role: 'system',
        content: renderAgentSystemPrompt(
          bp,
          offered.map((t) => ({ name: t.name, description: t.description })),
        ),
      },
      { role: 'user', content: task },
    ];
    const maxTurns = bp.maxTurns ?? this.d.config.factory.maxAgentTurns;
    const usage = { promptTokens: 0, completionTokens: 0, unknownCounts: 0 };
    let toolsRun = 0;
    let reprompted = false;
    // a run's persistent sandbox is destroyed with the run
    const endSession = async (): Promise<void> => {
      if (bp.persistentSandbox) await this.d.sandboxes.closeSession(work.id).catch(() => undefined);
    };
    try {
      for (let turn = 1; turn <= maxTurns; turn++) {
        await work.progress((turn - 1) / maxTurns, 'thinking', `turn ${turn}/${maxTurns}: asking ${bp.name}`, { turn });
        const reasoning = new ReasoningStream(work, { turn });
        const res = await this.d.llm.chat({
          role: `${ROLES.agent}:${bp.name}`,
          ...(bp.model ? { model: bp.model } : {}),
          messages,
          ...(specs.length ? { tools: specs } : {}),
          compact: true,
          onThinking: (t) => reasoning.add(t),
          task: work.id,
          agent: agent.id,
          signal,
        });
        await reasoning.flush();
        addUsage(usage, res.usage);
        messages.push(res.message);
        const { content, toolCalls = [] } = res.message;
        await work.step({
          kind: 'model',
          turn,
          content,
          toolCalls,
          usage: res.usage,
          model: res.model,
          ...(res.compacted ? { compacted: res.compacted } : {}),
        });
        const reply = classifyReply(res.message, declared, bp.toolUse === 'required' && toolsRun === 0);
        if (reply.kind === 'answer') {
          await endSession(); // destroyed before the run is reported ended: whoever sees the end sees no container
          await work.succeed({ answer: reply.text, turns: turn, usage }, `${bp.name} answered after ${turn} turn(s)`, { turns: turn });
          return;
        }
        if (reply.kind === 'problem') {
          if (reprompted) throw toolCallInvalid(bp.name, reply.reason, reply.detail, res.message.content);
          reprompted = true;
          await work.progress(turn / maxTurns, 'reprompting', `turn ${turn}: the reply ${reply.detail}; asking again`, {
            turn,
            reason: reply.reason,
          });
          if (reply.reason === 'undeclared') messages.push(...undeclaredResults(res.message, declared));
          messages.push(repromptMessage(reply.detail, specs, bp.toolUse === 'required' && toolsRun === 0));
          continue;
        }
        reprompted = false;
        for (const call of res.message.toolCalls ?? []) {
          const content = await this.callTool(work, agent, call.name, call.arguments, offered, p, turn, signal);
          toolsRun++;
          messages.push({ role: 'tool', toolName: call.name, ...(call.id ? { toolCallId: call.id } : {}), content });
        }
      }
      throw new FactoryError('VALIDATION_FAILED', `${bp.name} reached its turn limit (${maxTurns}) without a final answer`, { maxTurns });
    } catch (e) {
      await endSession();
      await work.fail(e, signal.aborted ? 'cancelled' : 'failed');
    } finally {
      await endSession(); // idempotent: a no-op when the run already closed it
    }
  }

  /** One tool call: only offered tools, the input validated, the tool checked and sandboxed; the model gets a JSON result. */
  private async callTool(
    work: Work,
    agent: AgentRecord,
    name: string,
    args: Record<string, unknown>,
    offered: ToolBlueprint[],
    p: Principal,
    turn: number,
    signal: AbortSignal,
  ): Promise<string> {
    await work.progress(work.item.progress, 'tool_call', `turn ${turn}: calling ${name}`, { tool: name, turn });
    let reply: Record<string, unknown>;
    if (!offered.some((t) => t.name === name)) {
      reply = { error: `tool '${name}' is not available to this agent`, available: offered.map((t) => t.name) };
    } else {
      try {
        const bp = agent.blueprint;
        const out = await this.tools.execute(name, args ?? {}, p, {
          task: work.id,
          agent: agent.id,
          signal,
          ...(bp.persistentSandbox ? { sessionId: work.id } : {}),
        });
        const r = out.result;
        reply = {
          status: r.status,
          exitCode: r.exitCode,
          ...(r.json !== undefined ? { json: r.json } : { stdout: r.stdout.slice(0, 8000) }),
          ...(r.stderr ? { stderr: r.stderr.slice(-2000) } : {}),
          toolRun: out.runId,
        };
      } catch (e) {
        const fe = e instanceof FactoryError ? e : new FactoryError('INTERNAL', (e as Error).message);
        // a blocked tool: the rule ids are what the model can act on
        const details =
          fe.code === 'CODE_BLOCKED'
            ? { findings: ((fe.details as { findings?: { rule: string }[] })?.findings ?? []).map((f) => f.rule) }
            : fe.details;
        reply = { error: fe.message, code: fe.code, ...(details !== undefined ? { details } : {}) };
      }
    }
    await work.step({ kind: 'tool', turn, tool: name, arguments: args, result: reply });
    return JSON.stringify(reply);
  }
}

/** The specialist designer's reply: an agent blueprint (its long texts are checked by zod after the reply). */
export const SPECIALIST_DESIGN = defineFormat('specialist-design', AgentBlueprint);

function addUsage(sum: { promptTokens: number; completionTokens: number; unknownCounts: number }, u: LlmUsage): void {
  sum.promptTokens += u.promptTokens ?? 0;
  sum.completionTokens += u.completionTokens ?? 0;
  if (u.promptTokens === null || u.completionTokens === null) sum.unknownCounts++;
}

function toolCallInvalid(agent: string, reason: ReplyProblem, detail: string, content: string): FactoryError {
  const message = `${agent}: the model's reply ${detail}, also after being asked again with its tools`;
  return new FactoryError('LLM_TOOL_CALL_INVALID', message, { reason, reply: content.slice(0, 2000) });
}

/** Each call of an undeclared tool gets an error result, so the conversation stays well formed. */
function undeclaredResults(message: ChatMessage, declared: string[]): ChatMessage[] {
  return (message.toolCalls ?? []).map((c) => {
    const result = declared.includes(c.name)
      ? { error: 'not run: the reply also called an undeclared tool' }
      : { error: `tool '${c.name}' is not available to this agent`, available: declared };
    return { role: 'tool' as const, toolName: c.name, ...(c.id ? { toolCallId: c.id } : {}), content: JSON.stringify(result) };
  });
}

const EXAMPLE: AgentBlueprint = AgentBlueprint.parse({
  name: 'example-analyst',
  type: 'analysis',
  description: 'Analyses tabular data and reports findings.',
  systemPrompt: 'You are a careful data analyst. Use the tools you are given; never guess numbers.',
  outputFormat: { format: 'markdown' },
});
