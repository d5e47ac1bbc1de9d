// Seed 003's company (pipelines/company.yaml with its role files) against the scripted model: the
// planner's conversation with the person through the door, two phases with one rework, one failed
// integration and one escalation answered through the door; then each row of the retry matrix.
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE } from '../coordinator/harness.ts';
import { startPipelines, type PipelineHarness } from './harness.ts';
import { BASE, STORY, task } from './company-script.ts';
import { asked, type PScript } from './script.ts';

let h: PipelineHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function approvePlan(id: string) {
  const waiting = await h!.coordinator.settled(ALICE, id);
  expect(waiting).toMatchObject({ status: 'waiting_for_approval', waiting: { gate: 'planner' } });
  await h!.coordinator.approve(ALICE, id, { decision: 'approve', gate: 'planner' });
  return h!.coordinator.settled(ALICE, id);
}

describe('company.yaml over two phases', () => {
  it('plans with the person, reworks, retries a failed integration, escalates to the person, and completes', async () => {
    h = await startPipelines({ model: [STORY, BASE] });
    const created = await h.coordinator.create(ALICE, { task: 'room booking tool', pipeline: 'company' });
    const asking = await h.coordinator.settled(ALICE, created.id);
    expect(asking).toMatchObject({
      status: 'waiting_for_approval',
      waiting: { gate: 'planner', round: 1, accepts: ['message', 'reject'] },
    });
    // no plan on the table yet: it cannot be approved, only answered
    await expect(h.coordinator.approve(ALICE, created.id, { decision: 'approve' })).rejects.toMatchObject({
      code: 'PROJECT_STATE_INVALID',
    });
    const answer = await h.coordinator.sendMessage(ALICE, created.id, { text: 'SQLite; no sign-in, ten users.' });
    expect(answer.delivered).toBe('gate');
    await approvePlan(created.id);
    const escalated = await h.coordinator.settled(ALICE, created.id);
    expect(escalated).toMatchObject({ status: 'waiting_for_approval', waiting: { gate: 'escalation', round: 1 } });
    await h.coordinator.approve(ALICE, created.id, { decision: 'approve', gate: 'escalation', reason: 'looks fine to me' });
    const p = await h.coordinator.settled(ALICE, created.id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');

    // the planner saw the person's answer in its conversation
    const plannerAsks = h.chats().filter((c) => c.body.messages[1].content.startsWith('# Role `planner`'));
    expect(plannerAsks).toHaveLength(2);
    expect(plannerAsks[1]!.body.messages[1].content).toContain('SQLite; no sign-in, ten users.');
    const order = asked(h.chats());
    // phase 1: two packages, a rework of t1's package; phase 2: two packages, both again after the failed integration
    expect(order.filter((x) => x === 'worker')).toHaveLength(7);
    expect(order.filter((x) => x === 'integrator')).toHaveLength(4);
    const reworked = h.chats().find((c) => c.body.messages[1].content.includes('"note": "add tests"'));
    expect(reworked).toBeDefined();
    expect(p.result).toMatchObject({
      phases: [
        { id: 'phase-1', rounds: 2, approvedBy: 'ceo', result: 'merged t1+t2' },
        { id: 'phase-2', rounds: 2, approvedBy: `human:${ALICE.id}` },
      ],
      knownIssues: [{ severity: 'minor', taskId: 't2', phase: 'phase-1' }],
    });
    expect(p.decisions.map((d) => `${d.agent}: ${d.decision}`)).toEqual([
      `human:${ALICE.id}: project plan approved`,
      'ceo: rework 1 of phase Storage',
      'ceo: phase Storage approved',
      'integrator: the results do not fit together',
      'ceo: phase Web escalated to a person',
      `human:${ALICE.id}: phase Web approved`,
    ]);
    expect(p.knownIssues).toEqual([expect.objectContaining({ taskId: 't2', phase: 'phase-1' })]);
    expect(p.plan).toMatchObject({ kind: 'company', goals: ['book rooms'], phases: [{ id: 'phase-1' }, { id: 'phase-2' }] });
    const audit = (await h.core.audit.query({ project: p.id, type: 'project_approval' })).map((e) => [e.action, e.actor]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['message', ALICE.id],
        ['approve', ALICE.id],
      ]),
    );
    await expect(h.coordinator.replay(ALICE, p.id)).resolves.toMatchObject({ ok: true, resultMatches: true, unvisited: [] });
  });
});

const ONE_PHASE = { phases: [{ id: 'phase-1', name: 'All', dependsOn: [], tasks: [task('t1'), task('t2'), task('t3'), task('t4')] }] };
const onePhase: PScript = (a) => (a.role === 'project-manager' ? ONE_PHASE : undefined);

describe('seed 003’s retry matrix', () => {
  it('a bad worker result is retried twice with the error, then the CEO reformulates the task and a worker does it', async () => {
    const model: PScript = (a) => {
      if (a.role === 'estimator')
        return {
          tasks: a.input.tasks.map((t: any) => ({ id: t.id, complexity: 3 })),
          packages: [{ id: 'pkg-1', taskIds: ['t1', 't2', 't3', 't4'] }],
        };
      if (a.role === 'ceo-reformulate')
        return { tasks: a.input.tasks.map((t: any) => ({ ...t, description: `${t.description}, step by step` })) };
      const reformulated = a.role === 'worker' && a.user.includes('step by step');
      if (a.role === 'worker' && !reformulated)
        return { packageId: 'pkg-1', results: [{ taskId: 't1', status: 'failed', output: 'unclear task', filesChanged: [] }] };
      return undefined;
    };
    h = await startPipelines({ model: [onePhase, model, BASE] });
    const p = await approvePlan((await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const order = asked(h.chats());
    expect(order.slice(order.indexOf('estimator') + 1, order.indexOf('critic'))).toEqual([
      'worker',
      'worker',
      'worker',
      'ceo-reformulate',
      'worker',
    ]);
    const workers = h.chats().filter((c) => c.body.messages[1].content.startsWith('# Role `worker`'));
    expect(workers[1]!.body.messages[1].content).toMatch(/Your previous attempt failed: TASK_FAILED: .*t1 failed: unclear task/);
    expect(p.decisions.map((d) => d.decision)).toContain('reformulated the tasks of package pkg-1');
  });

  it('past the matrix (the reformulated task fails too) the project fails with PHASE_FAILED and a report, and stops', async () => {
    const model: PScript = (a) =>
      a.role === 'worker'
        ? { packageId: a.input.package.id, results: [] }
        : a.role === 'ceo-reformulate'
          ? { tasks: a.input.tasks }
          : undefined;
    h = await startPipelines({ model: [onePhase, model, BASE] });
    const p = await approvePlan((await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id);
    expect(p).toMatchObject({ status: 'failed', error: { code: 'PHASE_FAILED', details: { report: { phase: { id: 'phase-1' } } } } });
    const packages = (p.error!.details as { report: { packages: { kind: string; errors: unknown[] }[] } }).report.packages;
    // each package: three attempts, the reformulation, three attempts of the reformulated task
    expect(packages.map((x) => [x.kind, x.errors.length])).toEqual([
      ['failed', 6],
      ['failed', 6],
      ['failed', 6],
      ['failed', 6],
    ]);
    const report = await h.coordinator.report(ALICE, p.id);
    expect(report.failures.length).toBeGreaterThan(6);
    expect(report.next).toMatch(/create a new project/);
    expect(p.decisions.at(-1)).toMatchObject({ agent: 'coordinator', decision: 'phase All failed' });
  });

  it('a failed integration is retried once with the conflicts, then the CEO splits the phase; the parts run as phases', async () => {
    const model: PScript = (a) => {
      if (a.role === 'integrator' && a.input.phase.id === 'phase-1')
        return { compatible: false, conflicts: [{ taskIds: ['t1', 't4'], description: 'names differ' }], mergedResult: '' };
      if (a.role === 'ceo-split')
        return {
          phases: [
            { name: 'Part A', taskIds: ['t1', 't2'] },
            { name: 'Part B', taskIds: ['t3', 't4'] },
          ],
        };
      return undefined;
    };
    h = await startPipelines({ model: [onePhase, model, BASE] });
    const p = await approvePlan((await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const order = asked(h.chats());
    expect(order.filter((x) => x === 'integrator')).toHaveLength(4);
    expect(order.filter((x) => x === 'ceo-split')).toHaveLength(1);
    expect(p.result).toMatchObject({
      phases: [
        { id: 'phase-1.1', name: 'Part A' },
        { id: 'phase-1.2', name: 'Part B' },
      ],
    });
    expect(p.decisions.map((d) => d.decision)).toContain('phase All split into 2 phases');
  });

  it('a reply cut at its token limit gets a smaller package once, then the Estimator packs again with a lower budget', async () => {
    const cut = { content: '{"packageId": "pkg-1", "results": [', doneReason: 'length' };
    const model: PScript = (a) => {
      if (a.role === 'estimator' && a.input.budget.max === 15)
        return {
          tasks: a.input.tasks.map((t: any) => ({ id: t.id, complexity: 3 })),
          packages: [{ id: 'pkg-1', taskIds: ['t1', 't2', 't3', 't4'] }],
        };
      // the whole package and its first half are too long for one reply; what the estimator packs again fits
      if (a.role === 'worker' && (a.input.package.id === 'pkg-1' || a.input.package.id === 'pkg-1a')) return cut;
      return undefined;
    };
    h = await startPipelines({ model: [onePhase, model, BASE] });
    const p = await approvePlan((await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const budgets = h
      .chats()
      .filter((c) => c.body.messages[1].content.startsWith('# Role `estimator`'))
      .map((c) => JSON.parse(/```json\n([\s\S]*?)\n```/.exec(c.body.messages[1].content)![1]!).budget.max);
    expect(budgets).toEqual([15, 7]);
    expect(p.decisions.map((d) => d.decision)).toEqual(
      expect.arrayContaining([
        'package pkg-1 split in two after its reply was cut at the token limit',
        'the Estimator packs again with budget 7',
      ]),
    );
    expect(p.result).toMatchObject({ phases: [{ id: 'phase-1', rounds: 2 }] });
  });

  it('model server errors are retried with backoff, then the project pauses and notifies; resume goes on', async () => {
    let failures = 0;
    const model: PScript = (a) => (a.role === 'critic' && failures++ < 4 ? { status: 503, error: 'server overloaded' } : undefined);
    h = await startPipelines({ model: [onePhase, model, BASE], config: { 'ollama.retries': '3', 'ollama.backoffMs': '1' } });
    const paused = await approvePlan((await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id);
    expect(paused).toMatchObject({ status: 'paused', paused: { reason: 'llm', error: { code: 'LLM_FAILED', details: { attempts: 4 } } } });
    expect(h.events.filter((e) => e.project === paused.id).at(-1)).toMatchObject({ status: 'paused' });
    const workersBefore = asked(h.chats()).filter((x) => x === 'worker').length;
    await h.coordinator.resume(ALICE, paused.id);
    const p = await h.coordinator.settled(ALICE, paused.id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    // nothing finished was asked again
    expect(asked(h.chats()).filter((x) => x === 'worker')).toHaveLength(workersBefore);
  });

  it('an undecided CEO (its reply stays invalid) goes to the person; a rejection is a rework with the reason', async () => {
    const model: PScript = (a) => {
      if (a.role === 'ceo' && a.input.round === 1) return { action: 'maybe', reason: 'x', rework: [] };
      return undefined;
    };
    h = await startPipelines({ model: [onePhase, model, BASE] });
    const id = (await h.coordinator.create(ALICE, { task: 'x', pipeline: 'company' })).id;
    const waiting = await approvePlan(id);
    expect(waiting).toMatchObject({ status: 'waiting_for_approval', waiting: { gate: 'escalation' } });
    expect(waiting.decisions.at(-1)?.reason).toMatch(/the CEO gave no valid decision \(LLM_OUTPUT_INVALID\)/);
    await expect(h.coordinator.approve(ALICE, id, { decision: 'reject' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await h.coordinator.approve(ALICE, id, { decision: 'reject', reason: 'use the house style' });
    const p = await h.coordinator.settled(ALICE, id);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(h.chats().some((c) => c.body.messages[1].content.includes('"note": "use the house style"'))).toBe(true);
    expect(p.result).toMatchObject({ phases: [{ rounds: 2, approvedBy: 'ceo' }] });
  });
});
