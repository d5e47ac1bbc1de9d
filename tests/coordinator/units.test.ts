// Pure units of the coordinator: plan validation, the verdict, agent fit, the journal chain, budgets
// (unknown token counts estimated, never zero), and its formats.
import { describe, expect, it } from 'vitest';
import { FORMATS, validatePlan } from '../../src/coordinator/index.ts';
import { BudgetGuard, estimatePromptTokens, failedCallUsage, replyUsage } from '../../src/coordinator/engine/budget.ts';
import { journalBuilder, verifyJournal } from '../../src/coordinator/journal.ts';
import type { JournalEntry } from '../../src/coordinator/model.ts';
import { ZERO_USAGE } from '../../src/coordinator/model.ts';
import { fitOf, toName } from '../../src/coordinator/roles/delegator.ts';
import { decide, type StageReview } from '../../src/coordinator/roles/evaluator.ts';
import { chainLengths } from '../../src/coordinator/roles/plan.ts';
import { estimateTokens, promptTokens, registeredFormats } from '../../src/llm/index.ts';
import { FactoryError } from '../../src/errors/catalog.ts';
import type { AgentBlueprint } from '../../src/blueprints/index.ts';
import type { WorkflowContext } from '../../src/coordinator/engine/context.ts';
import { runDag } from '../../src/coordinator/workflows/dag.ts';
import type { SubTask } from '../../src/coordinator/roles/schemas.ts';

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
  // tests/llm/formats.test.ts checks every registered format against Ollama's grammar rules; here: the
  // coordinator's are registered, and the long-text bounds left out of the format still hold after the reply
  it('are registered formats whose long-text bounds zod checks after the reply', () => {
    const names = registeredFormats().map((f) => f.name);
    expect(
      Object.values(FORMATS)
        .map((f) => f.name)
        .every((n) => names.includes(n)),
    ).toBe(true);
    expect((FORMATS.plan.json as any).properties.analysis.maxLength).toBeUndefined();
    const plan = { analysis: 'x'.repeat(9000), subTasks: [task('a')] };
    expect(FORMATS.plan.schema.safeParse(plan).success).toBe(false);
    expect(FORMATS.plan.schema.safeParse({ ...plan, analysis: 'x' }).success).toBe(true);
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
  it('estimates prompt tokens from everything sent, with the LLM layer’s estimator', () => {
    const messages = [{ role: 'user' as const, content: 'x'.repeat(400) }];
    expect(estimatePromptTokens({ messages })).toBe(promptTokens(messages));
    const format = { type: 'object', properties: { a: { type: 'string' } } };
    expect(estimatePromptTokens({ messages }, format)).toBe(promptTokens(messages) + estimateTokens(JSON.stringify(format)));
  });
  it('takes an unknown count as an estimate, never as zero, and marks it', () => {
    const message = { role: 'assistant' as const, content: 'y'.repeat(350) };
    const base = { message, model: 'm', durationMs: 1, record: {} as never, compacted: 0 };
    const known = replyUsage({ ...base, usage: { promptTokens: 50, completionTokens: 7, totalTokens: 57 } }, 999);
    expect(known).toEqual({ promptTokens: 50, completionTokens: 7, totalTokens: 57 });
    const unknown = replyUsage({ ...base, usage: { promptTokens: null, completionTokens: null, totalTokens: null } }, 120);
    expect(unknown).toEqual({ promptTokens: 120, completionTokens: 100, totalTokens: 220, estimated: true });
    const reasked = { ...base, usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, asks: 2 };
    expect(replyUsage({ ...reasked, spent: { promptTokens: 300, completionTokens: null, totalTokens: null } }, 120)).toEqual({
      promptTokens: 300,
      completionTokens: 200,
      totalTokens: 500,
      estimated: true,
    });
  });
  it('charges a failed call what its reply cost: counts where the error has them, else estimates', () => {
    const spent = { promptTokens: 40, completionTokens: 30, totalTokens: 70 };
    const invalid = new FactoryError('LLM_OUTPUT_INVALID', 'x', { asks: 2, spent });
    expect(failedCallUsage(invalid, 100, 4096)).toEqual({ promptTokens: 40, completionTokens: 30, totalTokens: 70 });
    const unknownInvalid = new FactoryError('LLM_OUTPUT_INVALID', 'x', { asks: 2, reply: 'z'.repeat(35) });
    expect(failedCallUsage(unknownInvalid, 100, 4096)).toMatchObject({ promptTokens: 200, completionTokens: 20, estimated: true });
    const cut = new FactoryError('LLM_TRUNCATED', 'x', { completionTokens: null });
    expect(failedCallUsage(cut, 100, 512)).toEqual({ promptTokens: 100, completionTokens: 512, totalTokens: 612, estimated: true });
    expect(failedCallUsage(new FactoryError('LLM_INCOMPLETE', 'x'), 100, 512)).toMatchObject({ completionTokens: 512, estimated: true });
    const nothing = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    expect(failedCallUsage(new FactoryError('LLM_CONTEXT_OVERFLOW', 'x'), 100, 512)).toEqual(nothing);
  });
});

describe('runDag', () => {
  it('lists the outcome in the plan order, not the order the sub-tasks finished in (a replay must come out the same)', async () => {
    const ctx = { signal: new AbortController().signal } as WorkflowContext;
    const delays: Record<string, number> = { a: 30, b: 1, c: 10, d: 1 };
    const plan = [task('a'), task('b'), task('c'), task('d', ['b'])] as SubTask[];
    const out = await runDag(ctx, plan, 4, async (t) => {
      await new Promise((r) => setTimeout(r, delays[t.id]));
      if (t.id === 'c') throw new FactoryError('TASK_FAILED', 'c failed');
      return t.id.toUpperCase();
    });
    expect([...out.done]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      ['d', 'D'],
    ]);
    expect([...out.failed.keys()]).toEqual(['c']);
  });
});
