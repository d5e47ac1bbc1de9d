/**
 * What the company interpreter reads from each role's output (seed 003's schemas). A role file may
 * declare more (descriptions, bounds, more properties) but must declare these, as required, with
 * these types; load.ts reports a role whose output schema lacks one, with its line and column.
 */
import type { JsonSchema } from './json-schema.ts';

const str: JsonSchema = { type: 'string' };
const bool: JsonSchema = { type: 'boolean' };
const int: JsonSchema = { type: 'integer' };
const strings: JsonSchema = { type: 'array', items: str };
const obj = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties) });
const arr = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

export const SEVERITY_VALUES = ['critical', 'major', 'minor', 'nitpick'];
export const CEO_ACTIONS = ['approve_phase', 'request_rework', 'escalate'];

const issue = obj({ severity: { type: 'string', enum: SEVERITY_VALUES }, taskId: str, description: str, suggestion: str });
const task = obj({ id: str, title: str, description: str, acceptanceCriteria: strings });

export const COMPANY_CONTRACTS: Record<string, JsonSchema> = {
  planner: obj({
    reply: str,
    ready: bool,
    plan: {
      type: ['object', 'null'],
      properties: { goals: strings, nonGoals: strings, techDecisions: strings, constraints: strings },
      required: ['goals', 'nonGoals', 'techDecisions', 'constraints'],
    },
  }),
  'project-manager': obj({
    phases: arr(obj({ id: str, name: str, dependsOn: strings, tasks: arr(task) })),
  }),
  estimator: obj({
    tasks: arr(obj({ id: str, complexity: int })),
    packages: arr(obj({ id: str, taskIds: strings })),
  }),
  worker: obj({
    packageId: str,
    results: arr(obj({ taskId: str, status: { type: 'string', enum: ['done', 'failed'] }, output: str })),
  }),
  critic: obj({ issues: arr(issue) }),
  pragmatist: obj({
    validIssues: arr(issue),
    dismissedIssues: arr(obj({ description: str, reason: str })),
    correctedResults: arr(obj({ taskId: str, output: str })),
  }),
  integrator: obj({ compatible: bool, conflicts: arr(obj({ taskIds: strings, description: str })), mergedResult: str }),
  ceo: obj({ action: { type: 'string', enum: CEO_ACTIONS }, reason: str, rework: arr(obj({ taskId: str, instruction: str })) }),
  'ceo-reformulate': obj({ tasks: arr(task) }),
  'ceo-split': obj({ phases: arr(obj({ name: str, taskIds: strings })) }),
};
