// The factory's model calls against the scripted server, over the real service (HTTP, SQLite, Docker):
// a specialist design with the format Ollama's grammar takes, agent runs whose replies are not usable
// tool calls, thinking models and tool call ids (issue 11, points 1, 5, 6 and 8).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grammarErrors } from '../../src/llm/index.ts';
import { startFakeOllama, type FakeOllama, type Reply } from '../helpers/fake-ollama.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let fake: FakeOllama;
const script: Reply[] = [];

beforeAll(async () => {
  fake = await startFakeOllama({
    models: [
      'llama3.1:8b',
      { name: 'llama3.2:3b', toolStyle: 'json' },
      { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
    ],
    replies: () => script.shift() ?? { status: 500, error: 'no scripted reply left' },
  });
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'ollama.backoffMs': '0' });
  const tool = {
    name: 'sum_numbers',
    description: 'Adds numbers',
    language: 'python',
    purpose: 'Reads {"numbers": [...]} from stdin and prints their sum as JSON.',
    inputSpec: [{ name: 'numbers', type: 'list', description: 'the numbers' }],
    outputSpec: { format: 'json' },
    source: 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n',
    examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
  };
  const reg = await svc.call('/api/v1/tools', { method: 'POST', headers: json, body: JSON.stringify(tool) });
  expect(reg.status, await reg.clone().text()).toBe(201);
}, 120_000);
beforeEach(() => {
  script.length = 0; // a failed test leaves no replies behind for the next
});
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});

const json = { 'content-type': 'application/json' };
async function body<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function agent(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const bp = {
    name,
    type: 'analysis',
    description: 'Adds',
    systemPrompt: 'You add numbers with your tool.',
    tools: ['sum_numbers'],
    outputFormat: { format: 'text' },
    ...extra,
  };
  const res = await svc.call('/api/v1/agents', { method: 'POST', headers: json, body: JSON.stringify({ blueprint: bp }) });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await body(res)).agent.id;
}

async function run(agentId: string, task = 'What is 10+20+12?') {
  const start = await svc.call(`/api/v1/agents/${agentId}/runs`, { method: 'POST', headers: json, body: JSON.stringify({ task }) });
  const { runId } = await body(start);
  for (let i = 0; i < 600; i++) {
    const w = (await body(await svc.call(`/api/v1/runs/${runId}`))).run;
    if (w.status !== 'queued' && w.status !== 'running') return { runId, ...w };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

const messagesOf = (i: number) =>
  fake.chats()[i]!.body.messages as {
    role: string;
    content: string;
    tool_call_id?: string;
    thinking?: string;
    tool_calls?: { id: string }[];
  }[];

describe('1. a specialist design uses a format Ollama’s grammar takes', () => {
  it('is designed through the scripted server, which refuses what Ollama refuses', async () => {
    const designed = {
      name: 'csv-specialist',
      type: 'analysis',
      description: 'CSV expert',
      systemPrompt: 'You analyse CSV files.',
      outputFormat: { format: 'markdown' },
      tools: [],
      policy: 'default',
    };
    script.push({ content: JSON.stringify(designed) });
    const before = fake.chats().length;
    const res = await svc.call('/api/v1/agents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ specialist: { task: 'Summarise the sales CSVs' } }),
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const sent = fake.chats()[before]!.body;
    expect(grammarErrors(sent.format)).toEqual([]);
    expect(sent.format.properties.systemPrompt).toEqual({ type: 'string' });
  });

  it('a designed system prompt longer than the blueprint allows is caught by zod after the reply and asked again', async () => {
    const base = { name: 'long-specialist', type: 'analysis', description: 'x', outputFormat: { format: 'text' } };
    script.push(
      { content: JSON.stringify({ ...base, systemPrompt: 'p'.repeat(32 * 1024 + 1) }) },
      { content: JSON.stringify({ ...base, systemPrompt: 'short' }) },
    );
    const before = fake.chats().length;
    const res = await svc.call('/api/v1/agents', { method: 'POST', headers: json, body: JSON.stringify({ specialist: { task: 'x' } }) });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    expect((await body(res)).agent.blueprint.systemPrompt).toBe('short');
    const reask = messagesOf(before + 1);
    expect(reask.at(-2)!.content.length).toBeLessThan(7_000); // the runaway reply is echoed in part only
    expect(reask.at(-1)!.content).toContain('systemPrompt: must be at most 32768 characters');
  });
});

describe('5. replies that are not usable tool calls are asked again once, then fail with the reason', () => {
  it('a call of an undeclared tool, dropped by Ollama (tag template), leaves an empty reply: asked again, then LLM_TOOL_CALL_INVALID', async () => {
    const id = await agent('dropper');
    script.push(
      { toolCalls: [{ name: 'calculator', arguments: { expr: '10+20+12' } }] },
      { toolCalls: [{ name: 'calculator', arguments: {} }] },
    );
    const before = fake.chats().length;
    const r = await run(id);
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'LLM_TOOL_CALL_INVALID', details: { reason: 'empty' } });
    const reprompt = messagesOf(before + 1).at(-1)!;
    expect(reprompt.role).toBe('user');
    expect(reprompt.content).toContain('was empty');
    expect(reprompt.content).toContain('sum_numbers(numbers: array)');
  });

  it('a call Ollama hands back as text (`{` template) is asked again; a proper call then runs and the run succeeds', async () => {
    const id = await agent('texter', { model: 'llama3.2:3b' });
    script.push(
      { toolCalls: [{ name: 'sum', arguments: { numbers: [10, 20, 12] } }] },
      { toolCalls: [{ name: 'sum_numbers', arguments: { numbers: [10, 20, 12] } }] },
      { content: 'The sum is 42.' },
    );
    const before = fake.chats().length;
    const r = await run(id);
    expect(r.status, JSON.stringify(r.error)).toBe('succeeded');
    expect(r.result).toMatchObject({ answer: 'The sum is 42.', turns: 3 });
    expect(messagesOf(before + 1).at(-1)!.content).toMatch(/wrote a call of `sum`, which is not among your tools,/);
    expect(r.steps.filter((s: { kind: string }) => s.kind === 'tool')).toHaveLength(1);
  });

  it('a call written into prose is not an answer', async () => {
    const id = await agent('prose-caller');
    script.push(
      { content: 'I will call it: {"name": "sum_numbers", "arguments": {"numbers": [1]}}' },
      { content: '```json\n{"name": "sum_numbers", "parameters": {"numbers": [1]}}\n```' },
    );
    const r = await run(id);
    expect(r.error).toMatchObject({ code: 'LLM_TOOL_CALL_INVALID', details: { reason: 'as-text' } });
  });

  it('prose where the blueprint requires a tool call is asked again, then fails', async () => {
    const id = await agent('must-call', { toolUse: 'required' });
    script.push({ content: 'It is 42, I think.' }, { content: 'Still 42.' });
    const before = fake.chats().length;
    const r = await run(id);
    expect(r.error).toMatchObject({ code: 'LLM_TOOL_CALL_INVALID', details: { reason: 'no-call' } });
    expect(messagesOf(before + 1).at(-1)!.content).toContain('Call one of these tools now.');
  });
});

describe('6 and 8. thinking agents and tool call ids', () => {
  it('two calls of one tool in a turn are answered by id; thinking streams as its own progress and goes back with the history', async () => {
    const id = await agent('thinker', { model: 'qwen3:8b' });
    script.push(
      {
        thinking: 'Two sums, then compare.',
        toolCalls: [
          { name: 'sum_numbers', arguments: { numbers: [1, 2] } },
          { name: 'sum_numbers', arguments: { numbers: [3, 4] } },
        ],
      },
      { thinking: '3 and 7.', content: '3 and 7' },
    );
    const before = fake.chats().length;
    const r = await run(id, 'Add 1+2 and 3+4.');
    expect(r.status, JSON.stringify(r.error)).toBe('succeeded');
    expect(r.result.answer).toBe('3 and 7');
    const second = messagesOf(before + 1);
    const assistant = second.find((m) => m.role === 'assistant')!;
    expect(assistant.thinking).toBe('Two sums, then compare.');
    const ids = assistant.tool_calls!.map((c) => c.id);
    const results = second.filter((m) => m.role === 'tool');
    expect(results.map((m) => [m.tool_call_id, JSON.parse(m.content).json])).toEqual([
      [ids[0], { sum: 3 }],
      [ids[1], { sum: 7 }],
    ]);
    const events = svc.service.deps.events.replay(0, { exact: [`run:${r.runId}`], prefixes: [] });
    expect((await events).filter((e) => e.status === 'reasoning').map((e) => e.message)).toEqual(['Two sums, then compare.', '3 and 7.']);
  });
});
