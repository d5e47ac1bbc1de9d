/**
 * The repository's policies, worked out ahead of time by the build (scripts/build.js, into
 * dist/policies-ahead.json beside the bundles, read on first use), so that a one-shot command skips the
 * slowest part of its start for a policy nobody edited:
 *  - parsed: sha256 of a policy text → the data of its YAML, as JSON (parse.ts; validation still runs);
 *  - resolved: each policy → the policy loadPolicyNamed resolves for it, as JSON, with the texts of its
 *    `extends` chain (its lineage) it was resolved from. It is the answer only where every file of that
 *    chain has exactly that text (then loadPolicyNamed follows the same chain through the same texts).
 * Each is the output of the sources' own functions for exactly those inputs, computed by them at build
 * time; any other text or chain is worked out as usual. Both are empty when the sources run.
 */
import { readFileSync } from 'node:fs';
import type { PolicySource } from './load.ts';
import type { Policy } from './schema.ts';

/** The file, relative to this one; defined by the build only (the sources never read what a build left). */
declare const FACTORY_POLICIES_AHEAD_FILE: string | undefined;

export interface ResolvedAhead {
  /** the text of each policy file of a chain below */
  texts: Record<string, string>;
  /** by name: the policy's lineage (root first, the policy last) and the policy, as JSON */
  policies: Record<string, { lineage: string[]; policy: string }>;
}

interface PoliciesAhead {
  parsed: Record<string, string>;
  resolved: ResolvedAhead;
}
let ahead: Readonly<PoliciesAhead> | undefined;

function table(): Readonly<PoliciesAhead> {
  if (!ahead) {
    ahead = { parsed: {}, resolved: { texts: {}, policies: {} } };
    if (typeof FACTORY_POLICIES_AHEAD_FILE === 'string') {
      try {
        ahead = JSON.parse(readFileSync(new URL(FACTORY_POLICIES_AHEAD_FILE, import.meta.url), 'utf8')) as PoliciesAhead;
      } catch {
        // none (a build without it): every policy is worked out as usual
      }
    }
  }
  return ahead;
}

/** The YAML data of a policy text parsed ahead, as JSON, by the sha256 of the text. */
export function parsedAhead(hash: string): string | undefined {
  const { parsed } = table();
  return Object.hasOwn(parsed, hash) ? parsed[hash] : undefined;
}

/** The policy `name` of `sources` (by name) as resolved ahead, when every file of its chain has the text it was resolved from. */
export function resolvedAhead(sources: ReadonlyMap<string, PolicySource>, name: string, resolved = table().resolved): Policy | undefined {
  const entry = Object.hasOwn(resolved.policies, name) ? resolved.policies[name] : undefined;
  if (!entry || entry.lineage.at(-1) !== name) return undefined;
  for (const member of entry.lineage) {
    if (!Object.hasOwn(resolved.texts, member) || sources.get(member)?.text !== resolved.texts[member]) return undefined;
  }
  return JSON.parse(entry.policy) as Policy;
}
