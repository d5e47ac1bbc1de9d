import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FactoryError } from '../../src/errors/catalog.ts';
import { draftTool } from '../../src/factory/generate.ts';
import { parseToolBlueprint } from '../../src/blueprints/index.ts';
import { defineFormat, OllamaProvider, type LlmCallRecord } from '../../src/llm/index.ts';
import { startService, type RunningService } from '../helpers/service.ts';
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

  it(
    'chats, streams and counts tokens',
    async () => {
      const tokens: string[] = [];
      const r = await llm.chat({
        role: 'live',
        options,
        onToken: (t) => tokens.push(t),
        messages: [
          { role: 'system', content: 'Answer in one short sentence.' },
          { role: 'user', content: 'Say hello.' },
        ],
      });
      expect(r.message.content.trim().length).toBeGreaterThan(0);
      expect(tokens.join('')).toBe(r.message.content);
      expect(r.usage.promptTokens).toBeGreaterThan(0);
      expect(r.usage.completionTokens).toBeGreaterThan(0);
      expect(records.at(-1)).toMatchObject({ ok: true, model, role: 'live' });
    },
    LIVE_TIMEOUT,
  );

  it(
    'returns structured output validated by the zod schema',
    async () => {
      const Capital = defineFormat('live-capital', z.object({ country: z.string().min(1), capital: z.string().min(1) }));
      const r = await llm.structured(Capital, {
        role: 'live',
        options,
        messages: [{ role: 'user', content: 'What is the capital of France? Reply as JSON with the fields "country" and "capital".' }],
      });
      expect(r.value.capital).toMatch(/paris/i);
    },
    LIVE_TIMEOUT,
  );

  it(
    'calls a tool',
    async (ctx) => {
      const tools = [
        {
          name: 'add',
          description: 'Adds two numbers and returns the sum',
          parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
        },
      ];
      const r = await llm
        .chat({
          role: 'live',
          options,
          tools,
          messages: [{ role: 'user', content: 'Use the add tool to add 2 and 3.' }],
        })
        .catch((e: unknown) => {
          if (e instanceof FactoryError && /does not support tools/.test(e.message)) return ctx.skip(`${model} does not support tools`);
          throw e;
        });
      const call = r.message.toolCalls?.[0];
      expect(call?.name).toBe('add');
      expect(Number(call?.arguments.a) + Number(call?.arguments.b)).toBe(5);
    },
    LIVE_TIMEOUT,
  );
});

/**
 * The factory against the real model: a specialist design (structured output through Ollama's grammar),
 * a tool generation whose seeded bad draft is repaired from the checker's findings, and an agent run that
 * has to call a tool. Needs the Docker engine too (the tools run in sandboxes).
 */
describe.skipIf(skipReason !== undefined)('live factory', () => {
  const json = { 'content-type': 'application/json' };
  let svc: RunningService;
  let dockerOk = false;
  const SUM = {
    name: 'sum_numbers',
    description: 'Adds numbers',
    language: 'python',
    purpose: 'Reads {"numbers": [...]} as JSON from stdin and prints {"sum": <the sum>} as JSON.',
    inputSpec: [{ name: 'numbers', type: 'list', description: 'the numbers to add' }],
    outputSpec: { format: 'json', schema: { sum: 'float' } },
    examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
  };

  beforeAll(async () => {
    svc = await startService({
      'ollama.host': host,
      'ollama.defaultModel': model ?? 'unused',
      'ollama.requestTimeoutMs': String(LIVE_TIMEOUT),
      'ollama.retries': '1',
    });
    dockerOk = (await svc.service.deps.docker.status()).ok;
  }, LIVE_TIMEOUT);
  afterAll(async () => {
    await svc?.close();
  });

  async function waitFor(kind: 'job' | 'run', id: string) {
    for (;;) {
      const w = ((await (await svc.call(`/api/v1/${kind}s/${id}`)).json()) as Record<string, any>)[kind];
      if (w.status !== 'queued' && w.status !== 'running') return w;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it(
    'designs a specialist whose blueprint passes the schema and the policies',
    async () => {
      const res = await svc.call('/api/v1/agents', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ specialist: { task: 'Summarise sales CSV files by region', skills: ['csv', 'statistics'] } }),
      });
      const b = (await res.json()) as { agent?: { blueprint: { type: string; systemPrompt: string } }; error?: unknown };
      expect(res.status, JSON.stringify(b)).toBe(201);
      expect(b.agent!.blueprint.type).toBe('specialist');
      expect(b.agent!.blueprint.systemPrompt.length).toBeGreaterThan(0);
    },
    LIVE_TIMEOUT,
  );

  it(
    'repairs a draft the checker blocked, and the repair passes the check and the examples',
    async (ctx) => {
      if (!dockerOk) return ctx.skip('the Docker engine is not reachable');
      const { executor, policies, llm } = svc.service.deps;
      const bp = parseToolBlueprint(SUM);
      const policy = policies.get(bp.policy);
      const bad =
        'import json, os, sys\nos.system("echo pwned")\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
      const findings = (await executor.check(bad, 'python', policy, { actor: 'live' })).findings;
      expect(findings.length).toBeGreaterThan(0);
      const repaired = await draftTool(llm, bp, policy, { draft: bad, attempt: 2, findings }, { task: 'live-repair' });
      expect((await executor.check(repaired.source, 'python', policy, { actor: 'live' })).allowed, repaired.source).toBe(true);
      const res = await svc.call('/api/v1/tools', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ...SUM, name: 'sum_repaired', source: repaired.source }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    },
    LIVE_TIMEOUT,
  );

  it(
    'generates a tool (repairing as needed) and an agent that must use it calls it',
    async (ctx) => {
      if (!dockerOk) return ctx.skip('the Docker engine is not reachable');
      const job = await svc.call('/api/v1/tools', { method: 'POST', headers: json, body: JSON.stringify(SUM) });
      expect(job.status).toBe(202);
      const done = await waitFor('job', ((await job.json()) as { jobId: string }).jobId);
      expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
      const bp = {
        name: 'live-adder',
        type: 'analysis',
        description: 'Adds numbers',
        systemPrompt: 'You add numbers. Always use the sum_numbers tool; never add in your head.',
        tools: ['sum_numbers'],
        toolUse: 'required',
        outputFormat: { format: 'text' },
      };
      const created = await svc.call('/api/v1/agents', { method: 'POST', headers: json, body: JSON.stringify({ blueprint: bp }) });
      const agentId = ((await created.json()) as { agent: { id: string } }).agent.id;
      const start = await svc.call(`/api/v1/agents/${agentId}/runs`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ task: 'What is 10 + 20 + 12?' }),
      });
      const r = await waitFor('run', ((await start.json()) as { runId: string }).runId);
      expect(r.status, JSON.stringify(r.error)).toBe('succeeded');
      expect(r.steps.some((s: { kind: string }) => s.kind === 'tool')).toBe(true);
      expect(r.result.answer).toMatch(/42/);
    },
    LIVE_TIMEOUT * 3,
  );
});
