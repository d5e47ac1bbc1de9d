// A private, throw-away Docker engine for tests that must freeze or break the engine. It never touches the
// shared engine (unix:///run/agent-factory/docker.sock) beyond reading the sandbox images from it: it has
// its own socket, data root, exec root, pid file and containerd, no bridge and no iptables rules.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';

export interface PrivateEngine {
  host: string;
  docker: Docker;
  /** dockerd and its own containerd (dockerd 20.10 starts one unless --containerd is given) */
  pids: number[];
  /** how long `docker save | docker load` of the images took */
  imageLoadMs: number;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/** Why a private engine cannot start here, or undefined when it can. */
export function privateEngineUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'starting a private dockerd needs root';
  if (spawnSync('dockerd', ['--version']).status !== 0) return 'dockerd is not installed (bash scripts/setup.sh installs it)';
  if (spawnSync('docker', ['--version']).status !== 0) return 'the docker client is not installed';
  return undefined;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => parentOf(p) === pid);
}

function sharedEnginePids(): Set<number> {
  const pids = new Set<number>();
  try {
    const pid = Number(readFileSync('/run/agent-factory/dockerd.pid', 'utf8').trim());
    pids.add(pid);
    for (const c of childrenOf(pid)) pids.add(c);
  } catch {
    // no shared engine on this machine
  }
  return pids;
}

export async function startPrivateEngine(images: string[]): Promise<PrivateEngine> {
  const why = privateEngineUnavailable();
  if (why) throw new Error(`cannot start a private Docker engine: ${why}`);
  const dir = mkdtempSync('/tmp/af-eng-'); // short: a unix socket path has at most 107 bytes
  const sock = join(dir, 'docker.sock');
  const logFd = openSync(join(dir, 'dockerd.log'), 'a');
  const dockerd: ChildProcess = spawn('dockerd', [
    '-H', `unix://${sock}`, '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'dockerd.pid'),
    '--iptables=false', '--ip-masq=false', '--bridge=none', '--storage-driver', 'overlay2',
  ], { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  const host = `unix://${sock}`;
  const docker = new Docker(dockerOptions(host));
  const log = () => readFileSync(join(dir, 'dockerd.log'), 'utf8').split('\n').filter((l) => !/level=info/.test(l)).slice(-15).join('\n');
  let exited = false;
  dockerd.once('exit', () => (exited = true));
  for (let i = 0; ; i++) {
    if (await docker.ping().then(() => true, () => false)) break;
    if (exited || i > 150) {
      dockerd.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`the private dockerd did not come up (${exited ? 'it exited' : 'no answer in 30 s'}):\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const shared = sharedEnginePids();
  const pids = [dockerd.pid!, ...childrenOf(dockerd.pid!).filter((p) => /containerd/.test(readFileSync(`/proc/${p}/cmdline`, 'utf8')))];
  if (pids.some((p) => shared.has(p))) throw new Error('refusing: a pid of the private engine belongs to the shared engine');

  const started = performance.now();
  const sharedHost = resolveDockerHost(process.env.DOCKER_HOST); // where the sandbox images are
  execFileSync('bash', ['-o', 'pipefail', '-c', 'DOCKER_HOST="$1" docker save "${@:3}" | DOCKER_HOST="$2" docker load -q', 'load', sharedHost, host, ...images], { stdio: 'pipe' });
  const imageLoadMs = performance.now() - started;

  const signal = (s: NodeJS.Signals) => {
    for (const p of pids) process.kill(p, s);
  };
  return {
    host, docker, pids, imageLoadMs,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    async stop() {
      signal('SIGCONT');
      if (!exited) {
        const gone = new Promise((r) => dockerd.once('exit', r));
        dockerd.kill('SIGTERM');
        const t = setTimeout(() => dockerd.kill('SIGKILL'), 20_000);
        await gone;
        clearTimeout(t);
      }
      for (const p of pids.slice(1)) {
        try {
          if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir)) process.kill(p, 'SIGKILL'); // still our containerd
        } catch {
          // gone with dockerd
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
