import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import { Store } from '../../src/store/index.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { tempDir } from '../helpers/env.ts';
import { provider, user } from './helpers.ts';

/** Issue 11: how the service handles what a real Ollama does, through the scripted server. */

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function failure(p: Promise<unknown>): Promise<FactoryError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FactoryError);
  return e as FactoryError;
}

const THINKER = { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] as ('completion' | 'tools' | 'thinking')[] };
const ADD = { name: 'add', description: 'Adds', parameters: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] } };

describe('2. a long call is waited for, and a timeout is named a timeout', () => {
  it('a reply whose first byte comes after fetch’s header timeout still arrives (Ollama sends no header before it)', async () => {
    const previous = getGlobalDispatcher();
    setGlobalDispatcher(new Agent({ headersTimeout: 300 })); // Node's fetch gives up after 300 s; scaled down (undici's timers tick about once a second)
    try {
      fake = await startFakeOllama({ replies: [{ content: 'done at last', delayMs: 3_000 }] });
      const { llm, records } = provider(fake.url, { retries: 0 });
      const r = await llm.chat({ role: 'generator', messages: user('write a long script') });
      expect(r.message.content).toBe('done at last');
      expect(records[0]).toMatchObject({ ok: true, attempts: 1 });
    } finally {
      setGlobalDispatcher(previous);
    }
  });

  it('the role’s own timeout ends a silent call as LLM_TIMEOUT, never OLLAMA_UNAVAILABLE', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'late', delayMs: 2_000 }) });
    const { llm } = provider(fake.url, { retries: 0, roles: { generator: { timeoutMs: 300 } } });
    const e = await failure(llm.chat({ role: 'generator', messages: user('x') }));
    expect(e.code).toBe('LLM_TIMEOUT');
    expect(e.message).toContain('300 ms');
  });
});

describe('3. a reply without its final chunk is a failure of its own', () => {
  it('non-streamed and streamed: LLM_INCOMPLETE, not retried, recorded as failed', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'the the the the', noDone: true }) });
    const { llm, records } = provider(fake.url, { backoffMs: 50 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe('LLM_INCOMPLETE');
    const streamed = await failure(llm.chat({ role: 'x', messages: user('hi'), onToken: () => undefined }));
    expect(streamed.code).toBe('LLM_INCOMPLETE');
    expect(fake.chats()).toHaveLength(2);
    expect(records.map((r) => [r.ok, r.error?.split(':')[0]])).toEqual([
      [false, 'LLM_INCOMPLETE'],
      [false, 'LLM_INCOMPLETE'],
    ]);
  });
});

describe('4. done_reason "length" is truncation, its own outcome', () => {
  it('a reply cut at its length limit is LLM_TRUNCATED, with the counts', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'def f(x):\n    return', doneReason: 'length', evalCount: 4096 }] });
    const { llm, records } = provider(fake.url);
    const e = await failure(llm.chat({ role: 'generator', messages: user('x') }));
    expect(e.code).toBe('LLM_TRUNCATED');
    expect(e.details).toMatchObject({ completionTokens: 4096, role: 'generator' });
    expect(records[0]).toMatchObject({ ok: false, completionTokens: 4096 });
  });

  it('the role’s numPredict is sent, and reaching it is LLM_TRUNCATED', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'one two three four five six' }] });
    const { llm } = provider(fake.url, { roles: { writer: { numPredict: 3 } } });
    const e = await failure(llm.chat({ role: 'writer', messages: user('x') }));
    expect(e.code).toBe('LLM_TRUNCATED');
    expect(fake.chats()[0]!.body.options.num_predict).toBe(3);
  });
});

describe('6. thinking models', () => {
  it('thinking stays out of the answer, streams on its own, and goes back with the history', async () => {
    fake = await startFakeOllama({
      models: [THINKER],
      replies: [
        { thinking: 'I should add.', toolCalls: [{ name: 'add', arguments: { a: 1 } }] },
        { thinking: 'Done.', content: 'It is 1.' },
      ],
    });
    const { llm } = provider(fake.url, { defaultModel: 'qwen3:8b' });
    const thought: string[] = [];
    const tokens: string[] = [];
    const first = await llm.chat({
      role: 'agent:a',
      messages: user('add 1'),
      tools: [ADD],
      onThinking: (t) => thought.push(t),
      onToken: (t) => tokens.push(t),
    });
    expect(first.message).toMatchObject({ content: '', thinking: 'I should add.' });
    expect(thought.join('')).toBe('I should add.');
    expect(tokens).toEqual([]);
    const call = first.message.toolCalls![0]!;
    const second = await llm.chat({
      role: 'agent:a',
      tools: [ADD],
      messages: [...user('add 1'), first.message, { role: 'tool', toolName: 'add', toolCallId: call.id!, content: '1' }],
    });
    expect(second.message).toEqual({ role: 'assistant', content: 'It is 1.', thinking: 'Done.' });
    expect(fake.chats()[1]!.body.messages[1]).toMatchObject({ role: 'assistant', thinking: 'I should add.' });
  });

  it('sends `think` as configured per role, and nothing where it is not', async () => {
    const gptOss = { name: 'gpt-oss:20b', capabilities: THINKER.capabilities, thinkLevels: true }; // levels: harmony models only
    fake = await startFakeOllama({ models: [THINKER, gptOss], replies: () => ({ thinking: 'hm', content: 'ok' }) });
    const roles = { agent: { think: false }, designer: { model: 'gpt-oss:20b', think: 'high' as const } };
    const { llm } = provider(fake.url, { defaultModel: 'qwen3:8b', roles });
    const off = await llm.chat({ role: 'agent:a', messages: user('x') });
    await llm.chat({ role: 'designer', messages: user('x') });
    await llm.chat({ role: 'generator', messages: user('x') });
    expect(fake.chats().map((c) => c.body.think)).toEqual([false, 'high', undefined]);
    expect(off.message).toEqual({ role: 'assistant', content: 'ok' });
  });
});

describe('7. the context is set per role, counted, and never left to Ollama to truncate', () => {
  const long = (n: number, size: number) =>
    Array.from({ length: n }, (_, i) => ({
      role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant',
      content: `${i}: ${'x'.repeat(size)}`,
    }));

  it('a prompt that does not fit is refused before it is sent (LLM_CONTEXT_OVERFLOW)', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    const { llm, records } = provider(fake.url, { numCtx: 4096, numPredict: 1024 });
    const e = await failure(llm.chat({ role: 'designer', messages: [{ role: 'system', content: 'sys' }, ...long(21, 1000)] }));
    expect(e.code).toBe('LLM_CONTEXT_OVERFLOW');
    expect(e.details).toMatchObject({ numCtx: 4096, budget: 3072 });
    expect(fake.chats()).toHaveLength(0);
    expect(records[0]).toMatchObject({ ok: false, attempts: 0 });
  });

  it('an agent conversation is compacted (old tool results, then old turns) instead; Ollama drops nothing', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    const { llm } = provider(fake.url, { roles: { agent: { numCtx: 4096, numPredict: 512 } } });
    const turns = Array.from({ length: 8 }, (_, i) => [
      { role: 'assistant' as const, content: '', toolCalls: [{ id: `call_${i}`, name: 'add', arguments: { a: i } }] },
      { role: 'tool' as const, toolName: 'add', toolCallId: `call_${i}`, content: `result ${i}: ${'r'.repeat(3000)}` },
    ]).flat();
    const messages = [{ role: 'system' as const, content: 'You add.' }, ...user('the task'), ...turns];
    const r = await llm.chat({ role: 'agent:adder', messages, tools: [ADD], compact: true });
    expect(r.compacted).toBeGreaterThan(0);
    const sent = fake.chats()[0]!;
    expect(sent.truncated).toBeUndefined();
    expect(sent.body.options.num_ctx).toBe(4096);
    expect(sent.body.truncate).toBe(false);
    expect(sent.body.messages.slice(0, 2).map((m: { content: string }) => m.content)).toEqual(['You add.', 'the task']);
    expect(sent.body.messages.at(-1).content).toBe(turns.at(-1)!.content);
  });
});

describe('8. tool call ids', () => {
  it('two calls of one tool in a turn keep their ids, and each result names its call', async () => {
    fake = await startFakeOllama({
      replies: [
        {
          toolCalls: [
            { name: 'add', arguments: { a: 1 } },
            { name: 'add', arguments: { a: 2 } },
          ],
        },
        { content: '3' },
      ],
    });
    const { llm } = provider(fake.url);
    const first = await llm.chat({ role: 'agent:a', messages: user('add'), tools: [ADD] });
    const calls = first.message.toolCalls!;
    expect(calls.map((c) => c.id)).toEqual([expect.stringMatching(/^call_[a-z0-9]{8}$/), expect.stringMatching(/^call_[a-z0-9]{8}$/)]);
    expect(calls[0]!.id).not.toBe(calls[1]!.id);
    const results = calls.map((c) => ({ role: 'tool' as const, toolName: c.name, toolCallId: c.id!, content: String(c.arguments.a) }));
    await llm.chat({ role: 'agent:a', tools: [ADD], messages: [...user('add'), first.message, ...results] });
    const sent = fake.chats()[1]!.body.messages;
    expect(sent[1].tool_calls.map((c: { id: string }) => c.id)).toEqual(calls.map((c) => c.id));
    expect(sent.slice(2).map((m: { tool_call_id: string; content: string }) => [m.tool_call_id, m.content])).toEqual([
      [calls[0]!.id, '1'],
      [calls[1]!.id, '2'],
    ]);
  });
});

describe('9. token counts Ollama leaves out are unknown', () => {
  it('are null in the usage, the record and the store, not 0', async () => {
    fake = await startFakeOllama({
      replies: [
        { content: 'cached', promptEvalCount: 0, evalCount: 0 },
        { content: 'counted', promptEvalCount: 10, evalCount: 2 },
      ],
    });
    const { llm, records } = provider(fake.url);
    const r = await llm.chat({ role: 'x', messages: user('hi') });
    expect(r.usage).toEqual({ promptTokens: null, completionTokens: null, totalTokens: null });
    await llm.chat({ role: 'x', messages: user('hi') });
    expect(records.map((x) => [x.promptTokens, x.completionTokens])).toEqual([
      [null, null],
      [10, 2],
    ]);
    const tmp = tempDir();
    const store = Store.open(tmp.dir);
    try {
      for (const rec of records) await store.llm.record(rec);
      expect(await store.llm.totals()).toEqual({ calls: 2, promptTokens: 10, completionTokens: 2, costUsd: 0, callsWithUnknownTokens: 1 });
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});

describe('10. errors that repeat every time are not retried', () => {
  it.each([
    [
      'out of memory',
      { status: 500, error: 'model requires more system memory (9.1 GiB) than is available (4.2 GiB)' },
      'OLLAMA_OUT_OF_MEMORY',
    ],
    ['a refused schema', { status: 500, error: 'failed to load model vocabulary required for format' }, 'LLM_SCHEMA_REFUSED'],
    ['a prompt over the context', { status: 400, error: 'the input length exceeds the context length' }, 'LLM_CONTEXT_OVERFLOW'],
    [
      'OOM inside the stream',
      { content: '', streamError: 'an error was encountered while running the model: CUDA error: out of memory' },
      'OLLAMA_OUT_OF_MEMORY',
    ],
  ] as const)('%s → %s at the first attempt', async (_what, reply, code) => {
    fake = await startFakeOllama({ replies: () => ({ ...reply }) });
    const { llm, records } = provider(fake.url, { retries: 3, backoffMs: 50 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(false);
    expect(fake.chats()).toHaveLength(1);
    expect(records[0]!.attempts).toBe(1);
  });

  it('a model without tool support: LLM_MODEL_UNSUPPORTED naming the capability, not retried', async () => {
    fake = await startFakeOllama({ models: [{ name: 'gemma:2b', capabilities: ['completion'] }] });
    const { llm } = provider(fake.url, { defaultModel: 'gemma:2b', backoffMs: 50 });
    const e = await failure(llm.chat({ role: 'agent:a', messages: user('hi'), tools: [ADD] }));
    expect(e.code).toBe('LLM_MODEL_UNSUPPORTED');
    expect(e.message).toContain('does not support tools');
    expect(fake.chats()).toHaveLength(1);
  });

  it('transient ones still are, with backoff', async () => {
    fake = await startFakeOllama({
      replies: [{ status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' }, { content: 'ok' }],
    });
    const { llm } = provider(fake.url, { retries: 2, backoffMs: 5 });
    expect((await llm.chat({ role: 'x', messages: user('hi') })).record.attempts).toBe(2);
  });
});
