// The LLM layer's outcomes in the coordinator's retry matrix (seed 003), through the scripted server:
// the completion limit the budget assumes is sent as num_predict; a reply cut at it is asked once more
// with twice the limit when the budget allows, else a typed failure the worker retries; errors that
// repeat until a setting changes pause the project saying what to change; a service defect fails it;
// an unfinished reply is a worker failure; unknown token counts are estimated, never zero.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { ALICE, startHarness, type Harness } from './harness.ts';
import { GOOD, script, toReply, type Script } from './scripted-model.ts';

let h: Harness | undefined;
let fake: FakeOllama | undefined;
afterEach(async () => {
  await h?.close();
  await fake?.close();
  h = undefined;
  fake = undefined;
});

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const workerAsks = (hh: Harness) => hh.chats().filter((r) => !r.body.format);
const executes = async (hh: Harness, id: string) =>
  (await hh.coordinator.steps(ALICE, id, { calls: true })).items.filter((s) => s.kind === 'step' && s.key.includes('/execute:'));

describe('the completion limit', () => {
  it('every call sends the limit the budget check assumes as num_predict', async () => {
    h = await startHarness({ model: GOOD });
    await h.agent('analyst', 'analysis');
    const p = await h.run('limits', { maxCompletionTokens: 300 });
    expect(p.status).toBe('completed');
    expect(h.chats().length).toBeGreaterThanOrEqual(4);
    expect(h.chats().map((r) => r.body.options.num_predict)).toEqual(h.chats().map(() => 300));
  });

  it('a reply cut at the limit is asked once more with twice the limit', async () => {
    const long: Script = (a) => (a.role === 'worker' ? words(20) : undefined);
    h = await startHarness({ model: [long, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('cut once', { maxCompletionTokens: 16 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(workerAsks(h).map((r) => r.body.options.num_predict)).toEqual([16, 32]);
    const step = await h.coordinator.step(ALICE, p.id, 'p1/task:t1/iter:1/execute:1.1');
    expect(step.ok).toBe(true);
    expect(step.calls.map((c) => [c.key.split('#')[1], c.ok, (c.data as { code?: string }).code])).toEqual([
      ['llm:0', false, 'LLM_TRUNCATED'],
      ['llm:1', true, undefined],
    ]);
    // the cut reply cost its tokens: charged (its prompt estimated), not dropped
    expect(step.calls[0]!.meta.usage).toMatchObject({ completionTokens: 16, estimated: true });
    expect(p.usage.estimatedCalls).toBe(1);
  });

  it('cut again: LLM_TRUNCATED saying what to change, and the worker retries with the error in the prompt', async () => {
    const long: Script = (a) => (a.role === 'worker' ? (a.n < 2 ? words(100) : 'short') : undefined);
    h = await startHarness({ model: [long, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('cut twice', { maxCompletionTokens: 16, workerRetries: 1 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const steps = await executes(h, p.id);
    expect(steps.map((s) => [s.ok, (s.data as { code?: string }).code])).toEqual([
      [false, 'LLM_TRUNCATED'],
      [true, undefined],
    ]);
    expect((steps[0]!.data as { message: string }).message).toMatch(/limit of 32 .*maxCompletionTokens/);
    expect(workerAsks(h).map((r) => r.body.options.num_predict)).toEqual([16, 32, 16]);
    expect(workerAsks(h)[2]!.body.messages[1].content).toMatch(/previous attempt failed: LLM_TRUNCATED/);
  });

  it('a budget that cannot take the larger limit: no second request, a typed failure', async () => {
    const cut: Script = (a) => (a.role === 'worker' ? { content: 'partial', doneReason: 'length', evalCount: 20_000 } : undefined);
    h = await startHarness({ model: [cut, GOOD] });
    await h.agent('analyst', 'analysis');
    const cfg = { maxCompletionTokens: 20_000, budget: { tokens: 45_000 }, workerRetries: 0, maxReplans: 0, dynamicAgents: false };
    const p = await h.run('no room', cfg);
    expect(p).toMatchObject({ status: 'failed', error: { code: 'TASK_FAILED' } });
    expect(workerAsks(h)).toHaveLength(1);
    const [step] = await executes(h, p.id);
    expect(step!.data).toMatchObject({ code: 'LLM_TRUNCATED', details: { numPredict: 20_000 } });
    expect((step!.data as { details: { reason: string } }).details.reason).toMatch(/budget does not allow asking again with 40000/);
  });
});

describe('errors that repeat until something changes', () => {
  it('out of memory pauses the project with what to change; resume goes on once the host has memory', async () => {
    let oom = true;
    const error = 'model requires more system memory (9.1 GiB) than is available (3.2 GiB)'; // Ollama's words
    const heavy: Script = (a) => (a.role === 'worker' && oom ? { status: 500, error } : undefined);
    h = await startHarness({ model: [heavy, GOOD], config: { 'ollama.retries': '3' } });
    await h.agent('analyst', 'analysis');
    const p = await h.run('heavy');
    expect(p).toMatchObject({ status: 'paused', paused: { reason: 'llm', error: { code: 'OLLAMA_OUT_OF_MEMORY' } } });
    expect(workerAsks(h)).toHaveLength(1); // not retried, although the layer may retry 3 times
    expect((await executes(h, p.id)).length).toBe(0); // nothing journaled: the step runs again on resume
    const report = await h.coordinator.report(ALICE, p.id);
    expect(report.next).toMatch(/OLLAMA_OUT_OF_MEMORY: .*smaller model.*resume/);
    oom = false;
    await h.coordinator.resume(ALICE, p.id);
    await expect(h.coordinator.settled(ALICE, p.id)).resolves.toMatchObject({ status: 'completed' });
  });

  it('a prompt over the role’s context pauses before anything is sent, naming the setting', async () => {
    h = await startHarness({ model: GOOD, config: { 'ollama.numCtx': '512' } });
    const p = await h.run('big');
    expect(p).toMatchObject({ status: 'paused', paused: { reason: 'llm', error: { code: 'LLM_CONTEXT_OVERFLOW' } } });
    expect(p.paused!.error.message).toMatch(/ollama\.roles\.strategist\.numCtx/);
    expect(h.chats()).toHaveLength(0);
  });

  it('a model without a capability the call needs pauses the project (LLM_MODEL_UNSUPPORTED)', async () => {
    h = await startHarness({ model: GOOD, config: { 'ollama.think': 'true' } });
    const p = await h.run('thinking');
    expect(p).toMatchObject({ status: 'paused', paused: { reason: 'llm', error: { code: 'LLM_MODEL_UNSUPPORTED' } } });
    expect(h.chats()).toHaveLength(1);
  });

  it('a format Ollama refuses is a defect of the service: the project fails at once', async () => {
    const refused: Script = (a) => (a.role === 'plan' ? { status: 500, error: 'invalid JSON schema in format' } : undefined);
    h = await startHarness({ model: [refused, GOOD], config: { 'ollama.retries': '3' } });
    const p = await h.run('refused');
    expect(p).toMatchObject({ status: 'failed', error: { code: 'LLM_SCHEMA_REFUSED' } });
    expect(h.chats()).toHaveLength(1);
    expect((await h.coordinator.report(ALICE, p.id)).next).toMatch(/LLM_SCHEMA_REFUSED; A defect of the service/);
  });
});

describe('replies Ollama really sends', () => {
  it('a reply that ends without its final message is a worker failure, retried with the error in the prompt', async () => {
    const unfinished: Script = (a) => (a.role === 'worker' && a.n === 0 ? { content: 'a a a a', noDone: true } : undefined);
    h = await startHarness({ model: [unfinished, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('unfinished');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const steps = await executes(h, p.id);
    expect(steps.map((s) => [s.ok, (s.data as { code?: string }).code])).toEqual([
      [false, 'LLM_INCOMPLETE'],
      [true, undefined],
    ]);
    expect(workerAsks(h)[1]!.body.messages[1].content).toMatch(/previous attempt failed: LLM_INCOMPLETE/);
  });

  it('counts Ollama leaves out are estimated from the text and marked, never taken as zero', async () => {
    const uncounted: Script = (a) => {
      const x = GOOD(a);
      return x === undefined ? undefined : { ...toReply(x), promptEvalCount: 0, evalCount: 0 };
    };
    fake = await startFakeOllama({ replies: script(uncounted) });
    h = await startHarness({ model: [], fake });
    await h.agent('analyst', 'analysis');
    const p = await h.run('uncounted');
    expect(p.status).toBe('completed');
    expect(fake.chats().length).toBeGreaterThan(0);
    expect(p.usage.estimatedCalls).toBe(p.usage.llmCalls);
    expect(p.usage.promptTokens).toBeGreaterThan(100 * p.usage.llmCalls);
    expect(p.usage.completionTokens).toBeGreaterThan(p.usage.llmCalls);
    expect(p.metrics).toMatchObject({ estimatedTokenCalls: p.usage.llmCalls });
    // the project's own record of the calls says they were estimated; the LLM layer's rows keep null
    expect(await h.core.store.llm.totals({ project: p.id })).toMatchObject({ promptTokens: 0, callsWithUnknownTokens: p.usage.llmCalls });
  });
});
