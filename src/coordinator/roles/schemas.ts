/**
 * The structured replies of the coordinator's roles. Each schema checks the reply, and its format
 * (`defineFormat`, src/llm/formats.ts) is what is sent to Ollama: bounds over Ollama's grammar limit
 * (2000 repetitions) are left out of the format and checked by zod after the reply. Every format is
 * registered, and tests/llm/formats.test.ts checks each against Ollama's grammar rules.
 */
import { z } from 'zod';
import { AGENT_TYPES } from '../../blueprints/index.ts';
import { defineFormat } from '../../llm/index.ts';

/** Text of at most `max` characters. */
export const longText = (max: number) => z.string().max(max);
/** Non-empty text (trimmed) of at most `max` characters. */
export const someText = (max: number) => longText(max).refine((s) => s.trim().length > 0, 'must not be empty');
const shortList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

export const SUB_TASK_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Seed 004 §2.1.2 SubTask. */
export const SubTaskSchema = z.object({
  id: z.string().refine((s) => SUB_TASK_ID_RE.test(s), 'must be 1-64 characters of letters, digits, _ . and -'),
  description: someText(4000),
  type: z.enum(AGENT_TYPES),
  requiredSkills: shortList(z.string().max(100), 20),
  /** ids of the sub-tasks whose results this one needs */
  inputFrom: shortList(z.string().max(64), 50),
  /** 1 (low) … 5 (high): among ready sub-tasks the higher runs first */
  priority: z.number().int().min(1).max(5),
  acceptanceCriteria: shortList(z.string().max(500), 20),
  /** registered tools it needs; a missing one is generated when tool generation is on */
  tools: shortList(z.string().max(64), 10).default([]),
});
export type SubTask = z.infer<typeof SubTaskSchema>;

/** The strategist's answer: the analysis and the decomposition (seed 004 §2.1.2 Analyze + Decompose). */
export const PlanSchema = z.object({
  analysis: someText(8000),
  subTasks: z.array(SubTaskSchema).min(1).max(100),
});
export type Plan = z.infer<typeof PlanSchema>;

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;

/** Seed 004 §2.1.4 QualityIssue. */
export const IssueSchema = z.object({
  severity: z.enum(SEVERITIES),
  category: z.string().max(100),
  description: someText(2000),
  location: z.string().max(500),
  suggestion: z.string().max(2000),
});
export type QualityIssue = z.infer<typeof IssueSchema>;

/** One review stage's verdict (seed 004 §2.1.4 EvaluationResult). */
export const ReviewSchema = z.object({
  score: z.number().min(0).max(1),
  accepted: z.boolean(),
  issues: shortList(IssueSchema, 50),
  summary: longText(4000),
});
export type Review = z.infer<typeof ReviewSchema>;

/** The aggregator: consistency of the results and the merged whole (seed 004 §3.1 phase 5). */
export const AggregateSchema = z.object({
  consistent: z.boolean(),
  conflicts: shortList(z.object({ tasks: shortList(z.string().max(64), 20), description: z.string().max(2000) }), 50),
  result: someText(200_000),
  summary: longText(4000),
});
export type Aggregate = z.infer<typeof AggregateSchema>;

/** A specialist designed for a sub-task; becomes an AgentBlueprint, validated like any other. */
export const SpecialistSchema = z.object({
  name: z.string().max(64),
  description: someText(4000),
  systemPrompt: someText(32 * 1024),
  skills: shortList(z.object({ name: z.string().max(256), description: longText(4000) }), 20),
  constraints: shortList(z.string().max(1000), 20),
});
export type Specialist = z.infer<typeof SpecialistSchema>;

/** A tool the plan needs and no agent has (seed 004 §5.2); becomes a ToolBlueprint for the tool factory. */
export const ToolDesignSchema = z.object({
  description: someText(4000),
  language: z.enum(['python', 'shell', 'javascript']),
  purpose: someText(16 * 1024),
  inputSpec: shortList(
    z.object({
      name: z.string().max(64),
      type: z.enum(['string', 'int', 'float', 'bool', 'list', 'dict', 'path']),
      description: z.string().max(1000),
    }),
    20,
  ),
  outputFormat: z.enum(['json', 'text']),
  examples: z
    .array(
      z.object({
        name: z.string().max(64),
        input: z.record(z.string(), z.unknown()),
        /** text the output must contain */
        stdoutContains: shortList(z.string().max(500), 10),
      }),
    )
    .min(1)
    .max(10),
});
export type ToolDesign = z.infer<typeof ToolDesignSchema>;

/** The formats the roles ask for (names are unique across the service). */
export const FORMATS = {
  plan: defineFormat('coordinator-plan', PlanSchema),
  review: defineFormat('coordinator-review', ReviewSchema),
  aggregate: defineFormat('coordinator-aggregate', AggregateSchema),
  specialist: defineFormat('coordinator-specialist', SpecialistSchema),
  toolDesign: defineFormat('coordinator-tool-design', ToolDesignSchema),
};
