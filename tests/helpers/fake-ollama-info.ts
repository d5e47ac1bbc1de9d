import { createHash } from 'node:crypto';
import { tagsEntry, tokensOf, type ModelEntry } from './fake-ollama-model.ts';

/**
 * The scripted server's answers that need no scripted reply: /api/show and /api/embed for a model it
 * has (server/routes.go ShowHandler, EmbedHandler).
 */

export type Answer = { status: number; body: unknown };

export function showAnswer(m: ModelEntry): Answer {
  return {
    status: 200,
    body: {
      modelfile: `FROM ${m.display}`,
      parameters: 'temperature 0.7',
      template: m.toolStyle === 'tag' ? '{{ if .ToolCalls }}<tool_call>{{ end }}' : '{{ .Prompt }}',
      details: (tagsEntry(m) as { details: unknown }).details,
      model_info: { 'general.architecture': 'llama', 'llama.context_length': 131072 },
      capabilities: m.capabilities,
      modified_at: '2025-01-01T00:00:00Z',
    },
  };
}

/** Scripted vectors for some texts (the model's "meaning"); undefined: the default hash-based vector. */
export type EmbeddingScript = (text: string, model: string) => number[] | undefined;

/** A deterministic vector for `text` (or the scripted one), L2-normalized as EmbedHandler's normalize() leaves it. */
function embedding(text: string, dimensions: number, model: string, scripted?: EmbeddingScript): number[] {
  const h = createHash('sha256').update(text).digest();
  const raw = scripted?.(text, model) ?? Array.from({ length: 8 }, (_, i) => (h[i]! - 128) / 128 + 1e-3);
  const cut = dimensions > 0 && dimensions < raw.length ? raw.slice(0, dimensions) : raw;
  const norm = Math.sqrt(cut.reduce((s, v) => s + v * v, 0)) || 1;
  return cut.map((v) => v / norm);
}

/**
 * EmbedHandler: `input` is a string or an array of strings ("" and [] give no embeddings); each input
 * longer than the context is cut to it, or refused with `truncate: false`; `dimensions` shortens and
 * normalizes again.
 */
export function embedAnswer(body: any, numCtx: number, scripted?: EmbeddingScript): Answer {
  const input = body.input;
  const inputs: string[] = typeof input === 'string' ? (input ? [input] : []) : Array.isArray(input) ? input : [];
  if (
    (input !== undefined && input !== null && typeof input !== 'string' && !Array.isArray(input)) ||
    inputs.some((s) => typeof s !== 'string')
  ) {
    return { status: 400, body: { error: 'invalid input type' } };
  }
  if (!inputs.length) return { status: 200, body: { model: body.model, embeddings: [] } };
  const ctx = Number(body.options?.num_ctx) || numCtx;
  if (body.truncate === false && inputs.some((s) => tokensOf(s) > ctx)) {
    return { status: 400, body: { error: 'the input length exceeds the context length' } };
  }
  const fitted = inputs.map((s) => (tokensOf(s) > ctx ? s.slice(0, ctx * 4) : s));
  const dims = Number(body.dimensions) || 0;
  return {
    status: 200,
    body: {
      model: body.model,
      embeddings: fitted.map((s) => embedding(s, dims, String(body.model), scripted)),
      total_duration: 1_000,
      load_duration: 100,
      prompt_eval_count: fitted.reduce((n, s) => n + tokensOf(s), 0),
    },
  };
}
