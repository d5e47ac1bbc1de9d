// npm run bench -- dashboard: (a) the dashboard's first load in Chromium (bytes shipped, time to the first
// list), (b) the service's overhead with metrics on versus off for sandboxed runs, both services measured
// in the same run with their batches interleaved (ABBA), and (c) what one scrape of /metrics costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { fmt, line, summary } from './lib.ts';

const REPO = resolve(import.meta.dirname, '..');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Proc {
  child: ChildProcess;
  url: string;
  token: string;
  dir: string;
  /** user + system CPU seconds the process has used so far (from /proc) */
  cpu(): number;
  stop(): Promise<void>;
}

async function serve(config: string): Promise<Proc> {
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-dash-'));
  writeFileSync(join(dir, 'config.yaml'), config);
  const child = spawn(process.execPath, ['--no-node-snapshot', join(REPO, 'bin/factory.js'), 'serve', '--port', '0', '--data-dir', dir], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FACTORY_CONFIG: join(dir, 'config.yaml'), FACTORY_LOG_LEVEL: 'warn', OLLAMA_HOST: 'http://127.0.0.1:9' },
  });
  const url = await new Promise<string>((res, rej) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) res(m[1]!);
    });
    child.once('exit', (c) => rej(new Error(`serve exited ${c}: ${err}`)));
  });
  child.removeAllListeners('exit');
  const tick = 100; // USER_HZ on Linux
  return {
    child,
    url,
    dir,
    token: readFileSync(join(dir, 'admin-token'), 'utf8').trim(),
    cpu: () => {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / tick;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PROJECTS = 20;

async function firstLoad(samples: number): Promise<void> {
  process.stdout.write(
    `\n# dashboard first load: Chromium, empty cache each time, signed in, until the first row of the projects list ` +
      `(${PROJECTS} projects stored; no model answers, so each stops at its plan)\n`,
  );
  if (!existsSync(join(REPO, 'web/dist/index.html'))) return line('skipped', 'the dashboard is not built (npm run build:web)');
  if (!existsSync('/usr/bin/chromium')) return line('skipped', 'no /usr/bin/chromium (bash scripts/setup.sh)');
  const svc = await serve('sandbox: { poolSize: 0 }\nollama: { retries: 0 }\n');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  try {
    const blueprint = readFileSync(join(REPO, 'blueprints/tools/json_stats.yaml'), 'utf8');
    const r = await fetch(`${svc.url}/api/v1/tools`, {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.token}`, 'content-type': 'application/yaml' },
      body: blueprint,
    });
    if (r.status !== 201) throw new Error(`tool submission: ${r.status}`);
    for (let i = 0; i < PROJECTS; i++) {
      const p = await fetch(`${svc.url}/api/v1/projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${svc.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ task: `bench project ${i}` }),
      });
      if (p.status !== 201) throw new Error(`project: ${p.status} ${await p.text()}`);
    }
    const times: number[] = [];
    let bytes = 0;
    let gzipped = 0;
    let requests = 0;
    for (let i = 0; i < samples; i++) {
      const context = await browser.newContext();
      await context.addInitScript((t) => sessionStorage.setItem('agent-factory.token', t), svc.token);
      const page = await context.newPage();
      const shipped: { url: string; size: number; gz: number }[] = [];
      page.on('response', async (res) => {
        if (!res.url().startsWith(`${svc.url}/`) || res.url().includes('/api/')) return;
        const body = await res.body().catch(() => Buffer.alloc(0));
        shipped.push({ url: res.url(), size: body.length, gz: gzipSync(body).length });
      });
      const t0 = performance.now();
      await page.goto(`${svc.url}/#/projects`);
      await page.locator('tbody tr[data-project]').first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - t0);
      await page.waitForLoadState('networkidle');
      bytes = shipped.reduce((n, s) => n + s.size, 0);
      gzipped = shipped.reduce((n, s) => n + s.gz, 0);
      requests = shipped.length;
      await context.close();
    }
    const s = summary(times);
    line('static files fetched (html, js, css)', `${requests}`);
    line('bytes shipped (as served, uncompressed)', `${fmt(bytes / 1024)} KiB`);
    line('the same gzipped (what a compressing proxy would send)', `${fmt(gzipped / 1024)} KiB`);
    line(`time to first project list, ms (n=${s.n})`, `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  mean ${fmt(s.mean)}`);
  } finally {
    await browser.close();
    await svc.stop();
  }
}

async function metricsOverhead(perBatch: number, rounds: number): Promise<void> {
  process.stdout.write(
    `\n# metrics on vs off: two services (own processes, own data), python runs in Docker through POST /api/v1/executions, ` +
      `${rounds} rounds of ${perBatch} runs each, batches interleaved ABBA\n`,
  );
  const on = await serve('sandbox: { poolSize: 2 }\nmetrics: { enabled: true }\n');
  const off = await serve('sandbox: { poolSize: 2 }\nmetrics: { enabled: false }\n');
  const run = async (p: Proc) => {
    const t = performance.now();
    const r = await fetch(`${p.url}/api/v1/executions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'python', source: 'print(sum(range(1000)))\n' }),
    });
    if (r.status !== 201) throw new Error(`execution: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
    return performance.now() - t;
  };
  try {
    for (const p of [on, off]) for (let i = 0; i < 5; i++) await run(p); // warm-up: pools filled, code paths hot
    const wall = { on: [] as number[], off: [] as number[] };
    const cpu = { on: 0, off: 0 };
    for (let r = 0; r < rounds; r++) {
      for (const which of r % 2 === 0 ? (['on', 'off', 'off', 'on'] as const) : (['off', 'on', 'on', 'off'] as const)) {
        const p = which === 'on' ? on : off;
        const c0 = p.cpu();
        for (let i = 0; i < perBatch / 2; i++) wall[which].push(await run(p));
        cpu[which] += p.cpu() - c0;
      }
    }
    const son = summary(wall.on);
    const soff = summary(wall.off);
    line(`metrics on: wall ms per run (n=${son.n})`, `p50 ${fmt(son.p50)}  p95 ${fmt(son.p95)}  mean ${fmt(son.mean)}`);
    line(`metrics off: wall ms per run (n=${soff.n})`, `p50 ${fmt(soff.p50)}  p95 ${fmt(soff.p95)}  mean ${fmt(soff.mean)}`);
    line('wall overhead (p50 on / p50 off - 1)', `${fmt((son.p50 / soff.p50 - 1) * 100, 2)} %  (goal: under 2 %)`);
    line('service CPU ms per run, on / off', `${fmt((cpu.on * 1000) / son.n)} / ${fmt((cpu.off * 1000) / soff.n)}`);
    line('CPU overhead (on / off - 1)', `${fmt((cpu.on / cpu.off - 1) * 100, 2)} %  (CPU clock ticks of 10 ms: coarse)`);
    const scrapes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      const r = await fetch(`${on.url}/metrics`, { headers: { authorization: `Bearer ${on.token}` } });
      await r.text();
      scrapes.push(performance.now() - t);
    }
    const ss = summary(scrapes);
    line(`one scrape of /metrics, ms (n=${ss.n})`, `p50 ${fmt(ss.p50)}  p95 ${fmt(ss.p95)}`);
  } finally {
    await Promise.all([on.stop(), off.stop()]);
  }
}

export async function dashboardBench(): Promise<void> {
  await firstLoad(Number(process.env.BENCH_DASH_LOADS ?? 10));
  await metricsOverhead(Number(process.env.BENCH_RUNS ?? 20), Number(process.env.BENCH_ROUNDS ?? 4));
}
