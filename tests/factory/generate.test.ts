// The tool generation loop (src/factory/generate.ts) without an engine: the scripted model server writes
// the drafts, the real checker judges them, a fake container runtime answers the probe runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolBlueprintInput } from '../../src/blueprints/index.ts';
import { openFakeCore, type FakeCore } from '../helpers/core.ts';
import type { Reply } from '../helpers/fake-ollama.ts';

let core: FakeCore;
const script: Reply[] = [];
beforeAll(async () => {
  core = await openFakeCore({ ollama: { replies: () => script.shift() ?? { status: 500, error: 'no scripted reply left' } } });
});
afterAll(() => core?.close());
beforeEach(() => {
  script.length = 0;
  core.containers.runs.length = 0;
});

const tool = (name: string): ToolBlueprintInput => ({
  name,
  description: 'Adds numbers',
  language: 'python',
  purpose: 'Reads {"numbers": [...]} from stdin and prints their sum as JSON.',
  inputSpec: [{ name: 'numbers', type: 'list', description: 'the numbers' }],
  outputSpec: { format: 'json' },
  examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
});
const GOOD = 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
const BLOCKED = 'import json, os, sys\nos.system("echo pwned")\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
const OFF_BY_ONE = GOOD.replace('sum(d["numbers"])', 'sum(d["numbers"]) + 1');
const draft = (code: string): Reply => ({ content: `Here it is:\n\`\`\`python\n${code}\`\`\`\n` });
/** The fake runtime "runs" the sum tool: the right sum, or one too many for the off-by-one draft. */
const sumTool = (req: { source: string; stdin?: string }) => {
  const numbers = (JSON.parse(req.stdin ?? '{}') as { numbers: number[] }).numbers;
  return { stdout: JSON.stringify({ sum: numbers.reduce((a, b) => a + b, 0) + (req.source.includes('+ 1') ? 1 : 0) }) };
};

async function generate(name: string) {
  const out = await core.deps.factory.tools.submit(tool(name), core.user);
  if (out.status !== 'accepted') throw new Error(`expected a generation job, got ${out.status}`);
  await core.settle();
  return core.deps.factory.work.get('job', out.jobId, core.user);
}
const userMessages = () =>
  core.ollama.chats().map((r) => (r.body.messages as { role: string; content: string }[]).find((m) => m.role === 'user')!.content);

describe('tool generation loop', () => {
  it('a blocked draft goes back to the model with its findings; the repair is probed and registered', async () => {
    core.containers.behaviour = sumTool;
    const before = core.ollama.chats().length;
    script.push(draft(BLOCKED), draft(GOOD));
    const job = await generate('gen_blocked_then_good');
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const prompts = userMessages().slice(before);
    expect(prompts).toHaveLength(2);
    expect(prompts[1]).toContain('`py.callable.forbidden` (critical) at line 2');
    expect(prompts[1]).toContain('os.system("echo pwned")');
    // only the draft that passed the check reached the sandbox, with the example's input on stdin
    expect(core.containers.runs).toHaveLength(1);
    expect(core.containers.runs[0]).toMatchObject({ language: 'python', source: GOOD, outputJson: true });
    expect(JSON.parse(core.containers.runs[0]!.stdin!)).toEqual({ numbers: [1, 2, 3] });
    expect(job.steps.map((s) => (s as { kind: string }).kind)).toEqual(['draft', 'check', 'draft', 'check', 'probe']);
    const v = await core.deps.factory.tools.version('gen_blocked_then_good', 1, core.user);
    expect(v).toMatchObject({ origin: 'generated', attempts: 2, source: GOOD });
    const audit = (await core.deps.audit.query({ limit: 1000 })).filter((e) => e.target === 'gen_blocked_then_good' || e.task === job.id);
    expect(audit.map((e) => `${e.type} ${e.action}`)).toEqual(
      expect.arrayContaining([
        'tool_generated draft',
        'security_block check python',
        'tool_generated repair',
        'tool_generated registered (generated)',
      ]),
    );
  });

  it('a draft whose example fails goes back with expected and actual; the fixed draft is registered', async () => {
    core.containers.behaviour = sumTool;
    const before = core.ollama.chats().length;
    script.push(draft(OFF_BY_ONE), draft(GOOD));
    const job = await generate('gen_probe_then_good');
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const repair = userMessages().slice(before)[1]!;
    expect(repair).toContain('## Failed examples');
    expect(repair).toMatch(/expected: `6`[\s\S]*actual: `7`/);
    expect(core.containers.runs.map((r) => r.source)).toEqual([OFF_BY_ONE, GOOD]);
    expect(job.steps.map((s) => (s as { kind: string }).kind)).toEqual(['draft', 'check', 'probe', 'draft', 'check', 'probe']);
  });

  it('no draft passes within factory.maxAttempts: the job fails with TOOL_GENERATION_FAILED and the last findings, nothing is registered', async () => {
    core.containers.behaviour = sumTool;
    const max = core.deps.config.factory.maxAttempts;
    script.push(...Array.from({ length: max }, () => draft(BLOCKED)));
    const job = await generate('gen_never_passes');
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'TOOL_GENERATION_FAILED', details: { attempts: max } });
    expect((job.error!.details as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toContain('py.callable.forbidden');
    expect(core.containers.runs).toHaveLength(0);
    expect(script).toHaveLength(0);
    await expect((async () => core.deps.factory.tools.get('gen_never_passes', core.user))()).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('a probe run that ends in a timeout counts as a failed example, and the model hears the status', async () => {
    core.containers.behaviour = (req) =>
      req.source === GOOD ? sumTool(req) : { status: 'timeout', exitCode: null, stderr: 'killed at the time limit' };
    const before = core.ollama.chats().length;
    script.push(draft(GOOD.replace('import sys\n', 'import sys\nimport time\n')), draft(GOOD));
    const job = await generate('gen_timeout_then_good');
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const repair = userMessages().slice(before)[1]!;
    expect(repair).toContain('the run ended: timeout');
    expect(repair).toContain('killed at the time limit');
  });

  it('a model that fails ends the job with the model error, before any sandbox run', async () => {
    script.push({ status: 404, error: "model 'llama3.1:8b' not found" });
    const job = await generate('gen_model_missing');
    expect(job.status).toBe('failed');
    expect(job.error!.code).toMatch(/^LLM_|^OLLAMA_/);
    expect(core.containers.runs).toHaveLength(0);
  });
});
