import { z } from 'zod';

export const RUN_STATUSES = ['ok', 'failed', 'timeout', 'oom', 'output_limit', 'killed', 'error'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

export const SandboxLanguage = z.enum(['python', 'shell', 'javascript']);
export type SandboxLanguage = z.infer<typeof SandboxLanguage>;

/** The limits that apply to one run, derived from the policy (and optionally tightened per run). */
export const SandboxLimits = z.strictObject({
  timeoutMs: z.number().int().min(1),
  memoryMb: z.number().int().min(6),
  cpus: z.number().min(0.01),
  maxProcesses: z.number().int().min(1),
  maxOpenFiles: z.number().int().min(16),
  maxFileSizeMb: z.number().int().min(1),
  maxOutputBytes: z.number().int().min(1),
  /** size of each writable tmpfs (/workspace, /tmp) */
  tmpfsMb: z.number().int().min(1),
});
export type SandboxLimits = z.infer<typeof SandboxLimits>;

/** A path the sandbox sees, and where it comes from: a bind mount of a host directory, or a private tmpfs. */
export interface SandboxMount {
  containerPath: string;
  readOnly: boolean;
  /** host directory to bind; undefined means an empty private tmpfs (writable paths only) */
  hostPath?: string;
}

export interface RunRequest {
  language: SandboxLanguage;
  source: string;
  /** bytes fed to the script's stdin (tools receive their JSON input here) */
  stdin?: string;
  /** command-line arguments after the script */
  args?: string[];
  /** only the variables a blueprint declares; never the service's own environment */
  env?: Record<string, string>;
  limits: SandboxLimits;
  mounts?: SandboxMount[];
  /** parse stdout as JSON into `json` (tools that declare JSON output) */
  outputJson?: boolean;
  /** names the run in labels, logs and audit events */
  runId?: string;
  /**
   * Run in the persistent sandbox of this session (an agent run that opted in): files persist between
   * the session's runs. Never shared across sessions; destroyed by closeSession.
   */
  sessionId?: string;
  signal?: AbortSignal;
}

export const RunResultSchema = z.object({
  runId: z.string(),
  runtime: z.enum(['docker', 'isolate']),
  status: RunStatus,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  stdoutTruncated: z.boolean(),
  stderrTruncated: z.boolean(),
  durationMs: z.number(),
  /** whether a pre-started container served the run */
  warm: z.boolean(),
  /** the Docker container that served the run (short id) */
  containerId: z.string().optional(),
  limits: SandboxLimits,
  json: z.unknown().optional(),
  jsonError: z.string().optional(),
  error: z.string().optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

/** One interface for all runtimes: run a script with input under limits, collect a result value, clean up. */
export interface SandboxRuntime {
  readonly name: 'docker' | 'isolate';
  supports(language: SandboxLanguage): boolean;
  run(req: RunRequest): Promise<RunResult>;
  /** destroys every sandbox of a session */
  closeSession?(sessionId: string): Promise<void>;
  close(): Promise<void>;
}
