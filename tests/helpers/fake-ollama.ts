import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { grammarErrors } from '../../src/llm/grammar.ts';
import { modelEntry, tagsEntry, tokensOf, type Capability, type FakeModel, type ModelEntry } from './fake-ollama-model.ts';
import { chatReply, type Reply } from './fake-ollama-reply.ts';

/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's API and answers model calls (/api/chat,
 * /api/generate) from scripted replies. No model runs: the tests drive the real `ollama` client
 * against it, and read `requests` to see exactly what reached the "model". It behaves as Ollama does,
 * from Ollama's source (github.com/ollama/ollama):
 *
 * | Behaviour | Since | Source file |
 * |---|---|---|
 * | `format` schema → grammar; conversion error → 500 "invalid JSON schema in format" | 0.5.4 | llm/server.go Completion, llama/sampling_ext.cpp schema_to_grammar |
 * | repetition counts > 2000 (maxLength, minItems, `{m,n}`) refused → 500 "failed to load model vocabulary required for format" | 0.13.2 | llama/llama.cpp/src/llama-grammar.cpp (MAX_REPETITION_THRESHOLD), runner/ollamarunner/runner.go |
 * | which schema parts the converter refuses or ignores (src/llm/grammar.ts ports it) | 0.5.4 | llama/llama.cpp/common/json-schema-to-grammar.cpp visit() |
 * | `tools`: only declared names become calls; unmatched calls dropped (tag templates) or text (`{` templates) | 0.8.0 | tools/tools.go, tools/template.go parseTag |
 * | tool call ids `call_` + 8 of [a-z0-9]; `tool_name`, `tool_call_id` in tool messages | 0.12.10 (`tool_name` 0.9.6) | server/routes.go toolCallId, api/types.go Message |
 * | tools to a model without the capability → 400 "<full name> does not support tools" | 0.3.0 | server/images.go CheckCapabilities, server/routes.go scheduleRunner |
 * | `thinking` streamed apart from `content`; thinking on by default for thinking models; `think: true` elsewhere → 400 | 0.9 / default 0.12.4 | server/routes.go ChatHandler, thinking/parser.go |
 * | `done_reason: "length"` when `num_predict` is reached | 0.1.40 | llm/server.go DoneReason, runner/(llama|ollama)runner/runner.go (llm/llama_server.go at HEAD) |
 * | prompt past `num_ctx`: oldest messages dropped (system and last kept); `truncate: false` → 400 "the input length exceeds the context length" | truncate 0.12.10 | server/prompt.go chatPrompt, runner/(llama|ollama)runner/runner.go errorInputTooLong |
 * | a reply that ends without its `done: true` chunk (repeated-token guard) | 0.1.40 | llm/server.go Completion (tokenRepeat > 30; llm/llama_server.go at HEAD) |
 * | zero counts left out (`omitempty`) | all | api/types.go Metrics |
 * | names `name:tag` in /api/tags, `:latest` by default, matched without case | 0.5.0 | types/model/name.go EqualFold, server/routes.go getExistingName, ListHandler |
 * | missing model: 404 "model 'x' not found" (chat, generate, show; older wording "…, try pulling it first" from the scheduler) | ≤ 0.9.0 | server/routes.go ChatHandler, GenerateHandler, ShowHandler |
 * | errors before the first byte: HTTP status + `{"error"}`; after it: an `{"error"}` line | all | server/routes.go streamResponse, docs/api/errors.mdx |
 * | headers sent with the first line (streamed) or with the whole reply | all | gin c.Stream / c.JSON |
 */

export type { Reply } from './fake-ollama-reply.ts';
export type { FakeModel } from './fake-ollama-model.ts';

export interface ScriptedToolCall { name: string; arguments: Record<string, unknown> }

export interface RecordedRequest {
  method: string;
  /** e.g. /api/chat */
  path: string;
  /** the parsed JSON body (null for none) */
  body: any;
  headers: IncomingHttpHeaders;
  /** messages Ollama dropped from the front to fit num_ctx (0: none) */
  truncated?: number;
}

export type ReplySource = Reply | ((req: RecordedRequest) => Reply);

export interface FakeOllamaOptions {
  /** models the server has (default ['llama3.1:8b']); any other model gets Ollama's 404 */
  models?: (string | FakeModel)[];
  /** answers to /api/chat and /api/generate, in order; a function answers every request the queue does not */
  replies?: ReplySource[] | ((req: RecordedRequest) => Reply);
  version?: string;
  /** num_ctx when a request sets none (Ollama's default was 2048, then 4096; 4k-256k by VRAM since 0.12) */
  defaultNumCtx?: number;
}

export interface FakeOllama {
  /** http://127.0.0.1:PORT, for config.ollama.host */
  url: string;
  /** every request received, in order */
  requests: RecordedRequest[];
  /** the /api/chat requests only */
  chats(): RecordedRequest[];
  /** appends scripted replies */
  push(...replies: ReplySource[]): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function embedding(text: string): number[] {
  const h = createHash('sha256').update(text).digest();
  return Array.from({ length: 8 }, (_, i) => (h[i]! - 128) / 128);
}

/** What Ollama checks before it runs the model; returns the error reply, or undefined to go on. */
function preflight(body: any, m: ModelEntry): { status: number; error: string } | undefined {
  const can = (c: Capability): boolean => m.capabilities.includes(c);
  if (Array.isArray(body.tools) && body.tools.length && !can('tools')) return { status: 400, error: `${m.full} does not support tools` };
  if ((body.think === true || typeof body.think === 'string') && !can('thinking')) return { status: 400, error: `"${body.model}" does not support thinking` };
  if (body.format && typeof body.format === 'object') {
    const errors = grammarErrors(body.format);
    // the converter passes these through; the grammar parser in the runner refuses them
    const parser = errors.some((e) => /repetition|escape/.test(e.message));
    if (parser) return { status: 500, error: 'failed to load model vocabulary required for format' };
    if (errors.length) return { status: 500, error: 'invalid JSON schema in format' };
  } else if (body.format !== undefined && body.format !== null && body.format !== '' && body.format !== 'json') {
    return { status: 500, error: `invalid format: ${JSON.stringify(body.format)}; expected "json" or a valid JSON Schema object` };
  }
  return undefined;
}

export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = (opts.models ?? ['llama3.1:8b']).map(modelEntry);
  const queue: ReplySource[] = Array.isArray(opts.replies) ? [...opts.replies] : [];
  const fallback = typeof opts.replies === 'function' ? opts.replies : undefined;
  const requests: RecordedRequest[] = [];

  function nextReply(rec: RecordedRequest): Reply {
    const src = queue.shift() ?? fallback;
    if (!src) return { status: 500, error: `fake-ollama: no scripted reply left for ${rec.path} (request #${requests.length})` };
    return typeof src === 'function' ? src(rec) : src;
  }

  /** The model a request names, matched as Ollama does; answers 400/404 and returns undefined otherwise. */
  function findModel(res: ServerResponse, body: any): ModelEntry | undefined {
    const name = typeof body?.model === 'string' ? body.model : '';
    if (!name) return void send(res, 400, { error: 'model is required' });
    const key = modelEntry(name).key;
    const m = models.find((x) => x.key === key);
    if (!m) send(res, 404, { error: `model '${name}' not found` });
    return m;
  }

  async function modelCall(rec: RecordedRequest, res: ServerResponse, m: ModelEntry): Promise<void> {
    const refused = preflight(rec.body, m);
    if (refused) return send(res, refused.status, { error: refused.error });
    await chatReply(rec, res, m, nextReply(rec), opts.defaultNumCtx ?? 4096);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      requests.push({ method: req.method ?? 'GET', path, body: raw, headers: req.headers });
      return send(res, 400, { error: 'invalid character in request body' });
    }
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, body, headers: req.headers };
    requests.push(rec);
    switch (`${rec.method} ${path}`) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
        return send(res, 200, { version: opts.version ?? '0.13.2' });
      case 'GET /api/tags':
        return send(res, 200, { models: models.map(tagsEntry) });
      case 'GET /api/ps':
        return send(res, 200, { models: [] });
      case 'POST /api/show': {
        const m = findModel(res, body);
        if (!m) return;
        return send(res, 200, {
          modelfile: `FROM ${m.display}`, parameters: 'temperature 0.7',
          template: m.toolStyle === 'tag' ? '{{ if .ToolCalls }}<tool_call>{{ end }}' : '{{ .Prompt }}',
          details: (tagsEntry(m) as any).details, model_info: { 'general.architecture': 'llama', 'llama.context_length': 131072 },
          capabilities: m.capabilities, modified_at: '2025-01-01T00:00:00Z',
        });
      }
      case 'POST /api/embed': {
        const m = findModel(res, body);
        if (!m) return;
        const inputs: string[] = Array.isArray(body.input) ? body.input : [String(body.input ?? '')];
        const promptEvalCount = inputs.reduce((n, s) => n + tokensOf(s), 0);
        return send(res, 200, { model: body.model, embeddings: inputs.map(embedding), total_duration: 1_000, load_duration: 100, prompt_eval_count: promptEvalCount });
      }
      case 'POST /api/chat':
      case 'POST /api/generate': {
        const m = findModel(res, body);
        if (!m) return;
        return modelCall(rec, res, m);
      }
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('404 page not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { error: `fake-ollama: ${String(e)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    chats: () => requests.filter((r) => r.path === '/api/chat'),
    push: (...replies) => void queue.push(...replies),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
