import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/env.ts';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
let cleanup: () => void;
beforeAll(async () => {
  const t = tempDir('af-blueprints-');
  cleanup = t.cleanup;
  cpSync(join(REPO, 'blueprints'), t.dir, { recursive: true });
  writeFileSync(join(t.dir, 'tools/broken.yaml'), 'name: broken\nlanguage: cobol\ninputSpec: [{ name: x, type: nope }]\n');
  writeFileSync(join(t.dir, 'agents/garbage.yaml'), 'name: [unclosed\n');
  svc = await startService({ blueprintDir: t.dir });
});
afterAll(async () => {
  await svc?.close();
  cleanup?.();
});

describe('blueprints on disk', () => {
  it('are validated at start; a bad one is reported with its file and path and skipped, never fatal', async () => {
    const b = (await (await svc.call('/api/v1/blueprints')).json()) as {
      agents: unknown[];
      tools: { blueprint: { name: string } }[];
      rejected: { file: string; issues: { path: string }[] }[];
    };
    expect(b.agents).toHaveLength(7);
    expect(b.tools.map((t) => t.blueprint.name).sort()).toEqual(['csv_aggregator', 'json_stats', 'log_error_analyzer', 'word_frequency']);
    const files = b.rejected.map((r) => r.file.split('/').pop());
    expect(files.sort()).toEqual(['broken.yaml', 'garbage.yaml']);
    const broken = b.rejected.find((r) => r.file.endsWith('broken.yaml'))!;
    expect(broken.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['language', 'inputSpec.0.type']));
    const ready = (await (await svc.call('/readyz', { token: null })).json()) as { hints: string[] };
    expect(ready.hints.join('\n')).toMatch(/broken\.yaml is invalid and was skipped/);
  });

  it('the seven static agents of seed 004 are in the agent pool', async () => {
    const a = (await (await svc.call('/api/v1/agents')).json()) as { agents: { name: string; origin: string }[] };
    expect(a.agents.map((x) => x.name).sort()).toEqual([
      'code-writer',
      'data-analyst',
      'document-writer',
      'quality-reviewer',
      'security-auditor',
      'test-creator',
      'web-researcher',
    ]);
    expect(await svc.service.deps.audit.query({ type: 'agent_created' })).toHaveLength(7);
  });
});
