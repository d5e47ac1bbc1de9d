/**
 * Policy names are file names: validated before they touch the file system, so no name can climb
 * out of the policies directory.
 */
import path from 'node:path';
import { FactoryError } from '../errors/catalog.ts';
import { POLICY_NAME_RE } from './schema.ts';

/** The extensions a policy file may have; `.yaml` is the one written. */
export const POLICY_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export function isValidPolicyName(name: string): boolean {
  return POLICY_NAME_RE.test(name);
}

/** Throws POLICY_NAME_INVALID unless `name` matches [a-z0-9][a-z0-9_-]{0,63}. */
export function assertPolicyName(name: string): void {
  if (!isValidPolicyName(name)) throw new FactoryError('POLICY_NAME_INVALID', undefined, { name });
}

/** The policy name a directory entry stands for, or null when the entry is not a policy file. */
export function policyNameOfFile(fileName: string): string | null {
  if (fileName.startsWith('.')) return null;
  const ext = POLICY_EXTENSIONS.find((e) => fileName.endsWith(e));
  if (!ext) return null;
  const name = fileName.slice(0, -ext.length);
  return isValidPolicyName(name) ? name : null;
}

/** `<dir>/<name>.yaml`, after validating the name. */
export function policyFilePath(dir: string, name: string): string {
  assertPolicyName(name);
  return path.join(dir, `${name}.yaml`);
}
