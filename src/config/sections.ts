/**
 * The configuration's schemas, each made on first use and then kept. src/config/schema.ts makes them all
 * (what the service and the other modules import); loadConfig makes only the sections a configuration
 * sets (load.ts). zod takes tens of microseconds to make a schema and the configuration has hundreds,
 * which a one-shot command such as `factory check` would otherwise pay at every start.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The package's own folders: the embedded defaults work from any working directory. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bring-up script (scripts/docker-up.sh) starts its private engine. */
export const PRIVATE_DOCKER_SOCKET = '/run/agent-factory/docker.sock';

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const logLevel = once(() => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']));

const ollamaHost = once(() =>
  z
    .string()
    .min(1)
    .transform((v) => (/^https?:\/\//.test(v) ? v : `http://${v}`))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL or host:port' })),
);

const dockerHost = once(() =>
  z
    .string()
    .regex(
      /^(unix:\/\/\/|tcp:\/\/|http:\/\/|https:\/\/|\/)/,
      'must be unix:///path/to/docker.sock, tcp://host:port or an absolute socket path',
    ),
);

/** `think`: true/false, or a level for models that have levels; "true"/"false" from the environment or flags too. */
const think = once(() =>
  z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.union([z.boolean(), z.enum(['low', 'medium', 'high'])])),
);

/** What every role gets unless its own settings say otherwise. */
const roleDefaults = once(() => ({
  /** context window (num_ctx, tokens); a prompt that does not fit is compacted or refused, never left to Ollama to truncate */
  numCtx: z.coerce.number().int().min(512).max(1_048_576).default(8192),
  /** the longest reply (num_predict); a reply that reaches it fails as LLM_TRUNCATED */
  numPredict: z.coerce.number().int().min(16).max(262_144).default(4096),
  /** unset: Ollama's default (thinking models think since Ollama 0.12.4) */
  think: think().optional(),
}));

/** One role's settings; unset keys fall back to the role's prefix (agent for agent:x), then to ollama.*. */
export const roleSettings = once(() =>
  z
    .object({
      model: z.string().min(1).optional(),
      numCtx: z.coerce.number().int().min(512).max(1_048_576).optional(),
      numPredict: z.coerce.number().int().min(16).max(262_144).optional(),
      think: think().optional(),
      timeoutMs: z.coerce.number().int().min(1000).max(3_600_000).optional(),
    })
    .strict(),
);

/** true/false, also as the strings "true"/"false" from the environment or flags. */
const bool = once(() => z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()));

/** A project's budget (seed 004 §12): each limit null = unlimited. Checked before a model call or tool run is made. */
export const projectBudgetSchema = once(() =>
  z
    .object({
      /** prompt + completion tokens of every model call of the project */
      tokens: z.coerce.number().int().min(1).nullable(),
      /** USD, priced by the cost table the coordinator is given (local models cost 0) */
      costUsd: z.coerce.number().min(0).nullable(),
      /** running time (waiting for approval and paused do not count) */
      wallMs: z.coerce.number().int().min(1000).nullable(),
      /** sandboxed tool executions */
      toolRuns: z.coerce.number().int().min(0).nullable(),
    })
    .strict(),
);

/** Seed 004 §3.2: the stages of the review chain. */
export const REVIEW_KINDS = ['self', 'peer', 'cross', 'specialized', 'coordinator'] as const;
export const reviewStageSchema = once(() =>
  z
    .object({
      name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be 1-32 characters of a-z, 0-9 and -, starting with a letter'),
      kind: z.enum(REVIEW_KINDS),
      /** the iteration is accepted only when this stage accepts */
      mustPass: z.boolean().default(false),
      /** its issues go back to the worker for the next iteration */
      canImprove: z.boolean().default(true),
      /** specialized: the agent (by name) that reviews, e.g. security-auditor */
      reviewer: z
        .string()
        .regex(/^[a-z][a-z0-9_-]{1,63}$/)
        .optional(),
      criteria: z.array(z.string().min(1).max(500)).max(20).default([]),
    })
    .strict(),
);

/**
 * Seed 004 §2.1.1 OrchestratorConfig, per project. The fields without defaults: the service's
 * `coordinator.defaults` gives them defaults, a project's `config` overrides any of them.
 */
export const projectSettingFields = once(() => ({
  maxConcurrentAgents: z.coerce.number().int().min(1).max(32),
  maxIterations: z.coerce.number().int().min(1).max(10),
  qualityThreshold: z.coerce.number().min(0).max(1),
  /** calendar time from the project's start, waiting included; past it the project fails */
  timeoutMs: z.coerce
    .number()
    .int()
    .min(1000)
    .max(7 * 24 * 3600 * 1000),
  dynamicAgents: z.boolean(),
  toolGeneration: z.boolean(),
  approvals: z.object({ plan: z.boolean().default(false), aggregation: z.boolean().default(false) }).strict(),
  budget: projectBudgetSchema(),
  /** at 100 % of a budget: pause (resumable, e.g. after PATCH budget) or fail */
  onBudgetExceeded: z.enum(['pause', 'fail']),
  reviewChain: z.array(reviewStageSchema()).max(5),
  onIterationsExhausted: z.enum(['accept-best-and-flag', 'fail', 'replan']),
  /** sub-tasks in one plan */
  maxTasks: z.coerce.number().int().min(1).max(100),
  /** steps (activities) per project: a guard against loops */
  maxSteps: z.coerce.number().int().min(10).max(100_000),
  maxReplans: z.coerce.number().int().min(0).max(5),
  /** a failed worker run is retried this often with the error in the prompt, then reassigned */
  workerRetries: z.coerce.number().int().min(0).max(5),
  /** the same tool call with the same arguments this often in one agent run is a loop */
  maxRepeatedToolCalls: z.coerce.number().int().min(2).max(20),
  /** the completion tokens a budget check assumes for each model call */
  maxCompletionTokens: z.coerce.number().int().min(16).max(131_072),
  /** a model per coordinator role (strategist, delegator, worker, reviewer, aggregator) */
  models: z.record(z.string().regex(/^[a-z][a-z-]{0,31}$/), z.string().min(1).max(200)),
}));

export const projectDefaultsSchema = once(() => {
  const PROJECT_SETTING_FIELDS = projectSettingFields();
  const ProjectBudgetSchema = projectBudgetSchema();
  return z
    .object({
      maxConcurrentAgents: PROJECT_SETTING_FIELDS.maxConcurrentAgents.default(4),
      maxIterations: PROJECT_SETTING_FIELDS.maxIterations.default(3),
      qualityThreshold: PROJECT_SETTING_FIELDS.qualityThreshold.default(0.8),
      timeoutMs: PROJECT_SETTING_FIELDS.timeoutMs.default(6 * 3600 * 1000),
      dynamicAgents: PROJECT_SETTING_FIELDS.dynamicAgents.default(true),
      toolGeneration: PROJECT_SETTING_FIELDS.toolGeneration.default(false),
      approvals: PROJECT_SETTING_FIELDS.approvals.prefault({}),
      budget: z
        .object({
          tokens: ProjectBudgetSchema.shape.tokens.default(500_000),
          costUsd: ProjectBudgetSchema.shape.costUsd.default(null),
          wallMs: ProjectBudgetSchema.shape.wallMs.default(3_600_000),
          toolRuns: ProjectBudgetSchema.shape.toolRuns.default(100),
        })
        .strict()
        .prefault({}),
      onBudgetExceeded: PROJECT_SETTING_FIELDS.onBudgetExceeded.default('pause'),
      reviewChain: PROJECT_SETTING_FIELDS.reviewChain.prefault([{ name: 'review', kind: 'cross', mustPass: true, canImprove: true }]),
      onIterationsExhausted: PROJECT_SETTING_FIELDS.onIterationsExhausted.default('accept-best-and-flag'),
      maxTasks: PROJECT_SETTING_FIELDS.maxTasks.default(20),
      maxSteps: PROJECT_SETTING_FIELDS.maxSteps.default(2000),
      maxReplans: PROJECT_SETTING_FIELDS.maxReplans.default(1),
      workerRetries: PROJECT_SETTING_FIELDS.workerRetries.default(2),
      maxRepeatedToolCalls: PROJECT_SETTING_FIELDS.maxRepeatedToolCalls.default(3),
      maxCompletionTokens: PROJECT_SETTING_FIELDS.maxCompletionTokens.default(4096),
      models: PROJECT_SETTING_FIELDS.models.default({}),
    })
    .strict();
});

/**
 * The configuration's top-level keys, each made on first use. A section's default (its value when the
 * configuration does not set it) must not depend on anything but the sources (the build works it out
 * ahead: see load.ts), except for the folders of the package below, which are never worked out ahead.
 */
export const CONFIG_SECTIONS = {
  server: once(() =>
    z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.coerce.number().int().min(0).max(65535).default(8080),
        bodyLimitBytes: z.coerce
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(1024 * 1024),
        logLevel: logLevel().default('info'),
        shutdownGraceMs: z.coerce.number().int().min(0).max(600_000).default(10_000),
      })
      .strict()
      .prefault({}),
  ),
  dataDir: once(() => z.string().min(1).default('./data')),
  policyDir: once(() => z.string().min(1).default(`${PACKAGE_ROOT}policies`)),
  blueprintDir: once(() => z.string().min(1).default(`${PACKAGE_ROOT}blueprints`)),
  /** pipeline files (`*.yaml`) and their role files (`roles/*.yaml`): issue 13 */
  pipelineDir: once(() => z.string().min(1).default(`${PACKAGE_ROOT}pipelines`)),
  docker: once(() =>
    z
      .object({
        /** unset: $DOCKER_HOST, else the private socket of scripts/docker-up.sh if present, else /var/run/docker.sock */
        host: dockerHost().optional(),
        pingTimeoutMs: z.coerce.number().int().min(50).max(60_000).default(2_000),
        /** the longest any single engine request (create, start, kill, remove, inspect, list …) may take */
        requestTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(15_000),
      })
      .strict()
      .prefault({}),
  ),
  ollama: once(() =>
    z
      .object({
        host: ollamaHost().default('http://127.0.0.1:11434'),
        pingTimeoutMs: z.coerce.number().int().min(50).max(60_000).default(2_000),
        /** the model used when neither the blueprint nor `roles`/`models` names one */
        defaultModel: z.string().min(1).default('llama3.1:8b'),
        /** a model per role, e.g. { "tool-generator": "qwen2.5-coder:7b" } (the short form of roles.ROLE.model) */
        models: z.record(z.string(), z.string().min(1)).default({}),
        /** per attempt: a call that has not finished by then fails as LLM_TIMEOUT (the reply is streamed, so no header timeout applies) */
        requestTimeoutMs: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
        /** retries for transient failures (rate limits, 5xx, timeouts, dropped connections), with exponential backoff */
        retries: z.coerce.number().int().min(0).max(10).default(3),
        backoffMs: z.coerce.number().int().min(0).max(600_000).default(5_000),
        backoffFactor: z.coerce.number().min(1).max(10).default(3),
        ...roleDefaults(),
        /** settings per role (designer, generator, agent, ...): see ROLE_NAMES in src/llm/roles.ts */
        roles: z
          .record(z.string().regex(/^[a-z][a-z0-9:_-]{0,63}$/, 'must be a role such as agent or agent:data-analyst'), roleSettings())
          .default({}),
      })
      .strict()
      .prefault({}),
  ),
  sandbox: once(() =>
    z
      .object({
        /** containers (and isolates) kept ready per limit profile; 0 starts every run cold */
        poolSize: z.coerce.number().int().min(0).max(64).default(2),
        /** used containers removed at once; more queue (removals crowding the pool's refills slow the engine down) */
        parallelRemovals: z.coerce.number().int().min(1).max(64).default(2),
        /** a run ends at most this long after its time limit even when the engine does not answer (status error) */
        engineGraceMs: z.coerce.number().int().min(100).max(600_000).default(5_000),
        /** how often the service removes containers whose owning process is gone */
        reapIntervalMs: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
        /** container path → host directory bound there, e.g. { "/data": "./sample-data" } */
        hostPaths: z.record(z.string().regex(/^\/[^\0]*$/, 'must be an absolute container path'), z.string().min(1)).default({}),
        /** image tags; unset: agent-factory/<lang>:<sandbox-images/<lang>/VERSION> */
        images: z
          .object({ python: z.string().min(1).optional(), shell: z.string().min(1).optional() })
          .strict()
          .prefault({}),
        /** the largest script accepted, in bytes */
        maxSourceBytes: z.coerce
          .number()
          .int()
          .min(1024)
          .max(4 * 1024 * 1024)
          .default(256 * 1024),
      })
      .strict()
      .prefault({}),
  ),
  factory: once(() =>
    z
      .object({
        /** generate/repair attempts for one tool before giving up */
        maxAttempts: z.coerce.number().int().min(1).max(10).default(3),
        /** model turns in one agent run */
        maxAgentTurns: z.coerce.number().int().min(1).max(50).default(8),
        /** how often expired tools and agents are destroyed */
        sweepIntervalMs: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
      })
      .strict()
      .prefault({}),
  ),
  coordinator: once(() =>
    z
      .object({
        /** projects running at once; more wait as pending */
        maxConcurrentProjects: z.coerce.number().int().min(1).max(64).default(4),
        /** a running project's lease; another process takes a project over once it lapses (or its holder died) */
        leaseMs: z.coerce.number().int().min(1000).max(600_000).default(30_000),
        /** specialists a project creates expire after this long even if the project never closes */
        specialistTtlSeconds: z.coerce
          .number()
          .int()
          .min(60)
          .max(30 * 24 * 3600)
          .default(24 * 3600),
        /** the per-project settings every project starts from */
        defaults: projectDefaultsSchema().prefault({}),
        /** the pipeline a project runs when it names none (pipelines/<name>.yaml) */
        defaultPipeline: z
          .string()
          .regex(/^[a-z][a-z0-9_-]{0,63}$/)
          .default('default'),
        /** a message or task goes to the agent whose description is most similar (embeddings), if at least this similar; else a model picks */
        routing: z
          .object({ threshold: z.coerce.number().min(-1).max(1).default(0.75) })
          .strict()
          .prefault({}),
        /** short-term (a project's conversation), long-term (knowledge) and episodic memory; all private to the owner */
        memory: z
          .object({
            /** messages of a project's conversation an agent is shown (the newest; the task always) */
            shortTermMessages: z.coerce.number().int().min(2).max(500).default(40),
            knowledge: z
              .object({
                /** items per owner; more are refused (MEMORY_LIMIT) */
                maxItems: z.coerce.number().int().min(1).max(100_000).default(5000),
                /** characters of one item */
                maxChars: z.coerce.number().int().min(100).max(200_000).default(16_000),
                /** null: kept until deleted */
                retentionDays: z.coerce.number().int().min(1).max(36_500).nullable().default(null),
                /** items a search returns at most */
                topK: z.coerce.number().int().min(1).max(50).default(5),
                /** the least cosine similarity of a hit */
                minScore: z.coerce.number().min(-1).max(1).default(0.5),
              })
              .strict()
              .prefault({}),
            episodes: z
              .object({
                /** finished projects kept per owner (the oldest go first) */
                maxPerOwner: z.coerce.number().int().min(1).max(100_000).default(1000),
                retentionDays: z.coerce.number().int().min(1).max(36_500).nullable().default(365),
                /** similar earlier projects shown to a planner */
                topK: z.coerce.number().int().min(0).max(20).default(3),
                minScore: z.coerce.number().min(-1).max(1).default(0.5),
              })
              .strict()
              .prefault({}),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  ),
  audit: once(() =>
    z
      .object({
        /** input/output fields of audit events are cut to this many bytes */
        maxFieldBytes: z.coerce
          .number()
          .int()
          .min(64)
          .max(1024 * 1024)
          .default(4096),
        /** FULL fsyncs every event (survives power loss); NORMAL survives process crashes only */
        synchronous: z.enum(['full', 'normal']).default('full'),
      })
      .strict()
      .prefault({}),
  ),
  metrics: once(() =>
    z
      .object({
        /** GET /metrics in Prometheus' text format; false: no metrics are kept at all */
        enabled: bool().default(true),
        /** unset: /metrics on the API's own port, for a viewer token; set: its own listener (no token) and not on the API port */
        port: z.coerce.number().int().min(0).max(65535).optional(),
        /** the metrics listener's address when `port` is set: keep it on a private interface */
        host: z.string().min(1).default('127.0.0.1'),
        /** model names told apart in labels besides the configured ones (the rest are "other") */
        models: z.array(z.string().min(1).max(200)).max(100).default([]),
      })
      .strict()
      .prefault({}),
  ),
};

type Made<T> = { [K in keyof T]: T[K] extends () => infer R ? R : never };

/** The one configuration schema: defaults here, overridden by config file, environment and flags. */
export const configSchema = once(() => {
  const shape = {} as Record<string, unknown>;
  for (const [key, make] of Object.entries(CONFIG_SECTIONS)) shape[key] = make();
  return z.object(shape as Made<typeof CONFIG_SECTIONS>).strict();
});
