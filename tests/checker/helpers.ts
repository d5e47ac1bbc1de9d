import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, type CheckResult, type Language } from '../../src/checker/index.ts';
import { loadSources } from '../../src/policy/load.ts';
import { policyHash } from '../../src/policy/parse.ts';
import type { Policy } from '../../src/policy/schema.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const cache = new Map<string, Policy>();

/** A shipped policy from policies/ (default, strict, data-science). */
export function shippedPolicy(name = 'default'): Policy {
  let p = cache.get(name);
  if (!p) {
    const sources = ['default', 'strict', 'data-science'].map((n) => {
      const file = path.join(ROOT, 'policies', `${n}.yaml`);
      const text = readFileSync(file, 'utf8');
      return { name: n, file, text, hash: policyHash(text) };
    });
    const loaded = loadSources(sources);
    if (loaded.rejected.length > 0) throw new Error(`shipped policies rejected: ${JSON.stringify(loaded.rejected)}`);
    for (const [n, l] of loaded.policies) cache.set(n, l.policy);
    p = cache.get(name)!;
  }
  return p;
}

/** The default policy with some fields replaced (for network and path tests). */
export function policyWith(patch: (p: Policy) => void, base = 'default'): Policy {
  const p = structuredClone(shippedPolicy(base));
  patch(p);
  return p;
}

export function run(source: string, language: Language, policy: Policy = shippedPolicy()): CheckResult {
  return check(source, language, policy);
}

export const py = (source: string, policy?: Policy) => run(source, 'python', policy);
export const sh = (source: string, policy?: Policy) => run(source, 'shell', policy);
export const js = (source: string, policy?: Policy) => run(source, 'javascript', policy);

export function rules(r: CheckResult): string[] {
  return r.findings.map((f) => f.rule);
}

/** A readable description of findings for failure messages. */
export function explain(r: CheckResult): string {
  return r.findings.map((f) => `${f.rule} [${f.severity}] ${f.line}:${f.column} ${f.message} | ${f.snippet}`).join('\n') || '(no findings)';
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'tests/checker/fixtures', name), 'utf8');
}
