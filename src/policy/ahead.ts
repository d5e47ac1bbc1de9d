/**
 * The repository's policies, worked out ahead of time by the build (scripts/build.js), so that a one-shot
 * command skips the slowest part of its start for a policy nobody edited:
 *  - `parsed`: sha256 of a policy text → the data of its YAML, as JSON (parse.ts; validation still runs);
 *  - `resolved`: a policy's `extends` chain in its directory (each member's name and the sha256 of its
 *    text, the policy first: chainKey) → the policy loadPolicyNamed resolves from exactly those files, as
 *    JSON, for what `factory check` loads.
 * Each is the output of the sources' own functions for exactly those inputs, computed by them at build
 * time; any other text or chain is worked out as usual. Both are empty when the sources run.
 */
import type { PolicySource } from './load.ts';
import type { Policy } from './schema.ts';

declare const FACTORY_POLICIES_AHEAD: string | undefined;

export interface PoliciesAhead {
  parsed: Record<string, string>;
  resolved: Record<string, string>;
}

const AHEAD = (
  typeof FACTORY_POLICIES_AHEAD === 'string' ? JSON.parse(FACTORY_POLICIES_AHEAD) : { parsed: {}, resolved: {} }
) as Readonly<PoliciesAhead>;

/** The YAML data of a policy text parsed ahead, as JSON, by the sha256 of the text. */
export function parsedAhead(hash: string): string | undefined {
  return Object.hasOwn(AHEAD.parsed, hash) ? AHEAD.parsed[hash] : undefined;
}

/**
 * The `extends` chain of policy `name` among `sources` (by name) as a key: each member's name and text
 * hash, the policy first, its parents after it, as their texts' parsed-ahead data names them. Undefined
 * when a member's text was not parsed ahead or a parent is missing or repeated (such a chain is never
 * resolved ahead).
 */
export function chainKey(sources: ReadonlyMap<string, PolicySource>, name: string, parsed = AHEAD.parsed): string | undefined {
  const members: string[] = [];
  const seen = new Set<string>();
  for (let next: unknown = name; next !== undefined && next !== null;) {
    if (typeof next !== 'string' || seen.has(next)) return undefined;
    seen.add(next);
    const src = sources.get(next);
    const json = src && Object.hasOwn(parsed, src.hash) ? parsed[src.hash] : undefined;
    if (!src || json === undefined) return undefined;
    members.push(`${next}\0${src.hash}`);
    const data: unknown = JSON.parse(json);
    next = typeof data === 'object' && data !== null ? (data as { extends?: unknown }).extends : undefined;
  }
  return members.join('\n');
}

/** The policy `name` of `sources` as resolved ahead from exactly these files, else undefined. */
export function resolvedAhead(sources: ReadonlyMap<string, PolicySource>, name: string): Policy | undefined {
  const key = chainKey(sources, name);
  const json = key !== undefined && Object.hasOwn(AHEAD.resolved, key) ? AHEAD.resolved[key] : undefined;
  return json === undefined ? undefined : (JSON.parse(json) as Policy);
}
