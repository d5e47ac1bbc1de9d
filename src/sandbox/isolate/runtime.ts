import { randomUUID } from 'node:crypto';
import type ivm from 'isolated-vm';
import { FactoryError } from '../../errors/catalog.ts';
import { parseToolOutput } from '../output.ts';
import type { RunRequest, RunResult, RunStatus, SandboxLanguage, SandboxRuntime } from '../types.ts';

/**
 * What the tool sees besides the language itself: `input`, `stdin`, `args`, `env`, console.log/error,
 * print. Output is buffered inside the isolate (the cap is enforced there, so a flood never crosses
 * into the service) and copied out once, as plain strings, when the run ends.
 */
const PRELUDE = `
(() => {
  const out = [[], []], size = [0, 0], cut = [false, false];
  let cap = 0;
  const fmt = (a) => a.map((x) => typeof x === 'string' ? x : (() => { try { return JSON.stringify(x); } catch { return String(x); } })()).join(' ') + '\\n';
  const emit = (i, text) => {
    if (size[i] + text.length > cap) {
      out[i].push(text.slice(0, Math.max(0, cap - size[i]))); size[i] = cap; cut[i] = true;
      throw new RangeError('output limit exceeded');
    }
    size[i] += text.length; out[i].push(text);
  };
  const log = (...a) => emit(0, fmt(a)), err = (...a) => emit(1, fmt(a));
  globalThis.console = Object.freeze({ log, info: log, debug: log, error: err, warn: err });
  globalThis.print = log;
  Object.defineProperty(globalThis, '__af', { value: Object.freeze({
    setCap: (n) => { cap = n; },
    take: () => JSON.stringify({ stdout: out[0].join(''), stderr: out[1].join(''), cut }),
  }) });
})();
`;

interface Prepared {
  isolate: ivm.Isolate;
  context: ivm.Context;
}

let loaded: typeof ivm | undefined;
/** isolated-vm is loaded on first use: a process that never runs JavaScript (`factory run x.py`) does not load it. */
async function isolatedVm(): Promise<typeof ivm> {
  return (loaded ??= (await import('isolated-vm')).default);
}

async function prepareIsolate(memoryMb: number): Promise<Prepared> {
  const isolate = new (await isolatedVm()).Isolate({ memoryLimit: memoryMb });
  const context = await isolate.createContext();
  await context.global.set('globalThis', context.global.derefInto());
  await context.eval(PRELUDE);
  return { isolate, context };
}

/**
 * JavaScript tools in V8 isolates: the policy's memory and time limits, no Node APIs at all
 * (no require, process, fs, timers or network), input copied in as JSON, output copied out with a cap.
 * Isolates are single-use; a few are prepared ahead per memory limit so a run does not pay for one.
 */
export class IsolateRuntime implements SandboxRuntime {
  readonly name = 'isolate' as const;
  private readonly ready = new Map<number, Prepared[]>();
  private closed = false;

  constructor(private readonly poolSize = 2) {}

  supports(language: SandboxLanguage): boolean {
    return language === 'javascript';
  }

  private take(memoryMb: number): Prepared | undefined {
    const list = this.ready.get(memoryMb) ?? [];
    this.ready.set(memoryMb, list);
    return list.shift();
  }

  private readonly filling = new Set<number>();

  /**
   * Refills with hysteresis: only once the pool is down to half, then back to full in one go, so that
   * back-to-back runs mostly find the main thread free (creating an isolate costs about a millisecond).
   */
  private refill(memoryMb: number): void {
    const list = this.ready.get(memoryMb)!;
    if (this.closed || this.filling.has(memoryMb) || list.length > Math.floor(this.poolSize / 2)) return;
    this.filling.add(memoryMb);
    this.fillOne(memoryMb);
  }

  private fillOne(memoryMb: number): void {
    const list = this.ready.get(memoryMb)!;
    if (this.closed || list.length >= this.poolSize) {
      this.filling.delete(memoryMb);
      return;
    }
    setImmediate(() => {
      prepareIsolate(memoryMb).then(
        (p) => {
          if (this.closed) p.isolate.dispose();
          else list.push(p);
          this.fillOne(memoryMb);
        },
        () => this.filling.delete(memoryMb),
      );
    });
  }

  async run(req: RunRequest): Promise<RunResult> {
    if (req.language !== 'javascript') throw new FactoryError('LANGUAGE_UNSUPPORTED', `The isolate runtime does not run ${req.language}`);
    const runId = req.runId ?? randomUUID();
    const started = performance.now();
    const memoryMb = Math.max(8, req.limits.memoryMb);
    const pooled = this.take(memoryMb);
    const p = pooled ?? (await prepareIsolate(memoryMb));
    const { isolate, context } = p;
    const lib = await isolatedVm();
    let out = { stdout: '', stderr: '', cut: [false, false] };
    let status: RunStatus = 'ok';
    let error: string | undefined;
    let stoppedBy: 'timeout' | 'killed' | null = null;
    const stop = (why: 'timeout' | 'killed') => {
      stoppedBy ??= why;
      if (!isolate.isDisposed) isolate.dispose();
    };
    const onAbort = () => stop('killed');
    req.signal?.addEventListener('abort', onAbort, { once: true });
    // the wall clock is enforced here by disposing the isolate (ivm's own `timeout` option costs ~4 ms a run)
    const timer = setTimeout(() => stop('timeout'), req.limits.timeoutMs);
    try {
      let input: unknown = null;
      try {
        input = req.stdin ? (JSON.parse(req.stdin) as unknown) : null;
      } catch {
        input = null; // not JSON: the tool still has the raw text in `stdin`
      }
      // set-up is synchronous (microseconds); only the tool itself runs asynchronously
      const jail = context.global;
      jail.setSync('input', new lib.ExternalCopy(input).copyInto());
      jail.setSync('stdin', req.stdin ?? '');
      jail.setSync('args', new lib.ExternalCopy(req.args ?? []).copyInto());
      jail.setSync('env', new lib.ExternalCopy(req.env ?? {}).copyInto());
      context.evalSync(`__af.setCap(${Math.floor(req.limits.maxOutputBytes)})`);
      const script = isolate.compileScriptSync(req.source, { filename: 'tool.js' });
      try {
        await script.run(context);
      } finally {
        if (!isolate.isDisposed) out = JSON.parse(context.evalSync('__af.take()') as string) as typeof out;
      }
    } catch (e) {
      const msg = (e as Error).message ?? String(e);
      if (stoppedBy) status = stoppedBy;
      else if (out.cut[0] || out.cut[1]) status = 'output_limit';
      else if (isolate.isDisposed || /memory limit|disposed/i.test(msg)) status = 'oom';
      else {
        status = 'failed';
        out.stderr += `${((e as Error).stack ?? msg).split('\n    at (<isolated-vm boundary>)')[0]}\n`;
      }
      if (status !== 'failed') error = msg;
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      // disposing and preparing the next isolate happen after the caller has its result, off the latency path
      setImmediate(() => {
        if (!isolate.isDisposed) isolate.dispose();
        this.refill(memoryMb);
      });
    }
    const result: RunResult = {
      runId,
      runtime: 'isolate',
      status,
      exitCode: status === 'ok' ? 0 : status === 'failed' ? 1 : null,
      signal: null,
      stdout: out.stdout,
      stderr: out.stderr,
      stdoutTruncated: out.cut[0]!,
      stderrTruncated: out.cut[1]!,
      durationMs: performance.now() - started,
      warm: pooled !== undefined,
      limits: req.limits,
      ...(error ? { error } : {}),
    };
    return req.outputJson ? { ...result, ...parseToolOutput(result) } : result;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const list of this.ready.values()) for (const p of list.splice(0)) if (!p.isolate.isDisposed) p.isolate.dispose();
  }
}
