/**
 * The ports bound to the service's modules: the store's ProjectRepo, the EventBus, the AuditTrail,
 * the LLM provider and the factory (agents and tools). The engine itself never imports these.
 */
import type { AuditTrail } from '../audit/trail.ts';
import type { AgentBlueprint, ToolBlueprint } from '../blueprints/index.ts';
import type { Config } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { EventBus } from '../events/bus.ts';
import type { Factory } from '../factory/index.ts';
import type { LlmProvider } from '../llm/index.ts';
import type { PolicyRegistry } from '../policy/index.ts';
import type { AgentRecord, Store } from '../store/index.ts';
import { errorValue, fromErrorValue } from './engine/errors.ts';
import { instanceName } from './engine/lease.ts';
import type { EngineDeps } from './engine/run.ts';
import type { AgentPool, GeneratedTool, PoolAgent, ToolPool } from './ports.ts';

/** The parts of the service the coordinator is built from (a subset of ServiceDeps). */
export interface CoordinatorCore {
  config: Config;
  store: Store;
  audit: AuditTrail;
  events: EventBus;
  llm: LlmProvider;
  factory: Factory;
  policies: Pick<PolicyRegistry, 'list'>;
}

const alive = (expiresAt: string | null): boolean => !expiresAt || expiresAt > new Date().toISOString();
const toPool = (a: AgentRecord): PoolAgent => ({
  id: a.id,
  name: a.name,
  origin: a.origin,
  createdBy: a.createdBy,
  blueprint: a.blueprint as AgentBlueprint,
});

export function agentPool(core: CoordinatorCore): AgentPool {
  return {
    list: async () =>
      core.store.agents
        .list()
        .filter((a) => alive(a.expiresAt))
        .map(toPool),
    get: async (id) => {
      const a = core.store.agents.get(id);
      return a && !a.destroyedAt && alive(a.expiresAt) ? toPool(a) : undefined;
    },
    create: async (bp, owner, origin) => toPool(core.factory.agents.create(bp, owner, origin)),
    destroy: async (id, actor, reason) => core.factory.agents.destroy(id, actor, reason),
    policies: () => core.policies.list().map((p) => p.name),
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });

export function toolPool(core: CoordinatorCore): ToolPool {
  const blueprintOf = (name: string): ToolBlueprint | undefined => {
    const rec = core.store.tools.active(name);
    const v = rec ? core.store.tools.version(name, rec.latestVersion) : undefined;
    return v && alive(v.expiresAt) ? (v.blueprint as ToolBlueprint) : undefined;
  };
  return {
    list: async () =>
      core.store.tools.list().flatMap((t) => {
        const bp = blueprintOf(t.name);
        return bp ? [{ name: t.name, blueprint: bp }] : [];
      }),
    get: async (name) => blueprintOf(name),
    execute: async (name, args, ctx) => {
      try {
        const out = await core.factory.tools.execute(name, args, ctx.actor, { task: ctx.task, agent: ctx.agent, signal: ctx.signal });
        if (out.blocked)
          return {
            ok: false,
            runId: out.runId,
            reply: { error: 'the tool is blocked by the current policy', findings: out.findings?.map((f) => f.rule) },
          };
        const r = out.result!;
        return {
          ok: r.status === 'ok',
          runId: out.runId,
          reply: {
            status: r.status,
            exitCode: r.exitCode,
            ...(r.json !== undefined ? { json: r.json } : { stdout: r.stdout.slice(0, 8000) }),
            ...(r.stderr ? { stderr: r.stderr.slice(-2000) } : {}),
          },
        };
      } catch (e) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        const err = errorValue(e);
        // the model gets the problem as the tool's result (wrong arguments, unknown or expired tool …)
        if (err.code === 'SANDBOX_FAILED' || err.code === 'DOCKER_UNAVAILABLE' || err.code === 'SANDBOX_IMAGE_MISSING') throw e;
        return { ok: false, reply: { error: err.message, code: err.code, ...(err.details !== undefined ? { details: err.details } : {}) } };
      }
    },
    generate: async (bp, actor, signal) => {
      const sub = await core.factory.tools.submit(bp, actor);
      if (sub.status === 'registered') {
        const usage = { promptTokens: 0, completionTokens: 0, costUsd: 0, llmCalls: 0, estimatedCalls: 0 };
        return { name: sub.tool.name, version: sub.tool.version, usage };
      }
      for (let wait = 50; ; wait = Math.min(1000, wait * 2)) {
        const job = core.store.work.get(sub.jobId);
        if (job && job.status !== 'queued' && job.status !== 'running') {
          const usage = jobUsage(core.store.llm.totals({ task: sub.jobId }));
          if (job.status !== 'succeeded') {
            const err = fromErrorValue(
              (job.error ?? { code: 'TOOL_GENERATION_FAILED', message: `generating ${bp.name} ${job.status}` }) as ReturnType<
                typeof errorValue
              >,
            );
            throw new FactoryError(err.code, err.message, { ...(err.details as object), job: sub.jobId, usage });
          }
          const tool = (job.result as { tool: { name: string; version: number } }).tool;
          return { name: tool.name, version: tool.version, usage };
        }
        await sleep(wait, signal);
      }
    },
    destroy: async (name, actor, reason) => core.factory.tools.destroy(name, actor, reason),
  };
}

/** A model call of a tool-generation job whose counts are unknown and no call of the job has any: a rough guess. */
const UNKNOWN_CALL = { promptTokens: 2048, completionTokens: 2048 };

/**
 * The usage of a tool-generation job. Calls whose counts Ollama did not report are never counted as
 * zero: each is charged the mean of the job's calls with counts (or UNKNOWN_CALL) and marked estimated.
 */
export function jobUsage(t: ReturnType<Store['llm']['totals']>): GeneratedTool['usage'] {
  const known = t.calls - t.callsWithUnknownTokens;
  const each = known > 0 ? { promptTokens: t.promptTokens / known, completionTokens: t.completionTokens / known } : UNKNOWN_CALL;
  const extra = t.callsWithUnknownTokens;
  return {
    promptTokens: Math.ceil(t.promptTokens + extra * each.promptTokens),
    completionTokens: Math.ceil(t.completionTokens + extra * each.completionTokens),
    costUsd: t.costUsd,
    llmCalls: t.calls,
    estimatedCalls: extra,
  };
}

/** Binds every port of the engine to the service's modules. */
export function engineDeps(core: CoordinatorCore, opts: { costs?: EngineDeps['costs']; instance?: string } = {}): EngineDeps {
  return {
    repo: core.store.projects,
    events: { publish: (e) => void core.events.publish(e), announce: (e) => core.events.announce(e) },
    audit: { prepare: (input) => core.audit.prepare(input), announce: (e) => core.audit.announce(e) },
    llm: core.llm,
    agents: agentPool(core),
    tools: toolPool(core),
    settings: core.config.coordinator,
    ...(opts.costs ? { costs: opts.costs } : {}),
    instance: opts.instance ?? instanceName(),
  };
}
