import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { AuditTrail } from '../audit/trail.ts';
import { TokenService } from '../auth/tokens.ts';
import { Store } from '../store/index.ts';
import type { Io } from './command.ts';

/** Config from --config/--data-dir plus environment, for commands that work on the data directory offline. */
export function configFrom(values: Record<string, unknown>, io: Io, extraFlags: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    file: values.config as string | undefined,
    env: io.env,
    flags: { dataDir: values['data-dir'] as string | undefined, ...extraFlags },
  });
}

/** Opens the store of the data directory (safe while the server runs: WAL + busy timeout). */
export async function withStore<T>(config: Config, fn: (ctx: { store: Store; audit: AuditTrail; tokens: TokenService }) => Promise<T>): Promise<T> {
  const store = Store.open(config.dataDir, { synchronous: config.audit.synchronous });
  try {
    const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
    return await fn({ store, audit, tokens: new TokenService(store, audit) });
  } finally {
    await store.close();
  }
}
