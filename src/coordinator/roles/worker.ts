/**
 * Execution (seed 004 §3.1 phase 4): one agent run on one sub-task, with the tools it is offered,
 * through the step's journaling provider and tool runner (scripts are checked and sandboxed by the
 * factory as for any run). Replies are sorted as the factory's agent runs sort them (agent-turns.ts:
 * Ollama drops undeclared calls or turns them into text, small models write calls as text). Whatever
 * the model does has a defined outcome:
 * - an empty reply, a call of a tool the agent does not have, a call written as text, or prose while
 *   a tool call is needed (the sub-task names a tool the agent has, or its blueprint requires tool
 *   use, and none ran yet): asked once more with the declared tools, then AGENT_NO_ANSWER (empty) or
 *   LLM_TOOL_CALL_INVALID;
 * - wrong arguments: the tool's error goes back to the model as its result;
 * - the same call with the same arguments `maxRepeated` times: AGENT_LOOP;
 * - no final answer within the turn limit: AGENT_NO_ANSWER.
 * The workflow retries those with the error in the prompt, then reassigns (seed 003's matrix).
 */
import type { AgentBlueprint, ToolBlueprint } from '../../blueprints/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import { classifyReply, repromptMessage, toolSpecOf } from '../../factory/index.ts';
import type { ChatMessage } from '../../llm/index.ts';
import { renderAgentSystemPrompt, renderTemplate } from '../../templates/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import { canonicalJson } from '../journal.ts';
import type { PoolAgent } from '../ports.ts';
import type { QualityIssue, SubTask } from './schemas.ts';

export const INPUT_CHARS = 8000;
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}\n… (${s.length - n} more characters)` : s);

export interface AssignmentInput {
  projectTask: string;
  task: SubTask;
  inputs: { id: string; result: string }[];
  knowledge: { id: string; summary: string }[];
  missingTools: string[];
  previous?: { iteration: number; result: string; issues: QualityIssue[] };
  error?: string;
}

export function assignmentContext(a: AssignmentInput) {
  return {
    projectTask: a.projectTask,
    task: a.task,
    hasCriteria: a.task.acceptanceCriteria.length > 0,
    inputs: a.inputs.map((i) => ({ id: i.id, result: cut(i.result, INPUT_CHARS) })),
    hasInputs: a.inputs.length > 0,
    knowledge: a.knowledge,
    hasKnowledge: a.knowledge.length > 0,
    missingTools: a.missingTools.join(', '),
    hasMissingTools: a.missingTools.length > 0,
    previous: a.previous
      ? { iteration: a.previous.iteration, result: cut(a.previous.result, INPUT_CHARS), issues: a.previous.issues }
      : null,
    error: a.error ?? null,
  };
}

export interface WorkerResult {
  answer: string;
  agentId: string;
  agentName: string;
  turns: number;
  toolCalls: number;
}

export interface WorkerRequest {
  agent: PoolAgent;
  offered: ToolBlueprint[];
  assignment: AssignmentInput;
  maxTurns: number;
  maxRepeated: number;
  actor: string;
}

export async function runWorker(io: StepIO, r: WorkerRequest): Promise<WorkerResult> {
  const bp: AgentBlueprint = r.agent.blueprint;
  const specs = r.offered.map(toolSpecOf);
  const declared = specs.map((t) => t.name);
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content: renderAgentSystemPrompt(
        bp,
        r.offered.map((t) => ({ name: t.name, description: t.description })),
      ),
    },
    { role: 'user', content: renderTemplate('coordinator-assignment.md', assignmentContext(r.assignment)).trim() },
  ];
  // the sub-task names tools this agent has, or its blueprint requires tool use: prose is no answer until one ran
  const needsTool = bp.toolUse === 'required' || r.assignment.task.tools.some((t) => declared.includes(t));
  const seen = new Map<string, number>();
  let calls = 0;
  let reprompted = false;
  for (let turn = 1; turn <= r.maxTurns; turn++) {
    const res = await io.llm.chat({
      role: `agent:${bp.name}`,
      ...(bp.model ? { model: bp.model } : {}),
      messages,
      ...(specs.length ? { tools: specs } : {}),
      compact: true,
      agent: r.agent.id,
    });
    messages.push(res.message);
    const requireCall = needsTool && calls === 0;
    const reply = classifyReply(res.message, declared, requireCall);
    if (reply.kind === 'answer') return { answer: reply.text, agentId: r.agent.id, agentName: bp.name, turns: turn, toolCalls: calls };
    if (reply.kind === 'problem') {
      if (reprompted) throw unusable(bp.name, r.assignment.task.id, reply, res.message.content, r.agent.id, turn);
      reprompted = true;
      io.say('reprompting', `${bp.name}: the reply ${reply.detail}; asking again`, { agent: r.agent.id, reason: reply.reason, turn });
      if (reply.reason === 'undeclared') messages.push(...undeclaredResults(res.message, declared));
      messages.push(repromptMessage(reply.detail, specs, requireCall));
      continue;
    }
    reprompted = false;
    for (const call of res.message.toolCalls ?? []) {
      calls++;
      const sig = `${call.name}:${canonicalJson(call.arguments ?? {})}`;
      const count = (seen.get(sig) ?? 0) + 1;
      seen.set(sig, count);
      if (count >= r.maxRepeated) {
        throw new FactoryError('AGENT_LOOP', `${bp.name} called ${call.name} with the same arguments ${count} times`, {
          agent: r.agent.id,
          tool: call.name,
          arguments: call.arguments,
          times: count,
        });
      }
      const who = { actor: r.actor, task: r.assignment.task.id, agent: r.agent.id };
      const out = await io.tools.run(call.name, call.arguments ?? {}, who);
      messages.push({ role: 'tool', toolName: call.name, ...(call.id ? { toolCallId: call.id } : {}), content: JSON.stringify(out.reply) });
    }
  }
  throw new FactoryError(
    'AGENT_NO_ANSWER',
    `${bp.name} reached its turn limit (${r.maxTurns}) without a final answer for ${r.assignment.task.id}`,
    { agent: r.agent.id, maxTurns: r.maxTurns },
  );
}

/**
 * A reply still unusable after being asked again: an empty one is AGENT_NO_ANSWER; a call of a tool
 * the agent does not have, a call written as text, or prose where a tool call is needed is
 * LLM_TOOL_CALL_INVALID. Either goes to the workflow's worker retries (the error in the prompt).
 */
function unusable(agent: string, task: string, reply: { reason: string; detail: string }, content: string, id: string, turn: number) {
  const details = { agent: id, turn, reason: reply.reason, reply: content.slice(0, 2000) };
  if (reply.reason === 'empty') return new FactoryError('AGENT_NO_ANSWER', `${agent} gave an empty reply twice for ${task}`, details);
  const message = `${agent}: the reply for ${task} ${reply.detail}, also after being asked again with its tools`;
  return new FactoryError('LLM_TOOL_CALL_INVALID', message, details);
}

/** Each call of a tool the agent does not have gets an error result, so the conversation stays well formed. */
function undeclaredResults(message: ChatMessage, declared: string[]): ChatMessage[] {
  return (message.toolCalls ?? []).map((c) => {
    const result = declared.includes(c.name)
      ? { error: 'not run: the reply also called a tool that is not available' }
      : { error: `there is no tool '${c.name}' in this run`, available: declared };
    return { role: 'tool' as const, toolName: c.name, ...(c.id ? { toolCallId: c.id } : {}), content: JSON.stringify(result) };
  });
}
