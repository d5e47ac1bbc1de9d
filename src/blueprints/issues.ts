/**
 * zod issues → blueprint issues: dotted paths, one issue per unknown key (with a camelCase hint for
 * snake_case keys as the seed writes them), record-key problems with their own message, and the YAML
 * line of the offending node when the blueprint came from text.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import { AgentOutputSpec, dotted, type BlueprintIssue } from './common.ts';
import { AgentBlueprint, KnowledgeItem, Skill } from './agent.ts';
import { Example, Expectation, ParameterSpec, ToolBlueprint } from './tool.ts';

/** Every key any blueprint object accepts, for "did you mean" hints. */
const KNOWN_KEYS = new Set(
  [AgentBlueprint, KnowledgeItem, Skill, AgentOutputSpec, ToolBlueprint, ParameterSpec, Expectation, Example].flatMap((s) => Object.keys(s.shape)),
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
      const offset = findOffset(doc.doc, r.path.map(String), r.keyOnly === true);
      if (offset !== undefined) issue.line = doc.lc.linePos(offset).line;
    }
    return issue;
  });
  return byLine(out);
}

/** Source offset of the deepest node along `path` (the key for key problems, else the value). */
function findOffset(doc: Document, path: string[], keyOnly: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) best = pair.key.range[0];
      if (depth === path.length - 1 && keyOnly) break;
      node = pair.value;
      if (isNode(node) && node.range) best = node.range[0];
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!isNode(item)) break;
      node = item;
      if (item.range) best = item.range[0];
    } else {
      break;
    }
  }
  return best;
}

/** Issues in line order (those without a line last, in their original order). */
export function byLine(issues: BlueprintIssue[]): BlueprintIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.i - b.i)
    .map((x) => x.issue);
}
