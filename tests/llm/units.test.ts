import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classify } from '../../src/llm/errors.ts';
import { backoffDelay, jsonSchemaFor, OllamaProvider } from '../../src/llm/index.ts';
import { missingModels, pickModel } from '../../src/llm/models.ts';
import { costUsd } from '../../src/llm/records.ts';
import { withRetries } from '../../src/llm/retry.ts';
import { parseReply } from '../../src/llm/structured.ts';

function responseError(status: number, error: string): Error {
  return Object.assign(new Error(error), { name: 'ResponseError', error, status_code: status });
}

function fetchFailed(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('retry policy', () => {
  it('follows seed 003: 5 s, 15 s, 45 s with the defaults', () => {
    const p = { retries: 3, backoffMs: 5_000, backoffFactor: 3 };
    expect([0, 1, 2].map((n) => backoffDelay(p, n))).toEqual([5_000, 15_000, 45_000]);
  });

  it('stops at the first success, at a non-retryable error, or after the retries', async () => {
    const p = { retries: 2, backoffMs: 0, backoffFactor: 1 };
    let n = 0;
    const ok = await withRetries(p, async () => (++n < 2 ? Promise.reject(new Error('x')) : 'done'), { shouldRetry: () => true });
    expect(ok).toEqual({ ok: true, value: 'done', attempts: 2 });
    const never = await withRetries(p, () => Promise.reject(new Error('no')), { shouldRetry: () => false });
    expect(never.attempts).toBe(1);
    const always = await withRetries(p, () => Promise.reject(new Error('again')), { shouldRetry: () => true });
    expect(always).toMatchObject({ ok: false, attempts: 3 });
  });
});

describe('classify', () => {
  it.each([
    [fetchFailed('ECONNREFUSED'), 'unavailable', false],
    [fetchFailed('ENOTFOUND'), 'unavailable', false],
    [new TypeError('fetch failed'), 'unavailable', false],
    [fetchFailed('UND_ERR_SOCKET'), 'dropped', true],
    [new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), 'dropped', true],
    [responseError(404, 'model "x" not found, try pulling it first'), 'model-missing', false],
    [responseError(404, "model 'x' not found"), 'model-missing', false],
    [responseError(404, '404 page not found'), 'http', false],
    [responseError(400, 'invalid options'), 'http', false],
    [responseError(408, 'timeout'), 'http', true],
    [responseError(429, 'slow down'), 'http', true],
    [responseError(500, 'boom'), 'http', true],
    [responseError(503, 'busy'), 'http', true],
    [new Error('llama runner process has terminated'), 'stream', true],
    [new SyntaxError('Unexpected token <'), 'unexpected', false],
  ] as const)('%s → %s (retryable %s)', (e, kind, retryable) => {
    const f = classify(e, false);
    expect(f.kind).toBe(kind);
    expect(f.retryable).toBe(retryable);
  });

  it('our own timer firing wins over whatever the abort looked like', () => {
    expect(classify(new DOMException('x', 'AbortError'), true)).toMatchObject({ kind: 'timeout', retryable: true });
  });
});

describe('models, costs and schemas', () => {
  const s = { defaultModel: 'llama3.1:8b', models: { agent: 'a:1b', 'agent:coder': 'c:7b' } };

  it('picks override > exact role > role prefix > default', () => {
    expect(pickModel(s, 'agent:coder')).toBe('c:7b');
    expect(pickModel(s, 'agent:other')).toBe('a:1b');
    expect(pickModel(s, 'tool-generator')).toBe('llama3.1:8b');
    expect(pickModel(s, 'agent:coder', 'z:1b')).toBe('z:1b');
    expect(pickModel(s, 'agent:coder', '')).toBe('c:7b');
  });

  it('treats a model without a tag as :latest when checking what is pulled', () => {
    expect(missingModels({ defaultModel: 'llama3', models: { x: 'a:1b' } }, ['llama3:latest'])).toEqual(['a:1b']);
  });

  it('prices tokens per million, by model', () => {
    const table = { 'gpt-x': { prompt: 3, completion: 15 } };
    expect(costUsd(table, 'gpt-x', { promptTokens: 1_000_000, completionTokens: 100_000 })).toBeCloseTo(4.5);
    expect(costUsd(table, 'other', { promptTokens: 10, completionTokens: 10 })).toBe(0);
    expect(costUsd(undefined, 'gpt-x', { promptTokens: 10, completionTokens: 10 })).toBe(0);
  });

  it('derives the JSON schema from the input side of the zod schema', () => {
    const schema = z.object({ a: z.string(), b: z.number().default(1) });
    const json = jsonSchemaFor(schema);
    expect(json).toMatchObject({ type: 'object', required: ['a'] });
    expect(json.$schema).toBeUndefined();
    expect(parseReply(schema, '```json\n{"a":"x"}\n```')).toEqual({ ok: true, value: { a: 'x', b: 1 } });
  });

  it('still accepts the old constructor form used by service.ts', () => {
    const p = new OllamaProvider('http://127.0.0.1:9', 500);
    expect(p.host).toBe('http://127.0.0.1:9');
    expect(p.modelFor('anything')).toBe('llama3.1:8b');
  });
});
