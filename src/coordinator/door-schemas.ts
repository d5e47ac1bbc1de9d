/**
 * What the door returns for pipelines, a project's conversation and long-term memory, as zod schemas
 * (like schemas.ts for projects): the door's types are inferred from them, and routes hand them to the
 * zod type provider as response schemas, so the OpenAPI document and the typed client come from here.
 */
import { z } from 'zod';
import { ProjectConfigInput } from './api.ts';

export const PipelineIssueSchema = z
  .object({
    file: z.string().describe('the file the problem is in: the pipeline or one of its role files (roles/<name>.yaml)'),
    path: z.string().describe('dotted path in the document; (root) for the whole document'),
    message: z.string(),
    line: z.number().int().optional().describe('1-based'),
    column: z.number().int().optional().describe('1-based'),
  })
  .meta({ id: 'PipelineIssue' });

export const RejectedPipelineSchema = z
  .object({ file: z.string(), issues: z.array(PipelineIssueSchema) })
  .meta({ id: 'RejectedPipeline', description: 'A pipeline file that did not load (none of it is used), with every problem' });
export type RejectedPipelineView = z.infer<typeof RejectedPipelineSchema>;

export const PipelineSummarySchema = z
  .object({
    name: z.string(),
    pattern: z.string().describe('seed004, sequential, concurrent, group-chat, handoff, magentic or company'),
    description: z.string(),
    digest: z.string().describe('sha256 of its texts (the file and its role files)'),
    file: z.string(),
    roles: z.array(
      z.object({
        name: z.string().describe('the role key; @name addresses it'),
        agent: z.string().describe('the agent blueprint’s name'),
        description: z.string(),
        model: z.string().nullable(),
        tools: z.array(z.string()),
        output: z.boolean().describe('its output is validated against a JSON schema'),
        remember: z.boolean().describe('its output is saved into the owner’s knowledge base when the project completes'),
      }),
    ),
    agents: z.array(z.string()).describe('the agents @mentions address'),
    example: z
      .object({ task: z.string(), messages: z.array(z.string()), config: ProjectConfigInput.optional() })
      .nullable()
      .describe('a small project that shows the pipeline (README)'),
  })
  .meta({ id: 'Pipeline' });
export type PipelineSummary = z.infer<typeof PipelineSummarySchema>;

export const PipelineDetailSchema = PipelineSummarySchema.extend({
  text: z.string().describe('the pipeline file as it was read'),
  roleFiles: z.record(z.string(), z.string()).describe('role files it uses (roles/<name>.yaml), by name'),
}).meta({ id: 'PipelineDetail' });
export type PipelineDetail = z.infer<typeof PipelineDetailSchema>;

export const ProjectPipelineSchema = z
  .union([PipelineDetailSchema, z.object({ name: z.string(), pattern: z.literal('code') })])
  .meta({ id: 'ProjectPipeline', description: 'The texts the project recorded at its creation (or a code workflow’s name)' });
export type ProjectPipeline = z.infer<typeof ProjectPipelineSchema>;

export const PipelineStatusSchema = z.object({
  ok: z.boolean().describe('every file in the pipeline directory loaded'),
  dir: z.string(),
  loaded: z.array(z.string()),
  rejected: z.array(RejectedPipelineSchema),
});
export type PipelineStatus = z.infer<typeof PipelineStatusSchema>;

const Mentions = z.union([z.array(z.string()), z.literal('all')]).describe('the @names in the text, or all for @all');

export const SentMessageSchema = z
  .object({
    id: z.string(),
    project: z.string(),
    text: z.string(),
    by: z.string(),
    at: z.string(),
    mentions: Mentions,
    delivered: z
      .enum(['gate', 'inbox'])
      .describe('gate: it answered the open gate (the planner’s conversation, an escalation); inbox: read at the next turn'),
    to: z.union([z.array(z.string()), z.literal('routed')]).describe('the agents it addresses; routed: the router picks one'),
  })
  .meta({ id: 'ProjectMessage' });
export type SentMessage = z.infer<typeof SentMessageSchema>;

export const ConversationLineSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    kind: z.enum(['message', 'answer', 'decision', 'agent', 'transfer', 'routed', 'selected']),
    from: z.string().describe('human:<token id>, an agent, router or selector'),
    to: z.array(z.string()).nullable(),
    text: z.string(),
  })
  .meta({ id: 'ConversationLine' });
export type ConversationLine = z.infer<typeof ConversationLineSchema>;

export const KnowledgeItemSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    project: z.string().nullable().describe('the project whose result it was saved from'),
    title: z.string(),
    content: z.string(),
    tags: z.array(z.string()),
    source: z.string().describe('user, or project:<id> for a saved result'),
    model: z.string().nullable().describe('the embedding model of its vector (null: not embedded yet)'),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'KnowledgeItem' });

export const SavedKnowledgeSchema = KnowledgeItemSchema.extend({
  embedded: z.boolean().describe('false: the model server was away; it is embedded at the next search'),
}).meta({ id: 'SavedKnowledgeItem' });

export const EpisodeSchema = z
  .object({
    project: z.string(),
    owner: z.string(),
    pipeline: z.string(),
    task: z.string(),
    plan: z.unknown(),
    status: z.string(),
    outcome: z.object({
      summary: z.string(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      flagged: z.boolean(),
    }),
    scores: z.object({
      quality: z.number().nullable(),
      firstPassRate: z.number().nullable(),
      tasks: z.number(),
      failedTasks: z.number(),
      tokens: z.number(),
      durationMs: z.number().nullable(),
    }),
    model: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'Episode', description: 'A finished project: task, plan, outcome, scores' });

const hit = <T extends z.ZodType>(item: T) => z.object({ item, score: z.number().describe('cosine similarity, -1..1') });
export const KnowledgeHitsSchema = z.array(hit(KnowledgeItemSchema));
export const EpisodeHitsSchema = z.array(hit(EpisodeSchema));
