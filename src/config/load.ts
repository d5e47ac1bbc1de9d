import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Config } from './schema.ts';
import { CONFIG_SECTIONS, configSchema } from './sections.ts';
import { FactoryError } from '../errors/catalog.ts';

/** Environment variables the service reads, and the config key each one sets. */
export const ENV_KEYS: Readonly<Record<string, string>> = {
  FACTORY_HOST: 'server.host',
  FACTORY_PORT: 'server.port',
  FACTORY_BODY_LIMIT_BYTES: 'server.bodyLimitBytes',
  FACTORY_LOG_LEVEL: 'server.logLevel',
  FACTORY_DATA_DIR: 'dataDir',
  FACTORY_POLICY_DIR: 'policyDir',
  FACTORY_BLUEPRINT_DIR: 'blueprintDir',
  FACTORY_PIPELINE_DIR: 'pipelineDir',
  DOCKER_HOST: 'docker.host',
  OLLAMA_HOST: 'ollama.host',
  FACTORY_MODEL: 'ollama.defaultModel',
  FACTORY_POOL_SIZE: 'sandbox.poolSize',
};

export interface ConfigSources {
  /** path of a JSON or YAML config file (flag --config or $FACTORY_CONFIG) */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** values from command-line flags, as dotted keys: { 'server.port': '9000' } */
  flags?: Record<string, string | undefined>;
}

type Tree = Record<string, unknown>;

function setPath(tree: Tree, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = tree;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
    node = node[p] as Tree;
  }
  node[parts[parts.length - 1]!] = value;
}

function readConfigFile(path: string): Tree {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FactoryError('CONFIG_FILE_UNREADABLE', `Cannot read config file ${path}: ${(e as Error).message}`, { file: path });
  }
  try {
    const parsed: unknown = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be a mapping');
    return parsed as Tree;
  } catch (e) {
    throw new FactoryError('CONFIG_FILE_UNREADABLE', `Cannot parse config file ${path}: ${(e as Error).message}`, { file: path });
  }
}

/**
 * Builds the configuration: defaults < config file < environment < flags.
 * A bad value fails here, naming the key, where the value came from, and the reason.
 */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const origin = new Map<string, string>();
  const filePath = sources.file ?? env.FACTORY_CONFIG;
  const tree: Tree = filePath ? readConfigFile(filePath) : {};
  if (filePath) origin.set('*', `config file ${filePath}`);

  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v !== undefined && v !== '') {
      setPath(tree, key, v);
      origin.set(key, `environment variable ${name}`);
    }
  }
  for (const [key, v] of Object.entries(sources.flags ?? {})) {
    if (v !== undefined) {
      setPath(tree, key, v);
      origin.set(
        key,
        `flag --${key
          .split('.')
          .pop()!
          .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      );
    }
  }

  const result = parseConfig(tree);
  if (!result.success) {
    const issues = result.error.issues.map((i) => {
      const key = i.path.map(String).join('.') || '(root)';
      const from = origin.get(key) ?? origin.get('*') ?? 'defaults';
      return { key, from, message: i.message };
    });
    const text = issues.map((i) => `${i.key} (from ${i.from}): ${i.message}`).join('; ');
    throw new FactoryError('CONFIG_INVALID', `Invalid configuration: ${text}`, { issues });
  }
  const cfg = result.data;
  return {
    ...cfg,
    dataDir: resolve(cfg.dataDir),
    policyDir: resolve(cfg.policyDir),
    blueprintDir: resolve(cfg.blueprintDir),
    pipelineDir: resolve(cfg.pipelineDir),
    docker: { ...cfg.docker, host: cfg.docker.host },
  };
}

type Parsed = { success: true; data: Config } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * The defaults of the configuration's sections, worked out ahead by the build (scripts/build.js, with
 * sectionDefaults below): section → its value when the configuration does not set it, as JSON. Empty when
 * the sources run.
 */
declare const FACTORY_CONFIG_DEFAULTS_AHEAD: string | undefined;
const DEFAULTS_AHEAD = (typeof FACTORY_CONFIG_DEFAULTS_AHEAD === 'string' ? JSON.parse(FACTORY_CONFIG_DEFAULTS_AHEAD) : {}) as Readonly<
  Record<string, string>
>;
type Section = keyof typeof CONFIG_SECTIONS;

/**
 * The configuration schema's outcome for `tree`, making only the sections the tree sets: each other takes
 * its default as worked out ahead (`ahead`). When that is not the whole answer (a key the schema does not
 * know, a bad value), the whole schema decides, so every issue reads as it always did.
 */
export function parseConfig(tree: Tree, ahead: Readonly<Record<string, string>> = DEFAULTS_AHEAD): Parsed {
  const keys = Object.keys(CONFIG_SECTIONS) as Section[];
  if (Object.keys(tree).every((k) => (keys as string[]).includes(k))) {
    const data: Record<string, unknown> = {};
    let ok = true;
    for (const key of keys) {
      if (!(key in tree) && Object.hasOwn(ahead, key)) {
        data[key] = JSON.parse(ahead[key]!);
        continue;
      }
      const r = CONFIG_SECTIONS[key]().safeParse(tree[key]);
      if (!r.success) {
        ok = false;
        break;
      }
      data[key] = r.data;
    }
    if (ok) return { success: true, data: data as Config };
  }
  return configSchema().safeParse(tree);
}

/** Whether any string in `v` contains `root` (compared as the strings are, not as JSON escapes them). */
function namesPath(v: unknown, root: string): boolean {
  if (typeof v === 'string') return v.includes(root);
  if (v && typeof v === 'object') return Object.values(v).some((x) => namesPath(x, root));
  return false;
}

/**
 * For the build: each section's default as JSON, where JSON holds it exactly and it names no path of the
 * package (`root`: those move with the package, so they are always worked out at run time).
 */
export function sectionDefaults(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, make] of Object.entries(CONFIG_SECTIONS)) {
    const value: unknown = make().parse(undefined);
    const json = JSON.stringify(value);
    if (json !== undefined && !namesPath(value, root) && isDeepStrictEqual(JSON.parse(json), value)) out[key] = json;
  }
  return out;
}
