/**
 * Policy text (YAML, or JSON, which YAML 1.2 reads too) → a validated `PolicyFile`, or every problem
 * with its dotted path and, where the YAML source has one, its line and column.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { PolicyFileSchema, type PolicyFile, type PolicyIssue } from './schema.ts';
import { yamlOffset } from '../util/yaml-position.ts';

/** Larger policy texts are rejected before parsing. */
export const MAX_POLICY_BYTES = 256 * 1024;

export type PolicyParseResult = { ok: true; file: PolicyFile } | { ok: false; issues: PolicyIssue[] };

/** The ETag of a policy text: sha256 of its exact bytes, hex. */
export function policyHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Parse and validate one policy text. `expectedName` (the file name or URL name) must agree with the
 * `name:` field when the file has one.
 */
export function parsePolicyText(text: string, expectedName?: string): PolicyParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
    return { ok: false, issues: [{ path: '(root)', message: `policy text is larger than ${MAX_POLICY_BYTES} bytes` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { path: '(root)', message: `YAML: ${firstLine(e.message)}`, ...(pos ? { line: pos.line, column: pos.col } : {}) };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, issues: [{ path: '(root)', message: `YAML: ${firstLine((e as Error).message)}` }] };
  }
  if (data === null || data === undefined) {
    return { ok: false, issues: [{ path: '(root)', message: 'the policy is empty' }] };
  }
  const parsed = PolicyFileSchema.safeParse(data);
  const issues: PolicyIssue[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => toIssues(i, doc, lineCounter));
  if (parsed.success) {
    const file = parsed.data;
    if (expectedName !== undefined && file.name !== undefined && file.name !== expectedName) {
      issues.push(locate({ path: ['name'], message: `name '${file.name}' does not match the file name '${expectedName}'` }, doc, lineCounter));
    }
    if (expectedName !== undefined && file.extends === expectedName) {
      issues.push(locate({ path: ['extends'], message: 'a policy cannot extend itself' }, doc, lineCounter));
    }
    issues.push(...selfConflicts(file).map((i) => locate(i, doc, lineCounter)));
    if (issues.length === 0) return { ok: true, file };
  }
  return { ok: false, issues: byPosition(issues) };
}

/** Contradictions inside one file: a name both allowed and forbidden. */
function selfConflicts(file: PolicyFile): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  const clash = (allowed: string[] | undefined, forbidden: string[] | undefined, at: PropertyKey[]) => {
    const f = new Set(forbidden ?? []);
    (allowed ?? []).forEach((a, i) => {
      if (f.has(a)) out.push({ path: [...at, i], message: `'${a}' is both allowed and forbidden` });
    });
  };
  clash(file.shell?.allowedCommands, file.shell?.forbiddenCommands, ['shell', 'allowedCommands']);
  clash(file.python?.allowedModules, file.python?.forbiddenModules, ['python', 'allowedModules']);
  clash(Object.keys(file.python?.partialModules ?? {}), file.python?.forbiddenModules, ['python', 'partialModules']);
  return out;
}

function toIssues(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter): PolicyIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => locate({ path: [...issue.path, k], message: `unknown key '${k}'`, keyOnly: true }, doc, lc));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0]!.flatMap((i) => toIssues({ ...i, path: [...issue.path, ...i.path] }, doc, lc));
  }
  return [locate({ path: issue.path, message: issue.message }, doc, lc)];
}

function locate(i: { path: PropertyKey[]; message: string; keyOnly?: boolean }, doc: Document, lc: LineCounter): PolicyIssue {
  const path = i.path.map(String);
  const out: PolicyIssue = { path: path.length > 0 ? path.join('.') : '(root)', message: i.message };
  const offset = yamlOffset(doc, path, i.keyOnly === true);
  if (offset !== undefined) {
    const pos = lc.linePos(offset);
    out.line = pos.line;
    out.column = pos.col;
  }
  return out;
}

/** Issues in source order (those without a position last, in their original order). */
function byPosition(issues: PolicyIssue[]): PolicyIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
