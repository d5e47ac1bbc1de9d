/**
 * The tool input convention (see schema.ts): a tool gets its input object, defaults applied, as JSON
 * on stdin, and the same values in inputSpec order as command-line arguments. This module turns an
 * inputSpec into its contract (the validator and the JSON schema the model sees) and builds both halves.
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
  description?: string | undefined;
}
export interface InputSpecHolder {
  inputSpec: readonly ParamLike[];
}
export interface InputIssue {
  /** path below the input object: `['days']`, or `[]` for the object itself */
  path: (string | number)[];
  message: string;
}

/** Each parameter type once: the JSON schema type the model is shown, and why a value is not of it (null: it is). */
const PARAM_KINDS: Record<
  ParamType,
  { json: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object'; issue(v: unknown): string | null }
> = {
  string: { json: 'string', issue: (v) => (typeof v === 'string' ? null : 'must be a string') },
  path: {
    json: 'string',
    issue: (v) =>
      typeof v !== 'string'
        ? 'must be a path (a string)'
        : v.length === 0 || v.includes('\0')
          ? 'must be a non-empty path without NUL characters'
          : null,
  },
  int: { json: 'integer', issue: (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? null : 'must be an integer') },
  float: { json: 'number', issue: (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a finite number') },
  bool: { json: 'boolean', issue: (v) => (typeof v === 'boolean' ? null : 'must be true or false') },
  list: { json: 'array', issue: (v) => (Array.isArray(v) ? null : 'must be a list') },
  dict: { json: 'object', issue: (v) => (isPlainObject(v) ? null : 'must be an object') },
};

/** Why `value` is not of `type`, or null when it is. */
export function paramTypeIssue(type: ParamType, value: unknown): string | null {
  return PARAM_KINDS[type].issue(value);
}

/** The JSON schema of a tool's arguments, as the model sees it in tool calling. */
export interface InputJsonSchema {
  type: 'object';
  properties: Record<string, { type: string; description?: string }>;
  required: string[];
}

/** A tool's input contract: what the model is told (jsonSchema) and what is enforced (check), from one inputSpec. */
export interface InputContract {
  jsonSchema: InputJsonSchema;
  /** every problem of an input against the inputSpec (empty: it may run) */
  check(input: unknown): InputIssue[];
}

/** The one place an inputSpec becomes both the validator and the JSON schema the model sees. */
export function inputContract(spec: readonly ParamLike[]): InputContract {
  const properties = Object.fromEntries(
    spec.map((p) => [p.name, { type: PARAM_KINDS[p.type].json, ...(p.description ? { description: p.description } : {}) }]),
  );
  // a parameter with a default may be left out, whatever `required` says
  const required = spec.filter((p) => p.required && p.default === undefined).map((p) => p.name);
  return { jsonSchema: { type: 'object', properties, required }, check: (input) => inputIssues(spec, new Set(required), input) };
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
  return inputContract(spec).check(input);
}

function inputIssues(spec: readonly ParamLike[], required: ReadonlySet<string>, input: unknown): InputIssue[] {
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
      if (required.has(p.name)) issues.push({ path: [p.name], message: `required parameter '${p.name}' is missing` });
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
