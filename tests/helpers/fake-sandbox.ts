import {
  parseToolOutput,
  RunResultSchema,
  type ContainerRuntime,
  type RunRequest,
  type RunResult,
  type SandboxLanguage,
} from '../../src/sandbox/index.ts';

/** What a scripted run ends with; unset fields: status ok, exit 0, no output. */
export type FakeRun = Partial<Pick<RunResult, 'status' | 'exitCode' | 'stdout' | 'stderr' | 'stdoutTruncated' | 'error'>>;

/**
 * A stand-in for the Docker runtime that `Sandboxes` can be given (`openCore(config, { containers })`),
 * so the factory's loops get unit tests without an engine. It runs nothing: `behaviour` answers each
 * Python or shell run (by its source, stdin, args …), every request is kept in `runs`, and the result
 * is built and checked as the real runtime's is (RunResultSchema; declared JSON output parsed by
 * parseToolOutput). JavaScript still goes to the real isolated-vm runtime. Containment is tested
 * against the real engine (tests/sandbox/), never here.
 */
export class FakeContainers implements ContainerRuntime {
  readonly name = 'docker' as const;
  readonly runs: RunRequest[] = [];
  readonly closedSessions: string[] = [];
  closed = false;

  constructor(public behaviour: (req: RunRequest) => FakeRun | Promise<FakeRun> = () => ({})) {}

  supports(language: SandboxLanguage): boolean {
    return language === 'python' || language === 'shell';
  }

  async run(req: RunRequest): Promise<RunResult> {
    if (this.closed) throw new Error('the fake container runtime is closed');
    this.runs.push(req);
    const out = req.signal?.aborted ? { status: 'killed' as const, exitCode: null } : await this.behaviour(req);
    const status = out.status ?? 'ok';
    const result = RunResultSchema.parse({
      runId: req.runId ?? `fake-${this.runs.length}`,
      runtime: 'docker',
      status,
      exitCode: out.exitCode !== undefined ? out.exitCode : status === 'ok' ? 0 : 1,
      signal: null,
      stdout: out.stdout ?? '',
      stderr: out.stderr ?? '',
      stdoutTruncated: out.stdoutTruncated ?? false,
      stderrTruncated: false,
      durationMs: 1,
      warm: false,
      containerId: 'fakecontainer',
      limits: req.limits,
      ...(out.error ? { error: out.error } : {}),
    });
    return req.outputJson ? { ...result, ...parseToolOutput(result) } : result;
  }

  prewarm(): void {}
  prepareAhead(): void {}
  poolStats(): ReturnType<ContainerRuntime['poolStats']> {
    return [];
  }
  async quiesce(): Promise<void> {}
  async reap(): Promise<number> {
    return 0;
  }
  startReaper(): void {}
  async closeSession(sessionId: string): Promise<void> {
    this.closedSessions.push(sessionId);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}
