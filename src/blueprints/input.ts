/**
 * The tool input convention (see schema.ts): a tool gets its input object, defaults applied, as JSON
 * on stdin, and the same values in inputSpec order as command-line arguments. This module checks an
 * input against an inputSpec and builds both halves.
 */
import { isPlainObject } from './common.ts';

export const PARAM_TYPES = ['string', 'int', 'float', 'bool', 'list', 'dict', 'path'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** The part of a ParameterSpec the input convention needs. */
export interface ParamLike {
  name: string;
  type: ParamType;
  required: boolean;
  default?: unknown;
}
export interface InputSpecHolder {
  inputSpec: readonly ParamLike[];
}
export interface InputIssue {
  /** path below the input object: `['days']`, or `[]` for the object itself */
  path: (string | number)[];
  message: string;
}

/** Why `value` is not of `type`, or null when it is. */
export function paramTypeIssue(type: ParamType, value: unknown): string | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'path':
      if (typeof value !== 'string') return 'must be a path (a string)';
      return value.length === 0 || value.includes('\0') ? 'must be a non-empty path without NUL characters' : null;
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : 'must be an integer';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a finite number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'list':
      return Array.isArray(value) ? null : 'must be a list';
    case 'dict':
      return isPlainObject(value) ? null : 'must be an object';
  }
}

/** A value counts as given when it is present and not null. */
function given(input: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(input, name) && input[name] !== undefined && input[name] !== null;
}

/**
 * Every problem of `input` against an inputSpec: not an object, an undeclared key, a missing required
 * parameter (one without a default), a value of the wrong type.
 */
export function checkToolInput(spec: readonly ParamLike[], input: unknown): InputIssue[] {
  if (!isPlainObject(input)) return [{ path: [], message: 'the input must be a JSON object' }];
  const issues: InputIssue[] = [];
  const declared = new Map(spec.map((p) => [p.name, p]));
  for (const key of Object.keys(input)) {
    if (!declared.has(key)) {
      const names = spec.map((p) => p.name).join(', ') || '(none)';
      issues.push({ path: [key], message: `'${key}' is not declared in inputSpec (declared: ${names})` });
    }
  }
  for (const p of spec) {
    if (!given(input, p.name)) {
      if (p.required && p.default === undefined) issues.push({ path: [p.name], message: `required parameter '${p.name}' is missing` });
      continue;
    }
    const why = paramTypeIssue(p.type, input[p.name]);
    if (why !== null) issues.push({ path: [p.name], message: `${why} (inputSpec type ${p.type})` });
  }
  return issues;
}

/** The input with every absent parameter that has a default filled in (keys in inputSpec order first). */
export function applyDefaults(bp: InputSpecHolder, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of bp.inputSpec) {
    if (given(input, p.name)) out[p.name] = input[p.name];
    else if (p.default !== undefined) out[p.name] = p.default;
  }
  for (const [k, v] of Object.entries(input)) if (!Object.hasOwn(out, k) && v !== undefined) out[k] = v;
  return out;
}

/** One value as a command-line argument. */
export function argText(type: ParamType, value: unknown): string {
  if (typeof value === 'string') return value;
  if (type === 'list' || type === 'dict' || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The argv half of the input convention: one argument per inputSpec parameter, in order. Strings and
 * paths as they are, numbers in JavaScript notation, booleans as `true`/`false`, lists and dicts as
 * JSON. An absent parameter takes its default; one with neither value nor default is passed as an
 * empty string when later parameters follow, and left off at the end.
 */
export function inputArgs(bp: InputSpecHolder, input: Record<string, unknown>): string[] {
  const args: string[] = [];
  let lastGiven = -1;
  bp.inputSpec.forEach((p, i) => {
    const value = given(input, p.name) ? input[p.name] : p.default;
    if (value === undefined || value === null) {
      args.push('');
      return;
    }
    args.push(argText(p.type, value));
    lastGiven = i;
  });
  return args.slice(0, lastGiven + 1);
}

/** The stdin half of the input convention: the input with defaults applied, as one line of JSON. */
export function inputStdin(bp: InputSpecHolder, input: Record<string, unknown>): string {
  return `${JSON.stringify(applyDefaults(bp, input))}\n`;
}
