/**
 * Blueprint text or objects → validated blueprints. `validate*` never throws and returns every issue;
 * `parse*` (for the API) throws FactoryError BLUEPRINT_INVALID with `details.issues`.
 */
import { LineCounter, parseDocument } from 'yaml';
import { FactoryError } from '../errors/catalog.ts';
import { AgentBlueprint } from './agent.ts';
import type { BlueprintIssue } from './common.ts';
import { zodIssues } from './issues.ts';
import { ToolBlueprint } from './tool.ts';

export type BlueprintKind = 'agent' | 'tool';
export interface BlueprintOf {
  agent: AgentBlueprint;
  tool: ToolBlueprint;
}
export type ValidationResult<T> = { ok: true; blueprint: T; issues: [] } | { ok: false; issues: BlueprintIssue[] };

/** Larger blueprint texts are refused before parsing (a source may be 256 KiB on its own). */
export const MAX_BLUEPRINT_BYTES = 512 * 1024;

const SCHEMAS = { agent: AgentBlueprint, tool: ToolBlueprint } as const;

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Validate an already parsed value (a JSON body). */
export function validateBlueprint<K extends BlueprintKind>(kind: K, value: unknown): ValidationResult<BlueprintOf[K]> {
  const r = SCHEMAS[kind].safeParse(value);
  if (r.success) return { ok: true, blueprint: r.data as BlueprintOf[K], issues: [] };
  return { ok: false, issues: zodIssues(r.error) };
}

/** Parse and validate YAML or JSON text (YAML 1.2 reads JSON too); issues carry source lines. */
export function validateBlueprintText<K extends BlueprintKind>(kind: K, text: string): ValidationResult<BlueprintOf[K]> {
  if (Buffer.byteLength(text, 'utf8') > MAX_BLUEPRINT_BYTES) {
    return { ok: false, issues: [{ path: '(root)', message: `the blueprint is larger than ${MAX_BLUEPRINT_BYTES} bytes` }] };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { path: '(root)', message: `YAML: ${firstLine(e.message)}`, ...(pos ? { line: pos.line } : {}) };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, issues: [{ path: '(root)', message: `YAML: ${firstLine((e as Error).message)}` }] };
  }
  if (data === null || data === undefined) return { ok: false, issues: [{ path: '(root)', message: 'the blueprint is empty' }] };
  const r = SCHEMAS[kind].safeParse(data);
  if (r.success) return { ok: true, blueprint: r.data as BlueprintOf[K], issues: [] };
  return { ok: false, issues: zodIssues(r.error, { doc, lc }) };
}

/** The BLUEPRINT_INVALID error for a list of issues. */
export function blueprintInvalid(kind: BlueprintKind, issues: BlueprintIssue[], name?: string): FactoryError {
  const summary = issues.map((i) => `${i.path}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`).join('; ');
  const what = name !== undefined ? `${kind} blueprint '${name}'` : `${kind} blueprint`;
  return new FactoryError('BLUEPRINT_INVALID', `${what} is invalid: ${summary}`, { kind, ...(name !== undefined ? { name } : {}), issues });
}

function parseAs<K extends BlueprintKind>(kind: K, input: unknown): BlueprintOf[K] {
  const r = typeof input === 'string' ? validateBlueprintText(kind, input) : validateBlueprint(kind, input);
  if (r.ok) return r.blueprint;
  const name =
    typeof input === 'object' && input !== null && typeof (input as { name?: unknown }).name === 'string'
      ? (input as { name: string }).name
      : undefined;
  throw blueprintInvalid(kind, r.issues, name);
}

/** An agent blueprint from YAML/JSON text or a parsed object; throws BLUEPRINT_INVALID with every issue. */
export function parseAgentBlueprint(input: unknown): AgentBlueprint {
  return parseAs('agent', input);
}

/** A tool blueprint from YAML/JSON text or a parsed object; throws BLUEPRINT_INVALID with every issue. */
export function parseToolBlueprint(input: unknown): ToolBlueprint {
  return parseAs('tool', input);
}
