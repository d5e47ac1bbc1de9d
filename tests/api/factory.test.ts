// End to end over real HTTP and WebSocket, the real Docker engine and SQLite, and a local server that
// speaks Ollama's API from scripted replies (the one stand-in: no model can run on these machines).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama, type Reply } from '../helpers/fake-ollama.ts';
import { REPO } from '../helpers/env.ts';
import type { ApiClient, Schemas } from '../../src/client/index.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { connect } from '../helpers/ws.ts';

let svc: RunningService;
let api: ApiClient;
let fake: FakeOllama;
const script: Reply[] = [];

beforeAll(async () => {
  fake = await startFakeOllama({ replies: () => script.shift() ?? { status: 500, error: 'no scripted reply left' } });
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'ollama.backoffMs': '0' });
  api = svc.api();
});
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});

const yaml = { 'content-type': 'application/yaml' };
type Finished = Omit<Schemas['WorkItem'], 'steps' | 'result' | 'error'> & {
  result: Record<string, unknown>;
  error: { code: string; message: string; details: Record<string, unknown> };
  steps: Record<string, unknown>[];
};
async function waitJob(id: string, kind: 'job' | 'run' = 'job'): Promise<Finished> {
  for (let i = 0; i < 600; i++) {
    const w =
      kind === 'job'
        ? (await api.GET('/api/v1/jobs/{id}', { params: { path: { id } } })).data!.job
        : (await api.GET('/api/v1/runs/{id}', { params: { path: { id } } })).data!.run;
    if (w.status !== 'queued' && w.status !== 'running') return w as Finished;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${kind} ${id} did not finish`);
}
const submit = (body: Schemas['ToolBlueprintInput']) => api.POST('/api/v1/tools', { body });
const execute = (name: string, body: { input: Record<string, unknown>; version?: number; sampleData?: boolean }) =>
  api.POST('/api/v1/tools/{name}/execute', { params: { path: { name } }, body });
const getTool = (name: string) => api.GET('/api/v1/tools/{name}', { params: { path: { name } } });
const getVersion = (name: string, version: number) =>
  api.GET('/api/v1/tools/{name}/versions/{version}', { params: { path: { name, version } } });
const jobIdOf = (r: Awaited<ReturnType<typeof submit>>) =>
  r.data?.status === 'accepted' ? r.data.jobId : `(no job: ${r.response.status} ${JSON.stringify(r.error ?? r.data)})`;

const SUM_TOOL = {
  name: 'sum_numbers',
  description: 'Adds numbers',
  language: 'python' as const,
  purpose: 'Reads {"numbers": [...]} from stdin and prints their sum as JSON.',
  inputSpec: [{ name: 'numbers', type: 'list' as const, description: 'the numbers' }],
  outputSpec: { format: 'json' as const, schema: { sum: 'float' } },
  examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
};
const GOOD_SUM = 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
const BAD_SUM = 'import json, os, sys\nos.system("echo pwned")\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';

describe('a blueprint with source: checked, probe-run, registered, executed; streamed and audited', () => {
  it('csv_aggregator from blueprints/ end to end, with a WebSocket subscriber that sees every event in order', async () => {
    const ws = await connect(svc.url, svc.adminToken);
    ws.send({ type: 'subscribe', topics: ['*'] });
    await ws.waitFor((m) => m.type === 'subscribed');
    const res = await svc.call('/api/v1/tools', {
      method: 'POST',
      headers: yaml,
      body: readFileSync(join(REPO, 'blueprints/tools/csv_aggregator.yaml'), 'utf8'),
    });
    const b = (await res.json()) as Schemas['ToolSummary'] & { tool: Schemas['ToolSummary'] };
    expect(res.status, JSON.stringify(b)).toBe(201);
    expect(res.headers.get('location')).toBe('/api/v1/tools/csv_aggregator');
    expect(b.tool).toMatchObject({ name: 'csv_aggregator', version: 1 });
    await ws.waitFor((m) => m.type === 'event' && (m.event as { status: string }).status === 'registered');
    const evs = ws.messages.filter((m) => m.type === 'event' && m.topic === 'tool:csv_aggregator') as {
      id: number;
      event: { status: string };
    }[];
    expect(evs.map((e) => e.event.status)).toEqual([
      'checking',
      'probe_passed',
      'probe_passed',
      'probe_passed',
      'probe_passed',
      'registered',
    ]);
    expect(evs.map((e) => e.id)).toEqual([...evs.map((e) => e.id)].sort((x, y) => x - y));

    const run = await execute('csv_aggregator', { input: { directory: '/data', column: 'quantity' }, sampleData: true });
    const r = run.data!;
    expect(run.response.status).toBe(200);
    expect(r.status).toBe('ok');
    expect(r.result.json).toEqual({ sum: 10, average: 2.5, min: 1, max: 4, count: 4, files_processed: ['sales_q2.csv'] });
    await ws.waitFor((m) => m.type === 'event' && m.topic === `run:${r.runId}` && (m.event as { status: string }).status === 'succeeded');
    const runEvents = ws.messages.filter((m) => m.topic === `run:${r.runId}`).map((m) => (m.event as { status: string }).status);
    expect(runEvents).toEqual(['queued', 'running', 'succeeded']);
    // the execution shows on the tool's own topic too
    await ws.waitFor((m) => m.topic === 'tool:csv_aggregator' && (m.event as { metadata: { runId?: string } }).metadata.runId === r.runId);
    ws.close();

    const tool = (await getTool('csv_aggregator')).data!;
    expect(tool.versions).toHaveLength(1);
    const v1 = (await getVersion('csv_aggregator', 1)).data!;
    expect(v1.source).toContain('def aggregate_csv_column');
    expect((await api.GET('/api/v1/audit/verify')).data!.ok).toBe(true);
    const types = (await svc.service.deps.audit.query({ limit: 1000 })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['tool_generated', 'tool_executed']));
  });

  it('a source that violates the policy is refused with 422 and its findings, and nothing is registered', async () => {
    const res = await submit({ ...SUM_TOOL, name: 'bad_sum', source: BAD_SUM });
    expect(res.response.status).toBe(422);
    const e = res.error!.error;
    expect(e.code).toBe('CODE_BLOCKED');
    expect((e.details as { findings: { line: number }[] }).findings.some((f) => f.line === 2)).toBe(true);
    expect((await getTool('bad_sum')).response.status).toBe(404);
  });

  it('a source whose examples fail is refused with 422 PROBE_FAILED', async () => {
    const res = await submit({ ...SUM_TOOL, name: 'wrong_sum', source: GOOD_SUM.replace('sum(d["numbers"])', 'sum(d["numbers"]) + 1') });
    expect(res.response.status).toBe(422);
    const e = res.error!.error;
    expect(e.code).toBe('PROBE_FAILED');
    expect((e.details as { probe: { passed: boolean }[] }).probe[0]!.passed).toBe(false);
  });
});

describe('versions', () => {
  it('a new version of a tool, named by the URL; the old version stays readable; unknown tools are 404', async () => {
    expect((await submit({ ...SUM_TOOL, name: 'ver_sum', source: GOOD_SUM })).response.status).toBe(201);
    const v2 = await svc.call('/api/v1/tools/ver_sum/versions', {
      method: 'POST',
      headers: yaml,
      body: `name: some-other-name\ndescription: Adds numbers\nlanguage: python\npurpose: sum\ninputSpec: [{ name: numbers, type: list }]\noutputSpec: { format: json }\nsource: |\n  import json\n  import sys\n  d = json.load(sys.stdin)\n  print(json.dumps({"sum": float(sum(d["numbers"]))}))\nexamples: [{ name: three, input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }]\n`,
    });
    const b = (await v2.json()) as { tool: Schemas['ToolSummary'] };
    expect(v2.status, JSON.stringify(b)).toBe(201);
    expect(b.tool).toMatchObject({ name: 'ver_sum', version: 2 });
    expect(v2.headers.get('location')).toBe('/api/v1/tools/ver_sum/versions/2');
    const tool = (await getTool('ver_sum')).data!;
    expect(tool.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await getVersion('ver_sum', 1)).data!.source).toBe(GOOD_SUM);
    const old = (await execute('ver_sum', { input: { numbers: [1] }, version: 1 })).data!;
    expect(old.result.json).toEqual({ sum: 1 });
    const none = await api.POST('/api/v1/tools/{name}/versions', { params: { path: { name: 'no_such_tool' } }, body: SUM_TOOL });
    expect(none.response.status).toBe(404);
  });
});

describe('generation with scripted model replies', () => {
  it('a first draft that violates the policy is repaired from the findings and registered', async () => {
    script.push({ content: '```python\n' + BAD_SUM + '```' }, { content: GOOD_SUM });
    const before = fake.chats().length;
    const res = await submit({ ...SUM_TOOL, name: 'gen_sum' });
    expect(res.response.status).toBe(202);
    const job = await waitJob(jobIdOf(res));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const chats = fake.chats().slice(before);
    expect(chats).toHaveLength(2);
    const second = JSON.stringify(chats[1]!.body.messages);
    const findings = (job.steps.find((s) => s.kind === 'check' && s.allowed === false) as { findings: { rule: string }[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(second).toContain(f.rule); // the findings reached the second prompt
    expect(second).toContain('os.system');
    expect((await getTool('gen_sum')).data!).toMatchObject({ attempts: 2, origin: 'generated' });
    expect((await execute('gen_sum', { input: { numbers: [4, 5] } })).data!.result.json).toEqual({ sum: 9 });
  });

  it('a draft that never passes ends the job with TOOL_GENERATION_FAILED (422) and the last findings', async () => {
    script.push({ content: BAD_SUM }, { content: BAD_SUM }, { content: BAD_SUM });
    const job = await waitJob(jobIdOf(await submit({ ...SUM_TOOL, name: 'never_sum' })));
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('TOOL_GENERATION_FAILED');
    expect((job.error.details.findings as unknown[]).length).toBeGreaterThan(0);
    expect((await getTool('never_sum')).response.status).toBe(404);
  });

  it('a client that disconnects mid-job and reconnects with its last id misses nothing', async () => {
    script.push({ content: BAD_SUM, delayMs: 300 }, { content: GOOD_SUM, delayMs: 600 });
    const ws1 = await connect(svc.url, svc.adminToken);
    ws1.send({ type: 'subscribe', topics: ['jobs'] });
    await ws1.waitFor((m) => m.type === 'subscribed');
    const jobId = jobIdOf(await submit({ ...SUM_TOOL, name: 'resume_sum' }));
    const first = await ws1.waitFor((m) => m.topic === `job:${jobId}`);
    ws1.close();
    await ws1.closed;
    const seenBefore = ws1.messages.filter((m) => m.topic === `job:${jobId}`).map((m) => m.id as number);
    const last = Math.max(...seenBefore, first.id as number);
    await waitJob(jobId);
    const ws2 = await connect(svc.url, svc.adminToken);
    ws2.send({ type: 'subscribe', topics: [`job:${jobId}`], lastEventId: last });
    await ws2.waitFor((m) => m.type === 'subscribed');
    const after = ws2.messages.filter((m) => m.topic === `job:${jobId}`).map((m) => m.id as number);
    const all = (await svc.service.deps.events.replay(0, { exact: [`job:${jobId}`], prefixes: [] })).map((e) => e.seq);
    expect([...seenBefore, ...after]).toEqual(all);
    expect((ws2.messages.filter((m) => m.topic === `job:${jobId}`).at(-1)!.event as { status: string }).status).toBe('succeeded');
    ws2.close();
  });
});

describe('agents', () => {
  it('an agent calls a tool through Ollama tool calling; the tool runs in the sandbox; the model gets the result', async () => {
    expect((await submit({ ...SUM_TOOL, source: GOOD_SUM })).response.status).toBe(201);
    const bp = {
      name: 'adder',
      type: 'analysis' as const,
      description: 'Adds things',
      systemPrompt: 'You add numbers with your tool.',
      tools: ['sum_numbers'],
      outputFormat: { format: 'text' as const },
    };
    const created = await api.POST('/api/v1/agents', { body: { blueprint: bp } });
    expect(created.response.status).toBe(201);
    const agent = created.data!.agent;
    script.push({ toolCalls: [{ name: 'sum_numbers', arguments: { numbers: [10, 20, 12] } }] }, { content: 'The sum is 42.' });
    const before = fake.chats().length;
    const start = await api.POST('/api/v1/agents/{id}/runs', { params: { path: { id: agent.id } }, body: { task: 'What is 10+20+12?' } });
    expect(start.response.status).toBe(202);
    const run = await waitJob(start.data!.runId, 'run');
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.result).toMatchObject({ answer: 'The sum is 42.', turns: 2 });
    const chats = fake.chats().slice(before);
    expect(chats[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['sum_numbers']);
    const toolMsg = chats[1]!.body.messages.find((m: { role: string }) => m.role === 'tool');
    expect(JSON.parse(toolMsg.content)).toMatchObject({ status: 'ok', json: { sum: 42 } });
    expect(await svc.service.deps.audit.query({ type: 'tool_executed', agent: agent.id })).toHaveLength(1);
    expect((await api.GET('/api/v1/usage')).data!.llm.calls).toBeGreaterThan(0);
    expect((await api.DELETE('/api/v1/agents/{id}', { params: { path: { id: agent.id } } })).response.status).toBe(204);
    expect((await api.GET('/api/v1/agents/{id}', { params: { path: { id: agent.id } } })).response.status).toBe(404);
    expect(
      (await svc.service.deps.audit.query({ type: ['agent_created', 'agent_destroyed'], agent: agent.id })).map((e) => e.type),
    ).toEqual(['agent_created', 'agent_destroyed']);
  });

  it('an agent that opts in to a persistent sandbox shares /workspace between its tool calls, destroyed with the run', async () => {
    const TALLY = {
      name: 'tally',
      description: 'Counts its calls',
      language: 'shell' as const,
      purpose: 'Appends a line to /workspace/tally and prints the count as JSON.',
      inputSpec: [],
      outputSpec: { format: 'json' as const },
      source: 'echo x >> /workspace/tally\nn=$(wc -l < /workspace/tally)\nprintf \'{"count": %d}\\n\' "$n"\n',
      examples: [{ name: 'first', input: {}, expect: { json: { count: 1 } } }],
    };
    expect((await submit(TALLY)).response.status).toBe(201);
    const counts: Record<string, number[]> = {};
    for (const persistent of [true, false]) {
      const bp = {
        name: `tallier-${persistent}`,
        type: 'analysis' as const,
        description: 'Counts',
        systemPrompt: 'Call tally twice.',
        tools: ['tally'],
        outputFormat: { format: 'text' as const },
        persistentSandbox: persistent,
      };
      const agent = (await api.POST('/api/v1/agents', { body: { blueprint: bp } })).data!.agent;
      script.push(
        { toolCalls: [{ name: 'tally', arguments: {} }] },
        { toolCalls: [{ name: 'tally', arguments: {} }] },
        { content: 'done' },
      );
      const start = await api.POST('/api/v1/agents/{id}/runs', { params: { path: { id: agent.id } }, body: { task: 'count' } });
      const run = await waitJob(start.data!.runId, 'run');
      expect(run.status).toBe('succeeded');
      counts[String(persistent)] = run.steps
        .filter((st) => st.kind === 'tool')
        .map((st) => (st.result as { json: { count: number } }).json.count);
    }
    expect(counts.true).toEqual([1, 2]); // the second call saw the first call's file
    expect(counts.false).toEqual([1, 1]); // single-use containers: nothing carried over
    const Docker = (await import('dockerode')).default;
    const { dockerOptions, resolveDockerHost } = await import('../../src/sandbox/docker/engine.ts');
    const docker = new Docker(dockerOptions(resolveDockerHost(process.env.DOCKER_HOST)));
    const left = await docker.listContainers({ all: true, filters: { label: ['io.agent-factory.session'] } });
    expect(left.filter((c) => Object.values(c.Labels).some((v) => v.startsWith('run_')))).toEqual([]);
  });

  it('a specialist is designed by the model and validated by the same schema', async () => {
    const designed = {
      name: 'csv-specialist',
      type: 'analysis',
      description: 'CSV expert',
      systemPrompt: 'You analyse CSV files.',
      outputFormat: { format: 'markdown' },
      tools: ['csv_aggregator'],
      policy: 'default',
    };
    script.push({ content: JSON.stringify(designed) });
    const res = await api.POST('/api/v1/agents', { body: { specialist: { task: 'Summarise the sales CSVs' } } });
    expect(res.response.status, JSON.stringify(res.error)).toBe(201);
    expect(res.data!.agent).toMatchObject({ origin: 'specialist', blueprint: { type: 'specialist', name: 'csv-specialist' } });
    script.push({ content: JSON.stringify({ ...designed, policy: 'no-such-policy' }) });
    const bad = await api.POST('/api/v1/agents', { body: { specialist: { task: 'x' } } });
    expect(bad.response.status).toBe(422);
  });
});

describe('bad input', () => {
  it('names every schema violation by its path', async () => {
    const res = await submit({ name: 'Bad Name', language: 'cobol', inputSpec: [{ name: 'x', type: 'weird' }] } as never);
    expect(res.response.status).toBe(422);
    const e = res.error!.error;
    expect(e.code).toBe('BLUEPRINT_INVALID');
    const paths = (e.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'language', 'inputSpec.0.type', 'description', 'purpose']));
  });

  it('refuses an unknown policy, a duplicate name and an oversized source', async () => {
    const unknown = await submit({ ...SUM_TOOL, name: 'p_sum', policy: 'nope', source: GOOD_SUM });
    expect(unknown.response.status).toBe(422);
    expect(JSON.stringify(unknown.error)).toContain('policy');
    expect((await submit({ ...SUM_TOOL, source: GOOD_SUM })).response.status).toBe(409);
    const big = await submit({ ...SUM_TOOL, name: 'big_sum', source: `# ${'x'.repeat(300 * 1024)}\n${GOOD_SUM}` });
    expect([413, 422]).toContain(big.response.status);
    const badInput = await execute('sum_numbers', { input: { numbers: 'seven' } });
    expect(badInput.response.status).toBe(400);
    expect(badInput.error!.error.code).toBe('INPUT_INVALID');
  });

  it('Ollama down: 503 with the fix for what needs the model; everything else still works', async () => {
    const down = await startService({ 'ollama.host': 'http://127.0.0.1:9' });
    try {
      const downApi = down.api();
      const res = await downApi.POST('/api/v1/tools', { body: { ...SUM_TOOL, name: 'down_sum' } });
      expect(res.response.status).toBe(503);
      const e = res.error!.error;
      expect(e.code).toBe('OLLAMA_UNAVAILABLE');
      expect(`${e.message} ${e.hint}`).toMatch(/ollama serve/);
      const src = await downApi.POST('/api/v1/tools', { body: { ...SUM_TOOL, name: 'down_sum', source: GOOD_SUM } });
      expect(src.response.status).toBe(201);
      const run = await downApi.POST('/api/v1/tools/{name}/execute', {
        params: { path: { name: 'down_sum' } },
        body: { input: { numbers: [1] } },
      });
      expect(run.data!.status).toBe('ok');
      expect((await down.call('/api/v1/tools')).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});
