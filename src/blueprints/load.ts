/**
 * Loading the blueprints on disk: `<dir>/agents/*.yaml|yml|json` and `<dir>/tools/*.yaml|yml|json`,
 * sample data in `<dir>/data/<sampleData>`. A bad file never stops the others: it is listed in
 * `rejected` with its file and every issue (dotted path, line), and skipped.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AgentBlueprint } from './agent.ts';
import type { BlueprintIssue } from './common.ts';
import { blueprintInvalid, validateBlueprintText, type BlueprintKind, type BlueprintOf } from './parse.ts';
import type { ToolBlueprint } from './tool.ts';

export const BLUEPRINT_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
/** Sub-folders of the blueprint directory. */
export const AGENTS_DIR = 'agents';
export const TOOLS_DIR = 'tools';
export const DATA_DIR = 'data';

export interface LoadedBlueprint<T> {
  /** the file it was read from */
  file: string;
  blueprint: T;
}
export interface LoadedTool extends LoadedBlueprint<ToolBlueprint> {
  /** absolute host folder of `sampleData`, to mount read-only at /data */
  dataDir?: string;
}
export interface RejectedBlueprint {
  file: string;
  kind: BlueprintKind;
  issues: BlueprintIssue[];
}
export interface BlueprintDirLoad {
  agents: Map<string, LoadedBlueprint<AgentBlueprint>>;
  tools: Map<string, LoadedTool>;
  rejected: RejectedBlueprint[];
}

/** The blueprint files of one sub-folder, sorted; a missing folder has none. */
async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.') && BLUEPRINT_EXTENSIONS.some((x) => e.name.endsWith(x)))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** 1-based line of a top-level `key:` in YAML or `"key":` in JSON text, if it is easy to find. */
function lineOfKey(text: string, key: string): number | undefined {
  const re = new RegExp(`^\\s*"?${key}"?\\s*:`);
  const i = text.split('\n').findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}

function issueAt(text: string, key: string, message: string): BlueprintIssue {
  const line = lineOfKey(text, key);
  return line !== undefined ? { path: key, message, line } : { path: key, message };
}

/**
 * The absolute host folder for a tool's `sampleData`: `<blueprintDir>/data/<sampleData>`, which must be
 * an existing directory that does not lead (through links) outside `<blueprintDir>/data`.
 * Throws BLUEPRINT_INVALID (path `sampleData`) otherwise.
 */
export async function resolveSampleData(blueprintDir: string, sampleData: string): Promise<string> {
  const why = await sampleDataProblem(blueprintDir, sampleData);
  if (typeof why === 'string') throw blueprintInvalid('tool', [{ path: 'sampleData', message: why }]);
  return why.dir;
}

async function sampleDataProblem(blueprintDir: string, sampleData: string): Promise<string | { dir: string }> {
  if (path.isAbsolute(sampleData) || sampleData.split(/[\\/]/).some((s) => s === '..' || s === '.' || s === '')) {
    return `'${sampleData}' must be a relative folder below ${DATA_DIR}/ without ..`;
  }
  let root: string;
  let dir: string;
  try {
    root = await realpath(path.resolve(blueprintDir, DATA_DIR));
    dir = await realpath(path.resolve(blueprintDir, DATA_DIR, sampleData));
  } catch {
    return `sample data folder ${path.join(DATA_DIR, sampleData)} does not exist`;
  }
  if (dir !== root && !dir.startsWith(root + path.sep))
    return `sample data folder ${path.join(DATA_DIR, sampleData)} leads outside ${DATA_DIR}/`;
  if (!(await stat(dir)).isDirectory()) return `sample data ${path.join(DATA_DIR, sampleData)} is not a folder`;
  return { dir };
}

async function readText(file: string): Promise<string | BlueprintIssue> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    return { path: '(root)', message: `cannot read the file: ${(e as Error).message}` };
  }
}

interface ValidFile<K extends BlueprintKind> {
  file: string;
  text: string;
  blueprint: BlueprintOf[K];
}

/** The valid blueprints of one kind, in file-name order; bad files and later duplicates go to `rejected`. */
async function readKind<K extends BlueprintKind>(dir: string, kind: K, rejected: RejectedBlueprint[]): Promise<ValidFile<K>[]> {
  const out: ValidFile<K>[] = [];
  const seen = new Map<string, string>();
  for (const file of await listFiles(path.join(dir, kind === 'agent' ? AGENTS_DIR : TOOLS_DIR))) {
    const text = await readText(file);
    if (typeof text !== 'string') {
      rejected.push({ file, kind, issues: [text] });
      continue;
    }
    const r = validateBlueprintText(kind, text);
    if (!r.ok) {
      rejected.push({ file, kind, issues: r.issues });
      continue;
    }
    const name = r.blueprint.name;
    const prior = seen.get(name);
    if (prior !== undefined) {
      rejected.push({ file, kind, issues: [issueAt(text, 'name', `duplicate ${kind} name '${name}' (already defined in ${prior})`)] });
      continue;
    }
    seen.set(name, file);
    out.push({ file, text, blueprint: r.blueprint });
  }
  return out;
}

/** Load every agent and tool blueprint below `dir`; never throws for a bad blueprint. */
export async function loadBlueprintDir(dir: string): Promise<BlueprintDirLoad> {
  const out: BlueprintDirLoad = { agents: new Map(), tools: new Map(), rejected: [] };
  for (const { file, blueprint } of await readKind(dir, 'agent', out.rejected)) out.agents.set(blueprint.name, { file, blueprint });
  for (const { file, text, blueprint } of await readKind(dir, 'tool', out.rejected)) {
    const loaded: LoadedTool = { file, blueprint };
    if (blueprint.sampleData !== undefined) {
      const data = await sampleDataProblem(dir, blueprint.sampleData);
      if (typeof data === 'string') {
        out.rejected.push({ file, kind: 'tool', issues: [issueAt(text, 'sampleData', data)] });
        continue;
      }
      loaded.dataDir = data.dir;
    }
    out.tools.set(blueprint.name, loaded);
  }
  return out;
}
