import { z } from 'zod';

/** Seed 004 §7.3 event types, plus what the service itself does. */
export const AUDIT_EVENT_TYPES = [
  'agent_created',
  'agent_destroyed',
  'tool_generated',
  'tool_executed',
  'tool_destroyed',
  'file_access',
  'network_access',
  'security_block',
  'policy_changed',
  'policy_rejected',
  'auth_failure',
  'access_denied',
  'access_changed',
  'token_created',
  'token_revoked',
  'server_started',
  'server_stopped',
  // the coordinator (projects)
  'project_created',
  'project_status_changed',
  'project_step',
  'project_approval',
  'project_budget',
  // pipelines (issue 13): a person's message to a project
  'project_message',
] as const;

export const AuditEventType = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof AuditEventType>;

/** What a caller records (seed 004's AuditEvent, plus the actor who caused it). */
export const AuditEventInput = z
  .object({
    type: AuditEventType,
    action: z.string().min(1).max(200),
    target: z.string().max(2000).default(''),
    project: z.string().max(200).nullish(),
    task: z.string().max(200).nullish(),
    agent: z.string().max(200).nullish(),
    /** token id, 'cli', or 'system' */
    actor: z.string().max(200).default('system'),
    input: z.string().default(''),
    output: z.string().default(''),
    success: z.boolean().default(true),
    error: z.string().nullish(),
    durationMs: z.number().min(0).default(0),
    securityFlags: z.array(z.string().max(200)).default([]),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type AuditEventInput = z.input<typeof AuditEventInput>;

/** The stored event's JSON columns, as the store parses them back. */
export const AuditSecurityFlags = z.array(z.string());
export const AuditDetails = z.record(z.string(), z.unknown()).nullable();

/** A stored event: the input plus its position, time and chain hashes. */
export interface AuditEvent {
  seq: number;
  id: string;
  timestamp: string;
  type: AuditEventType;
  action: string;
  target: string;
  project: string | null;
  task: string | null;
  agent: string | null;
  actor: string;
  input: string;
  output: string;
  inputTruncated: boolean;
  outputTruncated: boolean;
  success: boolean;
  error: string | null;
  durationMs: number;
  securityFlags: string[];
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export const AuditQuery = z
  .object({
    type: z.union([AuditEventType, z.array(AuditEventType)]).optional(),
    project: z.string().max(200).optional(),
    agent: z.string().max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** 'true'/'false' in a query string (a coerced boolean would read 'false' as true) */
    success: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
    afterSeq: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
