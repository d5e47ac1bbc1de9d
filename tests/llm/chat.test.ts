import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { provider, user } from './helpers.ts';

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('chat through the real ollama client', () => {
  it('returns the reply with usage and emits one call record', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'Hello there.', promptEvalCount: 12, evalCount: 3 }] });
    const { llm, records } = provider(fake.url, {}, { costPerMillionTokens: { 'llama3.1:8b': { prompt: 1, completion: 2 } } });
    const r = await llm.chat({
      role: 'tool-generator',
      messages: [{ role: 'system', content: 'Be brief.' }, ...user('Hi')],
      project: 'p1',
      task: 't1',
      agent: 'a1',
    });

    expect(r.message).toEqual({ role: 'assistant', content: 'Hello there.' });
    expect(r.usage).toEqual({ promptTokens: 12, completionTokens: 3, totalTokens: 15 });
    expect(r.model).toBe('llama3.1:8b');
    expect(records).toHaveLength(1);
    expect(records[0]).toBe(r.record);
    expect(r.record).toMatchObject({
      role: 'tool-generator',
      model: 'llama3.1:8b',
      promptTokens: 12,
      completionTokens: 3,
      attempts: 1,
      ok: true,
      error: null,
      project: 'p1',
      task: 't1',
      agent: 'a1',
      costUsd: (12 * 1 + 3 * 2) / 1e6,
    });
    expect(r.record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(r.record.at)).not.toBeNaN();
    expect(r.record.durationMs).toBeGreaterThanOrEqual(0);

    // what reached the model
    const [req] = fake.chats();
    expect(req!.body).toMatchObject({
      model: 'llama3.1:8b',
      stream: true,
      truncate: false,
      options: { num_ctx: 8192, num_predict: 4096 },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('costs nothing by default and records null labels when none are given', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'ok' }] });
    const { llm } = provider(fake.url);
    const r = await llm.chat({ role: 'x', messages: user('Hi') });
    expect(r.record).toMatchObject({ costUsd: 0, project: null, task: null, agent: null });
    expect(r.usage.promptTokens).toBeGreaterThan(0); // the fake counts the prompt when not told
  });

  it('streams tokens in order through onToken and still reports usage', async () => {
    fake = await startFakeOllama({ replies: [{ chunks: ['Once', ' upon', ' a', ' time'], evalCount: 4, promptEvalCount: 7 }] });
    const { llm } = provider(fake.url);
    const tokens: string[] = [];
    const r = await llm.chat({ role: 'writer', messages: user('story'), onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Once', ' upon', ' a', ' time']);
    expect(r.message.content).toBe('Once upon a time');
    expect(r.usage).toEqual({ promptTokens: 7, completionTokens: 4, totalTokens: 11 });
    expect(fake.chats()[0]!.body.stream).toBe(true);
  });

  it('sends tools and returns the model’s tool calls; tool results go back as tool messages', async () => {
    fake = await startFakeOllama({
      replies: [
        { toolCalls: [{ name: 'csv_aggregator', arguments: { file: '/data/sales.csv', column: 'amount' } }] },
        { content: 'The total is 42.' },
      ],
    });
    const { llm } = provider(fake.url);
    const tools = [
      {
        name: 'csv_aggregator',
        description: 'Sums a column of a CSV file',
        parameters: { type: 'object', properties: { file: { type: 'string' }, column: { type: 'string' } }, required: ['file', 'column'] },
      },
    ];
    const first = await llm.chat({ role: 'agent:data-analyst', messages: user('Sum the amounts'), tools });
    expect(first.message.toolCalls).toEqual([
      { id: expect.stringMatching(/^call_[a-z0-9]{8}$/), name: 'csv_aggregator', arguments: { file: '/data/sales.csv', column: 'amount' } },
    ]);
    const id = first.message.toolCalls![0]!.id!;
    expect(fake.chats()[0]!.body.tools).toEqual([{ type: 'function', function: tools[0] }]);

    const second = await llm.chat({
      role: 'agent:data-analyst',
      tools,
      messages: [
        ...user('Sum the amounts'),
        first.message,
        { role: 'tool', toolName: 'csv_aggregator', toolCallId: id, content: '{"sum": 42}' },
      ],
    });
    expect(second.message.content).toBe('The total is 42.');
    expect(fake.chats()[1]!.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id, function: { name: 'csv_aggregator', arguments: { file: '/data/sales.csv', column: 'amount' } } }],
      },
      { role: 'tool', content: '{"sum": 42}', tool_name: 'csv_aggregator', tool_call_id: id },
    ]);
  });

  it('collects tool calls from a streamed reply', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'Let me check.', toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }] });
    const { llm } = provider(fake.url);
    const tokens: string[] = [];
    const r = await llm.chat({
      role: 'agent',
      messages: user('?'),
      onToken: (t) => tokens.push(t),
      tools: [{ name: 'lookup', description: 'd', parameters: { type: 'object' } }],
    });
    expect(tokens.join('')).toBe('Let me check.');
    expect(r.message.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: 'lookup', arguments: { q: 'x' } }]);
  });

  it('picks the model per role: override, exact role, role prefix, default', async () => {
    fake = await startFakeOllama({
      models: ['base:1b', 'coder:7b', 'agent:8b', 'special:3b', 'analyst:2b'],
      replies: () => ({ content: 'ok' }),
    });
    const { llm } = provider(fake.url, {
      defaultModel: 'base:1b',
      models: { 'tool-generator': 'coder:7b', agent: 'agent:8b', 'agent:data-analyst': 'analyst:2b' },
    });
    expect(llm.modelFor('tool-generator')).toBe('coder:7b');
    expect(llm.modelFor('agent:researcher')).toBe('agent:8b');
    expect(llm.modelFor('agent:data-analyst')).toBe('analyst:2b');
    expect(llm.modelFor('planner')).toBe('base:1b');
    expect(llm.modelFor('tool-generator', 'special:3b')).toBe('special:3b');

    await llm.chat({ role: 'tool-generator', messages: user('a') });
    await llm.chat({ role: 'agent:researcher', messages: user('b') });
    const r = await llm.chat({ role: 'tool-generator', model: 'special:3b', messages: user('c') });
    expect(fake.chats().map((c) => c.body.model)).toEqual(['coder:7b', 'agent:8b', 'special:3b']);
    expect(r.record.model).toBe('special:3b');
  });

  it('passes temperature, context size, reply length and seed as Ollama options', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'ok' }] });
    const { llm } = provider(fake.url);
    await llm.chat({ role: 'x', messages: user('a'), options: { temperature: 0, numCtx: 16384, numPredict: 100, seed: 7 } });
    expect(fake.chats()[0]!.body.options).toEqual({ temperature: 0, num_ctx: 16384, num_predict: 100, seed: 7 });
  });

  it('status lists the models and names configured ones that are not pulled', async () => {
    fake = await startFakeOllama({ models: ['llama3.1:8b', 'qwen2.5-coder'] });
    const { llm } = provider(fake.url, { models: { 'tool-generator': 'qwen2.5-coder:latest', planner: 'mistral:7b' } });
    const s = await llm.status();
    expect(s).toEqual({ ok: true, host: fake.url, models: ['llama3.1:8b', 'qwen2.5-coder:latest'], missingModels: ['mistral:7b'] });
  });
});
