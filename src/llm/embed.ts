import { FactoryError } from '../errors/catalog.ts';
import { clientWithSignal } from './call.ts';
import { AttemptFailure, classify, toFactoryError } from './errors.ts';
import { callRecord, UNKNOWN_USAGE, usageOf, type CostTable } from './records.ts';
import { withRetries } from './retry.ts';
import { resolveRole, type OllamaSettings } from './roles.ts';
import type { EmbedRequest, EmbedResult, LlmCallRecord } from './types.ts';

/** Inputs in one /api/embed request (Ollama takes any number; a bound keeps one call's size sane). */
export const MAX_EMBED_INPUTS = 256;

/**
 * One /api/embed call (server/routes.go EmbedHandler) with the role's model, timeout and the layer's
 * retries: L2-normalized vectors, one per input, in order. Inputs longer than the model's context are
 * cut by Ollama (its default `truncate: true`). Errors are sorted as chat errors are (errors.ts).
 */
export async function embedOnce(
  settings: OllamaSettings,
  req: EmbedRequest,
  emit: (r: LlmCallRecord) => void,
  costs: CostTable | undefined,
): Promise<EmbedResult> {
  const role = resolveRole(settings, req.role, req.model);
  const startedAt = new Date();
  const t0 = performance.now();
  const chatLike = { role: req.role, messages: [], project: req.project, task: req.task, agent: req.agent };
  const record = (usage = UNKNOWN_USAGE, error: { code: string; message: string } | null = null, attempts = 1) =>
    callRecord({
      req: { ...chatLike },
      model: role.model,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      attempts,
      usage,
      error,
      costs,
    });
  if (req.input.length > MAX_EMBED_INPUTS) {
    throw new FactoryError('VALIDATION_FAILED', `At most ${MAX_EMBED_INPUTS} inputs per embedding call`, {
      issues: [{ path: 'input', message: `${req.input.length} inputs` }],
    });
  }
  if (req.input.length === 0)
    return { embeddings: [], model: role.model, usage: usageOf(0, 0), durationMs: 0, record: record(usageOf(0, 0)) };
  const attempt = async () => {
    const local = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      local.abort(new DOMException(`no answer within ${role.timeoutMs} ms`, 'TimeoutError'));
    }, role.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, local.signal]) : local.signal;
    try {
      return await clientWithSignal(settings.host, signal).embed({ model: role.model, input: req.input });
    } catch (e) {
      if (req.signal?.aborted) throw req.signal.reason;
      throw classify(e, timedOut);
    } finally {
      clearTimeout(timer);
    }
  };
  const out = await withRetries(settings, attempt, {
    shouldRetry: (e) => e instanceof AttemptFailure && e.retryable,
    ...(req.signal ? { signal: req.signal } : {}),
  });
  if (!out.ok) {
    if (req.signal?.aborted) throw req.signal.reason;
    const ctx = {
      host: settings.host,
      model: role.model,
      role: req.role,
      attempts: out.attempts,
      timeoutMs: role.timeoutMs,
      numCtx: role.numCtx,
    };
    const error = out.error instanceof AttemptFailure ? toFactoryError(out.error, ctx) : out.error;
    const e = error instanceof FactoryError ? error : new FactoryError('LLM_FAILED', String((error as Error)?.message ?? error));
    emit(record(UNKNOWN_USAGE, { code: e.code, message: e.message }, out.attempts));
    throw e;
  }
  const res = out.value;
  const vectors = Array.isArray(res.embeddings) ? res.embeddings : [];
  const prompt = typeof res.prompt_eval_count === 'number' && res.prompt_eval_count > 0 ? res.prompt_eval_count : null;
  const usage = usageOf(prompt, 0);
  if (vectors.length !== req.input.length || vectors.some((v) => !Array.isArray(v) || v.length === 0)) {
    const e = new FactoryError(
      'LLM_FAILED',
      `Ollama returned ${vectors.length} embedding(s) for ${req.input.length} input(s) with "${role.model}"`,
      {
        model: role.model,
        role: req.role,
      },
    );
    emit(record(usage, { code: e.code, message: e.message }, out.attempts));
    throw e;
  }
  const rec = record(usage, null, out.attempts);
  emit(rec);
  return { embeddings: vectors, model: role.model, usage, durationMs: rec.durationMs, record: rec };
}
