/**
 * The API's view of the service's resources. Request and response schemas of every route come from
 * here and from the domain modules' own schemas; the OpenAPI document and the typed client follow.
 */
import { z } from 'zod';
import { ROLES } from '../../access/index.ts';
import {
  AgentBlueprint as AgentBlueprintDomain,
  OutputSpec,
  ParameterSpec,
  ToolBlueprint as ToolBlueprintDomain,
} from '../../blueprints/index.ts';
import { CheckResultSchema } from '../../checker/index.ts';
import { RunResultSchema } from '../../sandbox/index.ts';

export const Role = z.enum(ROLES).describe('admin > submitter > viewer');
export const ToolBlueprint = ToolBlueprintDomain.meta({ id: 'ToolBlueprint', description: 'A tool blueprint (seed 004 §2.3)' });
export const AgentBlueprint = AgentBlueprintDomain.meta({ id: 'AgentBlueprint', description: 'An agent blueprint (seed 004 §2.4)' });
export const CheckResult = CheckResultSchema.meta({
  id: 'CheckResult',
  description: 'The static checker’s verdict: findings with rule, line, snippet and suggestion',
});
export const RunResult = RunResultSchema.meta({
  id: 'RunResult',
  description: 'What a sandboxed run produced, and the limits it ran under',
});

export const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    createdAt: z.string(),
    createdBy: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token', description: 'An API token (its secret is shown once, at creation)' });

export const ToolSummary = z
  .object({
    name: z.string(),
    version: z.number().int(),
    language: z.string(),
    origin: z.enum(['source', 'generated']),
    description: z.string(),
    policy: z.string(),
    checksum: z.string().describe('sha256 of the source'),
    attempts: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    owner: z.string(),
    shared: z.boolean(),
    inputSpec: z.array(ParameterSpec),
    outputSpec: OutputSpec,
  })
  .meta({ id: 'ToolSummary', description: 'A tool version as lists show it (the source is fetched per version)' });

const ExpectationFailure = z.object({
  check: z.string(),
  path: z.string(),
  message: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});
export const ProbeResult = z
  .object({
    example: z.string(),
    passed: z.boolean(),
    status: z.string(),
    durationMs: z.number(),
    failures: z.array(ExpectationFailure),
    stdoutTail: z.string(),
    stderrTail: z.string(),
  })
  .meta({ id: 'ProbeResult', description: 'One example run in the sandbox before registration' });

export const ToolDetail = ToolSummary.extend({ blueprint: ToolBlueprint, versions: z.array(ToolSummary) }).meta({ id: 'ToolDetail' });
export const ToolVersionDetail = ToolSummary.extend({
  source: z.string(),
  blueprint: ToolBlueprint,
  checkReport: CheckResult,
  probeResults: z.array(ProbeResult),
}).meta({ id: 'ToolVersionDetail', description: 'One version with its source, check report and probe results' });

export const Agent = z
  .object({
    id: z.string(),
    name: z.string(),
    origin: z.enum(['blueprint', 'specialist', 'clone']),
    parent: z.string().nullable(),
    blueprint: AgentBlueprint,
    createdBy: z.string(),
    shared: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    destroyedAt: z.string().nullable(),
    warnings: z.array(z.string()).optional().describe('on creation: tools it names that are not (yet) available to its creator'),
  })
  .meta({ id: 'Agent', description: 'A runtime agent: a blueprint in the agent pool' });

export const ErrorValue = z.object({ code: z.string(), message: z.string(), retryable: z.boolean(), details: z.unknown().optional() });
export const Usage = z
  .object({ calls: z.number(), promptTokens: z.number(), completionTokens: z.number(), costUsd: z.number() })
  .meta({ id: 'Usage' });

export const WorkItem = z
  .object({
    id: z.string(),
    kind: z.enum(['job', 'run']),
    type: z.string().describe('tool_generation, tool, agent, execution'),
    target: z.string(),
    owner: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    progress: z.number(),
    input: z.unknown(),
    result: z.unknown().describe('the outcome: a RunResult for tool runs and executions, an answer for agent runs'),
    error: ErrorValue.nullable(),
    steps: z.array(z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    usage: Usage.optional(),
  })
  .meta({ id: 'WorkItem', description: 'A job (tool generation) or a run (tool, agent or one-off execution), with every step' });

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    timestamp: z.string(),
    type: z.string(),
    action: z.string(),
    target: z.string(),
    project: z.string().nullable(),
    task: z.string().nullable(),
    agent: z.string().nullable(),
    actor: z.string(),
    input: z.string(),
    output: z.string(),
    inputTruncated: z.boolean(),
    outputTruncated: z.boolean(),
    success: z.boolean(),
    error: z.string().nullable(),
    durationMs: z.number(),
    securityFlags: z.array(z.string()),
    details: z.record(z.string(), z.unknown()).nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent', description: 'One hash-chained audit event' });

export const VerifyResult = z
  .union([
    z.object({ ok: z.literal(true), count: z.number().int(), head: z.string() }),
    z.object({ ok: z.literal(false), count: z.number().int(), brokenAt: z.number().int(), reason: z.string() }),
  ])
  .meta({ id: 'VerifyResult', description: 'Whether the hash chain verifies; else the first broken row' });
