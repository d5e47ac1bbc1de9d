/**
 * AgentBlueprint (seed 004 §2.2): what a specialist agent is: its system prompt, the domain knowledge
 * it is given, its skills, the tools it may call, its constraints and the shape of its answers, plus
 * the model it runs on, the policy its tool calls run under, a turn limit and an optional expiry.
 */
import { z } from 'zod';
import { PolicyName } from '../policy/schema.ts';
import { AgentOutputSpec, BlueprintName, LIMITS, ModelName, text, textList, TtlSeconds } from './common.ts';

/** Seed 004 §2.4.2 AgentType. `specialist` is what the factory creates for a task at run time. */
export const AGENT_TYPES = ['research', 'development', 'analysis', 'content', 'review', 'security', 'specialist'] as const;
export const AgentType = z.enum(AGENT_TYPES);
export type AgentType = z.infer<typeof AgentType>;

/** A piece of domain knowledge injected into the agent's context (seed 004 KnowledgeItem). */
export const KnowledgeItem = z.strictObject({
  category: text(LIMITS.shortText),
  content: text(LIMITS.knowledgeContent),
  source: text(LIMITS.shortText),
  /** 0 (unverified) … 1 (authoritative) */
  reliability: z.number().min(0).max(1),
});
export type KnowledgeItem = z.infer<typeof KnowledgeItem>;

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
export const Skill = z.strictObject({
  name: text(LIMITS.shortText),
  description: text(LIMITS.description),
  level: z.enum(SKILL_LEVELS).optional(),
});
export type Skill = z.infer<typeof Skill>;

export const AgentBlueprint = z
  .strictObject({
    name: BlueprintName,
    type: AgentType,
    description: text(LIMITS.description),
    systemPrompt: text(LIMITS.systemPrompt),
    domainKnowledge: z.array(KnowledgeItem).max(LIMITS.knowledgeItems).default([]),
    skills: z.array(Skill).max(LIMITS.listItems).default([]),
    /** names of the tools this agent may call (registered tools; unknown ones are never offered) */
    tools: z.array(BlueprintName).max(LIMITS.listItems).default([]),
    constraints: textList(LIMITS.constraint).default([]),
    outputFormat: AgentOutputSpec,
    /** the Ollama model; when absent the configuration's model for the role is used */
    model: ModelName.optional(),
    /** the policy every tool call of this agent runs under */
    policy: PolicyName.default('default'),
    /** dynamic agents expire this many seconds after creation */
    ttlSeconds: TtlSeconds.optional(),
    /**
     * `required`: a run must call a tool before it may answer (a reply in prose is asked again once,
     * then the run fails with LLM_TOOL_CALL_INVALID); `auto`: the model decides.
     */
    toolUse: z.enum(['auto', 'required']).default('auto'),
    /** the most model turns one run may take */
    maxTurns: z.number().int().min(1).max(LIMITS.maxTurns).optional(),
    /**
     * Opt in to one persistent sandbox per run: the run's tool calls share /workspace and /tmp (never
     * with another run, agent or project) and it is destroyed when the run ends. Default: single-use.
     */
    persistentSandbox: z.boolean().default(false),
  })
  .superRefine((bp, ctx) => {
    bp.tools.forEach((t, i) => {
      if (bp.tools.indexOf(t) !== i) ctx.addIssue({ code: 'custom', path: ['tools', i], message: `tool '${t}' is listed twice` });
    });
    const skillNames = bp.skills.map((s) => s.name.trim().toLowerCase());
    skillNames.forEach((s, i) => {
      if (skillNames.indexOf(s) !== i)
        ctx.addIssue({ code: 'custom', path: ['skills', i, 'name'], message: `skill '${bp.skills[i]!.name}' is listed twice` });
    });
  });
export type AgentBlueprint = z.infer<typeof AgentBlueprint>;
/** An agent blueprint as written (defaults not yet applied). */
export type AgentBlueprintInput = z.input<typeof AgentBlueprint>;
