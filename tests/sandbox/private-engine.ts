// A private, throw-away Docker engine for tests that must freeze or break the engine. It never touches the
// shared engine (unix:///run/agent-factory/docker.sock) beyond reading the sandbox images from it: it has
// its own socket, data root, exec root, pid file and containerd, no bridge and no iptables rules.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { dockerOptions, resolveDockerHost } from '../../src/sandbox/docker/engine.ts';

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
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => parentOf(p) === pid);
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

/** Starts a private dockerd and copies `images` into it from the shared engine. */
export async function startPrivateEngine(images: string[]): Promise<PrivateEngine> {
  const why = privateEngineUnavailable();
  if (why) throw new Error(`cannot start a private Docker engine: ${why}`);
  const eng = new PrivateEngine(mkdtempSync('/tmp/af-eng-')); // short: a unix socket path has at most 107 bytes
  try {
    await eng.launch();
    const started = performance.now();
    const sharedHost = resolveDockerHost(process.env.DOCKER_HOST); // where the sandbox images are
    const pipe = 'DOCKER_HOST="$1" docker save "${@:3}" | DOCKER_HOST="$2" docker load -q';
    execFileSync('bash', ['-o', 'pipefail', '-c', pipe, 'load', sharedHost, eng.host, ...images], { stdio: 'pipe' });
    eng.imageLoadMs = performance.now() - started;
    return eng;
  } catch (e) {
    await eng.stop();
    throw e;
  }
}

export class PrivateEngine {
  readonly host: string;
  readonly docker: Docker;
  /** dockerd and its own containerd (dockerd 20.10 starts one unless --containerd is given) */
  pids: number[] = [];
  /** how long `docker save | docker load` of the images took */
  imageLoadMs = 0;
  private dockerd: ChildProcess | undefined;

  constructor(private readonly dir: string) {
    this.host = `unix://${join(dir, 'docker.sock')}`;
    this.docker = new Docker(dockerOptions(this.host));
  }

  /** overlay2, or vfs where the temporary folder cannot hold overlay mounts (slower, but works) */
  private driver = 'overlay2';

  /** Starts dockerd (again, on the same data root after kill()) and waits until it answers. */
  async launch(): Promise<void> {
    try {
      await this.launchWith(this.driver);
    } catch (e) {
      if (this.driver !== 'overlay2' || !/graphdriver|storage.driver|overlay/i.test((e as Error).message)) throw e;
      console.warn(`private dockerd: overlay2 failed here, falling back to vfs: ${(e as Error).message.split('\n')[0]}`);
      this.driver = 'vfs';
      await this.launchWith('vfs');
    }
  }

  private async launchWith(driver: string): Promise<void> {
    const d = this.dir;
    // after kill(): the old containerd may linger as a zombie (no init reaps it here), and dockerd takes a
    // pid file of a zombie for a live containerd and waits for it; start a fresh one
    rmSync(join(d, 'exec', 'containerd', 'containerd.pid'), { force: true });
    const logFd = openSync(join(d, 'dockerd.log'), 'a');
    const dockerd = spawn(
      'dockerd',
      [
        '-H',
        this.host,
        '--data-root',
        join(d, 'data'),
        '--exec-root',
        join(d, 'exec'),
        '--pidfile',
        join(d, 'dockerd.pid'),
        '--iptables=false',
        '--ip-masq=false',
        '--bridge=none',
        '--storage-driver',
        driver,
      ],
      { stdio: ['ignore', logFd, logFd], detached: true },
    );
    closeSync(logFd);
    this.dockerd = dockerd;
    let exited = false;
    dockerd.once('exit', () => (exited = true));
    for (
      let i = 0;
      !(await this.docker.ping().then(
        () => true,
        () => false,
      ));
      i++
    ) {
      if (exited || i > 150)
        throw new Error(`the private dockerd did not come up (${exited ? 'it exited' : 'no answer in 30 s'}):\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const shared = sharedEnginePids();
    this.pids = [dockerd.pid!, ...childrenOf(dockerd.pid!).filter((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(d))];
    if (this.pids.some((p) => shared.has(p))) throw new Error('refusing: a pid of the private engine belongs to the shared engine');
  }

  private log(): string {
    return readFileSync(join(this.dir, 'dockerd.log'), 'utf8')
      .split('\n')
      .filter((l) => !/level=info/.test(l))
      .slice(-15)
      .join('\n');
  }

  private signal(s: NodeJS.Signals): void {
    for (const p of this.pids) {
      try {
        // still one of ours (a pid is only reused after its process is gone)
        if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(this.dir)) process.kill(p, s);
      } catch {
        // gone
      }
    }
  }

  freeze(): void {
    this.signal('SIGSTOP');
  }

  thaw(): void {
    this.signal('SIGCONT');
  }

  /** SIGKILL to dockerd (its containerd dies with it): the engine is gone at once; the containers' shims live on. */
  async kill(): Promise<void> {
    const d = this.dockerd;
    if (!d || d.exitCode !== null || d.signalCode !== null) return;
    const gone = new Promise((r) => d.once('exit', r));
    d.kill('SIGKILL');
    await gone;
  }

  /** Stops the engine (its containers with it) and removes everything under the temporary folder. */
  async stop(): Promise<void> {
    this.thaw();
    const d = this.dockerd;
    if (d && d.exitCode === null && d.signalCode === null) {
      const gone = new Promise((r) => d.once('exit', r));
      d.kill('SIGTERM');
      const t = setTimeout(() => d.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(t);
    }
    // whatever outlived it (a containerd, shims after a failed restart): only processes of this folder
    for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      try {
        if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(this.dir)) process.kill(Number(p), 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[4] ?? '')
      .filter((m) => m.startsWith(this.dir));
    for (const m of mounts.sort().reverse()) spawnSync('umount', ['-l', m]);
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch (e) {
      console.warn(`could not remove ${this.dir}: ${(e as Error).message}`);
    }
  }
}
