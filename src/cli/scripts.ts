import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { loadPolicyFile, loadPolicyNamed, type Policy } from '../policy/index.ts';
import { FactoryError } from '../errors/catalog.ts';
import type { Language } from '../checker/types.ts';
import { UsageError } from './command.ts';

const BY_EXT: Record<string, Language> = { '.py': 'python', '.sh': 'shell', '.bash': 'shell', '.js': 'javascript', '.mjs': 'javascript' };

/** The language from --lang, else the file extension, else the shebang. */
export function languageOf(file: string, source: string, flag: string | undefined): Language {
  if (flag !== undefined) {
    if (flag === 'python' || flag === 'shell' || flag === 'javascript') return flag;
    throw new UsageError(`--lang must be python, shell or javascript, not '${flag}'`);
  }
  const byExt = BY_EXT[extname(file).toLowerCase()];
  if (byExt) return byExt;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(source);
  const interp = shebang ? ((shebang[1]!.endsWith('/env') ? shebang[2] : shebang[1]) ?? '') : '';
  if (/python/.test(interp)) return 'python';
  if (/(^|\/)(ba|da|z|k)?sh$/.test(interp)) return 'shell';
  if (/node$/.test(interp)) return 'javascript';
  throw new UsageError(`cannot tell the language of ${file}: give --lang python|shell|javascript`);
}

export function readScript(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** --policy NAME (from the policy directory) or PATH (a policy file; its parents from its own directory, else the policy directory). */
export async function policyOf(arg: string | undefined, policyDir: string): Promise<Policy> {
  const name = arg ?? 'default';
  if (isPolicyPath(name)) return loadPolicyFile(name, policyDir);
  return policyOrError(name, policyDir, loadPolicyNamed(policyDir, name));
}

export function isPolicyPath(arg: string): boolean {
  return arg.includes('/') || /\.(ya?ml|json)$/.test(arg);
}

/** The policy NAME found in the policy directory, or the error that says why there is none. */
export function policyOrError(
  name: string,
  policyDir: string,
  found: { policy?: Policy | undefined; issues?: unknown; known: string[] },
): Policy {
  if (found.policy) return found.policy;
  if (found.issues) throw new FactoryError('POLICY_INVALID', `policy '${name}' in ${policyDir} is invalid`, { issues: found.issues });
  throw new FactoryError('POLICY_NOT_FOUND', `no policy '${name}' in ${policyDir}`, { known: found.known });
}
