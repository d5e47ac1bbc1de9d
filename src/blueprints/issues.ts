/**
 * zod issues → blueprint issues: dotted paths, one issue per unknown key (with a camelCase hint for
 * snake_case keys as the seed writes them), record-key problems with their own message, and the YAML
 * line of the offending node when the blueprint came from text.
 */
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { AgentOutputSpec, dotted, type BlueprintIssue } from './common.ts';
import { AgentBlueprint, KnowledgeItem, Skill } from './agent.ts';
import { Example, Expectation, ParameterSpec, ToolBlueprint } from './tool.ts';
import { yamlOffset } from '../util/yaml-position.ts';

/** Every key any blueprint object accepts, for "did you mean" hints. */
const KNOWN_KEYS = new Set(
  [AgentBlueprint, KnowledgeItem, Skill, AgentOutputSpec, ToolBlueprint, ParameterSpec, Expectation, Example].flatMap((s) =>
    Object.keys(s.shape),
  ),
);

function camel(key: string): string {
  return key.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function unknownKeyMessage(key: string): string {
  const c = camel(key);
  return c !== key && KNOWN_KEYS.has(c) ? `unknown key '${key}' (did you mean '${c}'?)` : `unknown key '${key}'`;
}

interface RawIssue {
  path: PropertyKey[];
  message: string;
  keyOnly?: boolean;
}

/** Flatten one zod issue into raw issues (path, message). */
function flatten(issue: z.core.$ZodIssue): RawIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ path: [...issue.path, k], message: unknownKeyMessage(k), keyOnly: true }));
  }
  if (issue.code === 'invalid_key') {
    const key = issue.path[issue.path.length - 1];
    return issue.issues.map((i) => ({ path: issue.path, message: `key '${String(key)}' ${i.message}`, keyOnly: true }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0]!.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
  }
  return [{ path: issue.path, message: issue.message }];
}

/** Blueprint issues for a zod error, located in the YAML document when one is given. */
export function zodIssues(error: z.ZodError, doc?: { doc: Document; lc: LineCounter }): BlueprintIssue[] {
  const raw = error.issues.flatMap(flatten);
  const out = raw.map((r) => {
    const issue: BlueprintIssue = { path: dotted(r.path), message: r.message };
    if (doc) {
      const offset = yamlOffset(doc.doc, r.path.map(String), r.keyOnly === true);
      if (offset !== undefined) issue.line = doc.lc.linePos(offset).line;
    }
    return issue;
  });
  return byLine(out);
}

/** Issues in line order (those without a line last, in their original order). */
export function byLine(issues: BlueprintIssue[]): BlueprintIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.i - b.i)
    .map((x) => x.issue);
}
