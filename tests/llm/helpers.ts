import { createServer } from 'node:net';
import type { LlmCallRecord } from '../../src/llm/index.ts';
import { OllamaProvider, type OllamaProviderOptions, type OllamaSettings } from '../../src/llm/index.ts';

/** Settings for tests: tiny backoff and timeouts (the config schema's minimums do not apply here). */
export function settings(host: string, over: Partial<OllamaSettings> = {}): OllamaSettings {
  return {
    host,
    pingTimeoutMs: 1_000,
    defaultModel: 'llama3.1:8b',
    models: {},
    roles: {},
    numCtx: 8192,
    numPredict: 4096,
    requestTimeoutMs: 5_000,
    retries: 3,
    backoffMs: 1,
    backoffFactor: 2,
    ...over,
  };
}

/** A provider plus the records it emitted. */
export function provider(
  host: string,
  over: Partial<OllamaSettings> = {},
  opts: Omit<OllamaProviderOptions, 'onCall'> = {},
): { llm: OllamaProvider; records: LlmCallRecord[] } {
  const records: LlmCallRecord[] = [];
  const llm = new OllamaProvider(settings(host, over), { ...opts, onCall: (r) => records.push(r) });
  return { llm, records };
}

/** A loopback URL where nothing listens (a port that was just free). */
export async function deadUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

export const user = (content: string) => [{ role: 'user' as const, content }];
