import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FactoryError } from '../../src/errors/catalog.ts';
import { OllamaProvider, type LlmCallRecord } from '../../src/llm/index.ts';
import { settings } from './helpers.ts';

/**
 * Against a real Ollama: runs where one answers on OLLAMA_HOST (default http://127.0.0.1:11434) and
 * has a model (FACTORY_LIVE_MODEL, or the first it lists); skipped with the reason otherwise.
 */

/** OLLAMA_HOST as Ollama reads it: `host`, `host:port` or a URL; the port defaults to 11434. */
function normalizeHost(raw: string): string | undefined {
  try {
    const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
    const url = new URL(withScheme);
    if (!url.port && !/^https?:\/\/[^/]+:\d+/.test(withScheme)) url.port = '11434';
    return url.origin;
  } catch {
    return undefined;
  }
}

const rawHost = process.env.OLLAMA_HOST || 'http://127.0.0.1:11434';
const host = normalizeHost(rawHost) ?? rawHost;
const probe = normalizeHost(rawHost)
  ? await new OllamaProvider(settings(host, { pingTimeoutMs: 1_500 })).status()
  : { ok: false, models: undefined };
const wanted = process.env.FACTORY_LIVE_MODEL;
const model = wanted ?? probe.models?.[0];
const skipReason = !normalizeHost(rawHost)
  ? `OLLAMA_HOST=${rawHost} is not a host, host:port or URL`
  : !probe.ok
  ? `no Ollama answers on ${host} (set OLLAMA_HOST to run it)`
  : !model
    ? `Ollama at ${host} has no model (ollama pull llama3.1:8b, or set FACTORY_LIVE_MODEL)`
    : wanted && !probe.models?.some((m) => m === wanted || m === `${wanted}:latest`)
      ? `FACTORY_LIVE_MODEL=${wanted} is not pulled on ${host} (ollama pull ${wanted})`
      : undefined;
if (skipReason) console.info(`[llm live suite] skipped: ${skipReason}`);

const LIVE_TIMEOUT = 300_000;

describe.skipIf(skipReason !== undefined)(`live Ollama${skipReason ? ` — skipped: ${skipReason}` : ` at ${host} with ${model}`}`, () => {
  const records: LlmCallRecord[] = [];
  const llm = new OllamaProvider(
    settings(host, { defaultModel: model ?? 'unused', requestTimeoutMs: LIVE_TIMEOUT, retries: 1, backoffMs: 1_000 }),
    { onCall: (r) => records.push(r) },
  );
  const options = { temperature: 0, seed: 42 };

  it('chats, streams and counts tokens', async () => {
    const tokens: string[] = [];
    const r = await llm.chat({
      role: 'live', options, onToken: (t) => tokens.push(t),
      messages: [{ role: 'system', content: 'Answer in one short sentence.' }, { role: 'user', content: 'Say hello.' }],
    });
    expect(r.message.content.trim().length).toBeGreaterThan(0);
    expect(tokens.join('')).toBe(r.message.content);
    expect(r.usage.promptTokens).toBeGreaterThan(0);
    expect(r.usage.completionTokens).toBeGreaterThan(0);
    expect(records.at(-1)).toMatchObject({ ok: true, model, role: 'live' });
  }, LIVE_TIMEOUT);

  it('returns structured output validated by the zod schema', async () => {
    const Capital = z.object({ country: z.string().min(1), capital: z.string().min(1) });
    const r = await llm.structured(Capital, {
      role: 'live', options,
      messages: [{ role: 'user', content: 'What is the capital of France? Reply as JSON with the fields "country" and "capital".' }],
    });
    expect(r.value.capital).toMatch(/paris/i);
  }, LIVE_TIMEOUT);

  it('calls a tool', async (ctx) => {
    const tools = [{
      name: 'add', description: 'Adds two numbers and returns the sum',
      parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
    }];
    const r = await llm.chat({
      role: 'live', options, tools,
      messages: [{ role: 'user', content: 'Use the add tool to add 2 and 3.' }],
    }).catch((e: unknown) => {
      if (e instanceof FactoryError && /does not support tools/.test(e.message)) return ctx.skip(`${model} does not support tools`);
      throw e;
    });
    const call = r.message.toolCalls?.[0];
    expect(call?.name).toBe('add');
    expect(Number(call?.arguments.a) + Number(call?.arguments.b)).toBe(5);
  }, LIVE_TIMEOUT);
});
