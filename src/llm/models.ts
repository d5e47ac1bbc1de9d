import type { Config } from '../config/schema.ts';
import { canonicalModel } from './records.ts';

export type OllamaSettings = Config['ollama'];

/**
 * The model for a role: an explicit override (from the blueprint or the request), else
 * `models[role]`, else `models[prefix]` for a role such as `agent:data-analyst` (prefix `agent`),
 * else `defaultModel`.
 */
export function pickModel(settings: Pick<OllamaSettings, 'models' | 'defaultModel'>, role: string, override?: string): string {
  if (override) return override;
  const exact = settings.models[role];
  if (exact) return exact;
  const colon = role.indexOf(':');
  const byPrefix = colon > 0 ? settings.models[role.slice(0, colon)] : undefined;
  return byPrefix ?? settings.defaultModel;
}

/** Configured models that are not among `available` (names as /api/tags lists them). */
export function missingModels(settings: Pick<OllamaSettings, 'models' | 'defaultModel'>, available: string[]): string[] {
  const have = new Set(available.map(canonicalModel));
  const wanted = [...new Set([settings.defaultModel, ...Object.values(settings.models)])];
  return wanted.filter((m) => !have.has(canonicalModel(m)));
}
