/**
 * A pipeline file (`pipelines/<name>.yaml`): which orchestration pattern runs, with which roles, and
 * the settings of the pattern. Roles are agent blueprints (system prompt, model, tools) with input and
 * output schemas, written inline or kept in `pipelines/roles/<name>.yaml` and named with `use`.
 * Everything is strict: an unknown key is an error with its line and column.
 */
import { z } from 'zod';
import { ProjectConfigInput } from '../api.ts';
import { JsonSchemaNode } from './json-schema.ts';

export const PIPELINE_NAME_RE = /^[a-z][a-z0-9_-]{0,63}$/;
export const ROLE_KEY_RE = /^[a-z][a-z0-9_-]{1,31}$/;
export const PATTERNS = ['seed004', 'sequential', 'concurrent', 'group-chat', 'handoff', 'magentic', 'company'] as const;
export type PatternName = (typeof PATTERNS)[number];

const RoleKey = z.string().regex(ROLE_KEY_RE, 'role names are 2-32 characters of a-z, 0-9, _ and -, starting with a letter');
const RoleRef = RoleKey;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

/** What a role adds to its agent blueprint: schemas, knowledge injection, saving its output. */
export const ROLE_EXTRAS = ['use', 'input', 'output', 'knowledge', 'remember'] as const;
export const RoleExtras = z.strictObject({
  /** a role file `roles/<use>.yaml`; then no blueprint keys here, only the extras may override */
  use: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,63}$/)
    .optional(),
  /** the shape of what the role is given (checked before the call) */
  input: JsonSchemaNode.optional(),
  /** the shape of its answer: structured output, validated (re-asked once, then LLM_OUTPUT_INVALID) */
  output: JsonSchemaNode.optional(),
  /** knowledge injection: the most similar items of the owner's knowledge base go into its prompt */
  knowledge: z
    .strictObject({ topK: z.number().int().min(1).max(20).default(3), minScore: z.number().min(-1).max(1).default(0.5) })
    .optional(),
  /** its output is saved into the owner's knowledge base when the project completes */
  remember: z.boolean().default(false),
});
export type RoleExtras = z.infer<typeof RoleExtras>;

const Example = z.strictObject({
  task: text(4000),
  /** what the human says, in order, where the pipeline asks (the planner's conversation, @mentions) */
  messages: z.array(text(4000)).max(20).default([]),
  /** the project config the example runs with */
  config: ProjectConfigInput.optional(),
});

const common = {
  name: z.string().regex(PIPELINE_NAME_RE, 'must be 1-64 characters of a-z, 0-9, _ and -, starting with a letter'),
  description: text(4000),
  /** defaults for projects of this pipeline (over the service's coordinator.defaults, under the project's config) */
  config: ProjectConfigInput.optional(),
  /** role name → agent blueprint with extras (or `use: <role file>`); the names are what @mentions address */
  roles: z.record(RoleKey, z.record(z.string(), z.unknown())).default({}),
  /** a small project that shows the pipeline (README, tests) */
  example: Example.optional(),
};

const Seed004 = z.strictObject({ ...common, pattern: z.literal('seed004') });

const Sequential = z.strictObject({
  ...common,
  pattern: z.literal('sequential'),
  /** each role in turn; each gets the task and the outputs before it */
  steps: z.array(RoleRef).min(1).max(20),
});

const Concurrent = z.strictObject({
  ...common,
  pattern: z.literal('concurrent'),
  /** fan out: each gets the task, at most config.maxConcurrentAgents at once */
  agents: z.array(RoleRef).min(1).max(100),
  /** fan in: gets every output and answers with the result */
  aggregator: RoleRef,
});

const GroupChat = z.strictObject({
  ...common,
  pattern: z.literal('group-chat'),
  members: z.array(RoleRef).min(2).max(20),
  /** who speaks next: in turn, the member the last message @mentions (else in turn), or the selector's choice */
  speaker: z.enum(['round-robin', 'mention', 'selector']).default('round-robin'),
  /** the role that picks the next speaker (speaker: selector); its answer must name a member */
  selector: RoleRef.optional(),
  maxTurns: z.number().int().min(1).max(200).default(12),
  /** a message containing this word ends the chat */
  terminate: z.string().min(1).max(64).default('TERMINATE'),
  /** writes the result from the transcript (else the last message is the result) */
  summarizer: RoleRef.optional(),
});

const Handoff = z.strictObject({
  ...common,
  pattern: z.literal('handoff'),
  agents: z.array(RoleRef).min(2).max(20),
  /** the first agent, or `route`: the agent whose description fits the task best (routing) */
  entry: z.union([RoleRef, z.literal('route')]),
  /** agent → the agents it may transfer to (a `transfer_to_<name>` tool each) */
  handoffs: z.record(RoleRef, z.array(RoleRef).max(20)),
  /** transfers in one project */
  maxHandoffs: z.number().int().min(1).max(100).default(8),
  /** transfers back and forth between the same two agents in a row that count as ping-pong */
  maxPingPong: z.number().int().min(2).max(20).default(3),
  /** caught ping-pong or the handoff limit: fail the project, or have the current agent answer without transferring */
  onLoop: z.enum(['fail', 'answer']).default('fail'),
});

const Magentic = z.strictObject({
  ...common,
  pattern: z.literal('magentic'),
  /** keeps the task ledger (facts, plan) and the progress ledger (next speaker, progress) */
  orchestrator: RoleRef,
  agents: z.array(RoleRef).min(1).max(20),
  maxTurns: z.number().int().min(1).max(200).default(20),
  /** turns in a row without progress (or in a loop) before the plan is made again */
  maxStalls: z.number().int().min(1).max(20).default(3),
  maxReplans: z.number().int().min(0).max(10).default(2),
});

export const COMPANY_ROLES = [
  'planner',
  'project-manager',
  'estimator',
  'worker',
  'critic',
  'pragmatist',
  'integrator',
  'ceo',
  'ceo-reformulate',
  'ceo-split',
] as const;

const Company = z.strictObject({
  ...common,
  pattern: z.literal('company'),
  company: z
    .strictObject({
      /** total complexity of a work package (seed 003: about 12-15) */
      package: z
        .strictObject({ min: z.number().int().min(1).max(100).default(12), max: z.number().int().min(1).max(100).default(15) })
        .prefault({}),
      /** the planner talks with the human until the plan is approved; false: its first complete plan is taken */
      interactive: z.boolean().default(true),
      maxPlannerTurns: z.number().int().min(1).max(50).default(10),
      /** seed 003's retry matrix */
      workerRetries: z.number().int().min(0).max(5).default(2),
      integrationRetries: z.number().int().min(0).max(5).default(1),
      tokenLimitRetries: z.number().int().min(0).max(5).default(1),
      /** CEO rework rounds per phase */
      maxRework: z.number().int().min(0).max(10).default(2),
      /** phases in one project (after splits) */
      maxPhases: z.number().int().min(1).max(50).default(12),
    })
    .prefault({}),
});

export const PipelineFileSchema = z.discriminatedUnion('pattern', [Seed004, Sequential, Concurrent, GroupChat, Handoff, Magentic, Company]);
export type PipelineFile = z.infer<typeof PipelineFileSchema>;
export type PipelineOf<P extends PatternName> = Extract<PipelineFile, { pattern: P }>;
