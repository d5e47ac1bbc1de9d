import type { Config, RoleSettings } from '../config/schema.ts';
import type { ThinkSetting } from './types.ts';

export type OllamaSettings = Config['ollama'];

/**
 * The roles the service calls models in. A role such as `agent:data-analyst` falls back to its prefix
 * (`agent`), `generator:repair` to `generator`. The names before this version still work as config keys.
 */
export const ROLES = {
  /** designs a specialist's blueprint (structured output) */
  designer: 'designer',
  /** writes a tool's first draft */
  generator: 'generator',
  /** repairs a draft from the checker's findings or failed examples */
  repair: 'generator:repair',
  /** agent runs: `agent:<blueprint name>` */
  agent: 'agent',
  /** embeddings (/api/embed): routing, knowledge and episode search; set a model with ollama.models.embedder */
  embedder: 'embedder',
} as const;

const LEGACY: Record<string, string> = { designer: 'specialist-designer', generator: 'tool-generator', 'generator:repair': 'tool-repair' };

/** What one call runs with. */
export interface ResolvedRole {
  model: string;
  numCtx: number;
  numPredict: number;
  think: ThinkSetting | undefined;
  timeoutMs: number;
}

type Settings = Pick<OllamaSettings, 'models' | 'defaultModel'> &
  Partial<Pick<OllamaSettings, 'roles' | 'numCtx' | 'numPredict' | 'think' | 'requestTimeoutMs'>>;

/** The role, then its legacy name, then its prefix (and the prefix's legacy name): most specific first. */
export function roleChain(role: string): string[] {
  const colon = role.indexOf(':');
  const prefix = colon > 0 ? role.slice(0, colon) : undefined;
  const chain = [role, LEGACY[role], prefix, prefix ? LEGACY[prefix] : undefined];
  return [...new Set(chain.filter((r): r is string => !!r))];
}

function first<K extends keyof RoleSettings>(s: Settings, chain: string[], key: K): RoleSettings[K] | undefined {
  for (const r of chain) {
    const v = s.roles?.[r]?.[key];
    if (v !== undefined) return v;
    if (key === 'model' && s.models[r]) return s.models[r] as RoleSettings[K];
  }
  return undefined;
}

/**
 * The model for a role: an explicit override (from the blueprint or the request), else the most
 * specific of `roles[r].model` / `models[r]` along the role chain, else `defaultModel`.
 */
export function pickModel(settings: Settings, role: string, override?: string): string {
  if (override) return override;
  return first(settings, roleChain(role), 'model') ?? settings.defaultModel;
}

export function resolveRole(settings: Settings, role: string, override?: string): ResolvedRole {
  const chain = roleChain(role);
  return {
    model: pickModel(settings, role, override),
    numCtx: first(settings, chain, 'numCtx') ?? settings.numCtx ?? 8192,
    numPredict: first(settings, chain, 'numPredict') ?? settings.numPredict ?? 4096,
    think: first(settings, chain, 'think') ?? settings.think,
    timeoutMs: first(settings, chain, 'timeoutMs') ?? settings.requestTimeoutMs ?? 300_000,
  };
}

/**
 * Ollama's name matching (types/model/name.go): `[host/][namespace/]model[:tag]`, host
 * registry.ollama.ai, namespace library and tag latest by default, compared without case.
 */
export function canonicalModel(name: string): string {
  const [path, tag] = splitTag(name.trim());
  const parts = path.split('/');
  const model = parts.pop() ?? '';
  const namespace = parts.pop() ?? 'library';
  const host = parts.length ? parts.join('/') : 'registry.ollama.ai';
  return `${host}/${namespace}/${model}:${tag}`.toLowerCase();
}

function splitTag(name: string): [string, string] {
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? [name.slice(0, colon), name.slice(colon + 1) || 'latest'] : [name, 'latest'];
}

export function sameModel(a: string, b: string): boolean {
  return canonicalModel(a) === canonicalModel(b);
}

/** Configured models (defaultModel, models, roles) that are not among `available` (names as /api/tags lists them). */
export function missingModels(settings: Settings, available: string[]): string[] {
  const have = new Set(available.map(canonicalModel));
  const roleModels = Object.values(settings.roles ?? {})
    .map((r) => r.model)
    .filter((m): m is string => !!m);
  const wanted = [...new Set([settings.defaultModel, ...Object.values(settings.models), ...roleModels])];
  return wanted.filter((m) => !have.has(canonicalModel(m)));
}
