// Agent runs with tools inside projects: a JavaScript tool in the isolate (no Docker) with an unknown
// tool (dropped or turned into text as Ollama's templates do), wrong argument types, prose instead of a
// call, a reply still unusable after being asked again, a loop of identical calls and the tool-run
// budget; a tool the plan needs generated through the tool factory; and a Python tool run in Docker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/access/index.ts';
import { REPO } from '../helpers/env.ts';
import { startFakeOllama, type FakeModel, type FakeOllama } from '../helpers/fake-ollama.ts';
import { ALICE, startHarness, type Harness } from './harness.ts';
import { GOOD, script, type Script } from './scripted-model.ts';

let h: Harness | undefined;
const fakes: FakeOllama[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const f of fakes.splice(0)) await f.close();
});

const sub = (id: string, tools: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom: [],
  priority: 3,
  acceptanceCriteria: [],
  tools,
});
const call = (name: string, args: Record<string, unknown>) => ({ toolCalls: [{ name, arguments: args }] });
const toolMessages = (hh: Harness) =>
  hh
    .chats()
    .filter((r) => !r.body.format)
    .map((r) => r.body.messages.filter((m: any) => m.role === 'tool').map((m: any) => m.content as string));

async function withJsonStats(model: Script[], models?: FakeModel[]): Promise<Harness> {
  const fake = models ? await startFakeOllama({ models, replies: script(...model) }) : undefined;
  const hh = await startHarness({ model, ...(fake ? { fake } : {}) });
  if (fake) fakes.push(fake);
  const bp = parse(readFileSync(join(REPO, 'blueprints/tools/json_stats.yaml'), 'utf8'));
  const out = await hh.core.factory.tools.submit(bp, SYSTEM);
  expect(out.status).toBe('registered');
  await hh.agent('analyst', 'analysis', [], { tools: ['json_stats'] });
  return hh;
}

describe('tool calls in the isolate', () => {
  it('an unknown tool (dropped by Ollama) is asked again with the declared tools; wrong argument types come back as errors', async () => {
    const worker: Script = (a) => {
      if (a.role !== 'worker') return undefined;
      return [call('nope', {}), call('json_stats', { values: 'abc' }), call('json_stats', { values: [1, 2, 3] }), 'the mean is 2'][a.n];
    };
    h = await withJsonStats([worker, GOOD]);
    const p = await h.run('stats');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const asks = h.chats().filter((r) => !r.body.format);
    // a tag template drops a call of an undeclared tool: the reply is empty, and the agent is asked again naming its tools
    expect(asks[1]!.body.messages.at(-2)).toMatchObject({ role: 'assistant', content: '' });
    expect(asks[1]!.body.messages.at(-1).content).toMatch(/Your last reply was empty[\s\S]*- json_stats\(values: array/);
    const seen = toolMessages(h);
    expect(seen[2]![0]).toMatch(/INPUT_INVALID/);
    expect(JSON.parse(seen[3]![1]!)).toMatchObject({ status: 'ok', json: { count: 3, mean: 2 } });
    // each tool result answers its call by id
    const last = asks[3]!.body.messages;
    const callIds = last.filter((m: any) => m.role === 'assistant' && m.tool_calls).map((m: any) => m.tool_calls[0].id);
    expect(last.filter((m: any) => m.role === 'tool').map((m: any) => m.tool_call_id)).toEqual(callIds);
    expect(callIds.every((id: string) => /^call_[a-z0-9]{8}$/.test(id))).toBe(true);
    const step = await h.coordinator.step(ALICE, p.id, 'p1/task:t1/iter:1/execute:1.1');
    expect(step.data).toMatchObject({ answer: 'the mean is 2', toolCalls: 2 });
    expect(step.calls.map((c) => [c.kind, c.key])).toEqual([
      ['llm', 'p1/task:t1/iter:1/execute:1.1#llm:0'],
      ['llm', 'p1/task:t1/iter:1/execute:1.1#llm:1'],
      ['tool', 'p1/task:t1/iter:1/execute:1.1#tool:0'],
      ['llm', 'p1/task:t1/iter:1/execute:1.1#llm:2'],
      ['tool', 'p1/task:t1/iter:1/execute:1.1#tool:1'],
      ['llm', 'p1/task:t1/iter:1/execute:1.1#llm:3'],
    ]);
    expect(p.usage.toolRuns).toBe(1);
    expect(p.metrics).toMatchObject({ toolExecutions: 1 });
  });

  it('a call of an unknown tool that a template without tags turns into text is asked again, naming the tool', async () => {
    const replies = [call('nope', { x: 1 }), call('json_stats', { values: [2] }), 'it is 2'];
    const worker: Script = (a) => (a.role === 'worker' ? replies[a.n] : undefined);
    h = await withJsonStats([worker, GOOD], [{ name: 'llama3.1:8b', toolStyle: 'json' }]);
    const p = await h.run('stats');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const asks = h.chats().filter((r) => !r.body.format);
    expect(asks[1]!.body.messages.at(-2).content).toContain('"name":"nope"');
    expect(asks[1]!.body.messages.at(-1).content).toMatch(/wrote a call of `nope`, which is not among your tools, as text/);
    expect(p.usage.toolRuns).toBe(1);
  });

  it('prose while the sub-task needs a tool is asked again with the tools; then the tool is called', async () => {
    const plan: Script = (a) => (a.role === 'plan' ? { analysis: 'x', subTasks: [sub('t1', ['json_stats'])] } : undefined);
    const worker: Script = (a) =>
      a.role === 'worker' ? ['I believe the mean is about 2.', call('json_stats', { values: [1, 3] }), 'the mean is 2'][a.n] : undefined;
    h = await withJsonStats([plan, worker, GOOD]);
    const p = await h.run('stats');
    expect(p.status).toBe('completed');
    const asks = h.chats().filter((r) => !r.body.format);
    const reprompt = asks[1]!.body.messages.at(-1).content;
    expect(reprompt).toMatch(/answered without calling a tool[\s\S]*json_stats[\s\S]*Call one of these tools now/);
    expect(p.usage.toolRuns).toBe(1);
  });

  it('a reply still unusable after being asked again is LLM_TOOL_CALL_INVALID, retried with the error in the prompt', async () => {
    const plan: Script = (a) => (a.role === 'plan' ? { analysis: 'x', subTasks: [sub('t1', ['json_stats'])] } : undefined);
    // a template without tags (llama 3.x style) turns a reply with an undeclared call into text
    const worker: Script = (a) =>
      a.role === 'worker'
        ? ['the mean is 2, I think', 'still no tool', call('json_stats', { values: [1, 3] }), 'the mean is 2'][a.n]
        : undefined;
    h = await withJsonStats([plan, worker, GOOD]);
    const p = await h.run('stats', { workerRetries: 1 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const executes = (await h.coordinator.steps(ALICE, p.id)).items.filter((s) => s.meta.phase === 'execute');
    expect(executes.map((s) => [s.key, s.ok, (s.data as { code?: string }).code])).toEqual([
      ['p1/task:t1/iter:1/execute:1.1', false, 'LLM_TOOL_CALL_INVALID'],
      ['p1/task:t1/iter:1/execute:1.2', true, undefined],
    ]);
    expect(executes[0]!.data).toMatchObject({ details: { reason: 'no-call' } });
    const asks = h.chats().filter((r) => !r.body.format);
    expect(asks[2]!.body.messages[1].content).toMatch(/previous attempt failed: LLM_TOOL_CALL_INVALID/);
  });

  it('the same call with the same arguments again and again is a loop (AGENT_LOOP), retried, then the sub-task fails', async () => {
    const looping: Script = (a) => (a.role === 'worker' ? call('json_stats', { values: [1] }) : undefined);
    h = await withJsonStats([looping, GOOD]);
    const p = await h.run('loop', { workerRetries: 1, maxReplans: 0, dynamicAgents: false });
    expect(p).toMatchObject({ status: 'failed', error: { code: 'TASK_FAILED' } });
    const steps = (await h.coordinator.steps(ALICE, p.id)).items;
    const executes = steps.filter((s) => s.meta.phase === 'execute');
    expect(executes.map((s) => [s.key, s.ok, (s.data as { code: string }).code])).toEqual([
      ['p1/task:t1/iter:1/execute:1.1', false, 'AGENT_LOOP'],
      ['p1/task:t1/iter:1/execute:1.2', false, 'AGENT_LOOP'],
    ]);
    // two runs per attempt, the third identical call stopped before it ran
    expect(p.usage.toolRuns).toBe(4);
  });

  it('a tool run past the tool-run budget is not started', async () => {
    const worker: Script = (a) =>
      a.role === 'worker' ? [call('json_stats', { values: [1] }), call('json_stats', { values: [2] }), 'done'][a.n] : undefined;
    h = await withJsonStats([worker, GOOD]);
    const p = await h.run('budgeted tools', { budget: { toolRuns: 1 } });
    expect(p).toMatchObject({
      status: 'paused',
      paused: { reason: 'budget', error: { code: 'BUDGET_EXCEEDED', details: { kind: 'toolRuns', limit: 1 } } },
    });
    expect(p.usage.toolRuns).toBe(1);
    const rows = (await h.coordinator.steps(ALICE, p.id, { calls: true })).items.filter((s) => s.kind === 'tool');
    expect(rows).toHaveLength(1);
    expect(h.chats().filter((r) => !r.body.format)).toHaveLength(2);
  });
});

describe('a tool the plan needs and nobody has', () => {
  it('is designed, generated, checked and probed by the tool factory, offered to the agent, and destroyed when the project closes', async () => {
    const model: Script = (a) => {
      switch (a.role) {
        case 'plan':
          return { analysis: 'x', subTasks: [sub('t1', ['sum_list'])] };
        case 'toolDesign':
          return {
            description: 'Adds a list of numbers',
            language: 'javascript',
            purpose: 'Prints {"sum": S} for the list `values`.',
            inputSpec: [{ name: 'values', type: 'list', description: 'the numbers' }],
            outputFormat: 'json',
            examples: [{ name: 'three', input: { values: [1, 2, 3] }, stdoutContains: ['6'] }],
          };
        case 'generator':
          return '```javascript\nconsole.log(JSON.stringify({ sum: input.values.reduce((a, b) => a + b, 0) }));\n```';
        case 'worker':
          return [call('sum_list', { values: [4, 5] }), 'the sum is 9'][a.n];
        default:
          return undefined;
      }
    };
    h = await startHarness({ model: [model, GOOD] });
    await h.agent('analyst', 'analysis');
    const p = await h.run('add numbers', { toolGeneration: true });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const toolStep = await h.coordinator.step(ALICE, p.id, 'p1/tool:sum_list');
    expect(toolStep.data).toMatchObject({ name: 'sum_list', version: 1, resources: { tools: ['sum_list'] } });
    const seen = toolMessages(h).flat();
    expect(JSON.parse(seen.at(-1)!)).toMatchObject({ status: 'ok', json: { sum: 9 } });
    expect(await h.core.store.tools.active('sum_list')).toBeUndefined();
    expect(p.metrics).toMatchObject({ toolsGenerated: 1, toolExecutions: 1 });
    // the generation's model call counts in the project's usage
    expect(p.usage.llmCalls).toBe(h.chats().length);
  });
});

describe('a Python tool in the Docker sandbox', () => {
  it('an agent of a project calls a registered tool; it is checked and run in a container; the model gets its result', async () => {
    const worker: Script = (a) =>
      a.role === 'worker' ? [call('sum_numbers', { numbers: [1, 2, 3.5] }), 'the sum is 6.5'][a.n] : undefined;
    h = await startHarness({ model: [worker, GOOD] });
    const source = 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
    const reg = await h.core.factory.tools.submit(
      {
        name: 'sum_numbers',
        description: 'Adds numbers',
        language: 'python',
        purpose: 'sum',
        source,
        inputSpec: [{ name: 'numbers', type: 'list' }],
        outputSpec: { format: 'json' },
        examples: [{ name: 'two', input: { numbers: [1, 2] }, expect: { json: { sum: 3 } } }],
      },
      SYSTEM,
    );
    expect(reg.status).toBe('registered');
    await h.agent('analyst', 'analysis', [], { tools: ['sum_numbers'] });
    const p = await h.run('sum in a sandbox');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const result = JSON.parse(toolMessages(h).flat().at(-1)!);
    expect(result).toMatchObject({ status: 'ok', exitCode: 0, json: { sum: 6.5 } });
    expect((await h.core.audit.query({ type: 'tool_executed' })).some((e) => e.target.startsWith('sum_numbers'))).toBe(true);
    expect(p.usage.toolRuns).toBe(1);
  }, 60_000);
});
