/**
 * The ports bound to the service's modules: the store's ProjectRepo, the EventBus, the AuditTrail,
 * the LLM provider and the factory (agents and tools). The engine itself never imports these.
 */
import { roleAllows, SYSTEM, type Access, type Principal, type Resource } from '../access/index.ts';
import type { AuditTrail } from '../audit/trail.ts';
import type { ToolBlueprint } from '../blueprints/index.ts';
import type { Config } from '../config/schema.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { EventBus } from '../events/bus.ts';
import type { Factory } from '../factory/index.ts';
import type { LlmProvider } from '../llm/index.ts';
import type { PolicyRegistry } from '../policy/index.ts';
import type { AgentRecord, LlmTotals, Store, ToolVersion } from '../store/index.ts';
import { errorValue, fromErrorValue } from './engine/errors.ts';
import { instanceName } from './engine/lease.ts';
import type { EngineDeps } from './engine/run.ts';
import type { AgentPool, GeneratedTool, PoolAgent, ProjectAccess, ToolPool, ToolRunOutcome } from './ports.ts';

/** The parts of the service the coordinator is built from (a subset of ServiceDeps). */
export interface CoordinatorCore {
  config: Config;
  store: Store;
  audit: AuditTrail;
  events: EventBus;
  llm: LlmProvider;
  factory: Factory;
  policies: Pick<PolicyRegistry, 'list'>;
  access: Access;
}

const alive = (expiresAt: string | null): boolean => !expiresAt || expiresAt > new Date().toISOString();
const toPool = (a: AgentRecord): PoolAgent => ({
  id: a.id,
  name: a.name,
  origin: a.origin,
  createdBy: a.createdBy,
  blueprint: a.blueprint,
});

/**
 * The principal the coordinator acts as for a project: its owner, with the owner's rights as they are
 * now (a revoked token's projects may read but no longer use anything; an id that is no token, e.g. a
 * test's, is a submitter). The tools and agents a project may use are those its owner may use.
 */
export async function ownerPrincipal(core: Pick<CoordinatorCore, 'store'>, owner: string): Promise<Principal> {
  if (owner === SYSTEM.id) return SYSTEM;
  const t = await core.store.tokens.get(owner);
  if (!t) return { id: owner, role: 'submitter' };
  return { id: owner, role: t.revokedAt ? 'viewer' : t.role };
}

/** What was destroyed already (expired and swept, or by hand) is not an error at close. */
async function destroyed(destroy: () => Promise<void>): Promise<boolean> {
  try {
    await destroy();
    return true;
  } catch (e) {
    if (e instanceof FactoryError && e.code === 'RESOURCE_NOT_FOUND') return false;
    throw e;
  }
}

export function agentPool(core: CoordinatorCore): AgentPool {
  const as = (owner: string) => ownerPrincipal(core, owner);
  return {
    list: async (owner) => {
      const p = await as(owner);
      return roleAllows(p.role, 'submitter') ? (await core.factory.agents.list(p)).items.map(toPool) : [];
    },
    get: async (id, owner) => {
      if (!(await core.access.may(await as(owner), 'agent', id, 'use'))) return undefined;
      const a = await core.store.agents.get(id);
      return a ? toPool(a) : undefined;
    },
    create: async (bp, owner, origin) => toPool(await core.factory.agents.create(bp, await as(owner), { origin })),
    destroy: async (id, owner, reason) => destroyed(async () => core.factory.agents.destroy(id, await as(owner), reason)),
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

/** What the model is shown when the tool's source is blocked by the policy in force now. */
function blockedReply(e: FactoryError): ToolRunOutcome {
  const d = (e.details ?? {}) as { runId?: string; findings?: { rule: string }[] };
  return {
    ok: false,
    ...(d.runId ? { runId: d.runId } : {}),
    reply: { error: 'the tool is blocked by the current policy', code: e.code, findings: (d.findings ?? []).map((f) => f.rule) },
  };
}

export function toolPool(core: CoordinatorCore): ToolPool {
  const as = (owner: string) => ownerPrincipal(core, owner);
  const blueprintOf = async (name: string, latest?: ToolVersion): Promise<ToolBlueprint | undefined> => {
    const rec = latest ? undefined : await core.store.tools.active(name);
    const v = latest ?? (rec ? await core.store.tools.version(name, rec.latestVersion) : undefined);
    return v && alive(v.expiresAt) ? v.blueprint : undefined;
  };
  return {
    list: async (owner) => {
      const p = await as(owner);
      if (!roleAllows(p.role, 'submitter')) return [];
      return (await core.factory.tools.list(p)).items.flatMap((t) =>
        alive(t.latest.expiresAt) ? [{ name: t.record.name, blueprint: t.latest.blueprint }] : [],
      );
    },
    get: async (name, owner) => ((await core.access.may(await as(owner), 'tool', name, 'use')) ? blueprintOf(name) : undefined),
    execute: async (name, args, ctx) => {
      try {
        const out = await core.factory.tools.execute(name, args, await as(ctx.actor), {
          task: ctx.task,
          agent: ctx.agent,
          signal: ctx.signal,
        });
        const r = out.result;
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
        if (e instanceof FactoryError && e.code === 'CODE_BLOCKED') return blockedReply(e);
        const err = errorValue(e);
        // the model gets the problem as the tool's result (wrong arguments, unknown or expired tool …)
        if (err.code === 'SANDBOX_FAILED' || err.code === 'DOCKER_UNAVAILABLE' || err.code === 'SANDBOX_IMAGE_MISSING') throw e;
        return { ok: false, reply: { error: err.message, code: err.code, ...(err.details !== undefined ? { details: err.details } : {}) } };
      }
    },
    generate: async (bp, owner, signal) => {
      const sub = await core.factory.tools.submit(bp, await as(owner));
      if (sub.status === 'registered') {
        const usage = { promptTokens: 0, completionTokens: 0, costUsd: 0, llmCalls: 0, estimatedCalls: 0 };
        return { name: sub.tool.name, version: sub.tool.version, usage };
      }
      for (let wait = 50; ; wait = Math.min(1000, wait * 2)) {
        const job = await core.store.work.get(sub.jobId);
        if (job && job.status !== 'queued' && job.status !== 'running') {
          const usage = jobUsage(await core.store.llm.totals({ task: sub.jobId }));
          if (job.status !== 'succeeded') {
            const err = fromErrorValue(
              job.error ?? { code: 'TOOL_GENERATION_FAILED', message: `generating ${bp.name} ${job.status}`, retryable: false },
            );
            throw new FactoryError(err.code, err.message, { ...(err.details as object), job: sub.jobId, usage });
          }
          const tool = (job.result as { tool: { name: string; version: number } }).tool;
          return { name: tool.name, version: tool.version, usage };
        }
        await sleep(wait, signal);
      }
    },
    destroy: async (name, owner, reason) => destroyed(async () => core.factory.tools.destroy(name, await as(owner), reason)),
  };
}

/** A model call of a tool-generation job whose counts are unknown and no call of the job has any: a rough guess. */
const UNKNOWN_CALL = { promptTokens: 2048, completionTokens: 2048 };

/**
 * The usage of a tool-generation job. Calls whose counts Ollama did not report are never counted as
 * zero: each is charged the mean of the job's calls with counts (or UNKNOWN_CALL) and marked estimated.
 */
export function jobUsage(t: LlmTotals): GeneratedTool['usage'] {
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

/**
 * `project` as a kind of resource of the access rules (like the factory's tools and agents): private to
 * its owner; viewers and admins see every project; only the owner or an admin changes one. REST, the
 * stream (`project:<id>`, `projects`) and the door all ask the same rules; refusals are audited there.
 */
export function registerProjects(core: Pick<CoordinatorCore, 'access' | 'store'>): void {
  if (core.access.kindNames.includes('project')) return; // a second coordinator on the same core: the same rule
  core.access.register('project', async (id): Promise<Resource | undefined> => {
    const p = await core.store.projects.ownerOf(id);
    return p && { kind: 'project', id, owner: p.owner, shared: false, live: true, since: p.createdAt };
  });
}

export function projectAccess(core: Pick<CoordinatorCore, 'access'>): ProjectAccess {
  return {
    require: async (who, id, action) => void (await core.access.require(who, 'project', id, action)),
    owners: (who) => {
      const scope = core.access.listScope(who);
      return scope.all ? 'all' : scope.owners;
    },
  };
}

/** Binds every port of the engine to the service's modules. */
export function engineDeps(core: CoordinatorCore, opts: { costs?: EngineDeps['costs']; instance?: string } = {}): EngineDeps {
  return {
    repo: core.store.projects,
    events: { publish: (e) => core.events.publish(e), announce: (e) => core.events.announce(e) },
    audit: { prepare: (input) => core.audit.prepare(input), announce: (e) => core.audit.announce(e) },
    llm: core.llm,
    agents: agentPool(core),
    tools: toolPool(core),
    access: projectAccess(core),
    settings: core.config.coordinator,
    ...(opts.costs ? { costs: opts.costs } : {}),
    instance: opts.instance ?? instanceName(),
  };
}
