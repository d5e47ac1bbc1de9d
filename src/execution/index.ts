import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '../audit/trail.ts';
import { check } from '../checker/index.ts';
import type { CheckResult } from '../checker/types.ts';
import type { Policy } from '../policy/index.ts';
import { limitsFor, mountsFor, type LimitOverrides, type RunResult, type Sandboxes, type SandboxLanguage } from '../sandbox/index.ts';
import { auditBlockedCheck } from './audit-block.ts';

export { auditBlockedCheck, type CheckWho } from './audit-block.ts';

export interface ExecuteRequest {
  language: SandboxLanguage;
  source: string;
  policy: Policy;
  stdin?: string;
  args?: string[];
  env?: Record<string, string>;
  overrides?: LimitOverrides;
  outputJson?: boolean;
  /** a host directory mounted read-only at /data for this run (a tool's sample data); the policy must allow /data */
  dataDir?: string;
  /** local CLI only, for testing the container's containment; audited as such */
  skipStaticCheck?: boolean;
  /** who asked (token id, 'cli', 'system') and what for */
  actor: string;
  target?: string;
  project?: string;
  task?: string;
  agent?: string;
  runId?: string;
  /** run in this session's persistent sandbox (Python and shell; JavaScript isolates are always single-use) */
  sessionId?: string;
  signal?: AbortSignal;
}

export type ExecuteOutcome =
  { blocked: true; runId: string; check: CheckResult } | { blocked: false; runId: string; check: CheckResult | null; result: RunResult };

/** Told of every check and every finished run (metrics); an observer's failure never affects the caller. */
export interface ExecutionObserver {
  onCheck?(result: CheckResult): void;
  onRun?(result: RunResult): void;
}

/** The checker, then the sandbox; both decisions are audited. The only way the service runs code. */
export class Executor {
  constructor(
    private readonly sandboxes: Sandboxes,
    private readonly audit: AuditTrail,
    private readonly hostPaths: Record<string, string>,
    private readonly observer: ExecutionObserver = {},
  ) {}

  /** Static check only, audited as `security_block` when it blocks. */
  async check(
    source: string,
    language: SandboxLanguage,
    policy: Policy,
    who: Pick<ExecuteRequest, 'actor' | 'target' | 'project' | 'task' | 'agent'>,
  ): Promise<CheckResult> {
    const started = performance.now();
    const result = check(source, language, policy);
    tell(() => this.observer.onCheck?.(result));
    if (!result.allowed) await auditBlockedCheck(this.audit, result, policy, who, source, performance.now() - started);
    return result;
  }

  async execute(req: ExecuteRequest): Promise<ExecuteOutcome> {
    const runId = req.runId ?? randomUUID();
    // limits first: a policy the sandbox cannot honour is refused before anything else happens
    const limits = limitsFor(req.policy, req.overrides);
    const mounts = mountsFor(req.policy, req.dataDir ? { ...this.hostPaths, '/data': req.dataDir } : this.hostPaths);
    let checked: CheckResult | null = null;
    if (!req.skipStaticCheck) {
      checked = await this.check(req.source, req.language, req.policy, req);
      if (!checked.allowed) return { blocked: true, runId, check: checked };
    }
    const result = await this.sandboxes.run({
      language: req.language,
      source: req.source,
      stdin: req.stdin ?? '',
      args: req.args ?? [],
      env: req.env ?? {},
      limits,
      mounts,
      outputJson: req.outputJson ?? false,
      runId,
      signal: req.signal,
      ...(req.sessionId && req.language !== 'javascript' ? { sessionId: req.sessionId } : {}),
    });
    tell(() => this.observer.onRun?.(result));
    await this.audit.record({
      type: 'tool_executed',
      action: `run ${req.language}`,
      target: req.target ?? 'adhoc',
      project: req.project,
      task: req.task,
      agent: req.agent,
      actor: req.actor,
      input: req.stdin ?? '',
      output: result.stdout,
      success: result.status === 'ok',
      error:
        result.status === 'ok'
          ? null
          : `${result.status}${result.exitCode !== null ? ` (exit ${result.exitCode})` : ''}${result.error ? `: ${result.error}` : ''}`,
      durationMs: result.durationMs,
      securityFlags: [
        ...(req.skipStaticCheck ? ['static_check_skipped'] : ['static_check_passed']),
        ...(result.status === 'ok' || result.status === 'failed' ? [] : [`limit_${result.status}`]),
      ],
      details: {
        runId,
        session: req.sessionId ?? null,
        policy: req.policy.name,
        runtime: result.runtime,
        warm: result.warm,
        container: result.containerId ?? null,
        status: result.status,
        exitCode: result.exitCode,
        limits,
        findings: checked?.findings.length ?? null,
        stdoutTruncated: result.stdoutTruncated,
        stderrTruncated: result.stderrTruncated,
      },
    });
    return { blocked: false, runId, check: checked, result };
  }
}

function tell(fn: () => void): void {
  try {
    fn();
  } catch {
    // an observer never breaks a check or a run
  }
}
