// Pure units of the coordinator: plan validation, the verdict, agent fit, the journal chain, budgets,
// and the rule that no `format` schema sent to Ollama has a repetition count above 2000.
import { describe, expect, it } from 'vitest';
import { FORMAT_SCHEMAS, validatePlan } from '../../src/coordinator/index.ts';
import { BudgetGuard, estimatePromptTokens } from '../../src/coordinator/engine/budget.ts';
import { journalBuilder, verifyJournal } from '../../src/coordinator/journal.ts';
import type { JournalEntry } from '../../src/coordinator/model.ts';
import { ZERO_USAGE } from '../../src/coordinator/model.ts';
import { fitOf, toName } from '../../src/coordinator/roles/delegator.ts';
import { decide, type StageReview } from '../../src/coordinator/roles/evaluator.ts';
import { chainLengths } from '../../src/coordinator/roles/plan.ts';
import { jsonSchemaFor } from '../../src/llm/index.ts';
import type { AgentBlueprint } from '../../src/blueprints/index.ts';

const task = (id: string, inputFrom: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  description: `do ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [],
  tools: [],
  ...extra,
});

describe('plan validation', () => {
  it('accepts a DAG and names every problem of a bad plan by its path', () => {
    expect(validatePlan({ analysis: 'x', subTasks: [task('a'), task('b', ['a']), task('c', ['a', 'b'])] }, 10).ok).toBe(true);
    const bad = validatePlan(
      { analysis: 'x', subTasks: [task('a', ['a']), task('a'), task('b', ['zz']), task('c', ['d']), task('d', ['c'])] },
      4,
    );
    expect(bad.ok).toBe(false);
    const issues = (bad as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['subTasks', 'subTasks.1.id', 'subTasks.0.inputFrom.0', 'subTasks.2.inputFrom.0']),
    );
    expect(issues.find((i) => i.message.includes('cycle'))?.message).toMatch(/c -> d -> c|d -> c -> d/);
    expect(issues.find((i) => i.message.includes('at most 4'))).toBeDefined();
  });

  it('refuses what the schema refuses (an empty plan, an id with a space, an unknown type)', () => {
    for (const plan of [
      { analysis: 'x', subTasks: [] },
      { analysis: 'x', subTasks: [task('a b')] },
      { analysis: 'x', subTasks: [task('a', [], { type: 'magic' })] },
      { subTasks: [task('a')] },
    ]) {
      expect(validatePlan(plan, 10).ok, JSON.stringify(plan)).toBe(false);
    }
  });

  it('orders ready sub-tasks by the length of the chain that depends on them', () => {
    const lens = chainLengths([task('a'), task('b', ['a']), task('c', ['b']), task('d')] as never);
    expect(Object.fromEntries(lens)).toEqual({ a: 3, b: 2, c: 1, d: 1 });
  });
});

describe('the verdict of a review chain', () => {
  const r = (stage: string, score: number | null, accepted: boolean, mustPass: boolean, issues = 0): StageReview => ({
    stage,
    kind: 'peer',
    mustPass,
    canImprove: true,
    reviewer: { id: null, name: 'x' },
    score,
    accepted,
    summary: '',
    issues: Array.from({ length: issues }, () => ({
      severity: 'major' as const,
      category: 'c',
      description: 'd',
      location: 'l',
      suggestion: 's',
    })),
  });
  it('accepts when every must-pass stage accepts and the mean score reaches the threshold', () => {
    expect(decide([r('a', 0.9, true, true), r('b', 0.8, false, false)], 0.85)).toMatchObject({ accepted: true, failedMustPass: [] });
    expect(decide([r('a', 0.99, false, true), r('b', 0.99, true, false)], 0.5)).toMatchObject({ accepted: false, failedMustPass: ['a'] });
    expect(decide([r('a', 0.6, true, true, 2)], 0.8)).toMatchObject({ accepted: false, score: 0.6 });
    expect(decide([r('a', 0.6, true, true, 2)], 0.8).issues).toHaveLength(2);
  });
  it('an invalid review counts as not accepted and has no score; no stage at all accepts', () => {
    expect(decide([r('a', null, false, true), r('b', 0.9, true, false)], 0.8)).toMatchObject({ accepted: false, score: 0.9 });
    expect(decide([r('b', 0.9, true, false), r('a', null, false, false)], 0.8)).toMatchObject({ accepted: true });
    expect(decide([], 0.99)).toMatchObject({ accepted: true, score: 1 });
  });
});

describe('the delegator', () => {
  const bp = (type: string, skills: string[]): AgentBlueprint =>
    ({
      name: 'x',
      type,
      description: 'an agent',
      systemPrompt: 's',
      skills: skills.map((s) => ({ name: s, description: s })),
      tools: ['t1'],
    }) as never;
  it('fits by skills when the sub-task names some, else by type', () => {
    expect(fitOf(task('a', [], { requiredSkills: ['data cleaning'] }) as never, bp('content', ['Data cleaning']))).toEqual({
      score: 2,
      fits: true,
    });
    expect(fitOf(task('a', [], { requiredSkills: ['statistics'] }) as never, bp('analysis', ['writing']))).toEqual({
      score: 1,
      fits: false,
    });
    expect(fitOf(task('a') as never, bp('analysis', []))).toEqual({ score: 1, fits: true });
    expect(fitOf(task('a', [], { tools: ['t1'] }) as never, bp('research', []))).toEqual({ score: 1, fits: false });
  });
  it('turns whatever the model wrote into a valid blueprint name', () => {
    expect(toName('Log Parser!', 'fb')).toBe('log-parser');
    expect(toName('x', 'fallback')).toBe('fallback');
    expect(toName('42', 'fallback')).toBe('fallback');
    expect(toName('A'.repeat(100), 'fb')).toHaveLength(64);
  });
});

describe('format schemas', () => {
  it('put no maxLength, maxItems, minLength or minItems above 2000 into the JSON schema sent as format', () => {
    const bad: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (
          ['maxLength', 'maxItems', 'minLength', 'minItems', 'maxProperties', 'minProperties'].includes(k) &&
          typeof v === 'number' &&
          v > 2000
        )
          bad.push(`${path}.${k}=${v}`);
        walk(v, `${path}.${k}`);
      }
    };
    for (const [name, schema] of Object.entries(FORMAT_SCHEMAS)) walk(jsonSchemaFor(schema), name);
    expect(Object.keys(FORMAT_SCHEMAS).sort()).toEqual(['aggregate', 'plan', 'review', 'specialist', 'toolDesign']);
    expect(bad).toEqual([]);
  });
  it('still bound long texts after the reply', () => {
    const plan = { analysis: 'x'.repeat(9000), subTasks: [task('a')] };
    expect(FORMAT_SCHEMAS.plan!.safeParse(plan).success).toBe(false);
  });
});

describe('the journal chain', () => {
  const chain = (n: number): JournalEntry[] => {
    const rows: JournalEntry[] = [];
    for (let i = 0; i < n; i++) {
      const prev = rows.at(-1);
      rows.push(
        journalBuilder('prj_x', { key: `k${i}`, kind: 'step', ok: true, data: { v: i, nested: { b: 1, a: 2 } } })(
          prev ? { seq: prev.seq, hash: prev.hash } : undefined,
        ),
      );
    }
    return rows;
  };
  it('verifies, and names the first changed, removed or reordered row', () => {
    const rows = chain(5);
    expect(verifyJournal(rows)).toMatchObject({ ok: true, count: 5 });
    const changed = rows.map((r) => (r.seq === 3 ? { ...r, data: { v: 99, nested: { a: 2, b: 1 } } } : r));
    expect(verifyJournal(changed)).toMatchObject({ ok: false, brokenAt: 3, key: 'k2' });
    expect(verifyJournal(rows.filter((r) => r.seq !== 2))).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verifyJournal(rows.slice(0, 4), { length: 5, head: rows[4]!.hash })).toMatchObject({ ok: false });
  });
});

describe('budgets before the fact', () => {
  it('refuses a call whose estimate would pass the limit, counting reservations of calls in flight', () => {
    const usage = { ...ZERO_USAGE, promptTokens: 600, completionTokens: 100 };
    const warned: string[] = [];
    const guard = new BudgetGuard(
      () => ({ tokens: 1000, costUsd: null, wallMs: null, toolRuns: 1 }),
      () => usage,
      new Set(),
      (k) => warned.push(k),
    );
    const hold = guard.reserveCall({ tokens: 200, costUsd: 0 });
    expect(() => guard.reserveCall({ tokens: 101, costUsd: 0 })).toThrow(expect.objectContaining({ code: 'BUDGET_EXCEEDED' }));
    guard.release(hold);
    expect(warned).toEqual([]);
    usage.promptTokens = 800;
    guard.checkWarnings();
    expect(warned).toEqual(['tokens']);
    guard.checkWarnings();
    expect(warned).toEqual(['tokens']);
    guard.reserveToolRun();
    expect(() => guard.reserveToolRun()).toThrow(
      expect.objectContaining({ code: 'BUDGET_EXCEEDED', details: expect.objectContaining({ kind: 'toolRuns' }) }),
    );
  });
  it('estimates prompt tokens from everything sent', () => {
    expect(estimatePromptTokens({ messages: [{ role: 'user', content: 'x'.repeat(400) }] })).toBe(102);
    expect(estimatePromptTokens({ messages: [{ role: 'user', content: '' }] }, { type: 'object' })).toBeGreaterThan(2);
  });
});
