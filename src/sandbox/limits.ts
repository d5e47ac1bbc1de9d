import { FactoryError } from '../errors/catalog.ts';
import type { Policy } from '../policy/index.ts';
import type { SandboxLimits, SandboxMount } from './types.ts';

export interface LimitOverrides {
  timeoutSeconds?: number | undefined;
  memoryMb?: number | undefined;
}

/** The policy's limits as sandbox limits; per-run overrides may only tighten them. */
export function limitsFor(policy: Pick<Policy, 'limits' | 'network'>, o: LimitOverrides = {}): SandboxLimits {
  if (policy.network.allowOutbound) {
    throw new FactoryError('NETWORK_NOT_SUPPORTED', undefined, { policyNetwork: policy.network });
  }
  const l = policy.limits;
  const check = (name: string, value: number | undefined, max: number): number => {
    if (value === undefined) return max;
    if (!(value > 0)) throw new FactoryError('LIMIT_NOT_TIGHTER', `${name} must be a positive number`, { name, value });
    if (value > max) throw new FactoryError('LIMIT_NOT_TIGHTER', `${name} ${value} exceeds the policy's ${max}`, { name, value, max });
    return value;
  };
  const timeoutS = check('timeout (s)', o.timeoutSeconds, l.maxExecutionSeconds);
  const memoryMb = Math.floor(check('memory (MB)', o.memoryMb, l.maxMemoryMb));
  return {
    timeoutMs: Math.round(timeoutS * 1000),
    memoryMb,
    cpus: l.cpus,
    maxProcesses: l.maxProcesses,
    maxOpenFiles: l.maxOpenFiles,
    maxFileSizeMb: l.maxFileSizeMb,
    maxOutputBytes: l.maxOutputKb * 1024,
    tmpfsMb: Math.max(1, Math.min(l.maxFileSizeMb + 16, memoryMb)),
  };
}

/**
 * The policy's allowed paths as mounts: a host directory where configuration maps one, otherwise a
 * private tmpfs for writable paths. Read-only paths without a host directory are not mounted at all.
 */
export function mountsFor(policy: Pick<Policy, 'paths'>, hostPaths: Record<string, string>): SandboxMount[] {
  const mounts: SandboxMount[] = [];
  for (const p of policy.paths.readWrite) {
    if (p === '/workspace' || p === '/tmp') continue; // always private tmpfs
    mounts.push({ containerPath: p, readOnly: false, ...(hostPaths[p] ? { hostPath: hostPaths[p] } : {}) });
  }
  for (const p of policy.paths.readOnly) {
    if (hostPaths[p]) mounts.push({ containerPath: p, readOnly: true, hostPath: hostPaths[p] });
  }
  return mounts;
}
