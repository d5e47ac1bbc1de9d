import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fmt, line, summary } from './lib.ts';

const REPO = resolve(import.meta.dirname, '..');

/** GET /healthz requests/s: the real `factory serve` in its own process, a keep-alive load generator in this one. */
export async function healthzBench(seconds = 5, concurrency = 32): Promise<void> {
  process.stdout.write(
    `\n# GET /healthz: factory serve (own process) vs keep-alive load generator, ${concurrency} connections, ${seconds} s\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-'));
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', join(REPO, 'bin/factory.js'), 'serve', '--port', '0', '--data-dir', dir, '--log-level', 'warn'],
    {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  try {
    const url = await new Promise<URL>((res, rej) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) res(new URL(m[1]!));
      });
      child.on('exit', (c) => rej(new Error(`serve exited ${c}: ${err}`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const get = () =>
      new Promise<number>((res, rej) => {
        const t = performance.now();
        const req = request({ host: url.hostname, port: url.port, path: '/healthz', agent }, (r) => {
          r.resume();
          r.on('end', () => (r.statusCode === 200 ? res(performance.now() - t) : rej(new Error(`status ${r.statusCode}`))));
        });
        req.on('error', rej);
        req.end();
      });
    for (let i = 0; i < 500; i++) await get(); // warm-up
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) latencies.push(await get());
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    agent.destroy();
    const s = summary(latencies);
    line('requests/s', `${fmt(latencies.length / secs, 0)}  (${latencies.length.toLocaleString()} requests)`);
    line('latency p50 / p99', `${fmt(s.p50, 2)} ms / ${fmt(s.p99, 2)} ms`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
