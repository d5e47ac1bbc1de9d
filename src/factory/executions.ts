import type { Principal } from '../access/index.ts';
import { FactoryError } from '../errors/catalog.ts';
import { limitsFor, type SandboxLanguage } from '../sandbox/index.ts';
import type { FactoryDeps } from './deps.ts';
import type { WorkView } from './queries.ts';
import { Work } from './work.ts';

export interface ExecutionRequest {
  language: SandboxLanguage;
  source: string;
  /** stdin: a string as it is, anything else as one line of JSON */
  input?: unknown;
  args?: string[];
  /** the policy to check and run under (default: default) */
  policy?: string;
}

/**
 * One-off runs of a script (what Piston and Judge0 users expect): checked under a policy, run in the
 * sandbox, audited, and private to the caller like any run. They are runs of type `execution`.
 */
export class Executions {
  constructor(private readonly d: Pick<FactoryDeps, 'store' | 'events' | 'executor' | 'policies' | 'lifecycle' | 'access'>) {}

  /**
   * Checks the script now (a block is CODE_BLOCKED, 422, and audited), then runs it. With `wait` the
   * finished run is returned; without, the run as it starts: follow it on the stream (run:<id>).
   */
  async start(req: ExecutionRequest, p: Principal, wait: boolean): Promise<WorkView> {
    const policy = this.d.policies.get(req.policy ?? 'default');
    limitsFor(policy); // a policy the sandbox cannot honour (network) is refused before anything happens
    const stdin = req.input === undefined ? '' : typeof req.input === 'string' ? req.input : JSON.stringify(req.input);
    const input = { language: req.language, policy: policy.name, source: req.source, input: req.input ?? null, args: req.args ?? [] };
    const work = await Work.start(this.d.store, this.d.events, {
      kind: 'run',
      type: 'execution',
      target: req.language,
      owner: p.id,
      input,
    });
    const checked = await this.d.executor.check(req.source, req.language, policy, {
      actor: p.id,
      target: `execution:${work.id}`,
      task: work.id,
    });
    if (!checked.allowed) {
      const blocked = new FactoryError('CODE_BLOCKED', `The script was blocked by policy ${policy.name}`, {
        runId: work.id,
        findings: checked.findings,
      });
      await work.fail(blocked);
      throw blocked;
    }
    const running = this.d.lifecycle.track(`execution ${work.id}`, async (signal) => {
      await work.progress(0.1, 'running', `running ${req.language} under policy ${policy.name}`);
      try {
        const out = await this.d.executor.execute({
          language: req.language,
          source: req.source,
          policy,
          stdin,
          args: req.args ?? [],
          actor: p.id,
          target: `execution:${work.id}`,
          runId: work.id,
          task: work.id,
          signal,
        });
        if (out.blocked)
          throw new FactoryError('CODE_BLOCKED', `The script was blocked by policy ${policy.name}`, {
            runId: work.id,
            findings: out.check.findings,
          });
        const r = out.result;
        if (r.status === 'error')
          await work.fail(new FactoryError('SANDBOX_FAILED', r.error ?? 'the sandbox failed', { status: r.status }));
        else
          await work.succeed(
            r,
            `${req.language}: ${r.status}${r.exitCode !== null ? ` (exit ${r.exitCode})` : ''} in ${r.durationMs.toFixed(0)} ms`,
            { status: r.status },
          );
      } catch (e) {
        await work.fail(e, signal.aborted ? 'cancelled' : 'failed');
      }
    });
    if (wait) await running;
    else void running.catch(() => undefined);
    return (await this.d.store.work.get(work.id))!;
  }

  /** One execution, if `p` may see it (its caller, viewers, admins). */
  async get(id: string, p: Principal): Promise<WorkView> {
    await this.d.access.require(p, 'run', id, 'read');
    const w = (await this.d.store.work.get(id))!;
    if (w.type !== 'execution') throw new FactoryError('RESOURCE_NOT_FOUND', `No execution '${id}'`, { id });
    return w;
  }
}
