import { afterEach, describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import type { ChatMessage } from '../../src/llm/index.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { provider, user } from './helpers.ts';

/**
 * What a real Ollama answers that the first round of the LLM layer took wrongly (a review against
 * Ollama's source): replies that generate nothing, refusals that repeat on every attempt, and a
 * tokenizer that counts more than the service's estimate.
 */

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

describe('a reply that generated nothing is not an answer', () => {
  it('done_reason "load" (Ollama only loaded the model: the request had no messages) fails, not retried', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'never used' }) });
    const { llm, records } = provider(fake.url);
    const e = await failure(llm.chat({ role: 'x', messages: [] }));
    expect(e.code).toBe('LLM_FAILED');
    expect(e.message).toContain('done_reason "load"');
    expect(fake.chats()).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 1 });
  });
});

describe('refusals that repeat on every attempt are not retried, and name the fix', () => {
  it('a think level to a model without levels (Ollama 0.11 to 0.17.6): LLM_MODEL_UNSUPPORTED naming the role', async () => {
    fake = await startFakeOllama({ models: [THINKER], replies: () => ({ content: 'ok' }) });
    const { llm } = provider(fake.url, { defaultModel: 'qwen3:8b', roles: { designer: { think: 'high' } } });
    const e = await failure(llm.chat({ role: 'designer', messages: user('x') }));
    expect(e.code).toBe('LLM_MODEL_UNSUPPORTED');
    expect(e.message).toContain('ollama.roles');
    expect(fake.chats()).toHaveLength(1);
  });

  it('a malformed model name (400 "invalid model name"): OLLAMA_MODEL_MISSING saying the name is not valid', async () => {
    fake = await startFakeOllama({ replies: () => ({ content: 'ok' }) });
    const { llm } = provider(fake.url, { backoffMs: 20 });
    const e = await failure(llm.chat({ role: 'x', model: 'llama3.1:', messages: user('x') }));
    expect(e.code).toBe('OLLAMA_MODEL_MISSING');
    expect(e.message).toContain('not a valid model name');
    expect(fake.chats()).toHaveLength(1);
  });

  it.each([
    [
      'llama runner process has terminated: this model is not supported by your version of Ollama. You may need to upgrade',
      'LLM_MODEL_UNSUPPORTED',
    ],
    ['option "num_ctx" must be of type integer', 'LLM_FAILED'],
    ['json: cannot unmarshal string into Go struct field ChatRequest.think of type bool', 'LLM_FAILED'],
  ])('500/400 %s → %s at once', async (error, code) => {
    fake = await startFakeOllama({ replies: () => ({ status: error.startsWith('json') ? 400 : 500, error }) });
    const { llm } = provider(fake.url, { backoffMs: 20 });
    const e = await failure(llm.chat({ role: 'x', messages: user('x') }));
    expect(e.code).toBe(code);
    expect(e.message).toContain(error.slice(0, 40));
    expect(fake.chats()).toHaveLength(1);
  });
});

describe('a tokenizer that counts more than the estimate', () => {
  // Ollama ≥ 0.12.6 refuses a prompt over num_ctx because the service sends truncate: false
  const DENSE = { name: 'qwen2.5:7b', charsPerToken: 2 };
  const turns = (n: number): ChatMessage[] => [
    { role: 'system', content: 'You are an agent.' },
    { role: 'user', content: 'Do the task.' },
    ...Array.from({ length: n }, (_, i): ChatMessage[] => [
      { role: 'assistant', content: '', toolCalls: [{ id: `call_${i}`, name: 'read', arguments: {} }] },
      { role: 'tool', toolName: 'read', toolCallId: `call_${i}`, content: `${i} ${'data '.repeat(60)}` },
    ]).flat(),
  ];

  it('an agent conversation (compact: true) is compacted further and sent again when Ollama says it does not fit', async () => {
    fake = await startFakeOllama({ models: [DENSE], replies: () => ({ content: 'done' }) });
    const { llm, records } = provider(fake.url, { defaultModel: 'qwen2.5:7b', numCtx: 2048, numPredict: 256 });
    const r = await llm.chat({ role: 'agent:a', messages: turns(12), compact: true });
    expect(r.message.content).toBe('done');
    const [first, second] = fake.chats().map((c) => c.body.messages as { content: string }[]);
    expect(first!.some((m) => m.content.includes('left out to fit the context'))).toBe(false);
    expect(second!.some((m) => m.content.includes('left out to fit the context'))).toBe(true);
    expect(JSON.stringify(second).length).toBeLessThan(JSON.stringify(first).length * 0.7);
    expect(r.compacted).toBeGreaterThan(0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: true, attempts: 2 });
  });

  it('any other prompt fails with LLM_CONTEXT_OVERFLOW, once', async () => {
    fake = await startFakeOllama({ models: [DENSE], replies: () => ({ content: 'done' }) });
    const { llm } = provider(fake.url, { defaultModel: 'qwen2.5:7b', numCtx: 2048, numPredict: 256 });
    const e = await failure(llm.chat({ role: 'designer', messages: turns(12) }));
    expect(e.code).toBe('LLM_CONTEXT_OVERFLOW');
    expect(fake.chats()).toHaveLength(1);
  });
});
