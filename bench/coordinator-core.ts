// The service's modules for the coordinator benchmarks: the repository's policies and blueprints, a model
// server at `ollamaUrl` asked once per call (no retries), no warm sandbox pool, no log.
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { openCore } from '../src/service.ts';
import type { ServiceDeps } from '../src/service-deps.ts';

const REPO = join(import.meta.dirname, '..');

export function openBenchCore(dataDir: string, ollamaUrl: string, flags: Record<string, string> = {}): Promise<ServiceDeps> {
  const config = loadConfig({
    env: {},
    flags: {
      dataDir,
      'server.logLevel': 'silent',
      policyDir: join(REPO, 'policies'),
      blueprintDir: join(REPO, 'blueprints'),
      'ollama.host': ollamaUrl,
      'ollama.retries': '0',
      'sandbox.poolSize': '0',
      ...flags,
    },
  });
  return openCore(config);
}
