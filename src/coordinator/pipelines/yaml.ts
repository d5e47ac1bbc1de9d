/**
 * YAML text → data, and every problem with its dotted path, line and column (the position helper
 * blueprints and policies use): YAML syntax errors, zod issues, and checks made after the schema.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { yamlOffset } from '../../util/yaml-position.ts';

export const MAX_PIPELINE_BYTES = 256 * 1024;

export interface PipelineIssue {
  /** the file the problem is in (the pipeline or one of its role files) */
  file: string;
  /** dotted path, `(root)` for the whole document */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ParsedYaml {
  file: string;
  doc: Document;
  lc: LineCounter;
  data: unknown;
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;

export function parseYaml(file: string, text: string): ParsedYaml | PipelineIssue[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_PIPELINE_BYTES) {
    return [{ file, path: '(root)', message: `the file is larger than ${MAX_PIPELINE_BYTES} bytes` }];
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return { file, path: '(root)', message: `YAML: ${firstLine(e.message)}`, ...(pos ? { line: pos.line, column: pos.col } : {}) };
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return [{ file, path: '(root)', message: `YAML: ${firstLine((e as Error).message)}` }];
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, path: '(root)', message: 'the file must hold a mapping (key: value lines)' }];
  }
  return { file, doc, lc, data };
}

/** An issue at `path` of a parsed file, with its line and column when the path exists there. */
export function issueAt(p: Pick<ParsedYaml, 'file' | 'doc' | 'lc'>, path: PropertyKey[], message: string, keyOnly = false): PipelineIssue {
  const segs = path.map(String);
  const out: PipelineIssue = { file: p.file, path: segs.length ? segs.join('.') : '(root)', message };
  const offset = yamlOffset(p.doc, segs, keyOnly);
  if (offset !== undefined) {
    const pos = p.lc.linePos(offset);
    out.line = pos.line;
    out.column = pos.col;
  }
  return out;
}

/** zod issues as pipeline issues; `prefix` is where the validated value sits in the file. */
export function zodIssues(p: Pick<ParsedYaml, 'file' | 'doc' | 'lc'>, error: z.ZodError, prefix: PropertyKey[] = []): PipelineIssue[] {
  return error.issues.flatMap((i) => flatten(p, i, prefix));
}

function flatten(p: Pick<ParsedYaml, 'file' | 'doc' | 'lc'>, issue: z.core.$ZodIssue, prefix: PropertyKey[]): PipelineIssue[] {
  const at = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => issueAt(p, [...at, k], `unknown key '${k}'`, true));
  if (issue.code === 'invalid_union') {
    const note = (issue as { note?: string }).note;
    if (issue.errors.length > 0)
      return issue.errors[0]!.flatMap((i) => flatten(p, { ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, prefix));
    if (note) return [issueAt(p, at, `${issue.message} (${note.toLowerCase()})`)];
  }
  return [issueAt(p, at, issue.message)];
}

/** Issues in file and source order. */
export function byPosition(issues: PipelineIssue[]): PipelineIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        a.issue.file.localeCompare(b.issue.file) ||
        (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}
