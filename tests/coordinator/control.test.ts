// Budgets before the fact, cancel, approval gates, who may see and decide, pauses on an unavailable
// model and the step limit: every transition persisted, streamed and audited.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, startHarness, type Harness } from './harness.ts';
import { GOOD, type Script } from './scripted-model.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sub = (id: string, inputFrom: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [],
  tools: [],
});
const VIEWER = { id: 'tok_view', role: 'viewer' as const };
const waitUntil = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

describe('budgets', () => {
  // the plan reply reports 5,400 completion tokens: the next call's estimate no longer fits into 6,000
  const costly: Script = (a) =>
    a.role === 'plan'
      ? { content: JSON.stringify({ analysis: 'x', subTasks: [sub('t1')] }), promptEvalCount: 100, evalCount: 5400 }
      : undefined;

  it('a call that would pass the token budget is not sent: the project pauses with a report, PATCH budget resumes it', async () => {
    h = await startHarness({ model: [costly, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('budgeted', { budget: { tokens: 6000 }, maxCompletionTokens: 500 });
    expect(p.status).toBe('paused');
    expect(p.paused).toMatchObject({
      reason: 'budget',
      error: { code: 'BUDGET_EXCEEDED', details: { kind: 'tokens', limit: 6000, used: 5500 } },
    });
    expect(h.chats()).toHaveLength(1);
    expect(p.budget.tokens).toMatchObject({ limit: 6000, used: 5500, remaining: 500 });
    const statuses = h.events.filter((e) => e.project === p.id).map((e) => e.status);
    expect(statuses).toContain('budget_warning');
    expect(statuses.at(-1)).toBe('paused');
    const audit = (await h.core.audit.query({ project: p.id, type: 'project_budget' })).map((e) => e.action);
    expect(audit).toEqual(['warning', 'exceeded']);
    const report = await h.coordinator.report(ALICE, p.id);
    expect(report.next).toMatch(/PATCH \/api\/v1\/projects\/.*\/budget/);

    await h.coordinator.patchBudget(ALICE, p.id, { tokens: 100_000 });
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    // nothing finished was asked again: one plan, then execute, review, aggregate, final review
    expect(h.chats()).toHaveLength(5);
    expect((await h.core.audit.query({ project: p.id, type: 'project_budget' })).map((e) => [e.action, e.actor])).toEqual([
      ['warning', 'coordinator'],
      ['exceeded', 'coordinator'],
      ['changed', ALICE.id],
    ]);
  });

  it('fails instead of pausing when so configured; a paused project whose budget is used up does not resume', async () => {
    h = await startHarness({ model: [costly, GOOD] });
    await h.agent('analyst', 'analysis');
    const failed = await h.run('budgeted', { budget: { tokens: 6000 }, maxCompletionTokens: 500, onBudgetExceeded: 'fail' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'BUDGET_EXCEEDED' } });
    const paused = await h.run('budgeted', { budget: { tokens: 5400 }, maxCompletionTokens: 500 });
    expect(paused.status).toBe('paused');
    await expect(h.coordinator.resume(ALICE, paused.id)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
  });

  it('a call whose priced estimate would pass the cost budget is not sent', async () => {
    h = await startHarness({ model: GOOD, costs: { 'llama3.1:8b': { prompt: 10, completion: 30 } } });
    await h.agent('analyst', 'analysis');
    // the plan call: a few hundred prompt tokens and at most 500 completion tokens (0.015 USD alone): more than 0.01
    const p = await h.run('priced', { budget: { costUsd: 0.01 }, maxCompletionTokens: 500 });
    expect(p).toMatchObject({
      status: 'paused',
      paused: { reason: 'budget', error: { code: 'BUDGET_EXCEEDED', details: { kind: 'costUsd' } } },
    });
    expect(h.chats()).toHaveLength(0);
    await h.coordinator.patchBudget(ALICE, p.id, { costUsd: 1 });
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status).toBe('completed');
    expect(done.usage.costUsd).toBeGreaterThan(0);
    expect(done.usage.costUsd).toBeLessThanOrEqual(1);
  });

  it('the wall-clock budget aborts a model call in flight', async () => {
    const slow: Script = (a) => (a.role === 'worker' ? { content: 'late', delayMs: 60_000 } : undefined);
    h = await startHarness({ model: [slow, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('slow', { budget: { wallMs: 1500 } });
    expect(p.status).toBe('paused');
    expect(p.paused).toMatchObject({ reason: 'budget', error: { code: 'BUDGET_EXCEEDED', details: { kind: 'wallMs' } } });
    expect(p.tasks[0]!.status).toBe('assigned');
    expect(h.chats().filter((r) => !r.body.format)).toHaveLength(1);
  }, 20_000);
});

describe('cancel', () => {
  it('stops the model call in flight at once, destroys the temporary specialist, and is idempotent', async () => {
    const slow: Script = (a) => (a.role === 'worker' ? { content: 'late', delayMs: 60_000 } : undefined);
    h = await startHarness({ model: [slow, GOOD] });
    const created = await h.coordinator.create(ALICE, { task: 'cancel me' });
    await waitUntil(() => h!.chats().some((r) => !r.body.format), 'the worker call');
    const p = await h.coordinator.cancel(ALICE, created.id, 'changed my mind');
    expect(p.status).toBe('cancelled');
    expect(p.error).toMatchObject({ code: 'PROJECT_CANCELLED', details: { by: ALICE.id, reason: 'changed my mind' } });
    const specialist = p.tasks[0]!.agent!;
    expect(specialist.created).toBe(true);
    expect((await h.core.store.agents.get(specialist.id))?.destroyedAt).not.toBeNull();
    const count = h.events.length;
    await expect(h.coordinator.cancel(ALICE, created.id)).resolves.toMatchObject({ status: 'cancelled' });
    expect(h.events.length).toBe(count);
    expect((await h.core.audit.query({ project: p.id, type: 'project_status_changed' })).map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['cancel_requested', ALICE.id],
        ['cancelled', 'coordinator'],
      ]),
    );
    expect((await h.core.audit.query({ type: 'agent_destroyed' })).map((e) => e.target)).toContain(specialist.id);
  }, 20_000);

  it('cancels a project that waits for approval; a finished project cannot be cancelled', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const waiting = await h.run('gate me', { approvals: { plan: true } });
    expect(waiting.status).toBe('waiting_for_approval');
    await expect(h.coordinator.cancel(ALICE, waiting.id)).resolves.toMatchObject({ status: 'cancelled' });
    const done = await h.run('quick');
    await expect(h.coordinator.cancel(ALICE, done.id)).rejects.toMatchObject({ code: 'PROJECT_STATE_INVALID' });
  });
});

describe('approval gates', () => {
  it('waits after the plan (nothing held), and goes on when the owner approves; audited with who decided', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const p = await h.run('approve me', { approvals: { plan: true, aggregation: true } });
    expect(p).toMatchObject({
      status: 'waiting_for_approval',
      running: false,
      waiting: { gate: 'plan', round: 1, subject: { version: 1 } },
    });
    expect(h.chats()).toHaveLength(1);
    await h.coordinator.approve(ALICE, p.id, { decision: 'approve', gate: 'plan' });
    const atAggregation = await h.coordinator.settled(ALICE, p.id);
    expect(atAggregation).toMatchObject({ status: 'waiting_for_approval', waiting: { gate: 'aggregation' } });
    await expect(h.coordinator.approve(ALICE, p.id, { decision: 'approve', gate: 'plan' })).rejects.toMatchObject({
      code: 'PROJECT_STATE_INVALID',
    });
    await h.coordinator.approve(ADMIN, p.id, { decision: 'approve' });
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status).toBe('completed');
    expect(done.approvals.map((a) => [a.gate, a.decision, a.by])).toEqual([
      ['plan', 'approve', ALICE.id],
      ['aggregation', 'approve', ADMIN.id],
    ]);
    expect((await h.core.audit.query({ project: p.id, type: 'project_approval' })).map((e) => [e.action, e.actor])).toEqual([
      ['requested', 'coordinator'],
      ['approve', ALICE.id],
      ['requested', 'coordinator'],
      ['approve', ADMIN.id],
    ]);
    expect(h.chats().filter((r) => r.body.format?.properties?.subTasks)).toHaveLength(1);
  });

  it('a rejection with a reason replans with that reason; past maxReplans the project fails', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const p = await h.run('reject me', { approvals: { plan: true }, maxReplans: 1 });
    await expect(h.coordinator.approve(ALICE, p.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await h.coordinator.approve(ALICE, p.id, { decision: 'reject', reason: 'split the work by region' });
    const again = await h.coordinator.settled(ALICE, p.id);
    expect(again).toMatchObject({ status: 'waiting_for_approval', waiting: { gate: 'plan', round: 2 } });
    const plans = h.chats().filter((r) => r.body.format?.properties?.subTasks);
    expect(plans[1]!.body.messages.at(-1).content).toContain('split the work by region');
    await h.coordinator.approve(ALICE, p.id, { decision: 'reject', reason: 'still no' });
    const failed = await h.coordinator.settled(ALICE, p.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'APPROVAL_REJECTED', details: { by: ALICE.id, reason: 'still no' } } });
  });

  it('an edited plan is validated like a generated one, then run instead', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const p = await h.run('edit me', { approvals: { plan: true } });
    await expect(
      h.coordinator.approve(ALICE, p.id, { decision: 'approve', plan: { analysis: 'mine', subTasks: [sub('x', ['y']), sub('y', ['x'])] } }),
    ).rejects.toMatchObject({
      code: 'PLAN_INVALID',
      details: { issues: [expect.objectContaining({ message: expect.stringContaining('cycle') })] },
    });
    await h.coordinator.approve(ALICE, p.id, { decision: 'approve', plan: { analysis: 'mine', subTasks: [sub('x'), sub('y', ['x'])] } });
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status).toBe('completed');
    expect(done.plan).toMatchObject({ analysis: 'mine' });
    expect(done.tasks.map((t) => [t.id, t.status])).toEqual([
      ['x', 'accepted'],
      ['y', 'accepted'],
    ]);
    expect(done.approvals[0]).toMatchObject({ decision: 'approve', plan: { analysis: 'mine' } });
  });

  it('only the owner or an admin decides; another submitter cannot even see the project; a viewer reads only', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const p = await h.run('mine', { approvals: { plan: true } });
    await expect(h.coordinator.get(BOB, p.id)).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    await expect(h.coordinator.approve(BOB, p.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    await expect(h.coordinator.cancel(BOB, p.id)).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect((await h.coordinator.list(BOB)).items).toEqual([]);
    expect((await h.coordinator.list(ALICE)).items.map((x) => x.id)).toEqual([p.id]);
    await expect(h.coordinator.get(VIEWER, p.id)).resolves.toMatchObject({ id: p.id });
    await expect(h.coordinator.approve(VIEWER, p.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.coordinator.create(VIEWER, { task: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.coordinator.approve(ADMIN, p.id, { decision: 'approve' });
    await expect(h.coordinator.settled(ALICE, p.id)).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('pauses and limits', () => {
  it('an unavailable model pauses the project (after the LLM layer retried); resume goes on without repeating finished steps', async () => {
    let down = true;
    const flaky: Script = (a) => (a.role === 'worker' && down ? { status: 503, error: 'loading model' } : undefined);
    h = await startHarness({ model: [flaky, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('flaky');
    expect(p).toMatchObject({ status: 'paused', paused: { reason: 'llm', error: { code: 'LLM_FAILED' } } });
    down = false;
    await h.coordinator.resume(ALICE, p.id);
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status).toBe('completed');
    expect(h.chats().filter((r) => r.body.format?.properties?.subTasks)).toHaveLength(1);
    expect(h.events.filter((e) => e.project === p.id).map((e) => e.status)).toEqual(
      expect.arrayContaining(['paused', 'resuming', 'resumed', 'completed']),
    );
  });

  it('the step limit stops a project that would go on too long; its temporary resources are still closed', async () => {
    const wide: Script = (a) => (a.role === 'plan' ? { analysis: 'x', subTasks: [sub('a'), sub('b'), sub('c'), sub('d')] } : undefined);
    h = await startHarness({ model: [wide, GOOD] });
    const p = await h.run('too long', { maxSteps: 10, maxConcurrentAgents: 1 });
    expect(p).toMatchObject({ status: 'failed', error: { code: 'STEP_LIMIT_EXCEEDED' } });
    const created = p.tasks.filter((t) => t.agent?.created).map((t) => t.agent!.id);
    expect(created.length).toBeGreaterThan(0);
    for (const id of created) expect((await h.core.store.agents.get(id))?.destroyedAt).not.toBeNull();
  });
});

describe('memory without the model server', () => {
  it('an item saved while the embedding model is away is kept; a search, with or without items, says the model is away instead of answering without them', async () => {
    h = await startHarness({ model: [GOOD] });
    await h.fake.close();
    // nothing stored yet: still the model error, so an empty answer always means "nothing similar"
    await expect(h.coordinator.searchEpisodes(ALICE, { q: 'style' })).rejects.toMatchObject({ code: 'OLLAMA_UNAVAILABLE', status: 503 });
    const item = await h.coordinator.addKnowledge(ALICE, { title: 'house style', content: 'tabs, not spaces' });
    expect(item.embedded).toBe(false);
    const search = h.coordinator.searchKnowledge(ALICE, { q: 'style' });
    await expect(search).rejects.toMatchObject({ code: 'OLLAMA_UNAVAILABLE', status: 503 });
  });
});
