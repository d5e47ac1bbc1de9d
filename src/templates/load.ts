/**
 * Templates on disk: the repository's `templates/` folder (found relative to this module, not the
 * working directory). Names are plain file names, validated before they touch the file system, and
 * every template is read once and cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactoryError } from '../errors/catalog.ts';
import { render } from './render.ts';

/** The repository's templates folder. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** `tool-generator.md`, `python-tool.py.tmpl`: a-z, 0-9, `_`, `-`, then one or more `.ext`. */
export const TEMPLATE_NAME_RE = /^[a-z0-9][a-z0-9_-]{0,63}(\.[a-z0-9]{1,8}){1,2}$/;

const cache = new Map<string, string>();

export function isValidTemplateName(name: string): boolean {
  return TEMPLATE_NAME_RE.test(name);
}

/** The text of a template by file name; throws RESOURCE_NOT_FOUND for an unknown or invalid name. */
export function loadTemplate(name: string, dir: string = TEMPLATE_DIR): string {
  if (!isValidTemplateName(name)) {
    throw new FactoryError('RESOURCE_NOT_FOUND', `'${name}' is not a template name (use a file name such as tool-generator.md)`, { template: name });
  }
  const file = path.join(dir, name);
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FactoryError('RESOURCE_NOT_FOUND', `no template ${name} in ${dir}`, { template: name }, { cause: e });
  }
  cache.set(file, text);
  return text;
}

/** The file names of every template in the folder, sorted. */
export function listTemplates(dir: string = TEMPLATE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isValidTemplateName(e.name))
    .map((e) => e.name)
    .sort();
}

/** Forget cached template texts (tests, or after templates changed on disk). */
export function clearTemplateCache(): void {
  cache.clear();
}

/** Load and render a template. */
export function renderTemplate(name: string, context: unknown, dir: string = TEMPLATE_DIR): string {
  return render(loadTemplate(name, dir), context, name);
}

export interface Prompt {
  system: string;
  user: string;
}

const SYSTEM_MARK = /^<!--\s*system\s*-->[ \t]*$/m;
const USER_MARK = /^<!--\s*user\s*-->[ \t]*$/m;

/**
 * Split a prompt template at its `<!-- system -->` and `<!-- user -->` marker lines (text before the
 * first marker, such as a comment, is dropped; without markers the whole text is the system part).
 * The template is split before rendering, so no value can introduce or move a marker.
 */
export function splitPrompt(template: string): Prompt {
  const s = SYSTEM_MARK.exec(template);
  const u = USER_MARK.exec(template);
  if (!s && !u) return { system: template, user: '' };
  // each part keeps its lines' numbers (padded with the line breaks before it) for error messages
  const part = (m: RegExpExecArray | null, other: RegExpExecArray | null) => {
    if (!m) return '';
    const start = m.index + m[0].length;
    const pad = '\n'.repeat(template.slice(0, start).split('\n').length - 1);
    return pad + template.slice(start, other && other.index > m.index ? other.index : template.length);
  };
  return { system: part(s, u), user: part(u, s) };
}

/** Render a prompt template into its system and user prompts (each trimmed). */
export function renderPrompt(name: string, context: unknown, dir: string = TEMPLATE_DIR): Prompt {
  const parts = splitPrompt(loadTemplate(name, dir));
  return {
    system: render(parts.system, context, `${name} (system)`).trim(),
    user: render(parts.user, context, `${name} (user)`).trim(),
  };
}
