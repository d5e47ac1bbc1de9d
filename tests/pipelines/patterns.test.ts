// Seed 000's five patterns, each as the repository's pipeline file run with its example project
// against the scripted model: sequential, concurrent (fan out at the limit, then aggregate), group
// chat (an invalid selector answer asked again), handoff (ping-pong caught), magentic (a stall and a
// replan). Every run goes through the engine: steps journaled, replay with no model gives the result.
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineRegistry } from '../../src/coordinator/index.ts';
import { REPO } from '../helpers/env.ts';
import { ALICE } from '../coordinator/harness.ts';
import { startPipelines, type PipelineHarness } from './harness.ts';
import { asked, type PScript } from './script.ts';

let h: PipelineHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const shipped = new PipelineRegistry(`${REPO}/pipelines`);
const example = (name: string) => shipped.get(name)!.spec.example!;

async function replays(id: string): Promise<void> {
  const calls = h!.chats().length;
  await expect(h!.coordinator.replay(ALICE, id)).resolves.toMatchObject({ ok: true, resultMatches: true, unvisited: [] });
  expect(h!.chats()).toHaveLength(calls);
}

describe('sequential', () => {
  it('runs each role in turn, each seeing the outputs before it; the last output is the result', async () => {
    const model: PScript = (a) => {
      if (a.role === 'researcher') return { facts: ['WAL appends to a log', 'checkpoints copy pages back'], openQuestions: [] };
      if (a.role === 'writer') return `draft built on ${a.input.previous[0].output.facts.length} facts`;
      if (a.role === 'editor') return `final: ${a.input.previous[1].output}`;
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('sequential', example('sequential').task);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(asked(h.chats())).toEqual(['researcher', 'writer', 'editor']);
    expect(p.result).toMatchObject({ result: 'final: draft built on 2 facts' });
    // the researcher's reply went through its output schema as Ollama's format
    expect(h.chats()[0]!.body.format.properties.facts.type).toBe('array');
    await replays(p.id);
  });

  it('a step whose output stays invalid is retried with the error in its prompt, then fails the project', async () => {
    const model: PScript = (a) => (a.role === 'researcher' ? { facts: 'not a list' } : undefined);
    h = await startPipelines({ model });
    const p = await h.runPipeline('sequential', 'x', { workerRetries: 1 });
    expect(p).toMatchObject({ status: 'failed', error: { code: 'LLM_OUTPUT_INVALID' } });
    // two attempts, each asked twice by the LLM layer; the second attempt names the first one's error
    expect(asked(h.chats())).toEqual(['researcher', 'researcher', 'researcher', 'researcher']);
    expect(h.chats()[2]!.body.messages[1].content).toMatch(/Your previous answer failed: LLM_OUTPUT_INVALID/);
  });
});

describe('concurrent', () => {
  it('fans out to every agent at most maxConcurrentAgents at once, then aggregates', async () => {
    let running = 0;
    let peak = 0;
    const model: PScript = (a) => {
      if (a.role === 'aggregator') return `recommendation from ${a.input.results.map((r: any) => r.agent).join('+')}`;
      if (a.kind !== 'role') return undefined;
      running++;
      peak = Math.max(peak, running);
      setTimeout(() => running--, 150);
      return { content: `${a.role} view`, delayMs: 150 };
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('concurrent', example('concurrent').task, { maxConcurrentAgents: 2 });
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(peak).toBe(2);
    expect(asked(h.chats()).at(-1)).toBe('aggregator');
    expect(p.result).toMatchObject({ result: 'recommendation from business+risk+technical', parts: 3, failed: [] });
    await replays(p.id);
  });
});

/** Holds the only project slot with a project whose first reply never comes, until `release()` cancels it. */
async function blocker(): Promise<{ release(): Promise<void> }> {
  const p = await h!.coordinator.create(ALICE, { task: 'BLOCKER', pipeline: 'sequential' });
  return { release: async () => void (await h!.coordinator.cancel(ALICE, p.id)) };
}
const blockingModel: PScript = (a) => (a.user.includes('BLOCKER') ? { content: 'never', delayMs: 120_000 } : undefined);

describe('group chat', () => {
  it('a person’s @mention speaks first; an invalid selector answer is asked again; TERMINATE ends the chat', async () => {
    const model: PScript = (a) => {
      if (a.kind === 'selector' && a.n === 0) return { speaker: 'nobody', reason: 'x' };
      if (a.kind === 'selector' && a.n === 1) return { speaker: 'architect', reason: 'needs a design' };
      if (a.kind === 'selector') return { speaker: 'pragmatist', reason: 'wrap up' };
      if (a.role === 'critic') return 'vectors of another model are not comparable: store the model with each vector';
      if (a.role === 'architect') return 'one table with a model column and a float32 blob';
      if (a.role === 'pragmatist') return 'agreed, ship that. TERMINATE';
      if (a.role === 'summarizer') return `design agreed after ${a.input.transcript.length} messages`;
      return undefined;
    };
    h = await startPipelines({ model: [blockingModel, model], config: { 'coordinator.maxConcurrentProjects': '1' } });
    const block = await blocker();
    const ex = example('group-chat');
    const p = await h.coordinator.create(ALICE, { task: ex.task, pipeline: 'group-chat' });
    const sent = await h.coordinator.sendMessage(ALICE, p.id, { text: ex.messages[0]! });
    expect(sent).toMatchObject({ delivered: 'inbox', mentions: ['critic'], to: ['critic'] });
    await block.release();
    const done = await h.coordinator.settled(ALICE, p.id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const order = asked(h.chats()).filter((x) => x !== 'researcher');
    expect(order).toEqual(['critic', 'selector:chair', 'selector:chair', 'architect', 'selector:chair', 'pragmatist', 'summarizer']);
    // the re-ask names the problem with the first answer
    const reask = h.chats().filter((c) => c.body.format?.properties?.speaker)[1]!;
    expect(JSON.stringify(reask.body.messages.at(-1))).toMatch(/speaker/);
    expect(done.result).toMatchObject({ endedBy: 'terminate', turns: 3, result: 'design agreed after 4 messages' });
    const convo = (await h.coordinator.messages(ALICE, p.id)).items;
    expect(convo.slice(0, 2).map((l) => [l.kind, l.from])).toEqual([
      ['message', `human:${ALICE.id}`],
      ['agent', 'critic'],
    ]);
    expect(convo.some((l) => l.kind === 'selected' && l.to?.[0] === 'architect')).toBe(true);
    await replays(p.id);
  });

  it('a selector that names no member after the re-ask hands the turn to the next member; the turn limit ends the chat', async () => {
    const model: PScript = (a) => {
      if (a.kind === 'selector') return { speaker: 'everyone', reason: 'x' };
      if (a.kind === 'role' && a.role !== 'summarizer') return `${a.role} speaks`;
      if (a.role === 'summarizer') return `ended by ${a.input.endedBy}`;
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('group-chat', 'talk');
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    const speakers = asked(h.chats()).filter((x) => !x.startsWith('selector') && x !== 'summarizer');
    expect(speakers).toEqual(['architect', 'critic', 'pragmatist', 'architect', 'critic', 'pragmatist', 'architect', 'critic']);
    expect(p.result).toMatchObject({ endedBy: 'turn-limit', turns: 8, result: 'ended by turn-limit' });
    const picks = (await h.coordinator.steps(ALICE, p.id, { limit: 1000 })).items.filter((s) => s.meta.phase === 'select');
    expect(picks.every((s) => (s.data as { by: string }).by === 'round-robin')).toBe(true);
  });
});

const transfer = (to: string, reason = 'better suited') => ({
  content: '',
  toolCalls: [{ name: `transfer_to_${to}`, arguments: { reason } }],
});

describe('handoff', () => {
  it('agents transfer the conversation with tool calls until one answers', async () => {
    const model: PScript = (a) => {
      if (a.role === 'triage') return transfer('billing', 'a 402 is about payment');
      if (a.role === 'billing') return transfer('technical', 'the invoice is paid: a technical fault');
      if (a.role === 'technical') return 'the API key was rotated; create a new key';
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('handoff', example('handoff').task);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(asked(h.chats())).toEqual(['triage', 'billing', 'technical']);
    // each agent is offered only the transfers its handoffs allow
    expect(h.chats().map((c) => (c.body.tools ?? []).map((t: any) => t.function.name))).toEqual([
      ['transfer_to_billing', 'transfer_to_technical'],
      ['transfer_to_technical', 'transfer_to_triage'],
      ['transfer_to_billing', 'transfer_to_triage'],
    ]);
    expect(p.result).toMatchObject({
      answeredBy: 'technical',
      handoffs: [
        { from: 'triage', to: 'billing' },
        { from: 'billing', to: 'technical' },
      ],
    });
    await replays(p.id);
  });

  it('ping-pong between two agents is caught and fails the project with HANDOFF_LOOP', async () => {
    const model: PScript = (a) => {
      if (a.role === 'triage') return transfer('billing');
      if (a.role === 'billing') return transfer('technical', 'technical problem');
      if (a.role === 'technical') return transfer('billing', 'billing problem');
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('handoff', example('handoff').task);
    expect(p).toMatchObject({ status: 'failed', error: { code: 'HANDOFF_LOOP', details: { kind: 'ping-pong' } } });
    expect(asked(h.chats())).toEqual(['triage', 'billing', 'technical', 'billing']);
    expect((p.error!.details as { agents: string[] }).agents.sort()).toEqual(['billing', 'technical']);
    expect(h.events.filter((e) => e.project === p.id).map((e) => e.status)).toContain('loop_caught');
    await expect(h.coordinator.replay(ALICE, p.id)).resolves.toMatchObject({ ok: true, unvisited: [], error: { code: 'HANDOFF_LOOP' } });
  });
});

describe('magentic', () => {
  it('stalls count turns without progress; at maxStalls the task ledger is made again, then the task is done', async () => {
    const ledger = { facts: { given: ['40 % abandon at checkout'], toLookUp: [], toDerive: [], guesses: [] }, plan: ['find causes'] };
    const progress = (satisfied: boolean, progressing: boolean, next = 'researcher') => ({
      isRequestSatisfied: { answer: satisfied, reason: '' },
      isInLoop: { answer: false, reason: '' },
      isProgressBeingMade: { answer: progressing, reason: progressing ? 'new facts' : 'nothing new' },
      nextSpeaker: { answer: next, reason: '' },
      instructionOrQuestion: { answer: `go, ${next}`, reason: '' },
    });
    const model: PScript = (a) => {
      if (a.kind === 'ledger') return { ...ledger, plan: [`plan ${a.n + 1}`] };
      if (a.kind === 'progress')
        return [progress(false, true), progress(false, false), progress(false, false, 'analyst'), progress(true, true)][a.n];
      if (a.kind === 'final') return 'three fixes: faster checkout, retry payments, fix mobile layout';
      if (a.kind === 'role') return `${a.role} found something`;
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('magentic', example('magentic').task);
    expect(p.status, JSON.stringify(p.error)).toBe('completed');
    expect(asked(h.chats())).toEqual([
      'ledger:orchestrator',
      'progress:orchestrator',
      'researcher',
      'progress:orchestrator',
      'researcher',
      'progress:orchestrator',
      'ledger:orchestrator',
      'progress:orchestrator',
      'final:orchestrator',
    ]);
    expect(p.result).toMatchObject({ satisfied: true, replans: 1, ledger: { plan: ['plan 2'] } });
    expect(h.events.filter((e) => e.project === p.id).map((e) => e.status)).toContain('replanned');
    // the progress ledger's next speaker is held to the agents by the format's enum
    const fmt = h.chats()[1]!.body.format;
    expect(fmt.properties.nextSpeaker.properties.answer.enum).toEqual(['researcher', 'analyst', 'coder']);
    await replays(p.id);
  });

  it('past maxReplans the project fails with PIPELINE_STALLED', async () => {
    const model: PScript = (a) => {
      if (a.kind === 'ledger') return { facts: { given: [], toLookUp: [], toDerive: [], guesses: [] }, plan: ['x'] };
      if (a.kind === 'progress')
        return {
          isRequestSatisfied: { answer: false, reason: '' },
          isInLoop: { answer: true, reason: 'same answer again' },
          isProgressBeingMade: { answer: false, reason: '' },
          nextSpeaker: { answer: 'coder', reason: '' },
          instructionOrQuestion: { answer: 'try again', reason: '' },
        };
      if (a.kind === 'role') return 'the same';
      return undefined;
    };
    h = await startPipelines({ model });
    const p = await h.runPipeline('magentic', 'x');
    expect(p).toMatchObject({ status: 'failed', error: { code: 'PIPELINE_STALLED', details: { replans: 2 } } });
    expect(asked(h.chats()).filter((x) => x.startsWith('ledger'))).toHaveLength(3);
  });
});
