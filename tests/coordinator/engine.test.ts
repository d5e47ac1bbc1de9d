// The engine end to end through the real LlmProvider against the scripted Ollama server, on a real
// SQLite file: the DAG and its concurrency limit, the strategist's re-ask, iterations to the
// threshold, must-pass reviewers, a terse model, and the defined outcome of each kind of bad reply.
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from './harness.ts';
import { GOOD, TERSE, type Script } from './scripted-model.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sub = (id: string, inputFrom: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [`${id} is complete`],
  tools: [],
  ...extra,
});
const plan = (...subTasks: unknown[]) => ({ analysis: 'split', subTasks });
const chatsOf = (hh: Harness, pred: (text: string, body: any) => boolean) =>
  hh.chats().filter((r) => pred(JSON.stringify(r.body.messages), r.body));
const isWorker = (_t: string, b: any) => !b.format;
const isPlan = (_t: string, b: any) => Boolean(b.format?.properties?.subTasks);

describe('a DAG with parallel branches', () => {
  it('runs ready sub-tasks in parallel up to maxConcurrentAgents, highest priority first, inputs flowing to dependents', async () => {
    const dag: Script = (a) => {
      if (a.role === 'plan') return plan(sub('a'), sub('b'), sub('c'), sub('d', [], { priority: 5 }), sub('e', ['a', 'b', 'c', 'd']));
      if (a.role === 'worker') return { content: `result of ${a.task}`, delayMs: 80 };
      return undefined;
    };
    h = await startHarness({ model: [dag, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('a five-part analysis', { maxConcurrentAgents: 2 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(p.tasks.map((t) => [t.id, t.status])).toEqual([
      ['a', 'accepted'],
      ['b', 'accepted'],
      ['c', 'accepted'],
      ['d', 'accepted'],
      ['e', 'accepted'],
    ]);

    // concurrency from the numbered events: execute steps open at once never exceed the limit, and do reach it
    const mine = h.events.filter((e) => e.project === p.id);
    let open = 0;
    let peak = 0;
    const started: string[] = [];
    for (const e of mine) {
      if (e.metadata.phase !== 'execute') continue;
      if (e.status === 'step_started') {
        open++;
        started.push(String(e.metadata.task));
      }
      if (e.status === 'step_completed' || e.status === 'step_failed') open--;
      peak = Math.max(peak, open);
    }
    expect(peak).toBe(2);
    expect(started[0]).toBe('d');
    expect(started.at(-1)).toBe('e');
    const eStart = mine.findIndex((e) => e.status === 'step_started' && e.metadata.phase === 'execute' && e.metadata.task === 'e');
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(mine.findIndex((e) => e.status === 'task_accepted' && e.task === id)).toBeLessThan(eStart);
    }
    // e got the results of its inputs; the others got no inputs
    const eAsk = chatsOf(h, (t, b) => isWorker(t, b) && t.includes('Sub-task `e`'))[0]!;
    for (const id of ['a', 'b', 'c', 'd']) expect(JSON.stringify(eAsk.body.messages)).toContain(`result of ${id}`);
    expect(p.metrics).toMatchObject({
      totalTasks: 5,
      completedTasks: 5,
      failedTasks: 0,
      agentInvocations: 5,
      staticAgentsUsed: 1,
      firstPassRate: 1,
      totalIterations: 5,
    });
    // events are numbered in order on project:<id>
    expect(mine.map((e) => e.seq)).toEqual([...mine.map((e) => e.seq)].sort((x, y) => x - y));
    expect(mine.every((e) => e.topic === `project:${p.id}` && e.owner === ALICE.id)).toBe(true);
  });
});

describe('the strategist', () => {
  it('sends structural problems back once; a schema mismatch is re-asked by the LLM layer first', async () => {
    const bad: Script = (a) => {
      if (a.role !== 'plan') return undefined;
      if (a.n === 0) return 'I think the plan should be: first analyse, then write.';
      if (a.n === 1) return plan(sub('a', ['b']), sub('b', ['a']));
      return plan(sub('a'), sub('b', ['a']));
    };
    h = await startHarness({ model: [bad, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('plan me');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const asks = chatsOf(h, isPlan);
    expect(asks).toHaveLength(3);
    expect(asks[1]!.body.messages.at(-1).content).toMatch(/did not match the required JSON schema/);
    expect(asks[2]!.body.messages.at(-1).content).toMatch(/cycle: (a -> b -> a|b -> a -> b)/);
    const step = await h.coordinator.step(ALICE, p.id, 'plan:1');
    expect(step.data).toMatchObject({ asks: 2, problems: [expect.objectContaining({ message: expect.stringContaining('cycle') })] });
    expect(step.calls.map((c) => c.key)).toEqual(['plan:1#llm:0', 'plan:1#llm:1']);
  });

  it('fails the project with PLAN_INVALID when the problems remain, naming them', async () => {
    const cyclic: Script = (a) => (a.role === 'plan' ? plan(sub('a', ['a'])) : undefined);
    h = await startHarness({ model: [cyclic, GOOD] });
    const p = await h.run('plan me');
    expect(p.status).toBe('failed');
    expect(p.error).toMatchObject({
      code: 'PLAN_INVALID',
      details: { issues: [expect.objectContaining({ path: 'subTasks.0.inputFrom.0' })] },
    });
    expect(chatsOf(h, isPlan)).toHaveLength(2);
  });
});

describe('iterations and the review chain', () => {
  it('improves a result over iterations until the score reaches the threshold, the issues going back to the worker', async () => {
    const improving: Script = (a) => {
      if (a.role === 'worker') return `draft v${a.n + 1}`;
      if (a.role === 'review' && a.task === 't1') {
        const issue = (d: string) => ({
          severity: 'major',
          category: 'completeness',
          description: d,
          location: 'section 2',
          suggestion: `fix: ${d}`,
        });
        return [
          { score: 0.5, accepted: false, issues: [issue('missing totals')], summary: 'incomplete' },
          { score: 0.7, accepted: false, issues: [issue('wrong units')], summary: 'better' },
          { score: 0.9, accepted: true, issues: [], summary: 'good' },
        ][a.n];
      }
      return undefined;
    };
    h = await startHarness({ model: [improving, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('iterate', { qualityThreshold: 0.85, maxIterations: 4 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(p.tasks[0]).toMatchObject({ status: 'accepted', iterations: 3, score: 0.9 });
    expect(p.tasks[0]!.evaluations.map((e) => e.score)).toEqual([0.5, 0.7, 0.9]);
    const work = chatsOf(h, isWorker).map((r) => r.body.messages.at(-1).content as string);
    expect(work).toHaveLength(3);
    expect(work[1]).toContain('draft v1');
    expect(work[1]).toContain('missing totals');
    expect(work[2]).toContain('draft v2');
    expect(work[2]).toContain('wrong units');
    expect((p.result as { result: string }).result).toBe('the merged result');
    expect(p.metrics).toMatchObject({ totalIterations: 3, firstPassRate: 0, averageQualityScore: 0.9 });
  });

  const securityChain = [
    { name: 'self', kind: 'self', mustPass: false },
    { name: 'security', kind: 'specialized', reviewer: 'security-auditor', mustPass: true },
    { name: 'final-check', kind: 'coordinator', mustPass: false },
  ];
  const rejecting: Script = (a) => {
    if (a.role !== 'review') return undefined;
    if (a.stage === 'security')
      return {
        score: 0.95,
        accepted: false,
        issues: [
          {
            severity: 'critical',
            category: 'security',
            description: 'secrets in the output',
            location: 'line 1',
            suggestion: 'remove them',
          },
        ],
        summary: 'no',
      };
    return { score: 0.95, accepted: true, issues: [], summary: 'fine' };
  };

  it('a must-pass reviewer that rejects fails the sub-task when iterations run out (onIterationsExhausted: fail), later stages skipped', async () => {
    h = await startHarness({ model: [rejecting, GOOD] });
    await h.agent('analyst', 'analysis');
    await h.agent('security-auditor', 'security', ['security review']);
    const p = await h.run('secure it', { reviewChain: securityChain, maxIterations: 2, onIterationsExhausted: 'fail' });
    expect(p.status).toBe('failed');
    expect(p.error).toMatchObject({ code: 'TASK_FAILED', details: { task: 't1', reason: 'quality' } });
    const reviews = chatsOf(h, (_t, b) => Boolean(b.format?.properties?.score));
    const stages = reviews.map((r) => /You are the `([^`]+)` stage/.exec(r.body.messages[0].content)?.[1]);
    expect(stages).toEqual(['self', 'security', 'self', 'security']);
    expect(reviews[1]!.body.messages[0].content).toContain('You are security-auditor.');
    expect(reviews[0]!.body.messages[0].content).toContain('You are analyst.');
    expect(p.tasks[0]!.status).toBe('failed');
    // the worker saw the must-pass stage's issue
    expect(chatsOf(h, isWorker)[1]!.body.messages.at(-1).content).toContain('secrets in the output');
  });

  it('with accept-best-and-flag the project completes, flagged', async () => {
    h = await startHarness({ model: [rejecting, GOOD] });
    await h.agent('analyst', 'analysis');
    await h.agent('security-auditor', 'security', ['security review']);
    const p = await h.run('secure it', { reviewChain: securityChain, maxIterations: 2 });
    expect(p.status).toBe('completed');
    expect(p.tasks[0]).toMatchObject({ status: 'flagged', iterations: 2 });
    expect(p.result).toMatchObject({ flagged: true, tasks: [{ id: 't1', status: 'flagged' }] });
    expect(p.metrics).toMatchObject({ flaggedTasks: 1 });
  });
});

describe('a terse model (the smallest valid answer to every schema)', () => {
  it('still drives a project to an end: a specialist is made, results are flagged, temporary agents destroyed', async () => {
    h = await startHarness({ model: TERSE });
    const p = await h.run('do it');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(p.result).toMatchObject({ result: 'x', flagged: true });
    expect(p.tasks[0]).toMatchObject({ id: 'a', status: 'flagged', iterations: 3, agent: { created: true, name: 'specialist-a' } });
    expect((await h.core.store.agents.get(p.tasks[0]!.agent!.id))?.destroyedAt).not.toBeNull();
    expect(p.metrics).toMatchObject({ dynamicAgentsCreated: 1, completedTasks: 1 });
  });

  it('ends failed with onIterationsExhausted: fail, and after one replan with replan', async () => {
    h = await startHarness({ model: TERSE });
    const failed = await h.run('do it', { onIterationsExhausted: 'fail', maxIterations: 1 });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TASK_FAILED' } });
    const replanned = await h.run('do it', { onIterationsExhausted: 'replan', maxIterations: 1, maxReplans: 1 });
    expect(replanned).toMatchObject({ status: 'failed', error: { code: 'TASK_FAILED' } });
    expect(replanned.plan).toMatchObject({ version: 2 });
  });
});

describe('bad replies have defined outcomes', () => {
  it('an empty reply is asked again, then AGENT_NO_ANSWER is retried with the error in the prompt', async () => {
    const empty: Script = (a) => (a.role === 'worker' && a.n < 2 ? '' : undefined);
    h = await startHarness({ model: [empty, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('answer');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const work = chatsOf(h, isWorker);
    expect(work).toHaveLength(3);
    expect(work[1]!.body.messages.at(-1).content).toMatch(/reply was empty/);
    expect(work[2]!.body.messages.at(-1).content).toMatch(/previous attempt failed: AGENT_NO_ANSWER/);
    const steps = (await h.coordinator.steps(ALICE, p.id)).items.filter((s) => s.meta.phase === 'execute');
    expect(steps.map((s) => [s.key, s.ok])).toEqual([
      ['p1/task:t1/iter:1/execute:1.1', false],
      ['p1/task:t1/iter:1/execute:1.2', true],
    ]);
    expect(p.metrics).toMatchObject({ retriedTasks: 1, agentInvocations: 2 });
  });

  it('a worker that keeps failing is reassigned to another agent, then the sub-task fails and the project replans once', async () => {
    const mute: Script = (a) => (a.role === 'worker' ? '' : undefined);
    h = await startHarness({ model: [mute, GOOD] });
    await h.agent('analyst', 'analysis');
    await h.agent('analyst-two', 'analysis');
    const p = await h.run('answer', { workerRetries: 0, maxReplans: 1, dynamicAgents: false });
    expect(p.status).toBe('failed');
    expect(p.error).toMatchObject({ code: 'TASK_FAILED', details: { reason: 'agent' } });
    const steps = (await h.coordinator.steps(ALICE, p.id)).items.map((s) => s.key);
    expect(steps).toEqual(expect.arrayContaining(['p1/task:t1/assign:1', 'p1/task:t1/assign:2', 'plan:2', 'p2/task:t1/assign:2']));
    expect(chatsOf(h, isPlan)[1]!.body.messages.at(-1).content).toMatch(/Sub-tasks failed: t1/);
    // 2 plans x 2 agents x (reply + one re-ask of the empty reply)
    expect(chatsOf(h, isWorker)).toHaveLength(8);
  });

  it('a reviewer whose reply stays invalid is a stage that did not accept; a plan that stays invalid fails with LLM_OUTPUT_INVALID', async () => {
    const junkReview: Script = (a) => (a.role === 'review' && a.task === 't1' && a.n < 2 ? '{"score": "high"}' : undefined);
    h = await startHarness({ model: [junkReview, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('review me');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(p.tasks[0]!.evaluations.map((e) => [e.score, e.accepted])).toEqual([
      [null, false],
      [0.95, true],
    ]);
    await h.close();
    const junkPlan: Script = (a) => (a.role === 'plan' ? '```json\n{"analysis": 1}\n```' : undefined);
    h = await startHarness({ model: [junkPlan, GOOD] });
    const q = await h.run('plan me');
    expect(q).toMatchObject({ status: 'failed', error: { code: 'LLM_OUTPUT_INVALID' } });
  });
});
