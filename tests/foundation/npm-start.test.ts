// `npm start` is how the README starts the service. npm runs the start script as a child, and forwards
// SIGTERM and SIGINT to it; a terminal's Ctrl-C reaches the whole process group. Either way the server
// must stop gracefully and nothing may be left serving (before, SIGTERM to npm orphaned the server).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exitOf } from '../helpers/cli.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Every process below `root` (from /proc: pid → parent pid). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [pid, pp] of parent)
      if (pp === p) {
        out.push(pid);
        walk(pid);
      }
  };
  walk(root);
  return out;
}

/** Alive and not a zombie (an orphan's zombie waits for an init that may not reap). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

async function npmStart(): Promise<{ npm: ChildProcess; url: string; log: () => string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  // its own process group, as a terminal would give it, so the test can play Ctrl-C to the group
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      FACTORY_PORT: '0',
      FACTORY_DATA_DIR: t.dir,
      FACTORY_POOL_SIZE: '0',
      FACTORY_LOG_LEVEL: 'warn',
      OLLAMA_HOST: 'http://127.0.0.1:9',
    },
  });
  cleanups.push(() => {
    try {
      process.kill(-npm.pid!, 'SIGKILL'); // whatever is left of the group, if the test failed
    } catch {
      // nothing left
    }
  });
  let log = '';
  npm.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen: ${log}`)), 60_000);
    npm.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    npm.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}: ${log}`));
    });
  });
  npm.removeAllListeners('exit');
  return { npm, url, log: () => log };
}

async function portClosed(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('npm start', () => {
  const cases: [string, (npm: ChildProcess) => void, string][] = [
    ['SIGTERM to npm alone', (npm) => void process.kill(npm.pid!, 'SIGTERM'), 'SIGTERM'],
    ['Ctrl-C: SIGINT to the whole process group', (npm) => void process.kill(-npm.pid!, 'SIGINT'), 'SIGINT'],
  ];
  it.each(cases)('%s stops the server gracefully and leaves no process', async (_name, send, signal) => {
    const { npm, url, log } = await npmStart();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const tree = descendants(npm.pid!);
    const server = Number(/\(pid (\d+),/.exec(log())?.[1]);
    expect(tree).toContain(server); // the server runs below npm
    send(npm);
    await exitOf(npm);
    expect(log()).toContain(`factory: ${signal} received, shutting down`);
    expect(log()).not.toContain('second signal'); // npm's forwarded copy of Ctrl-C is not a second request
    expect(await portClosed(url)).toBe(true);
    for (let i = 0; i < 50 && tree.some(running); i++) await new Promise((r) => setTimeout(r, 100));
    expect(tree.filter(running)).toEqual([]);
  });
});
