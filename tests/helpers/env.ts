import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';

export const REPO = resolve(import.meta.dirname, '../..');

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'af-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A config for tests: its own data dir, port 0, the repository's policies and blueprints. */
export function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    env: { DOCKER_HOST: process.env.DOCKER_HOST },
    flags: {
      dataDir,
      'server.port': '0',
      'server.logLevel': 'silent',
      policyDir: join(REPO, 'policies'),
      blueprintDir: join(REPO, 'blueprints'),
      'ollama.host': process.env.FACTORY_TEST_OLLAMA_HOST ?? 'http://127.0.0.1:9',
      ...overrides,
    },
  });
}
