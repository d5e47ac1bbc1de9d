import { readFileSync } from 'node:fs';
import { FactoryError } from '../../errors/catalog.ts';
import { COMMON_OPTIONS, UsageError, type Command } from '../command.ts';
import { configFrom, openRunner } from '../context.ts';
import { isolatesEnabled, rerunWithIsolates } from '../isolates.ts';
import { languageOf, readScript } from '../scripts.ts';

function inputOf(arg: string | undefined): string {
  if (arg === undefined) return '';
  let text = arg;
  if (arg.startsWith('@')) {
    try {
      text = readFileSync(arg.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read input file ${arg.slice(1)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  try {
    JSON.parse(text);
  } catch (e) {
    throw new FactoryError('INPUT_INVALID', `--input is not JSON: ${(e as Error).message}`);
  }
  return text;
}

function num(v: unknown, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number`);
  return n;
}

export const runCmd: Command = {
  name: 'run',
  summary: 'Check a script and run it in the sandbox; prints its output and status.',
  usage: `factory run FILE [--lang python|shell|javascript] [--policy NAME|PATH] [--input JSON|@FILE] [--arg A]…
                   [--timeout SECONDS] [--memory MB] [--skip-static-check] [--json] [--data-dir DIR]

  The input (JSON) is the script's stdin. --timeout and --memory may tighten the policy's limits,
  never loosen them. Exit 0 when the status is ok, 1 otherwise (blocked, failed, timeout, oom, …), 2 on
  usage errors. --skip-static-check exists only here, to test the container's own containment; it is
  audited as such. --json prints one object: the run result, or {blocked: true, findings} when blocked.`,
  options: {
    ...COMMON_OPTIONS,
    lang: { type: 'string' },
    policy: { type: 'string' },
    'policy-dir': { type: 'string' },
    input: { type: 'string' },
    arg: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    memory: { type: 'string' },
    'skip-static-check': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const file = positionals[0]!;
    const source = readScript(file);
    const language = languageOf(file, source, values.lang as string | undefined);
    if (language === 'javascript' && !isolatesEnabled()) return await rerunWithIsolates();
    const stdin = inputOf(values.input as string | undefined);
    const overrides = { timeoutSeconds: num(values.timeout, '--timeout'), memoryMb: num(values.memory, '--memory') };
    const config = configFrom(values, io, { policyDir: values['policy-dir'] as string | undefined });
    const runner = await openRunner(config, values.policy as string | undefined, { language, overrides });
    const { policy } = runner;
    try {
      const outcome = await runner.executor.execute({
        language,
        source,
        policy,
        stdin,
        args: (values.arg as string[] | undefined) ?? [],
        overrides,
        skipStaticCheck: values['skip-static-check'] === true,
        actor: 'cli',
        target: file,
      });
      if (outcome.blocked) {
        if (values.json)
          io.out(
            `${JSON.stringify({ file, blocked: true, runId: outcome.runId, policy: policy.name, findings: outcome.check.findings })}\n`,
          );
        else {
          io.err(`${file}: BLOCKED by policy ${policy.name}; nothing was run\n`);
          for (const f of outcome.check.findings)
            io.err(`  ${file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}\n    fix: ${f.suggestion}\n`);
        }
        return 1;
      }
      const r = outcome.result;
      if (values.json)
        io.out(`${JSON.stringify({ file, blocked: false, policy: policy.name, ...r, findings: outcome.check?.findings ?? [] })}\n`);
      else {
        io.out(r.stdout);
        if (r.stderr) io.err(r.stderr);
        io.err(
          `${file}: ${r.status}${r.exitCode !== null ? ` (exit ${r.exitCode})` : ''} in ${r.durationMs.toFixed(0)} ms` +
            `${r.stdoutTruncated || r.stderrTruncated ? ', output truncated' : ''}${r.error ? `: ${r.error}` : ''}\n`,
        );
      }
      return r.status === 'ok' ? 0 : 1;
    } finally {
      // after the result is out: the container's removal is handed to the engine, not waited for
      await runner.close();
    }
  },
};
