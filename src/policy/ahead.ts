/**
 * The repository's policies, worked out ahead of time by the build (scripts/build.js), so that a one-shot
 * command skips the slowest part of its start for a policy nobody edited:
 *  - parsed: sha256 of a policy text → the data of its YAML, as JSON (parse.ts; validation still runs);
 *  - resolved: each policy → the policy loadPolicyNamed resolves for it, as JSON, with the texts of its
 *    `extends` chain (its lineage) it was resolved from. It is the answer only where every file of that
 *    chain has exactly that text (then loadPolicyNamed follows the same chain through the same texts).
 * Each is the output of the sources' own functions for exactly those inputs, computed by them at build
 * time; any other text or chain is worked out as usual. Both are empty when the sources run.
 */
import type { PolicySource } from './load.ts';
import type { Policy } from './schema.ts';

declare const FACTORY_POLICIES_PARSED_AHEAD: string | undefined;
declare const FACTORY_POLICIES_RESOLVED_AHEAD: string | undefined;

export interface ResolvedAhead {
  /** the text of each policy file of a chain below */
  texts: Record<string, string>;
  /** by name: the policy's lineage (root first, the policy last) and the policy, as JSON */
  policies: Record<string, { lineage: string[]; policy: string }>;
}

let parsed: Readonly<Record<string, string>> | undefined;
let resolved: Readonly<ResolvedAhead> | undefined;

/** The YAML data of a policy text parsed ahead, as JSON, by the sha256 of the text. */
export function parsedAhead(hash: string): string | undefined {
  parsed ??= typeof FACTORY_POLICIES_PARSED_AHEAD === 'string' ? (JSON.parse(FACTORY_POLICIES_PARSED_AHEAD) as Record<string, string>) : {};
  return Object.hasOwn(parsed, hash) ? parsed[hash] : undefined;
}

function resolvedTable(): Readonly<ResolvedAhead> {
  resolved ??=
    typeof FACTORY_POLICIES_RESOLVED_AHEAD === 'string'
      ? (JSON.parse(FACTORY_POLICIES_RESOLVED_AHEAD) as ResolvedAhead)
      : { texts: {}, policies: {} };
  return resolved;
}

/** The policy `name` of `sources` (by name) as resolved ahead, when every file of its chain has the text it was resolved from. */
export function resolvedAhead(sources: ReadonlyMap<string, PolicySource>, name: string, table = resolvedTable()): Policy | undefined {
  const entry = Object.hasOwn(table.policies, name) ? table.policies[name] : undefined;
  if (!entry || entry.lineage.at(-1) !== name) return undefined;
  for (const member of entry.lineage) {
    if (!Object.hasOwn(table.texts, member) || sources.get(member)?.text !== table.texts[member]) return undefined;
  }
  return JSON.parse(entry.policy) as Policy;
}
