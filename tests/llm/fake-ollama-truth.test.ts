import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';

/** The scripted server behaves as Ollama's source says (the table in tests/helpers/fake-ollama.ts). */

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (path: string, body: unknown) =>
  fetch(`${fake!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const chat = async (body: Record<string, unknown>) =>
  (await post('/api/chat', { model: 'llama3.1:8b', stream: false, ...body })).json() as Promise<any>;
const lines = async (res: Response): Promise<any[]> =>
  (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const msgs = (content: string) => [{ role: 'user', content }];
const tool = (name: string) => ({
  type: 'function',
  function: { name, description: name, parameters: { type: 'object', properties: { a: { type: 'number' } } } },
});

describe('format: what the grammar refuses', () => {
  it.each([
    [{ type: 'object', properties: { s: { type: 'string', maxLength: 4096 } } }, 'failed to load model vocabulary required for format'],
    [{ type: 'string', minLength: 2001 }, 'failed to load model vocabulary required for format'],
    [{ type: 'array', items: { type: 'string' }, maxItems: 2002 }, 'failed to load model vocabulary required for format'],
    [{ type: 'string', pattern: '^a{1,3000}$' }, 'failed to load model vocabulary required for format'],
    [{ type: 'string', pattern: '^\\d+$' }, 'failed to load model vocabulary required for format'],
    [{ type: 'string', pattern: '[a-z]+' }, 'invalid JSON schema in format'],
    [{ type: 'object', properties: { x: { $ref: 'other.json#/x' } } }, 'invalid JSON schema in format'],
    [{ type: 'thing' }, 'invalid JSON schema in format'],
    [{ description: 'anything' }, 'invalid JSON schema in format'],
  ])('%j → 500 %s', async (format, error) => {
    fake = await startFakeOllama({ replies: [{ content: '{}' }] });
    const res = await post('/api/chat', { model: 'llama3.1:8b', messages: msgs('q'), format });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error });
  });

  it('accepts bounds up to 2000 and what it only ignores', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: '{}' }) });
    for (const format of [
      { type: 'string', maxLength: 2000 },
      { type: 'array', items: { type: 'number', minimum: 0 }, maxItems: 2001 },
      { type: 'string', pattern: '^[a-z]{1,2000}$', maxLength: 99999 },
      { type: 'string', format: 'uri' },
      'json',
    ])
      expect(
        (await post('/api/chat', { model: 'llama3.1:8b', messages: msgs('q'), format, stream: false })).status,
        JSON.stringify(format),
      ).toBe(200);
  });
});

describe('tools as Ollama parses them', () => {
  it('a declared call becomes tool_calls with an id; an undeclared one is dropped by a tag template', async () => {
    fake = await startFakeOllama({
      replies: [{ toolCalls: [{ name: 'add', arguments: { a: 1 } }] }, { toolCalls: [{ name: 'sub', arguments: { a: 1 } }] }],
    });
    const ok = await chat({ messages: msgs('q'), tools: [tool('add')] });
    expect(ok.message.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_[a-z0-9]{8}$/), function: { index: 0, name: 'add', arguments: { a: 1 } } },
    ]);
    expect(ok.message.content).toBe('');
    const dropped = await chat({ messages: msgs('q'), tools: [tool('add')] });
    expect(dropped.message).toEqual({ role: 'assistant', content: '' });
  });

  it('with a `{` template an undeclared call, or prose before a call, comes back as text', async () => {
    fake = await startFakeOllama({
      models: [{ name: 'llama3.2:3b', toolStyle: 'json' }],
      replies: [
        { toolCalls: [{ name: 'sub', arguments: { a: 1 } }] },
        { content: 'Let me add. ', toolCalls: [{ name: 'add', arguments: { a: 1 } }] },
        { toolCalls: [{ name: 'add', arguments: { a: 2 } }] },
      ],
    });
    const body = { model: 'llama3.2:3b', messages: msgs('q'), tools: [tool('add')] };
    expect((await chat(body)).message).toEqual({ role: 'assistant', content: '{"name":"sub","arguments":{"a":1}}' });
    expect((await chat(body)).message.content).toBe('Let me add. {"name":"add","arguments":{"a":1}}');
    expect((await chat(body)).message.tool_calls[0].function.name).toBe('add');
  });

  it('without `tools` in the request a call is plain text; a model without the capability answers 400', async () => {
    fake = await startFakeOllama({
      models: ['llama3.1:8b', { name: 'gemma:2b', capabilities: ['completion'] }],
      replies: [{ toolCalls: [{ name: 'add', arguments: {} }] }],
    });
    expect((await chat({ messages: msgs('q') })).message.content).toContain('<tool_call>');
    const res = await post('/api/chat', { model: 'gemma:2b', messages: msgs('q'), tools: [tool('add')] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'registry.ollama.ai/library/gemma:2b does not support tools' });
  });
});

describe('replies', () => {
  it('done_reason "length" at num_predict; zero counts left out', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'one two three four five' }, { content: 'x', promptEvalCount: 0, evalCount: 0 }] });
    const cut = await chat({ messages: msgs('q'), options: { num_predict: 2 } });
    expect(cut).toMatchObject({ done: true, done_reason: 'length', eval_count: 2, message: { content: 'one two ' } });
    const zero = await chat({ messages: msgs('q') });
    for (const key of ['prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration']) expect(zero).not.toHaveProperty(key);
    expect(zero).toMatchObject({ total_duration: expect.any(Number), load_duration: expect.any(Number) });
  });

  it('a reply without its final chunk: the stream just ends; non-streamed it says done: false', async () => {
    fake = await startFakeOllama({
      replies: [
        { content: 'a a a', noDone: true },
        { content: 'a a a', noDone: true },
      ],
    });
    const streamed = await lines(await post('/api/chat', { model: 'llama3.1:8b', messages: msgs('q') }));
    expect(streamed.every((l) => l.done === false)).toBe(true);
    const whole = await chat({ messages: msgs('q') });
    expect(whole).toMatchObject({ done: false, message: { content: 'a a a' } });
    expect(whole).not.toHaveProperty('done_reason');
  });

  it('thinking models stream thinking unless think is false; think:true elsewhere is a 400', async () => {
    fake = await startFakeOllama({
      models: ['llama3.1:8b', { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] }],
      replies: () => ({ thinking: 'so', content: 'yes' }),
    });
    expect((await chat({ model: 'qwen3:8b', messages: msgs('q') })).message).toEqual({ role: 'assistant', content: 'yes', thinking: 'so' });
    expect((await chat({ model: 'qwen3:8b', messages: msgs('q'), think: false })).message).toEqual({ role: 'assistant', content: 'yes' });
    expect((await chat({ messages: msgs('q') })).message).toEqual({ role: 'assistant', content: 'yes' });
    const res = await post('/api/chat', { model: 'llama3.1:8b', messages: msgs('q'), think: true });
    expect([res.status, await res.json()]).toEqual([400, { error: '"llama3.1:8b" does not support thinking' }]);
  });

  it('past num_ctx the oldest messages are dropped silently; with truncate:false it is a 400', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    const long = [
      { role: 'system', content: 'sys' },
      ...Array.from({ length: 6 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `${i} ${'w'.repeat(400)}` })),
    ];
    await chat({ messages: long, options: { num_ctx: 256 } });
    expect(fake.chats()[0]!.truncated).toBe(4);
    const res = await post('/api/chat', { model: 'llama3.1:8b', messages: long, options: { num_ctx: 256 }, truncate: false });
    expect([res.status, await res.json()]).toEqual([400, { error: 'the input length exceeds the context length' }]);
    await chat({ messages: long, options: { num_ctx: 8192 } });
    expect(fake.chats()[2]!.truncated).toBeUndefined();
  });

  it('matches model names without case and with :latest by default; echoes the name asked for', async () => {
    fake = await startFakeOllama({ models: ['Qwen2.5-Coder'], replies: () => ({ content: 'ok' }) });
    for (const model of [
      'qwen2.5-coder',
      'QWEN2.5-CODER:latest',
      'library/qwen2.5-coder',
      'registry.ollama.ai/library/qwen2.5-coder:latest',
    ]) {
      expect((await chat({ model, messages: msgs('q') })).model).toBe(model);
    }
    expect((await post('/api/chat', { model: 'qwen2.5-coder:7b', messages: msgs('q') })).status).toBe(404);
  });
});
