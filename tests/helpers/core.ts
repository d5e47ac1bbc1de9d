import type { Principal } from '../../src/access/index.ts';
import { openCore } from '../../src/service.ts';
import type { ServiceDeps } from '../../src/service-deps.ts';
import { tempDir, testConfig } from './env.ts';
import { startFakeOllama, type FakeOllama, type FakeOllamaOptions } from './fake-ollama.ts';
import { FakeContainers } from './fake-sandbox.ts';

export interface FakeCore {
  deps: ServiceDeps;
  /** the scripted model server (tests/helpers/fake-ollama.ts) */
  ollama: FakeOllama;
  /** the stand-in container runtime the core's Sandboxes was given */
  containers: FakeContainers;
  /** a submitter of its own */
  user: Principal;
  admin: Principal;
  /** waits until every job and run the factory started has ended */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real core (store, audit, checker, policies, executor, factory) on a temporary data directory,
 * with the scripted model server and a fake container runtime instead of the Docker engine: for unit
 * tests of the factory's loops. No engine is contacted.
 */
export async function openFakeCore(
  opts: { ollama?: FakeOllamaOptions; config?: Record<string, string>; containers?: FakeContainers } = {},
): Promise<FakeCore> {
  const tmp = tempDir();
  const ollama = await startFakeOllama(opts.ollama);
  const containers = opts.containers ?? new FakeContainers();
  const config = testConfig(tmp.dir, { 'ollama.host': ollama.url, 'ollama.retries': '0', 'ollama.backoffMs': '0', ...opts.config });
  const deps = await openCore(config, { containers });
  return {
    deps,
    ollama,
    containers,
    user: { id: 'tok_user', role: 'submitter' },
    admin: { id: 'tok_admin', role: 'admin' },
    settle: async () => {
      for (let waited = 0; deps.lifecycle.size > 0; waited += 10) {
        if (waited > 30_000) throw new Error(`work still in flight after 30 s (${deps.lifecycle.size})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      await deps.close();
      await ollama.close();
      tmp.cleanup();
    },
  };
}
