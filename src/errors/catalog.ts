/**
 * The one error catalog. Every error the service reports carries a stable code from this table,
 * the HTTP status an API reply uses, whether retrying the same request can help, and a hint that
 * says what to do next. Codes are part of the public contract: never rename one, only add.
 * docs/errors.md documents every code (a test keeps both in step).
 */
export interface ErrorSpec {
  readonly status: number;
  readonly retryable: boolean;
  readonly message: string;
  readonly hint?: string;
}

export const ERROR_CATALOG = {
  // --- configuration and start-up
  CONFIG_INVALID: {
    status: 500,
    retryable: false,
    message: 'The configuration is invalid',
    hint: 'Fix the named key in the config file, environment variable or flag and start again.',
  },
  CONFIG_FILE_UNREADABLE: {
    status: 500,
    retryable: false,
    message: 'The config file cannot be read or parsed',
    hint: 'Check the path given by --config or FACTORY_CONFIG and its JSON/YAML syntax.',
  },

  // --- request shape
  ROUTE_NOT_FOUND: { status: 404, retryable: false, message: 'No such route', hint: 'See GET /api/v1 for the list of routes.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    retryable: false,
    message: 'The route does not answer this method',
    hint: 'Use one of the methods in the Allow header (details.allowed).',
  },
  BODY_MALFORMED: {
    status: 400,
    retryable: false,
    message: 'The request body is not valid JSON',
    hint: 'Send a well-formed JSON document with Content-Type: application/json.',
  },
  BODY_TOO_LARGE: {
    status: 413,
    retryable: false,
    message: 'The request body is larger than the limit',
    hint: 'Send a smaller body; the limit is server.bodyLimitBytes (FACTORY_BODY_LIMIT_BYTES).',
  },
  MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    retryable: false,
    message: 'The Content-Type is not supported here',
    hint: 'Use application/json (or application/yaml where a route says so).',
  },
  VALIDATION_FAILED: {
    status: 400,
    retryable: false,
    message: 'The request does not match the schema',
    hint: 'details.issues names every offending path and why.',
  },
  RESOURCE_NOT_FOUND: { status: 404, retryable: false, message: 'The resource does not exist' },
  CONFLICT: { status: 409, retryable: false, message: 'The resource already exists or changed concurrently' },
  PRECONDITION_REQUIRED: {
    status: 428,
    retryable: false,
    message: 'This change needs an If-Match header',
    hint: 'GET the resource first and send its ETag in If-Match.',
  },
  PRECONDITION_FAILED: {
    status: 412,
    retryable: false,
    message: 'The resource changed since you read it (stale ETag)',
    hint: 'GET the resource again, re-apply your change, and send the new ETag.',
  },

  // --- authentication and authorization
  AUTH_MISSING: {
    status: 401,
    retryable: false,
    message: 'No bearer token was sent',
    hint: 'Send Authorization: Bearer <token>; the first admin token is in <data dir>/admin-token.',
  },
  AUTH_INVALID: {
    status: 401,
    retryable: false,
    message: 'The bearer token is not valid or was revoked',
    hint: 'Create a token with `factory token create --role ROLE`.',
  },
  FORBIDDEN: {
    status: 403,
    retryable: false,
    message: 'The token’s role may not do this',
    hint: 'Use a token with a role that allows this action (admin > submitter > viewer).',
  },

  // --- service state and dependencies
  SHUTTING_DOWN: { status: 503, retryable: true, message: 'The service is shutting down', hint: 'Retry against the restarted service.' },
  STORE_UNAVAILABLE: { status: 503, retryable: true, message: 'The store is not open' },
  STORE_BUSY: { status: 503, retryable: true, message: 'The store is locked by another writer', hint: 'Retry shortly.' },
  STORE_CORRUPT: {
    status: 500,
    retryable: false,
    message: 'A stored row does not match its schema',
    hint: 'The details name the table, row and column; restore that row (or the store) from a backup.',
  },
  DOCKER_UNAVAILABLE: {
    status: 503,
    retryable: true,
    message: 'The Docker engine is not reachable',
    hint: 'Start it with `bash scripts/docker-up.sh`, or point DOCKER_HOST at a running engine.',
  },
  OLLAMA_UNAVAILABLE: {
    status: 503,
    retryable: true,
    message: 'Ollama is not reachable',
    hint: 'Start it with `ollama serve`, or point OLLAMA_HOST at a running server.',
  },
  OLLAMA_MODEL_MISSING: {
    status: 503,
    retryable: false,
    message: 'The model is not available in Ollama',
    hint: 'Pull it with `ollama pull MODEL`.',
  },
  LLM_OUTPUT_INVALID: {
    status: 502,
    retryable: true,
    message: 'The model’s reply did not match the expected schema',
    hint: 'Retry, or use a model that follows JSON schemas better (set ollama.models).',
  },
  LLM_TIMEOUT: {
    status: 504,
    retryable: true,
    message: 'The model did not answer in time',
    hint: 'Retry, raise ollama.requestTimeoutMs, or use a smaller model.',
  },
  LLM_INCOMPLETE: {
    status: 502,
    retryable: true,
    message: 'The model’s reply ended without its final message',
    hint: 'Ollama stopped the generation (its repeated-token guard, or the runner stopped); retry, lower the temperature, or use a larger model.',
  },
  LLM_TRUNCATED: {
    status: 502,
    retryable: false,
    message: 'The model’s reply was cut at its length limit (done_reason "length")',
    hint: 'Ask for less (a smaller package), or raise ollama.roles.ROLE.numPredict.',
  },
  LLM_CONTEXT_OVERFLOW: {
    status: 422,
    retryable: false,
    message: 'The prompt does not fit the model’s context',
    hint: 'Send less, or raise ollama.roles.ROLE.numCtx within what the model supports.',
  },
  LLM_SCHEMA_REFUSED: {
    status: 500,
    retryable: false,
    message: 'Ollama refused the JSON schema sent as format',
    hint: 'A defect of the service: details name the schema paths; tests/llm/formats.test.ts checks every registered format.',
  },
  LLM_MODEL_UNSUPPORTED: {
    status: 422,
    retryable: false,
    message: 'The model lacks a capability the call needs (tools, thinking)',
    hint: 'Choose a model whose `ollama show MODEL` lists the capability, per role in ollama.roles.',
  },
  LLM_TOOL_CALL_INVALID: {
    status: 502,
    retryable: true,
    message: 'The model did not make a usable tool call',
    hint: 'details.reason says what came instead (empty, no-call, as-text, undeclared); use a model with tool support or refine the agent’s prompt.',
  },
  OLLAMA_OUT_OF_MEMORY: {
    status: 503,
    retryable: false,
    message: 'Ollama has not enough memory for the model',
    hint: 'Choose a smaller model or a smaller numCtx for the role, or free memory on the Ollama host.',
  },
  LLM_FAILED: { status: 502, retryable: true, message: 'The model call failed', hint: 'Retry; check the Ollama server log.' },
  INTERNAL: { status: 500, retryable: false, message: 'Internal error', hint: 'The server log has the details (look up the request id).' },

  // --- audit
  AUDIT_CHAIN_BROKEN: {
    status: 500,
    retryable: false,
    message: 'The audit chain does not verify',
    hint: 'Run `factory audit verify` to find the first broken row.',
  },

  // --- policies and the checker
  POLICY_INVALID: {
    status: 422,
    retryable: false,
    message: 'The policy does not validate',
    hint: 'details.issues names every problem by path.',
  },
  POLICY_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'No policy with that name',
    hint: 'GET /api/v1/policies lists the policies.',
  },
  POLICY_NAME_INVALID: {
    status: 400,
    retryable: false,
    message: 'Policy names are 1-64 characters of a-z, 0-9, - and _',
    hint: 'Use a plain name such as data-science.',
  },
  LANGUAGE_UNSUPPORTED: {
    status: 400,
    retryable: false,
    message: 'The language is not supported',
    hint: 'Use python, shell or javascript.',
  },
  SOURCE_UNPARSEABLE: {
    status: 422,
    retryable: false,
    message: 'The source could not be parsed',
    hint: 'Fix the syntax errors at the reported lines.',
  },
  SANDBOX_IMAGE_MISSING: {
    status: 503,
    retryable: false,
    message: 'A sandbox image is missing or outdated',
    hint: 'Build it with `bash scripts/docker-up.sh` (add --rebuild to force).',
  },
  SANDBOX_FAILED: {
    status: 502,
    retryable: true,
    message: 'The sandbox engine failed to run the script',
    hint: 'Check `GET /readyz` and the Docker engine log; retry.',
  },
  NETWORK_NOT_SUPPORTED: {
    status: 422,
    retryable: false,
    message: 'The policy asks for outbound network access, which sandboxes cannot grant yet',
    hint: 'Set network.allowOutbound: false; egress through an allow-list is not implemented.',
  },
  LIMIT_NOT_TIGHTER: {
    status: 400,
    retryable: false,
    message: 'A per-run limit may only tighten the policy’s limit, never loosen it',
    hint: 'Pass a value at or below the policy’s limit.',
  },
  INPUT_INVALID: {
    status: 400,
    retryable: false,
    message: 'The run input is not valid',
    hint: 'Pass JSON (or @file with JSON) as the input.',
  },
  BLUEPRINT_INVALID: {
    status: 422,
    retryable: false,
    message: 'The blueprint does not validate',
    hint: 'details.issues names every problem by path.',
  },
  TOOL_GENERATION_FAILED: {
    status: 422,
    retryable: false,
    message: 'No draft passed the checks within the allowed attempts',
    hint: 'details has the last findings or probe failures; refine the blueprint or raise factory.maxAttempts.',
  },
  PROBE_FAILED: {
    status: 422,
    retryable: false,
    message: 'The tool did not produce what its examples expect',
    hint: 'details.probe lists every example with what was expected and what came out.',
  },
  /** no longer sent: a topic the token may not see is RESOURCE_NOT_FOUND, as over REST (kept: codes are never removed) */
  TOPIC_FORBIDDEN: {
    status: 403,
    retryable: false,
    message: 'The token may not subscribe to this topic',
    hint: 'No longer sent: a topic the token may not see is answered RESOURCE_NOT_FOUND, as over REST.',
  },
  CODE_BLOCKED: {
    status: 422,
    retryable: false,
    message: 'The code was blocked by the security policy',
    hint: 'details.findings lists every rule with line, snippet and suggestion.',
  },
  // --- coordinator: projects
  PROJECT_STATE_INVALID: {
    status: 409,
    retryable: false,
    message: 'The project’s status does not allow this action',
    hint: 'details.status is the current status; GET the project to see what it is waiting for.',
  },
  PROJECT_BUSY: {
    status: 409,
    retryable: true,
    message: 'Another process is running this project',
    hint: 'Retry once its lease (coordinator.leaseMs) has lapsed.',
  },
  PLAN_INVALID: {
    status: 422,
    retryable: false,
    message: 'The plan does not validate (ids, inputs, cycles, size)',
    hint: 'details.issues names every problem by path; fix the plan and send it again.',
  },
  BUDGET_EXCEEDED: {
    status: 409,
    retryable: false,
    message: 'The project’s budget does not allow the next model call or tool run',
    hint: 'Raise the budget with PATCH /api/v1/projects/ID/budget; a project paused by its budget then resumes.',
  },
  PROJECT_TIMEOUT: {
    status: 504,
    retryable: false,
    message: 'The project ran past its overall timeout',
    hint: 'Create the project again with a larger config.timeoutMs.',
  },
  STEP_LIMIT_EXCEEDED: {
    status: 422,
    retryable: false,
    message: 'The project reached its step limit (a loop guard)',
    hint: 'Raise config.maxSteps if the project really needs more steps, or simplify the task.',
  },
  AGENT_LOOP: {
    status: 502,
    retryable: true,
    message: 'The agent repeated the same tool call with the same arguments',
    hint: 'Retried with the error in the prompt, then reassigned; raise config.maxRepeatedToolCalls only if repetition is intended.',
  },
  AGENT_NO_ANSWER: {
    status: 502,
    retryable: true,
    message: 'The agent gave no usable answer (empty replies, or its turn limit without a final answer)',
    hint: 'Retried with the error in the prompt, then reassigned; use a model that follows instructions better.',
  },
  TASK_FAILED: {
    status: 422,
    retryable: false,
    message: 'A sub-task failed after its retries and reassignments',
    hint: 'details names the sub-task and the last error; the project report has every attempt.',
  },
  TASK_UNASSIGNABLE: {
    status: 422,
    retryable: false,
    message: 'No agent fits the sub-task and dynamic agents are off',
    hint: 'Enable config.dynamicAgents or add an agent blueprint with the skills the sub-task needs.',
  },
  APPROVAL_REJECTED: {
    status: 409,
    retryable: false,
    message: 'The project was rejected at an approval gate',
    hint: 'details.reason says why; create a new project with a refined task.',
  },
  PROJECT_CANCELLED: {
    status: 409,
    retryable: false,
    message: 'The project was cancelled',
    hint: 'Create a new project to run the task again.',
  },
  JOURNAL_BROKEN: {
    status: 500,
    retryable: false,
    message: 'The project journal does not verify (a row was changed or removed)',
    hint: 'details names the first broken row; the project cannot be resumed or replayed from this journal.',
  },
  REPLAY_DIVERGED: {
    status: 500,
    retryable: false,
    message: 'Replaying the journal asked for a step that was never recorded',
    hint: 'details names the step; the workflow or its templates changed since the project ran.',
  },
  // --- pipelines (issue 13)
  PIPELINE_INVALID: {
    status: 422,
    retryable: false,
    message: 'The pipeline file does not validate',
    hint: 'details.issues names every problem with its file, path, line and column; GET /api/v1/pipelines lists the rejected files.',
  },
  ROLE_INPUT_INVALID: {
    status: 422,
    retryable: false,
    message: 'What the pipeline gives a role does not match the role’s input schema',
    hint: 'A defect of the pipeline file: details.issues names the paths; fix the role’s input schema or the pattern’s wiring.',
  },
  HANDOFF_LOOP: {
    status: 422,
    retryable: false,
    message: 'The agents kept handing the conversation back and forth, or past the handoff limit',
    hint: 'details names the agents and the handoffs; refine their descriptions and handoff rules, raise maxHandoffs/maxPingPong, or set onLoop: answer.',
  },
  PIPELINE_STALLED: {
    status: 422,
    retryable: false,
    message: 'The orchestrator made no progress after its replans',
    hint: 'details has the ledgers; refine the task, add an agent that can do the missing part, or raise maxStalls/maxReplans.',
  },
  PIPELINE_LIMIT: {
    status: 422,
    retryable: false,
    message: 'The pipeline reached one of its own limits (turns, planner turns, phases)',
    hint: 'details names the limit; raise it in the pipeline file or refine the task.',
  },
  PHASE_FAILED: {
    status: 422,
    retryable: false,
    message: 'A phase failed past seed 003’s retry matrix',
    hint: 'The project report has every attempt (details.report); fix the cause and create a new project. Nothing runs on by itself.',
  },
  MEMORY_LIMIT: {
    status: 409,
    retryable: false,
    message: 'The knowledge base of this owner is full',
    hint: 'Delete items (DELETE knowledge) or raise coordinator.memory.knowledge.maxItems.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; retryable: boolean; hint?: string; details?: unknown };
}

export class FactoryError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown, options?: { cause?: unknown; hint?: string }) {
    const spec: ErrorSpec = ERROR_CATALOG[code];
    super(message ?? spec.message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'FactoryError';
    this.code = code;
    this.status = spec.status;
    this.retryable = spec.retryable;
    this.hint = options?.hint ?? spec.hint;
    this.details = details;
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.hint !== undefined) error.hint = this.hint;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export function isFactoryError(e: unknown): e is FactoryError {
  return e instanceof FactoryError;
}

/** A zod-style issue list turned into `{ path, message }` pairs with dotted paths. */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}
export function formatIssues(issues: ReadonlyArray<IssueLike>, prefix = ''): { path: string; message: string }[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((s) => s !== '').join('.') || '(root)',
    message: i.message,
  }));
}
