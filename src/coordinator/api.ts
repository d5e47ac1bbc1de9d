/**
 * The request shapes of the project API, as zod schemas (routes hand them to the zod type provider;
 * the door parses with them again, so a caller that is not a route is held to the same rules).
 */
import { z } from 'zod';
import { PROJECT_SETTING_FIELDS, ProjectBudgetSchema, type ProjectSettings } from '../config/schema.ts';
import { FactoryError, formatIssues } from '../errors/catalog.ts';
import { decodeCursor, type PageKey } from '../util/page.ts';
import { PROJECT_STATUSES } from './model.ts';

/** A project's `config`: any of the service's `coordinator.defaults`, overriding them. */
export const ProjectConfigInput = z.strictObject({
  maxConcurrentAgents: PROJECT_SETTING_FIELDS.maxConcurrentAgents.optional(),
  maxIterations: PROJECT_SETTING_FIELDS.maxIterations.optional(),
  qualityThreshold: PROJECT_SETTING_FIELDS.qualityThreshold.optional(),
  timeoutMs: PROJECT_SETTING_FIELDS.timeoutMs.optional(),
  dynamicAgents: PROJECT_SETTING_FIELDS.dynamicAgents.optional(),
  toolGeneration: PROJECT_SETTING_FIELDS.toolGeneration.optional(),
  approvals: z.strictObject({ plan: z.boolean().optional(), aggregation: z.boolean().optional() }).optional(),
  budget: ProjectBudgetSchema.partial().strict().optional(),
  onBudgetExceeded: PROJECT_SETTING_FIELDS.onBudgetExceeded.optional(),
  reviewChain: PROJECT_SETTING_FIELDS.reviewChain.optional(),
  onIterationsExhausted: PROJECT_SETTING_FIELDS.onIterationsExhausted.optional(),
  maxTasks: PROJECT_SETTING_FIELDS.maxTasks.optional(),
  maxSteps: PROJECT_SETTING_FIELDS.maxSteps.optional(),
  maxReplans: PROJECT_SETTING_FIELDS.maxReplans.optional(),
  workerRetries: PROJECT_SETTING_FIELDS.workerRetries.optional(),
  maxRepeatedToolCalls: PROJECT_SETTING_FIELDS.maxRepeatedToolCalls.optional(),
  maxCompletionTokens: PROJECT_SETTING_FIELDS.maxCompletionTokens.optional(),
  models: PROJECT_SETTING_FIELDS.models.optional(),
});
export type ProjectConfigInput = z.input<typeof ProjectConfigInput>;

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

/** POST /api/v1/projects */
export const CreateProjectBody = z.strictObject({
  task: nonBlank(20_000),
  name: nonBlank(200).optional(),
  config: ProjectConfigInput.optional(),
  /** the workflow to run; the default is seed 004's */
  pipeline: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/)
    .optional(),
});
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

/** POST /api/v1/projects/:id/approve */
export const ApprovalBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    /** the gate being decided; when given it must be the open one */
    gate: z.enum(['plan', 'aggregation']).optional(),
    reason: z.string().max(4000).optional(),
    /** approve an edited plan instead (plan gate only), validated like a generated one */
    plan: z.unknown().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.reason?.trim())
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason' });
    if (b.decision === 'reject' && b.plan !== undefined)
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'only an approval can carry an edited plan' });
  });
export type ApprovalBody = z.input<typeof ApprovalBody>;

/** PATCH /api/v1/projects/:id/budget: the limits to change (null = unlimited). */
export const BudgetPatchBody = ProjectBudgetSchema.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of tokens, costUsd, wallMs, toolRuns');
export type BudgetPatchBody = z.input<typeof BudgetPatchBody>;

/** An opaque cursor from a previous page (`nextCursor`), kept as it was sent; the door reads the key inside. */
const Cursor = z
  .string()
  .max(512)
  .refine((s) => decodeCursor(s) !== undefined, 'not a cursor from this API: pass nextCursor from the previous page unchanged')
  .describe('nextCursor from the previous page');

/** `true`/`false` from a query string, or a boolean (a parsed query parses again to the same value). */
const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const Status = z.enum(PROJECT_STATUSES);

/** GET /api/v1/projects: newest first, `limit` per page after `cursor`. */
export const ListProjectsQuery = z.strictObject({
  status: z
    .union([Status, z.array(Status).max(PROJECT_STATUSES.length)])
    .optional()
    .describe('only projects in this status (repeat the parameter for several)'),
  owner: z.string().max(200).optional().describe('only this owner’s projects (a token id; a submitter sees only its own anyway)'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('projects per page (1-100)'),
  cursor: Cursor.optional(),
});
export type ListProjectsQuery = z.input<typeof ListProjectsQuery>;

/** GET /api/v1/projects/:id/steps: journal order, `limit` per page after `cursor`. */
export const StepsQuery = z.strictObject({
  calls: Flag.default(false).describe('also list each model reply and tool run (kinds llm, tool)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('rows per page (1-1000)'),
  cursor: Cursor.optional(),
});
export type StepsQuery = z.input<typeof StepsQuery>;

/** The key inside a cursor the schemas above accepted. */
export function cursorKey(cursor: string | undefined): PageKey | undefined {
  return cursor === undefined ? undefined : decodeCursor(cursor);
}

/** Parses with a schema or throws VALIDATION_FAILED naming every offending path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new FactoryError('VALIDATION_FAILED', `Invalid ${what}`, { issues: formatIssues(r.error.issues) });
  return r.data;
}

/** The project's settings: the service defaults, overridden by the project's config. */
export function resolveSettings(defaults: ProjectSettings, input: z.infer<typeof ProjectConfigInput> | undefined): ProjectSettings {
  const c = input ?? {};
  const defined = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
  const merged: ProjectSettings = {
    ...defaults,
    ...defined,
    approvals: { ...defaults.approvals, ...c.approvals },
    budget: { ...defaults.budget, ...c.budget },
    models: { ...defaults.models, ...c.models },
  } as ProjectSettings;
  const issues: { path: string; message: string }[] = [];
  merged.reviewChain.forEach((s, i) => {
    if (merged.reviewChain.findIndex((x) => x.name === s.name) !== i)
      issues.push({ path: `config.reviewChain.${i}.name`, message: `stage '${s.name}' is named twice` });
    if (s.kind === 'specialized' && !s.reviewer)
      issues.push({ path: `config.reviewChain.${i}.reviewer`, message: 'a specialized stage names its reviewer agent' });
  });
  if (issues.length) throw new FactoryError('VALIDATION_FAILED', 'Invalid project config', { issues });
  return merged;
}
