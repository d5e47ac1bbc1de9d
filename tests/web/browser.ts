// Debian's Chromium driven by playwright-core (never a downloaded browser), a service process of its own
// per test file, and the artifacts folder for screenshots.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BIN, exitOf } from '../helpers/cli.ts';
import { REPO } from '../helpers/env.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(REPO, 'test-artifacts', 'dashboard');
export const DASHBOARD_BUILD = join(REPO, 'web', 'dist', 'index.html');

/** Flags from ../shared/FACTS.md: headless as root, nothing fetched from outside. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** requests the page tried to send anywhere but the service (aborted) */
  elsewhere: string[];
  /** console messages about the content security policy */
  cspViolations: string[];
  page(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(origin: () => string, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'af-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport });
  const elsewhere: string[] = [];
  const cspViolations: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin()) || url.startsWith('data:')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const watch = (p: Page) => p.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && cspViolations.push(m.text()));
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    elsewhere,
    cspViolations,
    page: async () => context.pages()[0] ?? context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.link-state .status', { hasText: 'live' }).waitFor({ timeout: 20_000 });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** SIGTERM, then wait for the exit (the graceful stop closes every WebSocket) */
  stop(): Promise<void>;
}

/** `factory serve` as its own process on a data directory and port (`env`: more of its environment, e.g. OLLAMA_HOST). */
export async function serve(dataDir: string, policyDir: string, port: number, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', BIN, 'serve', '--port', String(port), '--data-dir', dataDir, '--policy-dir', policyDir],
    {
      cwd: REPO,
      env: { ...process.env, FACTORY_LOG_LEVEL: 'warn', FACTORY_POOL_SIZE: '0', OLLAMA_HOST: 'http://127.0.0.1:9', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exitOf(child);
    },
  };
}

export function adminTokenOf(dataDir: string): string {
  return readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
}

export const haveChromium = () => existsSync(CHROMIUM);
