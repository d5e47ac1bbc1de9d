import { readFileSync, statSync } from 'node:fs';
import { MAX_SOURCE_CHARS } from '../checker/index.ts';
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

/** A script file: a regular file (not a device or a pipe, which may never end) of at most MAX_SOURCE_CHARS bytes. */
export function readScript(file: string): string {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UsageError(`${file} is not a regular file`);
    if (st.size > MAX_SOURCE_CHARS) throw new UsageError(`${file} is ${st.size} bytes: a script is checked up to ${MAX_SOURCE_CHARS}`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** --policy NAME (from the policy directory) or PATH (a policy file; its parents from its own directory, else the policy directory). */
export async function policyOf(arg: string | undefined, policyDir: string): Promise<Policy> {
  const name = arg ?? 'default';
  try {
    if (isPolicyPath(name)) return await loadPolicyFile(name, policyDir);
    return policyOrError(name, policyDir, loadPolicyNamed(policyDir, name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof FactoryError || code === undefined) throw e;
    throw new UsageError(`cannot read the policy ${isPolicyPath(name) ? `file ${name}` : `directory ${policyDir}`}: ${code}`);
  }
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
