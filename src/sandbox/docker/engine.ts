import Docker from 'dockerode';
import { existsSync } from 'node:fs';
import { PRIVATE_DOCKER_SOCKET } from '../../config/schema.ts';

/** How the service reaches the engine: the configured DOCKER_HOST, else the bring-up script's socket, else the usual one. */
export function resolveDockerHost(configured: string | undefined): string {
  if (configured) return configured;
  if (existsSync(PRIVATE_DOCKER_SOCKET)) return `unix://${PRIVATE_DOCKER_SOCKET}`;
  return 'unix:///var/run/docker.sock';
}

export function dockerOptions(host: string): Docker.DockerOptions {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('/')) return { socketPath: host };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return {
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 2376 : 2375,
  };
}

export interface EngineStatus {
  ok: boolean;
  host: string;
  version?: string;
  apiVersion?: string;
  error?: string;
}

/** The Docker engine as the service sees it. dockerode is used only under src/sandbox/docker/. */
export class DockerEngine {
  readonly host: string;
  readonly docker: Docker;

  constructor(configuredHost: string | undefined, private readonly pingTimeoutMs = 2000) {
    this.host = resolveDockerHost(configuredHost);
    this.docker = new Docker(dockerOptions(this.host));
  }

  async status(): Promise<EngineStatus> {
    try {
      const v = (await withTimeout(this.docker.version(), this.pingTimeoutMs)) as { Version?: string; ApiVersion?: string };
      return { ok: true, host: this.host, version: v.Version ?? 'unknown', apiVersion: v.ApiVersion ?? 'unknown' };
    } catch (e) {
      return { ok: false, host: this.host, error: describe(e) };
    }
  }
}

function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') return `no engine answers (${err.code})`;
  return err.message ?? String(e);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e); });
  });
}
