import { createHash } from 'node:crypto';
import { blueprintInvalid, checkToolInput, inputArgs, inputStdin, parseToolBlueprint, resolveSampleData, toolPolicyIssues, type ToolBlueprint } from '../blueprints/index.ts';
import type { CheckResult } from '../checker/types.ts';
import { FactoryError } from '../errors/catalog.ts';
import { limitsFor } from '../sandbox/index.ts';
import type { RunResult } from '../sandbox/index.ts';
import type { ServiceDeps } from '../server/deps.ts';
import type { ToolVersion } from '../store/index.ts';
import { draftTool } from './generate.ts';
import { probe, type ProbeResult } from './probe.ts';
import { ReasoningStream, Work } from './work.ts';

export type FactoryDeps = Pick<ServiceDeps, 'config' | 'store' | 'audit' | 'events' | 'executor' | 'policies' | 'llm' | 'lifecycle' | 'sandboxes'>;

export type SubmitOutcome = { status: 'registered'; tool: ToolVersion } | { status: 'accepted'; jobId: string };

export interface ExecuteOutcome {
  runId: string;
  tool: string;
  version: number;
  blocked: boolean;
  findings?: CheckResult['findings'];
  result?: RunResult;
}

const checksum = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Tool blueprints into registered tools: generate → check → repair → probe → register. A blueprint
 * with `source` skips generation, never the check or the probe. Every step is audited and streamed.
 */
export class ToolFactory {
  constructor(private readonly d: FactoryDeps) {}

  /** Validates everything that can be validated before any side effect, then registers or starts a job. */
  async submit(input: unknown, actor: string, opts: { newVersion?: boolean } = {}): Promise<SubmitOutcome> {
    const bp = parseToolBlueprint(input);
    const policy = this.d.policies.tryGet(bp.policy);
    if (!policy) throw blueprintInvalid('tool', [{ path: 'policy', message: `no policy named '${bp.policy}' (GET /api/v1/policies lists them)` }], bp.name);
    const issues = toolPolicyIssues(bp, policy);
    if (issues.length > 0) throw blueprintInvalid('tool', issues, bp.name);
    limitsFor(policy); // NETWORK_NOT_SUPPORTED before anything happens
    const existing = this.d.store.tools.active(bp.name);
    if (existing && !opts.newVersion) throw new FactoryError('CONFLICT', `A tool named '${bp.name}' exists (version ${existing.latestVersion}); submit to /api/v1/tools/${bp.name}/versions for a new version`, { name: bp.name });
    if (!existing && opts.newVersion) throw new FactoryError('RESOURCE_NOT_FOUND', `No tool named '${bp.name}'`);
    const dataDir = bp.sampleData ? await resolveSampleData(this.d.config.blueprintDir, bp.sampleData) : undefined;

    if (bp.source !== undefined) return { status: 'registered', tool: await this.fromSource(bp, bp.source, actor, dataDir) };
    const status = await this.d.llm.status();
    if (!status.ok) throw new FactoryError('OLLAMA_UNAVAILABLE', status.error ?? undefined);
    const work = Work.start(this.d.store, this.d.events, { kind: 'job', type: 'tool_generation', target: bp.name, owner: actor, input: bp });
    void this.d.lifecycle.track(`job ${work.id}`, (signal) => this.generate(work, bp, actor, dataDir, signal)).catch(() => undefined);
    return { status: 'accepted', jobId: work.id };
  }

  /** A person's source: checked, probed and registered now; progress still streams on tool:<name>. */
  private async fromSource(bp: ToolBlueprint, source: string, actor: string, dataDir: string | undefined): Promise<ToolVersion> {
    const policy = this.d.policies.get(bp.policy);
    const topic = `tool:${bp.name}`;
    const say = (progress: number, status: string, message: string, metadata: Record<string, unknown> = {}) =>
      this.d.events.publish({ topic, owner: actor, task: bp.name, status, progress, message, metadata });
    say(0.1, 'checking', `checking ${bp.name} against policy ${policy.name}`);
    const checked = this.d.executor.check(source, bp.language, policy, { actor, target: bp.name });
    if (!checked.allowed) {
      say(1, 'blocked', `${bp.name} was blocked by policy ${policy.name}`, { findings: checked.findings.length });
      throw new FactoryError('CODE_BLOCKED', `The source of ${bp.name} was blocked by policy ${policy.name}`, { findings: checked.findings });
    }
    const results = await probe(bp, source, { executor: this.d.executor, policy, actor, ...(dataDir ? { dataDir } : {}), task: bp.name }, (r, i) =>
      say(0.2 + (0.7 * (i + 1)) / bp.examples.length, r.passed ? 'probe_passed' : 'probe_failed', `example ${r.example}: ${r.passed ? 'passed' : 'failed'}`, { example: r.example, status: r.status }));
    if (results.some((r) => !r.passed)) {
      say(1, 'failed', `${bp.name} did not pass its examples`);
      throw new FactoryError('PROBE_FAILED', `${bp.name} did not produce what its examples expect`, { probe: results });
    }
    const tool = this.register(bp, source, 'source', checked, results, 1, actor);
    say(1, 'registered', `${bp.name} registered as version ${tool.version}`, { version: tool.version, checksum: tool.checksum });
    return tool;
  }

  /** The generation job: up to factory.maxAttempts drafts, each checked and probed; findings and failures go back to the model. */
  private async generate(work: Work, bp: ToolBlueprint, actor: string, dataDir: string | undefined, signal: AbortSignal): Promise<void> {
    const max = this.d.config.factory.maxAttempts;
    let repair: Parameters<typeof draftTool>[3] = null;
    let last: { findings?: CheckResult['findings']; probe?: ProbeResult[] } = {};
    try {
      for (let attempt = 1; attempt <= max; attempt++) {
        const policy = this.d.policies.get(bp.policy);
        const base = (attempt - 1) / max;
        work.progress(base + 0.05 / max, 'generating', `attempt ${attempt}/${max}: asking the model for ${attempt === 1 ? 'a draft' : 'a repair'}`, { attempt });
        const reasoning = new ReasoningStream(work, { attempt });
        const draft = await draftTool(this.d.llm, bp, policy, repair, { task: work.id, signal, onThinking: (t) => reasoning.add(t) });
        reasoning.flush();
        this.d.audit.record({ type: 'tool_generated', action: attempt === 1 ? 'draft' : 'repair', target: bp.name, task: work.id, actor, output: draft.source, details: { attempt, job: work.id, checksum: checksum(draft.source) } });
        work.step({ kind: 'draft', attempt, checksum: checksum(draft.source), tokens: { prompt: draft.promptTokens, completion: draft.completionTokens } });
        work.progress(base + 0.4 / max, 'checking', `attempt ${attempt}/${max}: static check`, { attempt });
        const checked = this.d.executor.check(draft.source, bp.language, policy, { actor, target: bp.name, task: work.id });
        work.step({ kind: 'check', attempt, allowed: checked.allowed, findings: checked.findings });
        if (!checked.allowed) {
          work.progress(base + 0.5 / max, 'blocked', `attempt ${attempt}/${max}: blocked (${checked.findings.map((f) => f.rule).join(', ')})`, { attempt, findings: checked.findings.length });
          repair = { draft: draft.source, attempt: attempt + 1, findings: checked.findings };
          last = { findings: checked.findings };
          continue;
        }
        work.progress(base + 0.6 / max, 'probing', `attempt ${attempt}/${max}: probe run on ${bp.examples.length} example(s)`, { attempt });
        const results = await probe(bp, draft.source, { executor: this.d.executor, policy, actor, task: work.id, signal, ...(dataDir ? { dataDir } : {}) });
        work.step({ kind: 'probe', attempt, results });
        if (results.some((r) => !r.passed)) {
          work.progress(base + 0.9 / max, 'probe_failed', `attempt ${attempt}/${max}: ${results.filter((r) => !r.passed).length} example(s) failed`, { attempt });
          repair = { draft: draft.source, attempt: attempt + 1, probeFailures: results.filter((r) => !r.passed).map((r) => ({ example: r.example, input: bp.examples.find((e) => e.name === r.example)!.input, status: r.status, stderr: r.stderrTail, failures: r.failures })) };
          last = { probe: results };
          continue;
        }
        const tool = this.register(bp, draft.source, 'generated', checked, results, attempt, actor, work.id);
        work.succeed({ tool: toolSummary(tool) }, `${bp.name} registered as version ${tool.version} after ${attempt} attempt(s)`, { version: tool.version });
        return;
      }
      throw new FactoryError('TOOL_GENERATION_FAILED', `No draft of ${bp.name} passed within ${max} attempts`, { attempts: max, ...last });
    } catch (e) {
      work.fail(e, signal.aborted ? 'cancelled' : 'failed');
    }
  }

  private register(bp: ToolBlueprint, source: string, origin: 'source' | 'generated', checked: CheckResult, results: ProbeResult[], attempts: number, actor: string, task?: string): ToolVersion {
    const tool = this.d.store.tools.addVersion({
      name: bp.name, language: bp.language, origin, source, checksum: checksum(source), policy: bp.policy, blueprint: bp,
      checkReport: checked, probeResults: results, attempts, createdBy: actor,
      expiresAt: bp.ttlSeconds ? new Date(Date.now() + bp.ttlSeconds * 1000).toISOString() : null,
    });
    this.d.audit.record({
      type: 'tool_generated', action: `registered (${origin})`, target: bp.name, actor, ...(task ? { task } : {}), output: source,
      details: { version: tool.version, checksum: tool.checksum, policy: bp.policy, attempts, probes: results.length, expiresAt: tool.expiresAt },
    });
    return tool;
  }

  /** Runs a registered tool on an input: checked again under the policy in force now, then sandboxed. */
  async execute(name: string, input: Record<string, unknown>, actor: string, opts: { version?: number; sampleData?: boolean; task?: string; agent?: string; sessionId?: string; signal?: AbortSignal } = {}): Promise<ExecuteOutcome> {
    const rec = this.d.store.tools.active(name);
    if (!rec) throw new FactoryError('RESOURCE_NOT_FOUND', `No tool named '${name}'`);
    const v = this.d.store.tools.version(name, opts.version ?? rec.latestVersion);
    if (!v) throw new FactoryError('RESOURCE_NOT_FOUND', `Tool '${name}' has no version ${opts.version}`);
    if (v.expiresAt && v.expiresAt <= new Date().toISOString()) throw new FactoryError('RESOURCE_NOT_FOUND', `Tool '${name}' expired at ${v.expiresAt}`);
    const bp = v.blueprint as ToolBlueprint;
    const problems = checkToolInput(bp.inputSpec, input);
    if (problems.length > 0) throw new FactoryError('INPUT_INVALID', `The input does not match ${name}'s inputSpec`, { issues: problems.map((p) => ({ path: ['input', ...p.path].join('.'), message: p.message })) });
    const policy = this.d.policies.get(v.policy);
    const dataDir = opts.sampleData && bp.sampleData ? await resolveSampleData(this.d.config.blueprintDir, bp.sampleData) : undefined;
    const work = Work.start(this.d.store, this.d.events, { kind: 'run', type: 'tool', target: `${name}@${v.version}`, owner: actor, input, agent: opts.agent ?? null });
    work.progress(0.1, 'running', `running ${name}@${v.version}`);
    try {
      const out = await this.d.executor.execute({
        language: bp.language, source: v.source, policy, stdin: inputStdin(bp, input), args: inputArgs(bp, input), env: bp.env ?? {},
        outputJson: bp.outputSpec.format === 'json', actor, target: `${name}@${v.version}`, runId: work.id,
        task: opts.task ?? work.id, ...(opts.agent ? { agent: opts.agent } : {}), ...(opts.sessionId ? { sessionId: opts.sessionId } : {}), ...(dataDir ? { dataDir } : {}), ...(opts.signal ? { signal: opts.signal } : {}),
      });
      if (out.blocked) {
        work.fail(new FactoryError('CODE_BLOCKED', `${name}@${v.version} is blocked by policy ${policy.name} as it is now`, { findings: out.check.findings }));
        return { runId: work.id, tool: name, version: v.version, blocked: true, findings: out.check.findings };
      }
      const r = out.result;
      if (r.status === 'ok') work.succeed(r, `${name}@${v.version}: ok in ${r.durationMs.toFixed(0)} ms`, { status: r.status });
      else work.fail(new FactoryError('SANDBOX_FAILED', `${name}@${v.version}: ${r.status}`, { status: r.status, exitCode: r.exitCode }));
      return { runId: work.id, tool: name, version: v.version, blocked: false, result: r };
    } catch (e) {
      work.fail(e);
      throw e;
    }
  }

  destroy(name: string, actor: string, reason = 'requested'): boolean {
    const ok = this.d.store.tools.destroy(name);
    if (ok) {
      this.d.audit.record({ type: 'tool_destroyed', action: reason, target: name, actor });
      this.d.events.publish({ topic: `tool:${name}`, owner: actor, task: name, status: 'destroyed', progress: 1, message: `${name} destroyed (${reason})` });
    }
    return ok;
  }

  /** Destroys tools whose time to live has passed. */
  sweep(): string[] {
    const gone = this.d.store.tools.expired(new Date().toISOString());
    for (const name of gone) this.destroy(name, 'sweeper', 'expired');
    return gone;
  }
}

/** What lists and job results show of a version (the source is fetched separately). */
export function toolSummary(v: ToolVersion) {
  const bp = v.blueprint as ToolBlueprint;
  return {
    name: v.name, version: v.version, language: v.language, origin: v.origin, description: bp.description, policy: v.policy,
    checksum: v.checksum, attempts: v.attempts, createdBy: v.createdBy, createdAt: v.createdAt, expiresAt: v.expiresAt,
    inputSpec: bp.inputSpec, outputSpec: bp.outputSpec,
  };
}
