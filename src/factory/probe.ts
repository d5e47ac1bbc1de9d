import { checkExpectation, inputArgs, inputStdin, type ProbeResult, type ToolBlueprint } from '../blueprints/index.ts';
import type { Executor } from '../execution/index.ts';
import type { Policy } from '../policy/index.ts';

export type { ProbeResult } from '../blueprints/index.ts';

export interface ProbeContext {
  executor: Executor;
  policy: Policy;
  actor: string;
  /** host directory of the blueprint's sampleData, mounted at /data */
  dataDir?: string;
  task?: string;
  project?: string;
  signal?: AbortSignal;
}

const tail = (s: string, n = 2000) => (s.length > n ? `…${s.slice(-n)}` : s);

/** Runs the tool on each of the blueprint's examples in the sandbox and checks what it produced. */
export async function probe(
  bp: ToolBlueprint,
  source: string,
  ctx: ProbeContext,
  onExample?: (r: ProbeResult, i: number) => Promise<unknown> | void,
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const [i, ex] of bp.examples.entries()) {
    const out = await ctx.executor.execute({
      language: bp.language,
      source,
      policy: ctx.policy,
      stdin: inputStdin(bp, ex.input),
      args: inputArgs(bp, ex.input),
      env: bp.env ?? {},
      outputJson: bp.outputSpec.format === 'json',
      actor: ctx.actor,
      target: `${bp.name} (probe ${ex.name})`,
      ...(ctx.dataDir ? { dataDir: ctx.dataDir } : {}),
      ...(ctx.task ? { task: ctx.task } : {}),
      ...(ctx.project ? { project: ctx.project } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    let r: ProbeResult;
    if (out.blocked) {
      r = {
        example: ex.name,
        passed: false,
        status: 'blocked',
        durationMs: 0,
        stdoutTail: '',
        stderrTail: '',
        failures: [
          {
            check: 'status',
            path: '(root)',
            message: 'the static check blocked the source',
            expected: 'allowed',
            actual: out.check.findings.map((f) => f.rule),
          },
        ],
      };
    } else {
      const res = out.result;
      const failures = checkExpectation(ex.expect, {
        status: res.status,
        stdout: res.stdout,
        ...(res.json !== undefined ? { json: res.json } : {}),
      });
      r = {
        example: ex.name,
        passed: failures.length === 0,
        status: res.status,
        durationMs: res.durationMs,
        failures,
        stdoutTail: tail(res.stdout),
        stderrTail: tail(res.stderr),
      };
    }
    results.push(r);
    await onExample?.(r, i);
  }
  return results;
}
