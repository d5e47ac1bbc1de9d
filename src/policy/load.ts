/**
 * Loading policies from text and from a directory. One bad file never stops the others: it is listed
 * in `rejected` with every issue, and policies extending it are rejected with an `extends` issue.
 */
// fs.promises, not node:fs/promises: read on first use, so a one-shot command that reads synchronously never loads it
import { promises as fsp, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { FactoryError } from '../errors/catalog.ts';
import { resolvedAhead } from './ahead.ts';
import { assertPolicyName, policyNameOfFile } from './names.ts';
import { parsePolicyText, policyHash } from './parse.ts';
import { resolveAll, resolveOne } from './resolve.ts';
import type { Policy, PolicyFile, PolicyIssue } from './schema.ts';

/** One policy file read from disk. */
export interface PolicySource {
  name: string;
  file: string;
  text: string;
  hash: string;
}
export interface LoadedPolicy extends PolicySource {
  parsed: PolicyFile;
  policy: Policy;
}
export interface RejectedPolicy {
  name: string;
  file: string;
  hash: string;
  issues: PolicyIssue[];
}
export interface PolicyDirLoad {
  policies: Map<string, LoadedPolicy>;
  rejected: RejectedPolicy[];
}

/**
 * Parse one policy text and resolve it against already loaded policies (`others`, by name).
 * Throws FactoryError POLICY_INVALID with `details.issues` (every problem, with path and line).
 */
export function policyFromText(
  name: string,
  text: string,
  others: ReadonlyMap<string, PolicyFile> = new Map(),
): { parsed: PolicyFile; policy: Policy } {
  assertPolicyName(name);
  const parsed = parsePolicyText(text, name);
  if (!parsed.ok) throw invalid(name, parsed.issues);
  const files = new Map(others);
  files.set(name, parsed.file);
  const resolved = resolveOne(name, files);
  if (!resolved.ok) throw invalid(name, resolved.issues);
  return { parsed: parsed.file, policy: resolved.policy };
}

export function invalid(name: string, issues: PolicyIssue[]): FactoryError {
  const summary = issues.map((i) => `${i.path}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`).join('; ');
  return new FactoryError('POLICY_INVALID', `policy '${name}' is invalid: ${summary}`, { name, issues });
}

/** Read every policy file in `dir` (the `.yaml` wins when a name has several files). */
export async function readPolicySources(dir: string): Promise<PolicySource[]> {
  const out: PolicySource[] = [];
  for (const { name, file } of policyFiles(dir, await fsp.readdir(dir, { withFileTypes: true }))) {
    try {
      const text = await fsp.readFile(file, 'utf8');
      out.push({ name, file, text, hash: policyHash(text) });
    } catch {
      // vanished between readdir and readFile: treated as absent
    }
  }
  return out;
}

/**
 * readPolicySources without the thread-pool round trips of asynchronous reads (for one-shot commands); each
 * source's hash is computed when it is first read (`factory check` of an unedited policy never needs it).
 */
export function readPolicySourcesSync(dir: string): PolicySource[] {
  const out: PolicySource[] = [];
  for (const { name, file } of policyFiles(dir, readdirSync(dir, { withFileTypes: true }))) {
    try {
      const text = readFileSync(file, 'utf8');
      let hash: string | undefined;
      out.push({
        name,
        file,
        text,
        get hash() {
          return (hash ??= policyHash(text));
        },
      });
    } catch {
      // vanished between readdir and readFile: treated as absent
    }
  }
  return out;
}

/** The policy files among a directory's entries, one per name. */
function policyFiles(dir: string, entries: Dirent[]): { name: string; file: string }[] {
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort(preferYaml);
  const seen = new Set<string>();
  const out: { name: string; file: string }[] = [];
  for (const entry of names) {
    const name = policyNameOfFile(entry);
    if (name === null || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, file: path.join(dir, entry) });
  }
  return out;
}

function preferYaml(a: string, b: string): number {
  const rank = (f: string) => (f.endsWith('.yaml') ? 0 : f.endsWith('.yml') ? 1 : 2);
  const base = (f: string) => f.replace(/\.(ya?ml|json)$/, '');
  return base(a) === base(b) ? rank(a) - rank(b) : a < b ? -1 : 1;
}

/** Parse and resolve a set of sources; never throws for a bad source. */
export function loadSources(sources: readonly PolicySource[]): PolicyDirLoad {
  const parsed = new Map<string, PolicyFile>();
  const rejected: RejectedPolicy[] = [];
  for (const src of sources) {
    const r = parsePolicyText(src.text, src.name);
    if (r.ok) parsed.set(src.name, r.file);
    else rejected.push({ name: src.name, file: src.file, hash: src.hash, issues: r.issues });
  }
  const policies = new Map<string, LoadedPolicy>();
  const resolved = resolveAll(parsed);
  for (const src of sources) {
    const res = resolved.get(src.name);
    if (!res) continue;
    if (res.ok) policies.set(src.name, { ...src, parsed: parsed.get(src.name)!, policy: res.policy });
    else rejected.push({ name: src.name, file: src.file, hash: src.hash, issues: res.issues });
  }
  return { policies, rejected };
}

/** Load every policy in a directory: the valid ones and the rejected files with their issues. */
export async function loadPolicyDir(dir: string): Promise<PolicyDirLoad> {
  return loadSources(await readPolicySources(dir));
}

/**
 * Load one policy of a directory by name, parsing only its file and its ancestors' (what a one-shot
 * command needs; it reads synchronously too): the outcome for that name is the one loadPolicyDir gives.
 * `known`: every name in `dir`.
 */
export function loadPolicyNamed(dir: string, name: string): NamedPolicy {
  const sources = new Map(readPolicySourcesSync(dir).map((s) => [s.name, s]));
  const policy = resolvedAhead(sources, name); // one of the repository's policies, as the build resolved it
  return policy ? { policy, known: [...sources.keys()] } : policyNamed(sources, name);
}

export interface NamedPolicy {
  policy?: Policy;
  issues?: PolicyIssue[];
  known: string[];
}

/** loadPolicyNamed of policy sources already read (by name); the build resolves the repository's policies ahead with it. */
export function policyNamed(sources: ReadonlyMap<string, PolicySource>, name: string): NamedPolicy {
  const known = [...sources.keys()];
  const own = sources.get(name);
  if (!own) return { known };
  const parsed = new Map<string, PolicyFile>();
  for (let next: string | null | undefined = name; next && !parsed.has(next);) {
    const src = sources.get(next);
    if (!src) break;
    const r = parsePolicyText(src.text, src.name);
    if (!r.ok) {
      if (next === name) return { issues: r.issues, known };
      break; // a parent that does not parse is absent, as in loadSources: the child reports it
    }
    parsed.set(next, r.file);
    next = r.file.extends;
  }
  // resolved as loadSources does (in name order), so that even a cycle is reported from the same member
  const res = resolveAll(parsed).get(name)!;
  return res.ok ? { policy: res.policy, known } : { issues: res.issues, known };
}

/**
 * Load one policy file by path. Its parent (`extends`) comes from the same directory, or else from
 * `parentsDir` (the service's policy directory), so a policy written elsewhere can extend `default`.
 */
export async function loadPolicyFile(file: string, parentsDir?: string): Promise<Policy> {
  const name = policyNameOfFile(path.basename(file));
  if (name === null) throw new FactoryError('POLICY_NAME_INVALID', `not a policy file name: ${path.basename(file)}`, { file });
  let own = await readPolicySources(path.dirname(file)).catch(() => [] as PolicySource[]);
  if (!own.some((s) => s.name === name && path.resolve(s.file) === path.resolve(file))) {
    // a sibling of another extension (x.json next to x.yaml) or a missing file: read exactly this one
    try {
      const text = await fsp.readFile(file, 'utf8');
      own = [...own.filter((s) => s.name !== name), { name, file, text, hash: policyHash(text) }];
    } catch {
      throw new FactoryError('POLICY_NOT_FOUND', `no policy file ${file}`, { file });
    }
  }
  const parents =
    parentsDir && path.resolve(parentsDir) !== path.resolve(path.dirname(file)) ? await readPolicySources(parentsDir).catch(() => []) : [];
  const names = new Set(own.map((s) => s.name));
  const dir = loadSources([...own, ...parents.filter((s) => !names.has(s.name))]);
  const hit = dir.policies.get(name);
  if (hit) return hit.policy;
  const bad = dir.rejected.find((r) => r.name === name);
  if (bad) throw invalid(name, bad.issues);
  throw new FactoryError('POLICY_NOT_FOUND', `no policy file ${file}`, { file });
}
