import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FactoryError } from '../../src/errors/catalog.ts';
import { defineFormat } from '../../src/llm/index.ts';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';
import { provider, user } from './helpers.ts';

const Plan = defineFormat(
  'test-plan',
  z.object({
    name: z.string().regex(/^[a-z_]+$/),
    steps: z.array(z.string()).min(1),
    language: z.enum(['python', 'shell']),
  }),
);

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('structured output', () => {
  it('sends the zod schema as `format` and returns the validated value', async () => {
    const good = { name: 'csv_aggregator', steps: ['read', 'sum'], language: 'python' };
    fake = await startFakeOllama({ replies: [{ content: JSON.stringify(good), promptEvalCount: 30, evalCount: 20 }] });
    const { llm, records } = provider(fake.url);
    const r = await llm.structured(Plan, { role: 'planner', messages: user('Plan a tool') });

    expect(r.value).toEqual(good);
    expect(r.usage.totalTokens).toBe(50);
    expect(r).toMatchObject({ asks: 1, spent: { promptTokens: 30, completionTokens: 20, totalTokens: 50 } });
    const format = fake.chats()[0]!.body.format;
    expect(format).toMatchObject({
      type: 'object',
      required: ['name', 'steps', 'language'],
      properties: { language: { enum: ['python', 'shell'] }, steps: { type: 'array', minItems: 1 } },
    });
    expect(format.$schema).toBeUndefined();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: true, role: 'planner' });
  });

  it('sends long-text bounds only to zod: the grammar gets none over 2000, the reply is still held to them', async () => {
    const Note = defineFormat(
      'test-note',
      z.object({ title: z.string().max(80), body: z.string().max(10_000), tags: z.array(z.string()).max(5_000) }),
    );
    expect(JSON.stringify(Note.json)).not.toMatch(/10000|5000/);
    const tooLong = { title: 'x', body: 'y'.repeat(10_001), tags: [] };
    fake = await startFakeOllama({
      replies: [{ content: JSON.stringify(tooLong) }, { content: JSON.stringify({ title: 'x', body: 'short', tags: [] }) }],
    });
    const { llm } = provider(fake.url);
    const r = await llm.structured(Note, { role: 'writer', messages: user('Write') });
    expect(r.value.body).toBe('short');
    expect(fake.chats()[0]!.body.format.properties.title.maxLength).toBe(80);
    expect(fake.chats()[1]!.body.messages[2].content).toMatch(/body: .*10000/);
  });

  it('asks again once with the validation problems, and accepts the repaired reply', async () => {
    const bad = { name: 'CSV Aggregator', steps: [], language: 'ruby' };
    const good = { name: 'csv_aggregator', steps: ['read'], language: 'python' };
    fake = await startFakeOllama({ replies: [{ content: JSON.stringify(bad) }, { content: JSON.stringify(good) }] });
    const { llm, records } = provider(fake.url);
    const r = await llm.structured(Plan, { role: 'planner', messages: user('Plan a tool'), project: 'p' });

    expect(r.value).toEqual(good);
    const [first, second] = fake.chats();
    expect(second!.body.format).toEqual(first!.body.format);
    const msgs = second!.body.messages as { role: string; content: string }[];
    expect(msgs).toHaveLength(3);
    expect(msgs[0]).toEqual({ role: 'user', content: 'Plan a tool' });
    expect(msgs[1]).toEqual({ role: 'assistant', content: JSON.stringify(bad) });
    expect(msgs[2]!.role).toBe('user');
    // every problem, by path, reached the second prompt
    expect(msgs[2]!.content).toContain('name:');
    expect(msgs[2]!.content).toContain('steps:');
    expect(msgs[2]!.content).toContain('language:');
    // the re-ask is a call of its own: two records, the first marked invalid
    expect(records.map((x) => x.ok)).toEqual([false, true]);
    expect(records[0]!.error).toMatch(/^LLM_OUTPUT_INVALID: /);
    expect(records[0]!.promptTokens).toBeGreaterThan(0);
    expect(records.every((x) => x.project === 'p')).toBe(true);
    // `usage` is the last ask's; `spent` covers both, for callers that account for tokens
    expect(r.asks).toBe(2);
    expect(r.usage.promptTokens).toBe(records[1]!.promptTokens);
    expect(r.spent.promptTokens).toBe(records[0]!.promptTokens! + records[1]!.promptTokens!);
    expect(r.spent.completionTokens).toBe(records[0]!.completionTokens! + records[1]!.completionTokens!);
  });

  it('repairs a reply that is not JSON at all', async () => {
    fake = await startFakeOllama({
      replies: [{ content: 'Sure! Here is the plan:' }, { content: '{"name":"a","steps":["x"],"language":"shell"}' }],
    });
    const { llm } = provider(fake.url);
    const r = await llm.structured(Plan, { role: 'planner', messages: user('Plan') });
    expect(r.value.language).toBe('shell');
    expect(fake.chats()[1]!.body.messages[2].content).toMatch(/\(root\): the reply is not valid JSON/);
  });

  it('fails with LLM_OUTPUT_INVALID and the zod issues after the one re-ask', async () => {
    fake = await startFakeOllama({ replies: [{ content: '{"name":"x"}' }, { content: '{"name":"y","steps":[]}' }] });
    const { llm, records } = provider(fake.url);
    const err = await llm.structured(Plan, { role: 'planner', messages: user('Plan') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FactoryError);
    const fe = err as FactoryError;
    expect(fe.code).toBe('LLM_OUTPUT_INVALID');
    const details = fe.details as { issues: { path: string; message: string }[]; reply: string; asks: number };
    expect(details.asks).toBe(2);
    expect(details.reply).toBe('{"name":"y","steps":[]}');
    expect(details.issues.map((i) => i.path).sort()).toEqual(['language', 'steps']);
    expect(fake.chats()).toHaveLength(2);
    expect(records.map((r) => r.ok)).toEqual([false, false]);
    expect(fe.details).toMatchObject({ spent: { promptTokens: records[0]!.promptTokens! + records[1]!.promptTokens! } });
  });

  it('streams a structured reply when onToken is given', async () => {
    fake = await startFakeOllama({ replies: [{ chunks: ['{"name":"a",', '"steps":["s"],', '"language":"python"}'] }] });
    const { llm } = provider(fake.url);
    const tokens: string[] = [];
    const r = await llm.structured(Plan, { role: 'planner', messages: user('Plan'), onToken: (t) => tokens.push(t) });
    expect(tokens).toHaveLength(3);
    expect(r.value.name).toBe('a');
  });
});
