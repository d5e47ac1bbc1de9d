/**
 * Execution (seed 004 §3.1 phase 4): one agent run on one sub-task, with the tools it is offered,
 * through the step's journaling provider and tool runner (scripts are checked and sandboxed by the
 * factory as for any run). Whatever the model does has a defined outcome:
 * - an empty reply: asked once more, then AGENT_NO_ANSWER;
 * - prose while the sub-task needs a tool it never called: nudged once, then the prose is the answer;
 * - an unknown tool or wrong arguments: the error goes back to the model as the tool's result;
 * - the same call with the same arguments `maxRepeated` times: AGENT_LOOP;
 * - no final answer within the turn limit: AGENT_NO_ANSWER.
 * The workflow retries those with the error in the prompt, then reassigns (seed 003's matrix).
 */
import type { AgentBlueprint, ToolBlueprint } from '../../blueprints/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import { toolSpecOf } from '../../factory/index.ts';
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
  const names = new Set(r.offered.map((t) => t.name));
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
  const needed = r.assignment.task.tools.filter((t) => names.has(t));
  const seen = new Map<string, number>();
  let calls = 0;
  let emptyAsked = false;
  let nudged = false;
  for (let turn = 1; turn <= r.maxTurns; turn++) {
    const res = await io.llm.chat({
      role: `agent:${bp.name}`,
      ...(bp.model ? { model: bp.model } : {}),
      messages,
      ...(specs.length ? { tools: specs } : {}),
      agent: r.agent.id,
    });
    const toolCalls = res.message.toolCalls ?? [];
    if (toolCalls.length === 0) {
      const text = res.message.content.trim();
      if (!text) {
        if (emptyAsked)
          throw new FactoryError('AGENT_NO_ANSWER', `${bp.name} gave an empty reply twice for ${r.assignment.task.id}`, {
            agent: r.agent.id,
            turn,
          });
        emptyAsked = true;
        messages.push(res.message, { role: 'user', content: 'Your reply was empty. Answer the assignment now: give the complete result.' });
        continue;
      }
      if (needed.length > 0 && calls === 0 && !nudged) {
        nudged = true;
        messages.push(res.message, {
          role: 'user',
          content: `This sub-task needs the tool(s) ${needed.join(', ')}. Call one now with the right arguments; do not guess its result.`,
        });
        continue;
      }
      return { answer: text, agentId: r.agent.id, agentName: bp.name, turns: turn, toolCalls: calls };
    }
    messages.push(res.message);
    for (const call of toolCalls) {
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
      let reply: Record<string, unknown>;
      if (!names.has(call.name)) {
        reply = { error: `there is no tool '${call.name}' in this run`, available: [...names] };
      } else {
        reply = (await io.tools.run(call.name, call.arguments ?? {}, { actor: r.actor, task: r.assignment.task.id, agent: r.agent.id }))
          .reply;
      }
      messages.push({ role: 'tool', toolName: call.name, content: JSON.stringify(reply) });
    }
  }
  throw new FactoryError(
    'AGENT_NO_ANSWER',
    `${bp.name} reached its turn limit (${r.maxTurns}) without a final answer for ${r.assignment.task.id}`,
    { agent: r.agent.id, maxTurns: r.maxTurns },
  );
}
