import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classify } from '../../src/llm/errors.ts';
import { backoffDelay, jsonSchemaFor, OllamaProvider } from '../../src/llm/index.ts';
import { canonicalModel, missingModels, pickModel, resolveRole } from '../../src/llm/roles.ts';
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
    [responseError(400, 'registry.ollama.ai/library/gemma:2b does not support tools'), 'unsupported', false],
    [responseError(400, '"gemma:2b" does not support thinking'), 'unsupported', false],
    [responseError(500, 'invalid JSON schema in format'), 'schema', false],
    [responseError(500, 'failed to load model vocabulary required for format'), 'schema', false],
    [responseError(500, 'Failed to create new sequence: unable to create sampling context'), 'schema', false],
    [responseError(500, 'model requires more system memory (9.1 GiB) than is available (4.2 GiB)'), 'memory', false],
    [responseError(500, 'cudaMalloc failed: out of memory'), 'memory', false],
    [responseError(400, 'the input length exceeds the context length'), 'context', false],
    [responseError(400, 'invalid model name'), 'model-name', false],
    [responseError(400, 'model is required'), 'model-name', false],
    [responseError(400, 'think value "high" is not supported for this model'), 'think-level', false],
    [
      responseError(
        500,
        'llama runner process has terminated: this model is not supported by your version of Ollama. You may need to upgrade',
      ),
      'unsupported',
      false,
    ],
    [responseError(500, 'option "num_ctx" must be of type integer'), 'http', false],
    [responseError(400, 'Failed to initialize samplers'), 'schema', false],
    [responseError(500, 'llama runner process has terminated: vk_error_out_of_device_memory'), 'memory', false],
    [new Error('an error was encountered while running the model: CUDA error: out of memory'), 'memory', false],
    [
      new TypeError('fetch failed', { cause: Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }),
      'timeout',
      true,
    ],
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

  it('treats a model without a tag as :latest when checking what is pulled, without case', () => {
    expect(missingModels({ defaultModel: 'llama3', models: { x: 'a:1b' } }, ['llama3:latest'])).toEqual(['a:1b']);
    expect(
      missingModels({ defaultModel: 'Llama3.1:8B', models: {}, roles: { designer: { model: 'library/qwen3' } } }, [
        'llama3.1:8b',
        'qwen3:latest',
      ]),
    ).toEqual([]);
    expect(canonicalModel('hf.co/org/Model:Q4')).toBe('hf.co/org/model:q4');
    expect(canonicalModel('qwen3')).toBe('registry.ollama.ai/library/qwen3:latest');
  });

  it('resolves a role’s settings: exact role, legacy name, prefix, then the ollama defaults', () => {
    const settings = {
      defaultModel: 'base:1b',
      models: { 'tool-generator': 'coder:7b' },
      numCtx: 8192,
      numPredict: 4096,
      requestTimeoutMs: 300_000,
      roles: {
        agent: { numCtx: 16384, think: false as const },
        'agent:coder': { model: 'c:7b', timeoutMs: 60_000 },
        'generator:repair': { numPredict: 8192 },
      },
    };
    expect(resolveRole(settings, 'agent:coder')).toEqual({
      model: 'c:7b',
      numCtx: 16384,
      numPredict: 4096,
      think: false,
      timeoutMs: 60_000,
    });
    expect(resolveRole(settings, 'agent:other')).toEqual({
      model: 'base:1b',
      numCtx: 16384,
      numPredict: 4096,
      think: false,
      timeoutMs: 300_000,
    });
    expect(resolveRole(settings, 'generator')).toMatchObject({ model: 'coder:7b', numCtx: 8192 });
    expect(resolveRole(settings, 'generator:repair')).toMatchObject({ model: 'coder:7b', numPredict: 8192 });
    expect(resolveRole(settings, 'designer', 'x:1b')).toMatchObject({ model: 'x:1b', think: undefined });
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
