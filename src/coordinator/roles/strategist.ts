/**
 * The strategist (seed 004 §2.1.2): analyse the task and decompose it into sub-tasks. The plan is
 * checked by schema (the LLM layer re-asks once on a mismatch) and by structure (ids, inputs, cycles,
 * size); structural problems go back to the model once, then the step fails with PLAN_INVALID.
 */
import { AGENT_TYPES } from '../../blueprints/index.ts';
import { FactoryError } from '../../errors/catalog.ts';
import type { ChatMessage } from '../../llm/index.ts';
import { renderPrompt, renderTemplate } from '../../templates/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import { planProblems, type PlanIssue } from './plan.ts';
import { FORMATS, type Plan } from './schemas.ts';

export interface PlanRequest {
  task: string;
  maxTasks: number;
  tools: { name: string; description: string }[];
  /** why the previous plan was rejected or failed (replanning) */
  feedback?: string;
  /** results an earlier plan produced */
  earlier?: { id: string; summary: string }[];
}

export interface PlanOutcome {
  plan: Plan;
  /** model calls it took (1, or 2 when problems went back) */
  asks: number;
  /** the problems of the first answer, if any */
  problems: PlanIssue[];
}

export function strategistContext(r: PlanRequest) {
  return {
    task: r.task,
    maxTasks: r.maxTasks,
    types: AGENT_TYPES.map((t) => `\`${t}\``).join(', '),
    feedback: r.feedback ?? null,
    earlier: r.earlier ?? [],
    hasEarlier: (r.earlier ?? []).length > 0,
    tools: r.tools.map((t) => ({ name: t.name, description: t.description.replace(/\s+/g, ' ').slice(0, 300) })),
    hasTools: r.tools.length > 0,
  };
}

export async function makePlan(io: StepIO, r: PlanRequest): Promise<PlanOutcome> {
  const prompt = renderPrompt('coordinator-strategist.md', strategistContext(r));
  const messages: ChatMessage[] = [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ];
  const first = await io.llm.structured(FORMATS.plan, { role: 'strategist', messages, options: { temperature: 0.2 } });
  const problems = planProblems(first.value, r.maxTasks);
  if (problems.length === 0) return { plan: first.value, asks: 1, problems };
  io.say('plan_problems', `the plan has ${problems.length} problem(s); asking once more`, { problems });
  const again: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: JSON.stringify(first.value) },
    { role: 'user', content: renderTemplate('coordinator-plan-problems.md', { problems }).trim() },
  ];
  const second = await io.llm.structured(FORMATS.plan, { role: 'strategist', messages: again, options: { temperature: 0.2 } });
  const left = planProblems(second.value, r.maxTasks);
  if (left.length > 0) {
    throw new FactoryError('PLAN_INVALID', `The strategist's plan still has ${left.length} problem(s) after they were sent back once`, {
      issues: left,
      firstIssues: problems,
    });
  }
  return { plan: second.value, asks: 2, problems };
}
