import { afterAll, describe, expect, it } from 'vitest';
import { IsolateRuntime } from '../../src/sandbox/isolate/runtime.ts';
import type { SandboxLimits } from '../../src/sandbox/index.ts';

const limits: SandboxLimits = {
  timeoutMs: 500,
  memoryMb: 32,
  cpus: 1,
  maxProcesses: 8,
  maxOpenFiles: 64,
  maxFileSizeMb: 1,
  maxOutputBytes: 4096,
  tmpfsMb: 1,
};
const rt = new IsolateRuntime(1);
afterAll(() => rt.close());
const run = (source: string, extra: { stdin?: string; outputJson?: boolean } = {}) =>
  rt.run({ language: 'javascript', source, limits, ...extra });

describe('isolated-vm runtime', () => {
  it('runs a tool with JSON input and parses declared JSON output', async () => {
    const r = await run('const xs = input.xs; console.log(JSON.stringify({ sum: xs.reduce((a, b) => a + b, 0) }))', {
      stdin: '{"xs":[1,2,3]}',
      outputJson: true,
    });
    expect(r).toMatchObject({ status: 'ok', exitCode: 0, runtime: 'isolate', json: { sum: 6 } });
  });

  it('offers no Node APIs', async () => {
    const r = await run('print(typeof require, typeof process, typeof module, typeof setTimeout, typeof fetch, typeof Buffer)');
    expect(r.stdout.trim()).toBe('undefined undefined undefined undefined undefined undefined');
    const esc = await run('const F = (function(){}).constructor; print(F("return typeof process")())');
    expect(esc.stdout.trim()).toBe('undefined');
  });

  it('an endless loop ends as timeout and the runtime stays usable', async () => {
    const r = await run('for (;;) {}');
    expect(r.status).toBe('timeout');
    expect((await run('print("after")')).stdout).toBe('after\n');
  });

  it('a memory bomb ends as oom and the runtime stays usable', async () => {
    // a time limit the bomb cannot reach first, even on a loaded machine: only the memory limit ends it
    const r = await rt.run({
      language: 'javascript',
      source: 'const a = []; for (;;) a.push(new Array(1e6).fill(1));',
      limits: { ...limits, timeoutMs: 60_000 },
    });
    expect(r.status).toBe('oom');
    expect((await run('print("after")')).status).toBe('ok');
  });

  it('an output flood is cut at the cap', async () => {
    const r = await run('for (;;) console.log("x".repeat(100))');
    expect(r.status).toBe('output_limit');
    expect(r.stdoutTruncated).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBeLessThanOrEqual(limits.maxOutputBytes);
  });

  it('a thrown error is a failed run with the message on stderr', async () => {
    const r = await run('throw new Error("boom")');
    expect(r).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(r.stderr).toContain('Error: boom');
    expect(r.stderr).not.toContain('/src/');
  });

  it('cancellation through an AbortSignal ends the run as killed', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await rt.run({ language: 'javascript', source: 'for(;;){}', limits: { ...limits, timeoutMs: 5000 }, signal: ac.signal });
    expect(r.status).toBe('killed');
  });
});
