// The agent loop (AgentFactory.converse in src/factory/agents.ts) without an engine: the scripted model
// server plays the model, the registered tool runs through the real checker and executor into a fake
// container runtime.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentBlueprintInput } from '../../src/blueprints/index.ts';
import { openFakeCore, type FakeCore } from '../helpers/core.ts';
import type { RecordedRequest, Reply } from '../helpers/fake-ollama.ts';

let core: FakeCore;
const script: Reply[] = [];
const SUM = 'import json\nimport sys\n\nd = json.load(sys.stdin)\nprint(json.dumps({"sum": sum(d["numbers"])}))\n';
const sumTool = (req: { stdin?: string }) => ({
  stdout: JSON.stringify({ sum: (JSON.parse(req.stdin ?? '{}') as { numbers: number[] }).numbers.reduce((a, b) => a + b, 0) }),
});

beforeAll(async () => {
  core = await openFakeCore({ ollama: { replies: () => script.shift() ?? { status: 500, error: 'no scripted reply left' } } });
  core.containers.behaviour = sumTool;
  const out = await core.deps.factory.tools.submit(
    {
      name: 'agent_sum',
      description: 'Adds numbers',
      language: 'python',
      purpose: 'Prints the sum of the numbers as JSON.',
      inputSpec: [{ name: 'numbers', type: 'list', description: 'the numbers' }],
      outputSpec: { format: 'json' },
      examples: [{ name: 'three', input: { numbers: [1, 2, 3] }, expect: { json: { sum: 6 } } }],
      source: SUM,
    },
    core.user,
  );
  if (out.status !== 'registered') throw new Error('the tool was not registered');
});
afterAll(() => core?.close());
beforeEach(() => {
  script.length = 0;
  core.containers.runs.length = 0;
  core.containers.behaviour = sumTool;
});

const agent = (name: string, extra: Partial<AgentBlueprintInput> = {}): AgentBlueprintInput => ({
  name,
  type: 'analysis',
  description: 'Adds numbers with its tool.',
  systemPrompt: 'You add numbers with the agent_sum tool.',
  tools: ['agent_sum'],
  outputFormat: { format: 'text' },
  ...extra,
});
const call = (args: Record<string, unknown>, name = 'agent_sum'): Reply => ({ toolCalls: [{ name, arguments: args }] });

async function runAgent(bp: AgentBlueprintInput, task = 'What is 2 + 3?') {
  const before = core.ollama.chats().length;
  const a = await core.deps.factory.agents.create(bp, core.user);
  const { runId } = await core.deps.factory.agents.run(a.id, task, core.user);
  await core.settle();
  const run = await core.deps.factory.work.get('run', runId, core.user);
  return { agentId: a.id, run, chats: core.ollama.chats().slice(before) };
}
type Msg = { role: string; content: string; tool_name?: string };
const messagesOf = (r: RecordedRequest) => r.body.messages as Msg[];

describe('agent loop', () => {
  it('a tool call runs the tool in the sandbox, its JSON result goes back to the model, the answer ends the run', async () => {
    script.push(call({ numbers: [2, 3] }), { content: 'The sum is 5.' });
    const { agentId, run, chats } = await runAgent(agent('adder'));
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.result).toMatchObject({ answer: 'The sum is 5.', turns: 2 });
    expect(core.containers.runs).toHaveLength(1);
    expect(core.containers.runs[0]).toMatchObject({ language: 'python', source: SUM });
    expect(JSON.parse(core.containers.runs[0]!.stdin!)).toEqual({ numbers: [2, 3] });
    expect(chats).toHaveLength(2);
    expect(chats[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['agent_sum']);
    const toolMsg = messagesOf(chats[1]!).at(-1)!;
    expect(toolMsg.role).toBe('tool');
    expect(JSON.parse(toolMsg.content)).toMatchObject({ status: 'ok', exitCode: 0, json: { sum: 5 } });
    const executed = (await core.deps.audit.query({ limit: 1000 })).filter((e) => e.type === 'tool_executed' && e.agent === agentId);
    expect(executed).toHaveLength(1);
    expect(run.steps.map((s) => (s as { kind: string }).kind)).toEqual(['model', 'tool', 'model']);
  });

  it('arguments that do not match the inputSpec never reach the sandbox; the model gets INPUT_INVALID and may go on', async () => {
    script.push(call({ numbers: 'two and three' }), { content: 'I could not add them.' });
    const { run, chats } = await runAgent(agent('bad-args'));
    expect(run.status).toBe('succeeded');
    expect(core.containers.runs).toHaveLength(0);
    const reply = JSON.parse(messagesOf(chats[1]!).at(-1)!.content) as { code: string; details: { issues: { path: string }[] } };
    expect(reply.code).toBe('INPUT_INVALID');
    expect(reply.details.issues[0]!.path).toBe('input.numbers');
  });

  // Ollama's parser drops a call it cannot match to a declared tool (tag-style templates): the reply is empty
  it('a call of an undeclared tool is asked again once with the declared tools, then the run fails with LLM_TOOL_CALL_INVALID', async () => {
    script.push(call({ cmd: 'id' }, 'shell_exec'), call({ cmd: 'id' }, 'shell_exec'));
    const { run, chats } = await runAgent(agent('undeclared'));
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'LLM_TOOL_CALL_INVALID', details: { reason: 'empty' } });
    expect(core.containers.runs).toHaveLength(0);
    const reprompt = messagesOf(chats[1]!).at(-1)!;
    expect(reprompt.role).toBe('user');
    expect(reprompt.content).toContain('- agent_sum(numbers: array)');
  });

  it('toolUse required: prose before any tool ran is asked again; the run goes on once the tool is called', async () => {
    script.push({ content: 'It is 5, I think.' }, call({ numbers: [2, 3] }), { content: '5' });
    const { run, chats } = await runAgent(agent('must-call', { toolUse: 'required' }));
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(messagesOf(chats[1]!).at(-1)!.content).toContain('this agent must use its tools');
    expect(core.containers.runs).toHaveLength(1);
  });

  it('a run that never answers ends at the turn limit', async () => {
    script.push(call({ numbers: [1] }), call({ numbers: [2] }));
    const { run } = await runAgent(agent('loops', { maxTurns: 2 }));
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { maxTurns: 2 } });
    expect(core.containers.runs).toHaveLength(2);
  });

  it('a tool run that ends in a timeout is reported to the model as such', async () => {
    core.containers.behaviour = () => ({ status: 'timeout', exitCode: null, stderr: 'time limit' });
    script.push(call({ numbers: [2, 3] }), { content: 'The tool timed out.' });
    const { run, chats } = await runAgent(agent('slow-tool'));
    expect(run.status).toBe('succeeded');
    expect(JSON.parse(messagesOf(chats[1]!).at(-1)!.content)).toMatchObject({ status: 'timeout', stderr: 'time limit' });
  });

  it("persistentSandbox: every tool call of the run uses the run's session, which is destroyed when the run ends", async () => {
    script.push(call({ numbers: [1, 2] }), call({ numbers: [3] }), { content: 'done' });
    const { run } = await runAgent(agent('keeps-files', { persistentSandbox: true }));
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(core.containers.runs.map((r) => r.sessionId)).toEqual([run.id, run.id]);
    expect(core.containers.closedSessions).toContain(run.id);
  });
});
