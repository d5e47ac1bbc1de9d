import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, script, type Script } from '../coordinator/scripted-model.ts';
import { BIN, exitOf, factory } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { startFakeOllama } from '../helpers/fake-ollama.ts';

describe('factory demo', () => {
  it('runs offline: submits csv_aggregator, runs it on the sample data, streams progress, shows a verified audit trail', () => {
    const r = factory(['demo'], { OLLAMA_HOST: 'http://127.0.0.1:9' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/100% #\d+ tool:csv_aggregator registered/);
    expect(r.stdout).toContain('"sum": 815.75');
    expect(r.stdout).toMatch(/\(skipped\) generating log_error_analyzer needs a model/);
    expect(r.stdout).toMatch(/\(skipped\) a small project needs a model/);
    expect(r.stdout).toMatch(/tool_generated\s+registered \(source\)\s+csv_aggregator/);
    expect(r.stdout).toMatch(/chain: verifies/);
  });

  it('with a model, runs a small project: the plan approved at its gate, sub-tasks reviewed, results merged, all audited', async () => {
    const sub = (id: string, inputFrom: string[] = []) => ({
      id,
      description: `part ${id}`,
      type: 'content',
      requiredSkills: [],
      inputFrom,
      priority: 3,
      acceptanceCriteria: [],
      tools: [],
    });
    const plan: Script = (a) =>
      a.role === 'plan' ? { analysis: 'two parts, then the note', subTasks: [sub('a'), sub('b'), sub('c', ['a', 'b'])] } : undefined;
    // the tool generation of step 3 is refused at once: this test is about the project
    const noGenerator: Script = (a) => (a.role === 'generator' ? { status: 400, error: 'not in this test' } : undefined);
    const fake = await startFakeOllama({ replies: script(plan, noGenerator, GOOD) });
    const tmp = tempDir('af-demo-');
    try {
      const configFile = join(tmp.dir, 'config.json');
      const config = { ollama: { host: fake.url, retries: 0 }, policyDir: join(REPO, 'policies'), blueprintDir: join(REPO, 'blueprints') };
      writeFileSync(configFile, JSON.stringify(config));
      const args = ['--no-node-snapshot', BIN, 'demo', '--config', configFile];
      const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await exitOf(child), stderr).toBe(0);
      expect(stdout).toContain('== 4. a small project');
      expect(stdout).toContain('plan 1: a, b, c (← a, b)');
      expect(stdout).toMatch(/project prj_[0-9a-f]{16}: completed; 9 model call\(s\)\nthe merged result\n/);
      expect(stdout).toMatch(/ {2}c +accepted +document-writer, 1 iteration\(s\), score 0\.95/);
      expect(stderr).toMatch(/project:prj_[0-9a-f]{16} approved: plan approved by/);
      for (const type of ['project_created', 'project_approval']) expect(stdout).toMatch(new RegExp(`\\d+ {2}${type}`));
      expect(stdout).toMatch(/chain: verifies/);
    } finally {
      await fake.close();
      tmp.cleanup();
    }
  }, 240_000);
});
