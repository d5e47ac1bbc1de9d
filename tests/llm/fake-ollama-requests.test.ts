import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';

/**
 * How the scripted server reads requests, as Ollama does (server/routes.go handlers, api/types.go
 * structs, types/model/name.go): a request a real Ollama refuses is refused here with its status and
 * words, so a test of the service cannot pass on a body a real server would not take.
 */

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const raw = (path: string, body: string) =>
  fetch(`${fake!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const post = (path: string, body: unknown) => raw(path, JSON.stringify(body));
const answer = async (res: Response) => [res.status, await res.json()];
const msgs = [{ role: 'user', content: 'q' }];
const chat = (extra: Record<string, unknown>) => post('/api/chat', { model: 'llama3.1:8b', messages: msgs, stream: false, ...extra });

describe('request bodies as Go decodes them: 400 with its words', () => {
  it('an empty body, broken JSON, a body that is not an object', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    expect(await answer(await raw('/api/chat', ''))).toEqual([400, { error: 'missing request body' }]);
    expect(await answer(await raw('/api/chat', '{"model": x}'))).toEqual([
      400,
      { error: "invalid character 'x' looking for beginning of value" },
    ]);
    expect(await answer(await raw('/api/chat', '{"model": "a"'))).toEqual([400, { error: 'unexpected EOF' }]);
    expect(await answer(await post('/api/chat', []))).toEqual([
      400,
      { error: 'json: cannot unmarshal array into Go value of type api.ChatRequest' },
    ]);
  });

  it.each([
    [{ messages: 'hi' }, 'json: cannot unmarshal string into Go struct field ChatRequest.messages of type []any'],
    [
      { messages: [{ role: 'user', content: 5 }] },
      'json: cannot unmarshal number into Go struct field ChatRequest.messages.content of type string',
    ],
    [{ stream: 'no' }, 'json: cannot unmarshal string into Go struct field ChatRequest.stream of type bool'],
    [
      { messages: [{ role: 'assistant', content: '', tool_calls: [{ function: { name: 'a', arguments: '{"x":1}' } }] }, ...msgs] },
      'json: cannot unmarshal string into Go struct field ChatRequest.messages.tool_calls.function.arguments of type map[string]interface {}',
    ],
    [
      { messages: [{ role: 'assistant', content: '', tool_calls: [{ function: { index: 0.5, name: 'a', arguments: {} } }] }] },
      'json: cannot unmarshal number 0.5 into Go struct field ChatRequest.messages.tool_calls.function.index of type int',
    ],
    [
      { tools: [{ type: 'function', function: { name: 'a', parameters: { type: 'object', properties: { x: { type: 5 } } } } }] },
      'json: cannot unmarshal number into Go struct field ChatRequest.tools.function.parameters.properties.x.type of type []string',
    ],
    [
      { tools: [{ type: 'function', function: { name: 'a', parameters: { type: 'object', required: 'x' } } }] },
      'json: cannot unmarshal string into Go struct field ChatRequest.tools.function.parameters.required of type []any',
    ],
    [{ options: 'fast' }, 'json: cannot unmarshal string into Go struct field ChatRequest.options of type map or struct'],
    [{ think: 'hard' }, 'invalid think value: "hard" (must be "high", "medium", "low", "max", true, or false)'],
    [{ think: 1 }, 'think must be a boolean or string ("high", "medium", "low", "max", true, or false)'],
    [{ keep_alive: '5 minutes' }, 'time: invalid duration "5 minutes"'],
    [{ messages: [{ role: 'user', content: 'see', images: ['not base64!'] }] }, 'illegal base64 data at input byte 0'],
  ])('%j → 400 %s', async (extra, error) => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    expect(await answer(await chat(extra))).toEqual([400, { error }]);
    expect(fake.chats()).toHaveLength(1);
  });

  it('ignores unknown fields, takes null for unset, and what the service sends (truncate, ids, thinking, levels)', async () => {
    fake = await startFakeOllama({
      models: [{ name: 'gpt-oss:20b', capabilities: ['completion', 'tools', 'thinking'], thinkLevels: true }],
      replies: () => ({ content: 'ok' }),
    });
    const history = [
      ...msgs,
      {
        role: 'assistant',
        content: '',
        thinking: 'hm',
        tool_calls: [{ id: 'call_ab12cd34', function: { index: 0, name: 'a', arguments: { x: 1 } } }],
      },
      { role: 'tool', content: '{"y":2}', tool_name: 'a', tool_call_id: 'call_ab12cd34' },
    ];
    const res = await chat({
      model: 'gpt-oss:20b',
      messages: history,
      truncate: false,
      think: 'low',
      keep_alive: '5m',
      format: null,
      mystery: { a: 1 },
      options: { num_ctx: 8192, novel_option: 'x' },
    });
    expect(res.status).toBe(200);
  });
});

describe('options are checked when the model is scheduled: a known one of the wrong type is a 500', () => {
  it.each([
    [{ num_ctx: '8k' }, 'option "num_ctx" must be of type integer'],
    [{ temperature: 'warm' }, 'option "temperature" must be of type float32'],
    [{ stop: 'END' }, 'option "stop" must be of type array'],
    [{ stop: [1] }, 'option "stop" must be of an array of strings'],
  ])('%j → 500 %s', async (options, error) => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    expect(await answer(await chat({ options }))).toEqual([500, { error }]);
  });
});

describe('model names (types/model/name.go, server/model_resolver.go)', () => {
  it('a missing or malformed name is a 400, a well-formed unknown one a 404; generate and show word it their way', async () => {
    fake = await startFakeOllama({ models: ['Qwen2.5-Coder:7b'] });
    expect(await answer(await chat({ model: '' }))).toEqual([400, { error: 'model is required' }]);
    for (const model of ['llama3.1:', 'my model', 'a/b/c/d', '/llama', 'x.y/llama']) {
      expect(await answer(await chat({ model })), model).toEqual([400, { error: 'invalid model name' }]);
    }
    expect(await answer(await post('/api/generate', { prompt: 'hi' }))).toEqual([404, { error: "model '' not found" }]);
    expect(await answer(await post('/api/show', { model: 'qwen2.5-coder' }))).toEqual([
      404,
      { error: "model 'qwen2.5-coder:latest' not found" },
    ]);
    expect((await post('/api/show', { name: 'QWEN2.5-coder:7B' })).status).toBe(200);
  });
});

describe('requests with nothing to generate', () => {
  it('no messages: the model is only loaded (done_reason "load"), or unloaded with keep_alive 0; no reply is used', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'kept' }] });
    const load = await post('/api/chat', { model: 'llama3.1:8b', messages: [] });
    expect(load.headers.get('content-type')).toContain('application/json');
    expect(await load.json()).toMatchObject({
      model: 'llama3.1:8b',
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'load',
    });
    expect(await (await post('/api/chat', { model: 'llama3.1:8b', keep_alive: 0 })).json()).toMatchObject({
      done: true,
      done_reason: 'unload',
    });
    expect(await (await post('/api/generate', { model: 'llama3.1:8b', keep_alive: '0s' })).json()).toMatchObject({
      response: '',
      done_reason: 'unload',
    });
    expect(((await (await chat({})).json()) as { message: { content: string } }).message.content).toBe('kept');
  });
});

describe('format, thinking, tools, errors: what Ollama checks first and how it answers', () => {
  it('a format that is neither "json" nor an object is a 500 quoting the raw JSON', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: '{}' }) });
    const expected = (q: string) => [500, { error: `invalid format: ${q}; expected "json" or a valid JSON Schema object` }];
    expect(await answer(await chat({ format: 'yaml' }))).toEqual(expected('"\\"yaml\\""'));
    expect(await answer(await chat({ format: [] }))).toEqual(expected('"[]"'));
    expect(await answer(await chat({ format: true }))).toEqual(expected('"true"'));
  });

  it('a think level is for gpt-oss only (0.11 to 0.17.6)', async () => {
    fake = await startFakeOllama({ models: [{ name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] }] });
    expect(await answer(await chat({ model: 'qwen3:8b', think: 'high' }))).toEqual([
      400,
      { error: 'think value "high" is not supported for this model' },
    ]);
  });

  it('thinking is checked before tools', async () => {
    fake = await startFakeOllama({ models: [{ name: 'gemma:2b', capabilities: ['completion'] }] });
    const tools = [{ type: 'function', function: { name: 'a', parameters: { type: 'object', properties: {} } } }];
    expect(await answer(await chat({ model: 'gemma:2b', think: true, tools }))).toEqual([
      400,
      { error: '"gemma:2b" does not support thinking' },
    ]);
  });

  it('an error on the way of a non-streamed reply, or before the first line of a streamed one, is the reply’s status', async () => {
    fake = await startFakeOllama({
      replies: [
        { content: 'a b', streamError: 'runner died' },
        { content: '', streamError: 'runner died' },
      ],
    });
    expect(await answer(await chat({}))).toEqual([500, { error: 'runner died' }]);
    expect(await answer(await post('/api/chat', { model: 'llama3.1:8b', messages: msgs }))).toEqual([500, { error: 'runner died' }]);
  });
});

describe('other endpoints', () => {
  it('embed: normalized vectors, no input no vectors, bad input 400, truncate:false past the context 400, dimensions', async () => {
    fake = await startFakeOllama({ models: ['nomic-embed-text'], defaultNumCtx: 64 });
    const body = (extra: Record<string, unknown>) => post('/api/embed', { model: 'nomic-embed-text', ...extra });
    const { embeddings } = (await (await body({ input: ['a', 'b'] })).json()) as { embeddings: number[][] };
    for (const v of embeddings) expect(v.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
    expect(await answer(await body({ input: '' }))).toEqual([200, { model: 'nomic-embed-text', embeddings: [] }]);
    expect(await answer(await body({ input: 5 }))).toEqual([400, { error: 'invalid input type' }]);
    expect(await answer(await body({ input: ['a', 2] }))).toEqual([400, { error: 'invalid input type' }]);
    expect(await answer(await body({ input: 'w'.repeat(1000), truncate: false }))).toEqual([
      400,
      { error: 'the input length exceeds the context length' },
    ]);
    const long = (await (await body({ input: 'w'.repeat(1000) })).json()) as { prompt_eval_count: number };
    expect(long.prompt_eval_count).toBe(64);
    const short = (await (await body({ input: 'a', dimensions: 4 })).json()) as { embeddings: number[][] };
    expect(short.embeddings[0]).toHaveLength(4);
    expect(short.embeddings[0]!.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
  });

  it('HEAD /api/version answers as GET does', async () => {
    fake = await startFakeOllama();
    expect((await fetch(`${fake.url}/api/version`, { method: 'HEAD' })).status).toBe(200);
  });
});
