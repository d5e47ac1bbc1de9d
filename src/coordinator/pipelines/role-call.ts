/**
 * One call of a pipeline role inside a step: its input checked against the role's input schema, its
 * prompt (the agent blueprint's system prompt; the task, input, knowledge and people's notes), then
 * - a role with an output schema and no tools: structured output (the LLM layer re-asks once on a
 *   mismatch, then LLM_OUTPUT_INVALID), the value validated by the zod schema built from it;
 * - a role with tools (its blueprint's registered tools, or the handoff's transfers): an agent loop
 *   through the step's journaling provider and tool runner, replies sorted as agent runs sort them;
 *   a transfer ends the loop; a final answer is checked against the output schema when there is one;
 * - else a text answer.
 */
import type { ToolBlueprint } from '../../blueprints/index.ts';
import { FactoryError, formatIssues } from '../../errors/catalog.ts';
import { classifyReply, repromptMessage, toolSpecOf } from '../../factory/index.ts';
import type { ChatMessage, ToolSpec } from '../../llm/index.ts';
import { renderAgentSystemPrompt } from '../../templates/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import { canonicalJson } from '../journal.ts';
import type { PipelineRole } from './load.ts';

export interface RoleRequest {
  pipeline: string;
  task: string;
  input: Record<string, unknown>;
  /** what the pattern asks of the role this time */
  instructions?: string;
  knowledge?: { title: string; content: string; score: number }[];
  notes?: { by: string; text: string }[];
  /** handoff: transfer tools offered next to the role's own */
  transfers?: { to: string; description: string }[];
  /** the role's registered tools (resolved in the step from the tool pool) */
  offered?: ToolBlueprint[];
  /** who the project belongs to (tool runs run as this actor) */
  owner: string;
  maxRepeatedToolCalls: number;
}

export type RoleReply =
  | { kind: 'answer'; value: unknown; text: string; turns: number; toolCalls: number }
  | { kind: 'transfer'; to: string; reason: string; text: string; turns: number; toolCalls: number };

const TRANSFER_PREFIX = 'transfer_to_';
const INPUT_CHARS = 24_000;

export function userMessage(role: PipelineRole, r: RoleRequest, structured: boolean): string {
  const input = JSON.stringify(r.input, null, 1);
  const parts = [
    `# Role \`${role.key}\` of the pipeline \`${r.pipeline}\``,
    `## The project's task\n${r.task}`,
    `## Your input\n\`\`\`json\n${input.length > INPUT_CHARS ? `${input.slice(0, INPUT_CHARS)}\n… (cut)` : input}\n\`\`\``,
  ];
  if (r.knowledge?.length) {
    parts.push(`## Knowledge from earlier work (use what fits)\n${r.knowledge.map((k) => `- **${k.title}**: ${k.content}`).join('\n')}`);
  }
  if (r.notes?.length) parts.push(`## Notes from people on this project\n${r.notes.map((n) => `- ${n.by}: ${n.text}`).join('\n')}`);
  if (r.instructions) parts.push(`## What to do now\n${r.instructions}`);
  parts.push(structured ? '## Answer\nAnswer with one JSON object in the required format, nothing else.' : '## Answer\nAnswer in text.');
  return parts.join('\n\n');
}

export async function callRole(io: StepIO, role: PipelineRole, r: RoleRequest): Promise<RoleReply> {
  if (role.input) {
    const ok = role.input.zod.safeParse(r.input);
    if (!ok.success) {
      throw new FactoryError('ROLE_INPUT_INVALID', `The input for role ${role.key} does not match its input schema`, {
        role: role.key,
        issues: formatIssues(ok.error.issues),
      });
    }
  }
  const bp = role.blueprint;
  const offered = (r.offered ?? []).filter((t) => bp.tools.includes(t.name));
  const specs: ToolSpec[] = [...offered.map(toolSpecOf), ...(r.transfers ?? []).map(transferSpec)];
  const structured = role.output !== undefined && specs.length === 0;
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content: renderAgentSystemPrompt(
        bp,
        offered.map((t) => ({ name: t.name, description: t.description })),
      ),
    },
    { role: 'user', content: userMessage(role, r, role.output !== undefined) },
  ];
  const common = { role: `agent:${bp.name}`, ...(bp.model ? { model: bp.model } : {}), agent: `role:${role.key}` };
  if (structured) {
    const res = await io.llm.structured(role.output!, { ...common, messages, options: { temperature: 0.2 } });
    return { kind: 'answer', value: res.value, text: JSON.stringify(res.value), turns: 1, toolCalls: 0 };
  }
  if (specs.length === 0) {
    const res = await io.llm.chat({ ...common, messages, compact: true });
    const text = res.message.content.trim();
    if (!text) throw new FactoryError('AGENT_NO_ANSWER', `role ${role.key} gave an empty answer`, { role: role.key });
    return { kind: 'answer', value: text, text, turns: 1, toolCalls: 0 };
  }
  return toolLoop(io, role, r, messages, specs, common);
}

function transferSpec(t: { to: string; description: string }): ToolSpec {
  return {
    name: `${TRANSFER_PREFIX}${t.to}`,
    description: `Hand the conversation to ${t.to}: ${t.description}`.slice(0, 1000),
    parameters: {
      type: 'object',
      properties: { reason: { type: 'string', description: 'why this agent should take over' } },
      required: [],
    },
  };
}

async function toolLoop(
  io: StepIO,
  role: PipelineRole,
  r: RoleRequest,
  messages: ChatMessage[],
  specs: ToolSpec[],
  common: { role: string; model?: string; agent: string },
): Promise<RoleReply> {
  const declared = specs.map((s) => s.name);
  const maxTurns = role.blueprint.maxTurns ?? 8;
  const seen = new Map<string, number>();
  let calls = 0;
  let reprompted = false;
  for (let turn = 1; turn <= maxTurns; turn++) {
    const res = await io.llm.chat({ ...common, messages, tools: specs, compact: true });
    messages.push(res.message);
    const reply = classifyReply(res.message, declared, role.blueprint.toolUse === 'required' && calls === 0);
    if (reply.kind === 'answer')
      return { kind: 'answer', value: finalValue(role, reply.text), text: reply.text, turns: turn, toolCalls: calls };
    if (reply.kind === 'problem') {
      if (reprompted) {
        const code = reply.reason === 'empty' ? 'AGENT_NO_ANSWER' : 'LLM_TOOL_CALL_INVALID';
        throw new FactoryError(code, `role ${role.key}: the reply ${reply.detail}, also after being asked again`, {
          role: role.key,
          reason: reply.reason,
        });
      }
      reprompted = true;
      messages.push(repromptMessage(reply.detail, specs, false));
      continue;
    }
    reprompted = false;
    const transfer = res.message.toolCalls?.find((c) => c.name.startsWith(TRANSFER_PREFIX));
    if (transfer) {
      const reason = typeof transfer.arguments?.reason === 'string' ? transfer.arguments.reason : '';
      return {
        kind: 'transfer',
        to: transfer.name.slice(TRANSFER_PREFIX.length),
        reason,
        text: res.message.content,
        turns: turn,
        toolCalls: calls,
      };
    }
    for (const call of res.message.toolCalls ?? []) {
      calls++;
      const sig = `${call.name}:${canonicalJson(call.arguments ?? {})}`;
      const n = (seen.get(sig) ?? 0) + 1;
      seen.set(sig, n);
      if (n >= r.maxRepeatedToolCalls)
        throw new FactoryError('AGENT_LOOP', `role ${role.key} called ${call.name} with the same arguments ${n} times`, {
          role: role.key,
          tool: call.name,
        });
      const out = await io.tools.run(call.name, call.arguments ?? {}, { actor: r.owner, task: io.key, agent: `role:${role.key}` });
      messages.push({ role: 'tool', toolName: call.name, ...(call.id ? { toolCallId: call.id } : {}), content: JSON.stringify(out.reply) });
    }
  }
  throw new FactoryError('AGENT_NO_ANSWER', `role ${role.key} reached its turn limit (${maxTurns}) without a final answer`, {
    role: role.key,
    maxTurns,
  });
}

/** A final answer of a role with an output schema: one JSON object matching it (fences allowed). */
function finalValue(role: PipelineRole, text: string): unknown {
  if (!role.output) return text;
  const body = text.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new FactoryError('LLM_OUTPUT_INVALID', `role ${role.key} answered with text that is not JSON`, {
      role: role.key,
      reply: text.slice(0, 2000),
    });
  }
  const ok = role.output.schema.safeParse(raw);
  if (!ok.success) {
    throw new FactoryError('LLM_OUTPUT_INVALID', `role ${role.key}'s answer does not match its output schema`, {
      role: role.key,
      issues: formatIssues(ok.error.issues),
    });
  }
  return ok.data;
}
