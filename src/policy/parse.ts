/**
 * Policy text (YAML, or JSON, which YAML 1.2 reads too) → a validated `PolicyFile`, or every problem
 * with its dotted path and, where the YAML source has one, its line and column.
 */
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { PolicyFileSchema, type PolicyFile, type PolicyIssue } from './schema.ts';
import { yamlOffset } from '../util/yaml-position.ts';
import { parsedAhead } from './ahead.ts';

/** Larger policy texts are rejected before parsing. */
export const MAX_POLICY_BYTES = 256 * 1024;

export type PolicyParseResult = { ok: true; file: PolicyFile } | { ok: false; issues: PolicyIssue[] };

/** The ETag of a policy text: sha256 of its exact bytes, hex. */
export function policyHash(text: string): string {
  // node:crypto is loaded on first use: `factory check` of an unedited policy never hashes (see ahead.ts)
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A policy text's YAML, parsed: the document (for the positions of issues) and the data it holds. */
interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
  issues: PolicyIssue[];
}

function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return { path: '(root)', message: `YAML: ${firstLine(e.message)}`, ...(pos ? { line: pos.line, column: pos.col } : {}) };
    });
    return { doc, lineCounter, data: undefined, issues };
  }
  try {
    return { doc, lineCounter, data: doc.toJS({ maxAliasCount: 100 }), issues: [] };
  } catch (e) {
    return { doc, lineCounter, data: undefined, issues: [{ path: '(root)', message: `YAML: ${firstLine((e as Error).message)}` }] };
  }
}

/** For the build: the data of a policy text's YAML as JSON, when JSON holds it exactly (else undefined). */
export function policyYamlData(text: string): string | undefined {
  const { data, issues } = parseYaml(text);
  if (issues.length > 0 || data === undefined) return undefined;
  const json = JSON.stringify(data);
  return isDeepStrictEqual(JSON.parse(json), data) ? json : undefined;
}

/**
 * Parse and validate one policy text. `expectedName` (the file name or URL name) must agree with the
 * `name:` field when the file has one.
 */
export function parsePolicyText(text: string, expectedName?: string): PolicyParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
    return { ok: false, issues: [{ path: '(root)', message: `policy text is larger than ${MAX_POLICY_BYTES} bytes` }] };
  }
  let yaml: ParsedYaml | undefined;
  const parsed = () => (yaml ??= parseYaml(text));
  // the YAML of the repository's policies was parsed by the build (ahead.ts): validation still runs
  const ahead = parsedAhead(policyHash(text));
  const data: unknown = ahead !== undefined ? JSON.parse(ahead) : parsed().data;
  if (ahead === undefined && parsed().issues.length > 0) return { ok: false, issues: parsed().issues };
  if (data === null || data === undefined) {
    return { ok: false, issues: [{ path: '(root)', message: 'the policy is empty' }] };
  }
  const result = PolicyFileSchema.safeParse(data);
  // where an issue is in the source (line, column) takes the document; parsed only when there is an issue
  const at: Locate = (i) => locate(i, parsed().doc, parsed().lineCounter);
  const issues: PolicyIssue[] = result.success ? [] : result.error.issues.flatMap((i) => toIssues(i, at));
  if (result.success) {
    const file = result.data;
    if (expectedName !== undefined && file.name !== undefined && file.name !== expectedName) {
      issues.push(at({ path: ['name'], message: `name '${file.name}' does not match the file name '${expectedName}'` }));
    }
    if (expectedName !== undefined && file.extends === expectedName) {
      issues.push(at({ path: ['extends'], message: 'a policy cannot extend itself' }));
    }
    issues.push(...selfConflicts(file).map(at));
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

type Locate = (i: { path: PropertyKey[]; message: string; keyOnly?: boolean }) => PolicyIssue;

function toIssues(issue: z.core.$ZodIssue, at: Locate): PolicyIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => at({ path: [...issue.path, k], message: `unknown key '${k}'`, keyOnly: true }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0]!.flatMap((i) => toIssues({ ...i, path: [...issue.path, ...i.path] }, at));
  }
  return [at({ path: issue.path, message: issue.message })];
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
