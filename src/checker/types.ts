/**
 * The checker's result shapes. These zod schemas are the contract the CLI (`--json`) and the REST API
 * (`POST /api/v1/check`) reuse.
 */
import { z } from 'zod';

export const LANGUAGES = ['python', 'shell', 'javascript'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  /** Stable rule id such as `py.import.forbidden` or `sh.command.forbidden` (see src/checker/README.md). */
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** 1-based line and column (column in UTF-16 code units) of the offending code. */
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** The offending code, first line, at most 160 characters. */
  snippet: z.string(),
  /** What to write instead, so a generating model can fix its code from the finding. */
  suggestion: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ParseErrorSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  snippet: z.string(),
  missing: z.boolean(),
});
export type ParseError = z.infer<typeof ParseErrorSchema>;

export const CheckResultSchema = z.object({
  /** False when any finding is critical or major. */
  allowed: z.boolean(),
  language: LanguageSchema,
  findings: z.array(FindingSchema),
  parseErrors: z.array(ParseErrorSchema).optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** Severities that block execution. */
export function isBlocking(severity: Severity): boolean {
  return severity === 'critical' || severity === 'major';
}
