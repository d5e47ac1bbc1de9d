/**
 * Retries with exponential backoff (seed 003's retry matrix: API errors and rate limits get 3 retries
 * after 5 s, 15 s, 45 s). Pure control flow: what is retryable is the caller's decision.
 */

export interface RetryPolicy {
  /** retries after the first attempt */
  retries: number;
  backoffMs: number;
  backoffFactor: number;
}

export type RetryOutcome<T> = { ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number };

/** The wait before retry number `retry` (0-based): backoffMs * backoffFactor^retry. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return Math.round(policy.backoffMs * policy.backoffFactor ** retry);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails with an error `shouldRetry` rejects, or the retries are used
 * up. An abort of `signal` during a backoff ends the loop with the signal's reason as the error.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  opts: { shouldRetry: (error: unknown, n: number) => boolean; signal?: AbortSignal; onRetry?: (error: unknown, delayMs: number) => void },
): Promise<RetryOutcome<T>> {
  for (let n = 0; ; n++) {
    try {
      return { ok: true, value: await attempt(n), attempts: n + 1 };
    } catch (error) {
      if (n >= policy.retries || !opts.shouldRetry(error, n)) return { ok: false, error, attempts: n + 1 };
      const delay = backoffDelay(policy, n);
      opts.onRetry?.(error, delay);
      try {
        await sleep(delay, opts.signal);
      } catch (reason) {
        return { ok: false, error: reason, attempts: n + 1 };
      }
    }
  }
}
