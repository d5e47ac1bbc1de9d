// A small project end to end against a real Ollama: runs where one answers on OLLAMA_HOST with a model
// (FACTORY_LIVE_MODEL, or the first it lists); skipped with the reason otherwise. Whatever the model
// answers, the project must reach an end (completed, or failed with a catalog code, or paused by the
// model server saying what to change): never hang.
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/access/index.ts';
import { OllamaProvider } from '../../src/llm/index.ts';
import { openCore } from '../../src/service.ts';
import { tempDir, testConfig } from '../helpers/env.ts';
import { ALICE } from './harness.ts';

const raw = process.env.OLLAMA_HOST || 'http://127.0.0.1:11434';
const host = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
const status = await new OllamaProvider(testConfig('/tmp', { 'ollama.host': host, 'ollama.pingTimeoutMs': '1500' }).ollama).status();
const model = process.env.FACTORY_LIVE_MODEL ?? status.models?.[0];
const skip = !status.ok
  ? `no Ollama answers on ${host} (set OLLAMA_HOST to run it)`
  : !model
    ? `Ollama at ${host} has no model`
    : undefined;
if (skip) console.info(`[coordinator live suite] skipped: ${skip}`);

describe.skipIf(skip !== undefined)(`a project against a live Ollama${skip ? ` — skipped: ${skip}` : ` (${model})`}`, () => {
  it('plans, executes, reviews and aggregates a small task to an end', async () => {
    const tmp = tempDir('af-coord-live-');
    const core = await openCore(
      testConfig(tmp.dir, { 'ollama.host': host, 'ollama.defaultModel': model!, 'ollama.requestTimeoutMs': '300000' }),
    );
    const coordinator = core.coordinator;
    try {
      await core.factory.agents.create(
        {
          name: 'writer',
          type: 'content',
          description: 'Writes short, clear texts',
          systemPrompt: 'You write short, clear texts.',
          outputFormat: { format: 'text' },
        },
        SYSTEM,
      );
      const p = await coordinator.create(ALICE, {
        task: 'Write two sentences on why unit tests help, then a one-line summary.',
        config: { maxTasks: 3, maxIterations: 2, budget: { tokens: 200_000 } },
      });
      const done = await coordinator.settled(ALICE, p.id);
      // paused: what the host or the settings must change (a model without tools, out of memory, the context)
      expect(['completed', 'failed', 'paused'], JSON.stringify(done.paused)).toContain(done.status);
      if (done.status === 'paused') return void expect(done.paused?.reason).toBe('llm');
      if (done.status === 'failed') expect(done.error?.code).toMatch(/^[A-Z_]+$/);
      else expect(typeof (done.result as { result: string }).result).toBe('string');
      expect((await coordinator.replay(ALICE, p.id)).ok).toBe(true);
    } finally {
      await coordinator.close();
      await core.close();
      tmp.cleanup();
    }
  }, 900_000);
});
