import { afterEach, describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { deadUrl, provider, user } from './helpers.ts';

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

describe('errors and retries', () => {
  it('server down: OLLAMA_UNAVAILABLE at once with the fix, no retries', async () => {
    const url = await deadUrl();
    // a long backoff proves that nothing was retried
    const { llm, records } = provider(url, { retries: 3, backoffMs: 10_000 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe('OLLAMA_UNAVAILABLE');
    expect(e.status).toBe(503);
    expect(e.message).toContain('ollama serve');
    expect(e.message).toContain('OLLAMA_HOST');
    expect(e.message).toContain('ECONNREFUSED');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 1, promptTokens: null, completionTokens: null });
    expect(records[0]!.error).toMatch(/^OLLAMA_UNAVAILABLE: /);

    const s = await llm.status();
    expect(s.ok).toBe(false);
    expect(s.error).toMatch(/ollama serve/);
  });

  it('missing model: OLLAMA_MODEL_MISSING naming `ollama pull MODEL`, not retried', async () => {
    fake = await startFakeOllama({ models: ['llama3.1:8b'], replies: [{ content: 'never used' }] });
    const { llm, records } = provider(fake.url, { backoffMs: 10_000 });
    const e = await failure(llm.chat({ role: 'x', model: 'qwen2.5-coder:7b', messages: user('hi') }));
    expect(e.code).toBe('OLLAMA_MODEL_MISSING');
    expect(e.message).toContain('ollama pull qwen2.5-coder:7b');
    expect(e.hint).toBe('Run `ollama pull qwen2.5-coder:7b`.');
    expect(fake.chats()).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 1, model: 'qwen2.5-coder:7b' });
  });

  it('recognises the older wording of a missing model too', async () => {
    fake = await startFakeOllama({ replies: [{ status: 404, error: "model 'llama3.1:8b' not found" }] });
    const { llm } = provider(fake.url);
    expect((await failure(llm.chat({ role: 'x', messages: user('hi') }))).code).toBe('OLLAMA_MODEL_MISSING');
  });

  it('500 twice then OK: succeeds with attempts = 3', async () => {
    fake = await startFakeOllama({
      replies: [{ status: 500, error: 'llama runner process has terminated' }, { status: 503, error: 'server busy' }, { content: 'fine' }],
    });
    const { llm, records } = provider(fake.url, { retries: 3, backoffMs: 5, backoffFactor: 3 });
    const r = await llm.chat({ role: 'x', messages: user('hi') });
    expect(r.message.content).toBe('fine');
    expect(r.record).toMatchObject({ ok: true, attempts: 3 });
    expect(r.record.durationMs).toBeGreaterThanOrEqual(5 + 15);
    expect(records).toHaveLength(1);
    expect(fake.chats()).toHaveLength(3);
  });

  it('429 is retried like a 5xx', async () => {
    fake = await startFakeOllama({ replies: [{ status: 429, error: 'too many requests' }, { content: 'ok' }] });
    const { llm } = provider(fake.url);
    expect((await llm.chat({ role: 'x', messages: user('hi') })).record.attempts).toBe(2);
  });

  it('500 forever: LLM_FAILED after the retries, with the server’s message', async () => {
    fake = await startFakeOllama({ replies: () => ({ status: 500, error: 'llama runner process has terminated: exit status 2' }) });
    const { llm, records } = provider(fake.url, { retries: 2 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe('LLM_FAILED');
    expect(e.message).toContain('3 attempts');
    expect(e.message).toContain('llama runner process has terminated');
    expect(e.details).toMatchObject({ status: 500, attempts: 3 });
    expect(fake.chats()).toHaveLength(3);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 3 });
  });

  it('other 4xx are not retried', async () => {
    fake = await startFakeOllama({ replies: () => ({ status: 400, error: 'invalid options: num_foo' }) });
    const { llm } = provider(fake.url);
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe('LLM_FAILED');
    expect(e.message).toContain('invalid options');
    expect(fake.chats()).toHaveLength(1);
  });

  it('timeout: retried, then LLM_TIMEOUT', async () => {
    // the reply would arrive after 3 s: had the timeout not fired, the call would succeed
    fake = await startFakeOllama({ replies: () => ({ content: 'late', delayMs: 3_000 }) });
    const { llm, records } = provider(fake.url, { requestTimeoutMs: 400, retries: 1 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.code).toBe('LLM_TIMEOUT');
    expect(e.message).toContain('400 ms');
    expect(fake.chats()).toHaveLength(2);
    expect(records[0]).toMatchObject({ ok: false, attempts: 2 });
  });

  it('a timeout followed by an answer succeeds', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'late', delayMs: 3_000 }, { content: 'quick' }] });
    const { llm } = provider(fake.url, { requestTimeoutMs: 500 });
    const r = await llm.chat({ role: 'x', messages: user('hi') });
    expect(r.message.content).toBe('quick');
    expect(r.record.attempts).toBe(2);
  });

  it('the timeout covers a stream that stalls', async () => {
    fake = await startFakeOllama({ replies: () => ({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 300 }) });
    const { llm } = provider(fake.url, { requestTimeoutMs: 500, retries: 0 });
    const seen: string[] = [];
    const e = await failure(llm.chat({ role: 'x', messages: user('hi'), onToken: (t) => seen.push(t) }));
    expect(e.code).toBe('LLM_TIMEOUT');
    expect(seen.length).toBeLessThan(4);
  });

  it('a connection dropped before the reply is retried', async () => {
    fake = await startFakeOllama({ replies: [{ drop: 'before' }, { content: 'second try' }] });
    const { llm } = provider(fake.url);
    const r = await llm.chat({ role: 'x', messages: user('hi') });
    expect(r.message.content).toBe('second try');
    expect(r.record.attempts).toBe(2);
  });

  it('a stream cut before any token is retried; one cut after tokens were delivered is not', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'a b c', drop: { afterChunks: 0 } }, { content: 'x y' }] });
    const { llm } = provider(fake.url);
    const tokens: string[] = [];
    const r = await llm.chat({ role: 'x', messages: user('hi'), onToken: (t) => tokens.push(t) });
    expect(r.message.content).toBe('x y');
    expect(tokens.join('')).toBe('x y');

    fake.push({ content: 'one two three', drop: { afterChunks: 2 } }, { content: 'never' });
    const seen: string[] = [];
    const e = await failure(llm.chat({ role: 'x', messages: user('hi'), onToken: (t) => seen.push(t) }));
    expect(e.code).toBe('LLM_FAILED');
    expect(e.details).toMatchObject({ partial: true, attempts: 1 });
    expect(seen).toEqual(['one ', 'two ']);
  });

  it('an error line inside a stream is retried when nothing was delivered yet', async () => {
    fake = await startFakeOllama({ replies: [{ chunks: [], streamError: 'llama runner crashed' }, { content: 'ok' }] });
    const { llm } = provider(fake.url);
    const r = await llm.chat({ role: 'x', messages: user('hi'), onToken: () => undefined });
    expect(r.record.attempts).toBe(2);
  });

  it('abort: a call in flight rejects with the signal’s reason and is recorded', async () => {
    // the reply would arrive after 2 s: had the abort not ended the call, it would succeed
    fake = await startFakeOllama({ replies: () => ({ content: 'slow', delayMs: 2_000 }) });
    const { llm, records } = provider(fake.url);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await llm.chat({ role: 'x', messages: user('hi'), signal: ac.signal }).then(
      () => new Error('the call was not aborted'),
      (err: unknown) => err,
    );
    expect((e as Error).name).toBe('AbortError');
    expect(fake.chats()).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 1 });
    expect(records[0]!.error).toMatch(/^AbortError/);
  });

  it('abort: a streamed call stops mid-stream', async () => {
    fake = await startFakeOllama({ replies: () => ({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 100 }) });
    const { llm } = provider(fake.url);
    const ac = new AbortController();
    const seen: string[] = [];
    const e = await llm
      .chat({
        role: 'x',
        messages: user('hi'),
        signal: ac.signal,
        onToken: (t) => {
          seen.push(t);
          if (seen.length === 2) ac.abort(new Error('user cancelled'));
        },
      })
      .catch((err: unknown) => err);
    expect((e as Error).message).toBe('user cancelled');
    expect(seen).toEqual(['a', 'b']);
  });

  it('abort during the backoff ends the retries', async () => {
    // a backoff of ten minutes: only an abort that ends the backoff lets this test finish in its time
    fake = await startFakeOllama({ replies: () => ({ status: 500, error: 'boom' }) });
    const { llm } = provider(fake.url, { backoffMs: 600_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const e = await llm.chat({ role: 'x', messages: user('hi'), signal: ac.signal }).then(
      () => new Error('the call was not aborted'),
      (err: unknown) => err,
    );
    expect((e as Error).name).toBe('AbortError');
    expect(fake.chats()).toHaveLength(1);
  });

  it('an exhausted script says so in the error', async () => {
    fake = await startFakeOllama({ replies: [] });
    const { llm } = provider(fake.url, { retries: 0 });
    const e = await failure(llm.chat({ role: 'x', messages: user('hi') }));
    expect(e.message).toContain('no scripted reply left');
  });
});
