import { join } from 'node:path';
import { loadPolicyDir, type Policy } from '../../src/policy/index.ts';
import { REPO } from './env.ts';

/** A repository policy by name, resolved (as the service would run it). */
export async function repoPolicy(name = 'default'): Promise<Policy> {
  const dir = await loadPolicyDir(join(REPO, 'policies'));
  const p = dir.policies.get(name);
  if (!p) throw new Error(`no policy ${name} in policies/`);
  return p.policy;
}

/** The default policy with tight limits, so containment tests finish quickly. */
export async function tightPolicy(): Promise<Policy> {
  const p = await repoPolicy('default');
  return {
    ...p,
    name: 'tight',
    limits: { ...p.limits, maxExecutionSeconds: 3, maxMemoryMb: 128, maxOutputKb: 64, maxProcesses: 32, maxFileSizeMb: 8 },
  };
}
