import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import { PYTHON_RUNNER, SHELL_RUNNER } from '../protocol.ts';
import type { SandboxLanguage, SandboxLimits, SandboxMount } from '../types.ts';

export const LABEL_SERVICE = 'io.agent-factory.service';
export const LABEL_INSTANCE = 'io.agent-factory.instance';
export const LABEL_RUN = 'io.agent-factory.run';
export const LABEL_POOL = 'io.agent-factory.pool';
export const LABEL_IMAGE = 'io.agent-factory.image';
export const LABEL_VERSION = 'io.agent-factory.version';
/** the runtime that created the container (one per process, or several in one process) */
export const LABEL_OWNER = 'io.agent-factory.owner';
/** the owning process: host key (boot id + pid namespace), pid and start time; see src/instance.ts */
export const LABEL_OWNER_HOST = 'io.agent-factory.owner-host';
export const LABEL_OWNER_PID = 'io.agent-factory.owner-pid';
export const LABEL_OWNER_START = 'io.agent-factory.owner-start';
/** one per container: tells the owner which of its containers it still uses */
export const LABEL_TOKEN = 'io.agent-factory.container';

const MiB = 1024 * 1024;
/** The environment the runner process starts with: nothing of the service's own. */
const BASE_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'HOME=/workspace'];
export const SANDBOX_USER = '65534:65534';
export const WORKDIR = '/workspace';

/** The name a container has while it serves a run: `docker ps` shows which run each one serves. */
export function containerName(runId: string): string {
  return `af-run-${runId.replace(/[^a-zA-Z0-9_.-]/g, '-')}`;
}

export function imageFor(language: Exclude<SandboxLanguage, 'javascript'>): string {
  return language === 'python' ? 'agent-factory/python' : 'agent-factory/shell';
}

export function runnerCmd(language: Exclude<SandboxLanguage, 'javascript'>): string[] {
  return language === 'python' ? ['python3', '-I', '-c', PYTHON_RUNNER] : ['bash', '--noprofile', '--norc', '-c', SHELL_RUNNER];
}

/**
 * Writable paths without a host directory get a private tmpfs; /workspace and /tmp always exist. /dev/shm
 * (POSIX shared memory and semaphores, which multiprocessing needs) is a tmpfs of the same bounded size
 * in place of the engine's own; /dev/mqueue is an empty read-only tmpfs in place of the mqueue file system
 * (and the msgqueue ulimit of 0 refuses queues through mq_open as well).
 */
function tmpfsFor(limits: SandboxLimits, mounts: readonly SandboxMount[]): Record<string, string> {
  const opts = `rw,nosuid,nodev,noexec,size=${limits.tmpfsMb}m,mode=1777`;
  const t: Record<string, string> = {
    [WORKDIR]: opts,
    '/tmp': opts,
    '/dev/shm': opts,
    '/dev/mqueue': 'ro,nosuid,nodev,noexec,size=4k,mode=0555',
  };
  for (const m of mounts) if (!m.hostPath && !m.readOnly) t[m.containerPath] = opts;
  return t;
}

/**
 * Everything that decides how a container is confined. Pure: tested without an engine.
 * Containers with the same spec are interchangeable, which is what the warm pool relies on.
 */
export function containerSpec(p: {
  language: Exclude<SandboxLanguage, 'javascript'>;
  image: string;
  limits: SandboxLimits;
  mounts?: readonly SandboxMount[];
  labels: Record<string, string>;
}): Docker.ContainerCreateOptions {
  const mounts = p.mounts ?? [];
  const fsize = p.limits.maxFileSizeMb * MiB;
  return {
    Image: p.image,
    Cmd: runnerCmd(p.language),
    Env: p.language === 'shell' ? [...BASE_ENV, 'LC_ALL=C'] : [...BASE_ENV, 'PYTHONDONTWRITEBYTECODE=1'],
    User: SANDBOX_USER,
    WorkingDir: WORKDIR,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    NetworkDisabled: true,
    Labels: p.labels,
    HostConfig: {
      NetworkMode: 'none',
      Memory: p.limits.memoryMb * MiB,
      MemorySwap: p.limits.memoryMb * MiB,
      NanoCpus: Math.round(p.limits.cpus * 1e9),
      PidsLimit: p.limits.maxProcesses,
      ReadonlyRootfs: true,
      Tmpfs: tmpfsFor(p.limits, mounts),
      Binds: mounts.filter((m) => m.hostPath).map((m) => `${m.hostPath}:${m.containerPath}:${m.readOnly ? 'ro' : 'rw'}`),
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Ulimits: [
        { Name: 'fsize', Soft: fsize, Hard: fsize },
        { Name: 'nofile', Soft: p.limits.maxOpenFiles, Hard: p.limits.maxOpenFiles },
        { Name: 'core', Soft: 0, Hard: 0 },
        { Name: 'msgqueue', Soft: 0, Hard: 0 },
      ],
      Init: true,
      IpcMode: 'private',
      OomScoreAdj: 1000,
      LogConfig: { Type: 'none', Config: {} },
      AutoRemove: false,
    },
  };
}

/** Identifies interchangeable containers: same image, runner, limits and mounts. */
export function specKey(spec: Docker.ContainerCreateOptions): string {
  const { Labels: _labels, ...rest } = spec;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}
