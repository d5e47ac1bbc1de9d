import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig, parseConfig, sectionDefaults } from '../../src/config/load.ts';
import { CONFIG_SECTIONS, configSchema } from '../../src/config/sections.ts';
import { FactoryError } from '../../src/errors/catalog.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function invalid(fn: () => unknown): FactoryError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactoryError);
    return e as FactoryError;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration', () => {
  it('has embedded defaults that need no configuration', () => {
    const c = loadConfig({ env: {} });
    expect(c.server.port).toBe(8080);
    expect(c.server.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe(join(process.cwd(), 'data'));
    expect(c.policyDir).toBe(join(REPO, 'policies')); // the package's own folders, from any working directory
    expect(c.blueprintDir).toBe(join(REPO, 'blueprints'));
    expect(c.ollama.host).toBe('http://127.0.0.1:11434');
    expect(c.docker.host).toBeUndefined();
  });

  it('reads the documented environment variables', () => {
    const c = loadConfig({
      env: {
        FACTORY_HOST: '0.0.0.0',
        FACTORY_PORT: '9001',
        FACTORY_DATA_DIR: '/tmp/x',
        FACTORY_POLICY_DIR: '/p',
        FACTORY_BLUEPRINT_DIR: '/b',
        DOCKER_HOST: 'tcp://10.0.0.5:2375',
        OLLAMA_HOST: 'gpu-box:11434',
      },
    });
    expect(c.server).toMatchObject({ host: '0.0.0.0', port: 9001 });
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.policyDir).toBe('/p');
    expect(c.blueprintDir).toBe('/b');
    expect(c.docker.host).toBe('tcp://10.0.0.5:2375');
    expect(c.ollama.host).toBe('http://gpu-box:11434');
  });

  it('layers defaults < file < environment < flags', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'factory.yaml');
    writeFileSync(file, 'server:\n  port: 7000\n  host: 10.1.1.1\ndataDir: /from-file\n');
    const fromFile = loadConfig({ file, env: {} });
    expect(fromFile.server.port).toBe(7000);
    const fromEnv = loadConfig({ file, env: { FACTORY_PORT: '7001' } });
    expect(fromEnv.server.port).toBe(7001);
    expect(fromEnv.server.host).toBe('10.1.1.1');
    const fromFlag = loadConfig({ file, env: { FACTORY_PORT: '7001' }, flags: { 'server.port': '7002', dataDir: '/flag' } });
    expect(fromFlag.server.port).toBe(7002);
    expect(fromFlag.dataDir).toBe('/flag');
  });

  it('names the key, where the value came from and the reason for a bad value', () => {
    const e = invalid(() => loadConfig({ env: { FACTORY_PORT: 'eighty' } }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('server.port');
    expect(e.message).toContain('FACTORY_PORT');
    const e2 = invalid(() => loadConfig({ env: {}, flags: { 'server.port': '70000' } }));
    expect(e2.message).toMatch(/server\.port \(from flag --port\)/);
    const e3 = invalid(() => loadConfig({ env: { DOCKER_HOST: 'docker.example' } }));
    expect(e3.message).toContain('docker.host');
  });

  it('rejects unknown keys and unreadable files', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'c.json');
    writeFileSync(file, JSON.stringify({ server: { prot: 1 } }));
    const e = invalid(() => loadConfig({ file, env: {} }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/server.*prot/);
    writeFileSync(file, '{not json');
    expect(invalid(() => loadConfig({ file, env: {} })).code).toBe('CONFIG_FILE_UNREADABLE');
    expect(invalid(() => loadConfig({ file: join(t.dir, 'missing.yaml'), env: {} })).code).toBe('CONFIG_FILE_UNREADABLE');
  });

  it('makes only the sections a configuration sets, with the same outcome as the whole schema', () => {
    sameOutcome(parseConfig, sectionDefaults, configSchema);
  });

  it('… also with zod jitless, as the one-shot commands run it', async () => {
    z.config({ jitless: true });
    try {
      vi.resetModules(); // schemas made anew: jitless is fixed when a schema is made
      const load = await import('../../src/config/load.ts');
      const sections = await import('../../src/config/sections.ts');
      expect(sections.configSchema).not.toBe(configSchema);
      sameOutcome(load.parseConfig, load.sectionDefaults, sections.configSchema);
    } finally {
      z.config({ jitless: false });
    }
  });
});

function sameOutcome(parse: typeof parseConfig, defaults: typeof sectionDefaults, whole: typeof configSchema): void {
  const ahead = defaults(REPO);
  // what the build works out ahead: every section but the package's own folders
  expect(Object.keys(ahead).sort()).toEqual(
    Object.keys(CONFIG_SECTIONS)
      .filter((k) => !['policyDir', 'blueprintDir', 'pipelineDir'].includes(k))
      .sort(),
  );
  const trees: Record<string, unknown>[] = [
    {},
    { dataDir: '/d', docker: { host: 'unix:///run/x.sock' } },
    { server: { port: '9000' }, ollama: { host: 'gpu:11434', roles: { agent: { numCtx: '4096' } } } },
    { coordinator: { defaults: { budget: { tokens: 5 } }, memory: { episodes: { topK: 1 } } }, metrics: { enabled: 'false' } },
    { sandbox: { hostPaths: { '/data': './d' } }, audit: { synchronous: 'normal' }, factory: {} },
    { server: { port: 'eighty' } }, // a bad value
    { docker: { host: 'docker.example' }, dataDir: '' }, // two
    { server: { prot: 1 } }, // an unknown key in a section
    { frobnicate: true, dataDir: '/d' }, // an unknown section
  ];
  for (const tree of trees) {
    const all = whole().safeParse(tree);
    for (const table of [ahead, {}]) {
      const part = parse(structuredClone(tree), table);
      expect(part.success, JSON.stringify(tree)).toBe(all.success);
      if (part.success && all.success) expect(JSON.stringify(part.data)).toBe(JSON.stringify(all.data));
      if (!part.success && !all.success) expect(part.error.issues).toEqual(all.error.issues);
    }
  }
}
