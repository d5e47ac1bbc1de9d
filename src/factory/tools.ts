import type { Principal } from '../access/index.ts';
import {
  blueprintInvalid,
  checkToolInput,
  inputArgs,
  inputStdin,
  parseToolBlueprint,
  resolveSampleData,
  toolPolicyIssues,
  type ToolBlueprint,
} from '../blueprints/index.ts';
import type { CheckResult } from '../checker/types.ts';
import { FactoryError } from '../errors/catalog.ts';
import { limitsFor, type RunResult } from '../sandbox/index.ts';
import type { ToolRecord, ToolVersion } from '../store/index.ts';
import type { PageOf, PageRequest } from '../util/page.ts';
import type { FactoryDeps } from './deps.ts';
import { checksum, generateTool } from './generate.ts';
import { probe, type ProbeResult } from './probe.ts';
import { Work } from './work.ts';

export type { FactoryDeps } from './deps.ts';

export type SubmitOutcome = { status: 'registered'; tool: ToolVersion; shared: boolean } | { status: 'accepted'; jobId: string };

export interface ExecuteOutcome {
  runId: string;
  tool: string;
  version: number;
  result: RunResult;
}

/** A stored version (its JSON columns parsed by the store with the domain schemas). */
export type ToolVersionView = ToolVersion;

export interface ExecuteOptions {
  version?: number;
  sampleData?: boolean;
  task?: string;
  agent?: string;
  sessionId?: string;
  signal?: AbortSignal;
}

/**
 * Tool blueprints into registered tools: generate → check → repair → probe → register. A blueprint
 * with `source` skips generation, never the check or the probe. Every step is audited and streamed.
 * Every method takes the principal it acts for; the access rules decide what it may see and change.
 */
export class ToolFactory {
  constructor(private readonly d: FactoryDeps) {}

  /** Validates everything that can be validated before any side effect, then registers or starts a job. */
  async submit(input: unknown, p: Principal, opts: { newVersion?: boolean; shared?: boolean } = {}): Promise<SubmitOutcome> {
    const bp = parseToolBlueprint(input);
    const policy = this.d.policies.tryGet(bp.policy);
    if (!policy)
      throw blueprintInvalid(
        'tool',
        [{ path: 'policy', message: `no policy named '${bp.policy}' (GET /api/v1/policies lists them)` }],
        bp.name,
      );
    const issues = toolPolicyIssues(bp, policy);
    if (issues.length > 0) throw blueprintInvalid('tool', issues, bp.name);
    limitsFor(policy); // NETWORK_NOT_SUPPORTED before anything happens
    if (opts.newVersion) await this.d.access.require(p, 'tool', bp.name, 'change');
    else await this.assertNameFree(bp.name, p);
    const dataDir = bp.sampleData ? await resolveSampleData(this.d.config.blueprintDir, bp.sampleData) : undefined;

    if (bp.source !== undefined) {
      const tool = await this.fromSource(bp, bp.source, p.id, dataDir);
      if (opts.shared && !opts.newVersion) await this.d.store.tools.setShared(bp.name, true);
      return { status: 'registered', tool, shared: (await this.d.store.tools.get(bp.name))?.shared ?? false };
    }
    const status = await this.d.llm.status();
    if (!status.ok) throw new FactoryError('OLLAMA_UNAVAILABLE', status.error ?? undefined);
    const work = await Work.start(this.d.store, this.d.events, {
      kind: 'job',
      type: 'tool_generation',
      target: bp.name,
      owner: p.id,
      input: bp,
    });
    const register = async (source: string, checked: CheckResult, results: ProbeResult[], attempts: number) => {
      const tool = await this.register(bp, source, 'generated', checked, results, attempts, p.id, work.id);
      if (opts.shared && !opts.newVersion) await this.d.store.tools.setShared(bp.name, true);
      return tool;
    };
    const job = { work, bp, actor: p.id, dataDir, register };
    void this.d.lifecycle.track(`job ${work.id}`, (signal) => generateTool(this.d, { ...job, signal }, toolSummary)).catch(() => undefined);
    return { status: 'accepted', jobId: work.id };
  }

  /** Tool names are one namespace: a taken name is a conflict; whose it is shows only to who may see it. */
  private async assertNameFree(name: string, p: Principal): Promise<void> {
    const existing = await this.d.store.tools.active(name);
    if (!existing) return;
    const visible = await this.d.access.may(p, 'tool', name, 'read');
    throw new FactoryError(
      'CONFLICT',
      visible
        ? `A tool named '${name}' exists (version ${existing.latestVersion}); submit to /api/v1/tools/${name}/versions for a new version`
        : `The tool name '${name}' is taken; choose another name`,
      { name },
    );
  }

  /** A person's source: checked, probed and registered now; progress still streams on tool:<name>. */
  private async fromSource(bp: ToolBlueprint, source: string, actor: string, dataDir: string | undefined): Promise<ToolVersion> {
    const policy = this.d.policies.get(bp.policy);
    const say = (progress: number, status: string, message: string, metadata: Record<string, unknown> = {}) =>
      this.d.events.publish({ topic: `tool:${bp.name}`, owner: actor, task: bp.name, status, progress, message, metadata });
    await say(0.1, 'checking', `checking ${bp.name} against policy ${policy.name}`);
    const checked = await this.d.executor.check(source, bp.language, policy, { actor, target: bp.name });
    if (!checked.allowed) {
      await say(1, 'blocked', `${bp.name} was blocked by policy ${policy.name}`, { findings: checked.findings.length });
      throw new FactoryError('CODE_BLOCKED', `The source of ${bp.name} was blocked by policy ${policy.name}`, {
        findings: checked.findings,
      });
    }
    const ctx = { executor: this.d.executor, policy, actor, ...(dataDir ? { dataDir } : {}), task: bp.name };
    const results = await probe(bp, source, ctx, (r, i) =>
      say(
        0.2 + (0.7 * (i + 1)) / bp.examples.length,
        r.passed ? 'probe_passed' : 'probe_failed',
        `example ${r.example}: ${r.passed ? 'passed' : 'failed'}`,
        { example: r.example, status: r.status },
      ),
    );
    if (results.some((r) => !r.passed)) {
      await say(1, 'failed', `${bp.name} did not pass its examples`);
      throw new FactoryError('PROBE_FAILED', `${bp.name} did not produce what its examples expect`, { probe: results });
    }
    const tool = await this.register(bp, source, 'source', checked, results, 1, actor);
    await say(1, 'registered', `${bp.name} registered as version ${tool.version}`, { version: tool.version, checksum: tool.checksum });
    return tool;
  }

  private async register(
    bp: ToolBlueprint,
    source: string,
    origin: 'source' | 'generated',
    checked: CheckResult,
    results: ProbeResult[],
    attempts: number,
    actor: string,
    task?: string,
  ): Promise<ToolVersion> {
    const tool = await this.d.store.tools.addVersion({
      name: bp.name,
      language: bp.language,
      origin,
      source,
      checksum: checksum(source),
      policy: bp.policy,
      blueprint: bp,
      checkReport: checked,
      probeResults: results,
      attempts,
      createdBy: actor,
      expiresAt: bp.ttlSeconds ? new Date(Date.now() + bp.ttlSeconds * 1000).toISOString() : null,
    });
    await this.d.audit.record({
      type: 'tool_generated',
      action: `registered (${origin})`,
      target: bp.name,
      actor,
      ...(task ? { task } : {}),
      output: source,
      details: {
        version: tool.version,
        checksum: tool.checksum,
        policy: bp.policy,
        attempts,
        probes: results.length,
        expiresAt: tool.expiresAt,
      },
    });
    return tool;
  }

  /** The tools `p` may see (its own, shared ones and the service's; every tool for viewers and admins), by name. */
  async list(p: Principal, page?: PageRequest): Promise<PageOf<{ record: ToolRecord; latest: ToolVersion }>> {
    const { items, next } = await this.d.store.tools.list(this.d.access.listScope(p), page);
    const latest = await Promise.all(items.map((record) => this.d.store.tools.version(record.name, record.latestVersion)));
    return { items: items.map((record, i) => ({ record, latest: latest[i]! })), next };
  }

  /** One tool with every version, if `p` may see it. */
  async get(name: string, p: Principal): Promise<{ record: ToolRecord; versions: ToolVersion[] }> {
    await this.d.access.require(p, 'tool', name, 'read');
    const record = (await this.d.store.tools.get(name))!;
    return { record, versions: (await this.d.store.tools.versions(name)).filter((v) => ofThisTool(record, v)) };
  }

  /** One version with its source, check report and probe results, if `p` may see the tool. */
  async version(name: string, version: number, p: Principal): Promise<ToolVersion> {
    await this.d.access.require(p, 'tool', name, 'read');
    return this.versionOf((await this.d.store.tools.get(name))!, version);
  }

  /** A version of the tool as it is now: a destroyed tool's versions stay with their owner when its name is taken again. */
  private async versionOf(record: ToolRecord, version: number): Promise<ToolVersion> {
    const v = await this.d.store.tools.version(record.name, version);
    if (!v || !ofThisTool(record, v))
      throw new FactoryError('RESOURCE_NOT_FOUND', `No version ${version} of '${record.name}'`, { name: record.name, version });
    return v;
  }

  /** Shares a tool with every submitter (read and execute), or makes it private again; owner or admin. */
  async setShared(name: string, shared: boolean, p: Principal): Promise<ToolRecord> {
    await this.d.access.require(p, 'tool', name, 'change');
    await this.d.store.tools.setShared(name, shared);
    await this.d.audit.record({
      type: 'access_changed',
      action: shared ? 'shared' : 'unshared',
      target: name,
      actor: p.id,
      details: { kind: 'tool', shared },
    });
    return (await this.d.store.tools.get(name))!;
  }

  /**
   * Runs a registered tool on an input: checked again under the policy in force now, then sandboxed.
   * A source the policy now blocks is CODE_BLOCKED (422) with the run id and the findings. Tracked, so
   * a shutdown lets it finish or cancels it.
   */
  async execute(name: string, input: Record<string, unknown>, p: Principal, opts: ExecuteOptions = {}): Promise<ExecuteOutcome> {
    await this.d.access.require(p, 'tool', name, 'use');
    return this.d.lifecycle.track(`execute ${name}`, (signal) => this.run(name, input, p, { ...opts, signal: opts.signal ?? signal }));
  }

  private async run(name: string, input: Record<string, unknown>, p: Principal, opts: ExecuteOptions): Promise<ExecuteOutcome> {
    const rec = (await this.d.store.tools.active(name))!;
    const v = await this.versionOf(rec, opts.version ?? rec.latestVersion);
    if (v.expiresAt && v.expiresAt <= new Date().toISOString())
      throw new FactoryError('RESOURCE_NOT_FOUND', `Tool '${name}' expired at ${v.expiresAt}`);
    const bp = v.blueprint;
    const problems = checkToolInput(bp.inputSpec, input);
    if (problems.length > 0)
      throw new FactoryError('INPUT_INVALID', `The input does not match ${name}'s inputSpec`, {
        issues: problems.map((x) => ({ path: ['input', ...x.path].join('.'), message: x.message })),
      });
    const policy = this.d.policies.get(v.policy);
    const dataDir = opts.sampleData && bp.sampleData ? await resolveSampleData(this.d.config.blueprintDir, bp.sampleData) : undefined;
    const target = `${name}@${v.version}`;
    const work = await Work.start(this.d.store, this.d.events, {
      kind: 'run',
      type: 'tool',
      target,
      owner: p.id,
      input,
      agent: opts.agent ?? null,
    });
    await work.progress(0.1, 'running', `running ${target}`);
    // the tool's own topic shows its executions too (to the tool's owner and the executor; not their input or output)
    const onTool = (status: string, metadata: Record<string, unknown>) =>
      this.d.events.publish({
        topic: `tool:${name}`,
        owner: p.id,
        task: work.id,
        status,
        progress: 1,
        message: `${target}: run ${work.id} ${status}`,
        metadata: { runId: work.id, version: v.version, ...metadata },
      });
    try {
      const out = await this.d.executor.execute({
        language: bp.language,
        source: v.source,
        policy,
        stdin: inputStdin(bp, input),
        args: inputArgs(bp, input),
        env: bp.env ?? {},
        outputJson: bp.outputSpec.format === 'json',
        actor: p.id,
        target,
        runId: work.id,
        task: opts.task ?? work.id,
        ...(opts.agent ? { agent: opts.agent } : {}),
        ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
        ...(dataDir ? { dataDir } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      if (out.blocked) {
        const blocked = new FactoryError('CODE_BLOCKED', `${target} is blocked by policy ${policy.name} as it is now`, {
          runId: work.id,
          findings: out.check.findings,
        });
        await work.fail(blocked);
        await onTool('executed', { status: 'blocked' });
        return Promise.reject(blocked); // returned, not thrown: the run is already failed
      }
      const r = out.result;
      if (r.status === 'ok') await work.succeed(r, `${target}: ok in ${r.durationMs.toFixed(0)} ms`, { status: r.status });
      else await work.fail(new FactoryError('SANDBOX_FAILED', `${target}: ${r.status}`, { status: r.status, exitCode: r.exitCode }));
      await onTool('executed', { status: r.status, durationMs: r.durationMs });
      return { runId: work.id, tool: name, version: v.version, result: r };
    } catch (e) {
      await work.fail(e);
      await onTool('executed', { status: 'error' });
      throw e;
    }
  }

  /** Destroys a tool (its history stays); its owner or an admin. `reason` goes into the audit row and the event. */
  async destroy(name: string, p: Principal, reason = 'requested'): Promise<void> {
    await this.d.access.require(p, 'tool', name, 'change');
    await this.destroyNow(name, p.id, reason);
  }

  private async destroyNow(name: string, actor: string, reason: string): Promise<boolean> {
    const ok = await this.d.store.tools.destroy(name);
    if (ok) {
      await this.d.audit.record({ type: 'tool_destroyed', action: reason, target: name, actor });
      await this.d.events.publish({
        topic: `tool:${name}`,
        owner: actor,
        task: name,
        status: 'destroyed',
        progress: 1,
        message: `${name} destroyed (${reason})`,
      });
    }
    return ok;
  }

  /** Destroys tools whose time to live has passed. */
  async sweep(): Promise<string[]> {
    const gone = await this.d.store.tools.expired(new Date().toISOString());
    for (const name of gone) await this.destroyNow(name, 'sweeper', 'expired');
    return gone;
  }
}

/** Versions from before the tool's name was taken again (after it was destroyed) belong to the earlier tool. */
const ofThisTool = (record: ToolRecord, v: ToolVersion) => v.createdAt >= record.createdAt;

/** What lists and job results show of a version (the source is fetched separately). */
export function toolSummary(v: ToolVersion, rec?: Pick<ToolRecord, 'shared' | 'createdBy'>) {
  const bp = v.blueprint;
  return {
    name: v.name,
    version: v.version,
    language: v.language,
    origin: v.origin,
    description: bp.description,
    policy: v.policy,
    checksum: v.checksum,
    attempts: v.attempts,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    expiresAt: v.expiresAt,
    owner: rec?.createdBy ?? v.createdBy,
    shared: rec?.shared ?? false,
    inputSpec: bp.inputSpec,
    outputSpec: bp.outputSpec,
  };
}
