import type { RunResult } from './types.ts';

/**
 * Sandbox output is untrusted text. It is only ever parsed as JSON, and only when the tool declares
 * JSON output; never deserialized any other way. JSON.parse builds plain data (no prototypes, no code).
 */
export function parseToolOutput(r: Pick<RunResult, 'stdout' | 'stdoutTruncated' | 'status'>): { json?: unknown; jsonError?: string } {
  if (r.status !== 'ok') return {};
  if (r.stdoutTruncated) return { jsonError: 'the output was cut at the size limit, so it is not complete JSON' };
  const text = r.stdout.trim();
  if (text === '') return { jsonError: 'the tool printed nothing; JSON output was expected' };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (e) {
    return { jsonError: `the output is not JSON: ${(e as Error).message}` };
  }
}
