import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../src/client/index.ts';
import { Service } from '../../src/service.ts';
import { tempDir, testConfig } from './env.ts';

export interface RunningService {
  service: Service;
  url: string;
  dataDir: string;
  adminToken: string;
  /** fetch against the service with an optional bearer token */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** the typed client (src/client) with a token (default: the admin token; null: none) */
  api(token?: string | null): ApiClient;
  close(): Promise<void>;
}

/** Starts the real service on a random loopback port with its own data directory. */
export async function startService(overrides: Record<string, string> = {}): Promise<RunningService> {
  const tmp = tempDir();
  const config = testConfig(tmp.dir, overrides);
  const service = await Service.create(config, { logger: false });
  const url = await service.listen();
  const adminToken = readFileSync(join(tmp.dir, 'admin-token'), 'utf8').trim();
  return {
    service,
    url,
    dataDir: tmp.dir,
    adminToken,
    call(path, init = {}) {
      const headers = new Headers(init.headers);
      const token = init.token === undefined ? adminToken : init.token;
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    api(token) {
      return createApiClient(url, token === undefined ? adminToken : (token ?? undefined));
    },
    async close() {
      await service.stop('test');
      tmp.cleanup();
    },
  };
}
