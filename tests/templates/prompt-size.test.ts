import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadBlueprintDir } from '../../src/blueprints/index.ts';
import { estimateTokens } from '../../src/llm/index.ts';
import { PolicyRegistry } from '../../src/policy/index.ts';
import { renderPrompt, toolGeneratorContext } from '../../src/templates/index.ts';
import { REPO, testConfig, tempDir } from '../helpers/env.ts';

// A generation prompt that does not fit the default context is refused before it is sent
// (LLM_CONTEXT_OVERFLOW), and a repair prompt adds the draft and the findings: the policy's
// allow-lists (hundreds of numpy members) must not crowd them out.
describe('tool generation prompts fit the default model context', () => {
  it('for every shipped tool blueprint under every shipped policy', async () => {
    const t = tempDir();
    const { ollama } = testConfig(t.dir);
    t.cleanup();
    const budget = ollama.numCtx - ollama.numPredict;
    const policies = await PolicyRegistry.open(join(REPO, 'policies'));
    try {
      const { tools } = await loadBlueprintDir(join(REPO, 'blueprints'));
      expect(tools.size).toBeGreaterThan(0);
      for (const [name, { blueprint }] of tools) {
        for (const policy of policies.list()) {
          const p = renderPrompt('tool-generator.md', toolGeneratorContext(blueprint, policies.get(policy.name)));
          const tokens = estimateTokens(p.system) + estimateTokens(p.user);
          expect(tokens, `${name} under ${policy.name}`).toBeLessThan(budget * 0.8);
        }
      }
    } finally {
      policies.close();
    }
  });
});
