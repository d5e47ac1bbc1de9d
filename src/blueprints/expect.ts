/**
 * Checking an example run against its expectations (see `Expectation` in tool.ts). Every failure says
 * which check failed, where (a dotted path into the JSON output, `(root)` for the whole), and what was
 * expected and found, so a repair prompt can show the model exactly what to fix.
 */
import { z } from 'zod';
import { isPlainObject } from './common.ts';
import type { Expectation } from './tool.ts';

/** What a run produced, as far as expectations look at it. */
export interface RunOutcome {
  /** the sandbox run status: `ok` is exit 0, `failed` a non-zero exit; others (timeout, oom …) never match */
  status: string;
  stdout: string;
  /** parsed stdout, when the runtime already parsed it; otherwise stdout is parsed here */
  json?: unknown;
}
export const EXPECTATION_CHECKS = ['status', 'json', 'jsonSubset', 'keys', 'stdoutContains'] as const;
export type ExpectationCheck = (typeof EXPECTATION_CHECKS)[number];
export const ExpectationFailureSchema = z.object({
  check: z.enum(EXPECTATION_CHECKS),
  path: z.string(),
  message: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});
export type ExpectationFailure = z.infer<typeof ExpectationFailureSchema>;

/** One example of a tool blueprint run in the sandbox before registration (stored with the tool's version). */
export const ProbeResultSchema = z.object({
  example: z.string(),
  passed: z.boolean(),
  status: z.string(),
  durationMs: z.number(),
  failures: z.array(ExpectationFailureSchema),
  /** the end of stdout and stderr, for the repair prompt and the report */
  stdoutTail: z.string(),
  stderrTail: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

/** Relative tolerance for numbers (float sums depend on summation order). */
export const NUMBER_TOLERANCE = 1e-9;
const MAX_FAILURES = 20;

function numbersMatch(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/**
 * Differences between `expected` and `actual`. With `subset`, objects may have extra keys and each
 * expected array element must match a distinct actual element in any order; otherwise equality.
 */
export function jsonDiff(
  expected: unknown,
  actual: unknown,
  subset: boolean,
  path = '',
): { path: string; message: string; expected: unknown; actual: unknown }[] {
  const at = path === '' ? '(root)' : path;
  const differ = (message: string) => [{ path: at, message, expected, actual }];
  if (typeof expected === 'number' && typeof actual === 'number')
    return numbersMatch(expected, actual) ? [] : differ(`expected ${expected}, got ${actual}`);
  if (kind(expected) !== kind(actual)) return differ(`expected ${kind(expected)}, got ${kind(actual)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (subset) {
      const used = new Set<number>();
      const out = [];
      for (let i = 0; i < expected.length; i++) {
        const j = actual.findIndex((a, k) => !used.has(k) && jsonDiff(expected[i], a, true).length === 0);
        if (j < 0)
          out.push({
            path: join(path, i),
            message: 'no element of the output matches this expected element',
            expected: expected[i],
            actual,
          });
        else used.add(j);
      }
      return out;
    }
    if (expected.length !== actual.length) return differ(`expected ${expected.length} elements, got ${actual.length}`);
    return expected.flatMap((e, i) => jsonDiff(e, actual[i], false, join(path, i)));
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const out = [];
    for (const [k, v] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, k)) out.push({ path: join(path, k), message: `missing key '${k}'`, expected: v, actual: undefined });
      else out.push(...jsonDiff(v, actual[k], subset, join(path, k)));
    }
    if (!subset) {
      for (const k of Object.keys(actual)) {
        if (!Object.hasOwn(expected, k))
          out.push({ path: join(path, k), message: `unexpected key '${k}'`, expected: undefined, actual: actual[k] });
      }
    }
    return out;
  }
  return expected === actual ? [] : differ(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function parsedJson(outcome: RunOutcome): { ok: true; value: unknown } | { ok: false; error: string } {
  if (outcome.json !== undefined) return { ok: true, value: outcome.json };
  try {
    return { ok: true, value: JSON.parse(outcome.stdout) as unknown };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Every way `outcome` misses `expect` (empty when the example passes). */
export function checkExpectation(expect: Expectation, outcome: RunOutcome): ExpectationFailure[] {
  const out: ExpectationFailure[] = [];
  const wanted = expect.status ?? 'ok';
  if (outcome.status !== wanted) {
    out.push({
      check: 'status',
      path: '(root)',
      message: `expected the run to end ${wanted}, it ended ${outcome.status}`,
      expected: wanted,
      actual: outcome.status,
    });
  }
  for (const s of expect.stdoutContains ?? []) {
    if (!outcome.stdout.includes(s))
      out.push({ check: 'stdoutContains', path: '(root)', message: `stdout does not contain ${JSON.stringify(s)}`, expected: s });
  }
  const needsJson = expect.json !== undefined || expect.jsonSubset !== undefined || (expect.keys?.length ?? 0) > 0;
  if (!needsJson) return out;
  const parsed = parsedJson(outcome);
  if (!parsed.ok) {
    out.push({
      check: expect.json !== undefined ? 'json' : expect.jsonSubset !== undefined ? 'jsonSubset' : 'keys',
      path: '(root)',
      message: `stdout is not JSON: ${parsed.error}`,
      actual: outcome.stdout.slice(0, 2000),
    });
    return out;
  }
  const value = parsed.value;
  if (expect.json !== undefined) out.push(...jsonDiff(expect.json, value, false).map((d) => ({ check: 'json' as const, ...d })));
  if (expect.jsonSubset !== undefined)
    out.push(...jsonDiff(expect.jsonSubset, value, true).map((d) => ({ check: 'jsonSubset' as const, ...d })));
  for (const k of expect.keys ?? []) {
    if (!isPlainObject(value) || !Object.hasOwn(value, k))
      out.push({ check: 'keys', path: k, message: `the output has no top-level key '${k}'`, expected: k });
  }
  return out.slice(0, MAX_FAILURES);
}
