/**
 * The contexts the agent templates render with: `agent-system.md` (an agent's system prompt) and
 * `specialist-designer.md` (the model designs an AgentBlueprint for a task).
 */
import type { AgentBlueprint } from '../blueprints/agent.ts';
import { AGENT_OUTPUT_FORMATS, LIMITS } from '../blueprints/common.ts';
import { SKILL_LEVELS } from '../blueprints/agent.ts';
import { renderTemplate } from './load.ts';

/** A tool as an agent is told about it. */
export interface ToolSummary {
  name: string;
  description?: string;
}

function toolList(names: readonly string[], known: readonly ToolSummary[] | undefined) {
  const byName = new Map((known ?? []).map((t) => [t.name, t]));
  return names.map((name) => ({ name, description: byName.get(name)?.description?.trim() || null }));
}

/**
 * Context for `agent-system.md`. `tools` describes the tools that can actually be offered: when it is
 * given, only the blueprint's tools found in it are listed (a tool that is not registered is never
 * offered to the model); without it every tool the blueprint names is listed.
 */
export function agentSystemContext(bp: AgentBlueprint, tools?: readonly ToolSummary[]) {
  const names = tools === undefined ? bp.tools : bp.tools.filter((t) => tools.some((k) => k.name === t));
  const schema = Object.entries(bp.outputFormat.schema ?? {}).map(([field, type]) => ({ field, type }));
  return {
    systemPrompt: bp.systemPrompt.trim(),
    agent: { name: bp.name, type: bp.type, description: bp.description.trim().replace(/[.!]+$/, '') },
    knowledge: bp.domainKnowledge.map((k) => ({ category: k.category, content: k.content.trim(), source: k.source, reliability: k.reliability })),
    hasKnowledge: bp.domainKnowledge.length > 0,
    skills: bp.skills.map((s) => ({ name: s.name, description: s.description.trim(), level: s.level ?? null })),
    hasSkills: bp.skills.length > 0,
    tools: toolList(names, tools),
    hasTools: names.length > 0,
    constraints: bp.constraints,
    hasConstraints: bp.constraints.length > 0,
    output: {
      format: bp.outputFormat.format,
      isJson: bp.outputFormat.format === 'json',
      hasSchema: schema.length > 0,
      schema,
      description: bp.outputFormat.description?.trim() ?? null,
    },
  };
}

/** An agent's system prompt, rendered from its blueprint. */
export function renderAgentSystemPrompt(bp: AgentBlueprint, tools?: readonly ToolSummary[]): string {
  return renderTemplate('agent-system.md', agentSystemContext(bp, tools)).trim();
}

export interface SpecialistRequest {
  /** the task the specialist is for */
  task: string;
  domain?: string;
  skills?: readonly string[];
  /** the registered tools the specialist may choose from */
  tools: readonly ToolSummary[];
  /** the policy names that exist */
  policies: readonly string[];
  defaultPolicy?: string;
  /** an example blueprint to show the shape (a static agent is a good one) */
  example: AgentBlueprint;
}

/** Context for `specialist-designer.md`. */
export function specialistDesignerContext(req: SpecialistRequest) {
  const quote = (xs: readonly string[]) => xs.map((x) => `\`${JSON.stringify(x)}\``).join(', ');
  return {
    task: req.task.trim(),
    domain: req.domain?.trim() || null,
    skillList: (req.skills ?? []).join(', '),
    hasSkills: (req.skills ?? []).length > 0,
    tools: req.tools.map((t) => ({ name: t.name, description: t.description?.trim() || null })),
    hasTools: req.tools.length > 0,
    policyList: quote(req.policies),
    defaultPolicy: req.defaultPolicy ?? 'default',
    skillLevels: quote(SKILL_LEVELS),
    outputFormats: quote(AGENT_OUTPUT_FORMATS),
    limits: { systemPrompt: LIMITS.systemPrompt, maxTurns: LIMITS.maxTurns },
    example: JSON.stringify(req.example, null, 2),
  };
}
