import type { AuditTrail } from '../audit/trail.ts';
import type { CheckResult } from '../checker/types.ts';
import type { Policy } from '../policy/index.ts';

/** Who checked what: the actor (token id, 'cli', 'system') and what the check was for. */
export interface CheckWho {
  actor: string;
  target?: string | undefined;
  project?: string | undefined;
  task?: string | undefined;
  agent?: string | undefined;
}

/**
 * The one way a blocked static check is audited (`security_block`), by the service (Executor.check) and
 * by `factory check`: the source, every finding as `line:column rule message`, the rule ids of the
 * critical and major findings as security flags. Kept free of runtime imports so the CLI loads it cheaply.
 */
export async function auditBlockedCheck(
  audit: Pick<AuditTrail, 'record'>,
  result: CheckResult,
  policy: Pick<Policy, 'name'>,
  who: CheckWho,
  source: string,
  durationMs: number,
): Promise<void> {
  const rules = [...new Set(result.findings.filter((f) => f.severity === 'critical' || f.severity === 'major').map((f) => f.rule))];
  await audit.record({
    type: 'security_block',
    action: `check ${result.language}`,
    target: who.target ?? 'adhoc',
    project: who.project,
    task: who.task,
    agent: who.agent,
    actor: who.actor,
    input: source,
    output: result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`).join('\n'),
    success: false,
    error: `blocked by policy ${policy.name}: ${rules.join(', ')}`,
    durationMs,
    securityFlags: rules,
    details: { policy: policy.name, findings: result.findings.length },
  });
}
