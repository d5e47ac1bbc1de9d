import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.ts';

/** The scripted server's other endpoints, spoken to over plain HTTP (the client is only used under src/llm/). */

let fake: FakeOllama | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (path: string, body: unknown) =>
  fetch(`${fake!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function ndjson(res: Response): Promise<any[]> {
  return (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('fake Ollama server', () => {
  it('answers /, /api/version, /api/tags, /api/ps and 404s unknown paths', async () => {
    fake = await startFakeOllama({ models: ['a:1b', 'b', 'hf.co/Org/M:Q4'] });
    expect(await (await fetch(fake.url)).text()).toBe('Ollama is running');
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.13.2' });
    const tags = (await (await fetch(`${fake.url}/api/tags`)).json()) as { models: { name: string; digest: string }[] };
    expect(tags.models.map((m) => m.name)).toEqual(['a:1b', 'b:latest', 'hf.co/Org/M:Q4']);
    expect(tags.models[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await (await fetch(`${fake.url}/api/ps`)).json()).toEqual({ models: [] });
    expect((await fetch(`${fake.url}/api/nope`)).status).toBe(404);
    expect(fake.requests.map((r) => r.path)).toEqual(['/', '/api/version', '/api/tags', '/api/ps', '/api/nope']);
  });

  it('answers /api/show and /api/embed for known models, with Ollama’s 404 wording otherwise', async () => {
    fake = await startFakeOllama({ models: ['m:1b'] });
    const show = (await (await post('/api/show', { model: 'M:1B' })).json()) as { capabilities: string[] };
    expect(show.capabilities).toEqual(['completion', 'tools']);
    const missing = await post('/api/show', { model: 'x' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'x:latest' not found" }); // ShowHandler names it DisplayShortest
    const embed = (await (await post('/api/embed', { model: 'm:1b', input: ['a', 'b'] })).json()) as { embeddings: number[][] };
    expect(embed.embeddings).toHaveLength(2);
    expect(embed.embeddings[0]).toHaveLength(8);
    const chat = await post('/api/chat', { model: 'x:7b', messages: [] });
    expect(chat.status).toBe(404);
    expect(await chat.json()).toEqual({ error: "model 'x:7b' not found" });
    expect((await post('/api/chat', { messages: [] })).status).toBe(400);
  });

  it('answers /api/generate, streamed (the default) and not', async () => {
    fake = await startFakeOllama({ replies: [{ content: 'two words' }, { content: 'plain', evalCount: 9 }] });
    const res = await post('/api/generate', { model: 'llama3.1:8b', prompt: 'hi' });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(res);
    expect(lines.map((l) => l.response)).toEqual(['two ', 'words', '']);
    expect(lines.at(-1)).toMatchObject({ done: true, done_reason: 'stop', eval_count: 2 });
    const plain = await (await post('/api/generate', { model: 'llama3.1:8b', prompt: 'hi', stream: false })).json();
    expect(plain).toMatchObject({ response: 'plain', done: true, eval_count: 9 });
  });

  it('streams chat with thinking, tool calls and a final done message with counts', async () => {
    fake = await startFakeOllama({
      models: [{ name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] }],
      replies: [
        { thinking: 'hmm', content: 'a b', toolCalls: [{ name: 't', arguments: { x: 1 } }], promptEvalCount: 5, doneReason: 'stop' },
      ],
    });
    const tools = [{ type: 'function', function: { name: 't', parameters: { type: 'object', properties: {} } } }];
    const lines = await ndjson(await post('/api/chat', { model: 'qwen3:8b', messages: [{ role: 'user', content: 'q' }], tools }));
    expect(lines[0].message).toEqual({ role: 'assistant', content: '', thinking: 'hmm' });
    expect(lines.slice(1, 3).map((l) => l.message.content)).toEqual(['a ', 'b']);
    expect(lines[3].message.tool_calls[0]).toMatchObject({
      id: expect.stringMatching(/^call_[a-z0-9]{8}$/),
      function: { index: 0, name: 't', arguments: { x: 1 } },
    });
    expect(lines[4]).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 5, message: { role: 'assistant', content: '' } });
    expect(lines[4].eval_count).toBeGreaterThan(3);
  });

  it('takes pushed replies and a function for the rest, and says when the script ran out', async () => {
    fake = await startFakeOllama({ replies: [] });
    const exhausted = await post('/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: '0' }], stream: false });
    expect(exhausted.status).toBe(500);
    expect(((await exhausted.json()) as { error: string }).error).toContain('no scripted reply left');
    fake.push({ content: 'pushed' }, (req) => ({ content: `echo ${req.body.messages[0].content}` }));
    const a = (await (
      await post('/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: '1' }], stream: false })
    ).json()) as any;
    const b = (await (
      await post('/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: '2' }], stream: false })
    ).json()) as any;
    expect([a.message.content, b.message.content]).toEqual(['pushed', 'echo 2']);
    expect(fake.chats()).toHaveLength(3);
  });

  it('fails as scripted: status with an error body, a dropped connection', async () => {
    fake = await startFakeOllama({ replies: [{ status: 429, error: 'slow down' }, { drop: 'before' }] });
    const limited = await post('/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'q' }] });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'slow down' });
    await expect(post('/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'q' }] })).rejects.toThrow(/fetch failed/);
  });
});
