import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { grammarErrors } from '../../src/llm/grammar.ts';
import { embedAnswer, showAnswer, type Answer, type EmbeddingScript } from './fake-ollama-info.ts';
import { isValidName, modelEntry, tagsEntry, type Capability, type FakeModel, type ModelEntry } from './fake-ollama-model.ts';
import { chatReply, type Reply } from './fake-ollama-reply.ts';
import { decodeRequest, optionsError } from './fake-ollama-request.ts';

/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's API and answers model calls (/api/chat,
 * /api/generate) from scripted replies. No model runs: the tests drive the real `ollama` client
 * against it, and read `requests` to see exactly what reached the "model". It behaves as Ollama does,
 * from Ollama's source (github.com/ollama/ollama):
 *
 * | Behaviour | Since | Source file |
 * |---|---|---|
 * | body read as Go does: empty → 400 "missing request body"; syntax or type errors → 400 with Go's words; unknown fields ignored; `null` = unset | all | server/routes.go (ShouldBindJSON), api/types.go ChatRequest, Message, ToolCall, Tool; fake-ollama-request.ts |
 * | `think`: true/false or "high"/"medium"/"low"/"max", else 400 "invalid think value…" (a bool only before 0.11: a level is a 400 there) | 0.11 | api/types.go ThinkValue.UnmarshalJSON |
 * | a `think` level to a model that is not harmony (gpt-oss): 400 `think value "high" is not supported for this model` (0.11 to 0.17.6; FakeModel.thinkLevels) | 0.11 | server/routes.go ChatHandler (removed in 0.17.7) |
 * | `keep_alive`: seconds or a Go duration string, else 400; no messages + keep_alive 0 → 200 `done_reason: "unload"` | all | api/types.go Duration, server/routes.go ChatHandler |
 * | no messages (chat) / no prompt (generate) → 200 `done: true, done_reason: "load"`, one JSON object even when streaming | all | server/routes.go ChatHandler, GenerateHandler |
 * | model name: empty → 400 "model is required" (generate, embed: 404 "model '' not found"); malformed → 400 "invalid model name" (≤ 0.12: "model is required") | 0.5.0 | server/model_resolver.go, types/model/name.go IsValid, routes.go writeModelRefParseError |
 * | names `name:tag` in /api/tags, `:latest` by default, matched without case; /api/show's 404 names the tagged name | 0.5.0 | types/model/name.go EqualFold, DisplayShortest, server/routes.go getExistingName, ListHandler, ShowHandler |
 * | missing model: 404 "model 'x' not found" (older wording "…, try pulling it first" from the scheduler) | ≤ 0.9.0 | server/routes.go ChatHandler, GenerateHandler, handleScheduleError |
 * | order of checks: body, name, model, thinking, tools, options, load, format, context | all | server/routes.go ChatHandler, scheduleRunner; llm/server.go Completion |
 * | `think: true` to a model without thinking → 400 `"<name>" does not support thinking` (before 0.12.5: "<full name> does not support thinking", in 0.12.4 also for `think: false`) | 0.9 / 0.12.5 | server/routes.go ChatHandler, server/images.go CheckCapabilities |
 * | tools to a model without the capability → 400 "<full name> does not support tools" | 0.3.0 | server/images.go CheckCapabilities, server/routes.go scheduleRunner |
 * | a known option of the wrong type → 500 `option "num_ctx" must be of type integer`; unknown options ignored | all | api/types.go Options.FromMap, server/routes.go handleScheduleError |
 * | `format` neither "json" nor an object → 500 `invalid format: "<raw JSON, %q>"; expected "json" or a valid JSON Schema object` | 0.5.2 | llm/server.go Completion (llm/llama_server.go at HEAD) |
 * | `format` schema → grammar; conversion error → 500 "invalid JSON schema in format" | 0.5.2 | llm/server.go Completion, llama/sampling_ext.cpp schema_to_grammar |
 * | repetition counts > 2000 (maxLength, minItems, `{m,n}`) refused → 500 "failed to load model vocabulary required for format" (the llama runner: "…unable to create sampling context"; ≥ 0.30 GGUF models on llama-server: 400 "Failed to parse grammar") | 0.13.2 | llama/llama.cpp/src/llama-grammar.cpp (MAX_REPETITION_THRESHOLD), runner/ollamarunner/runner.go |
 * | which schema parts the converter refuses or ignores (src/llm/grammar.ts ports it) | 0.5.2 | llama/llama.cpp/common/json-schema-to-grammar.cpp visit() |
 * | `tools`: only declared names become calls; unmatched calls dropped (tag templates) or text (`{` templates) | 0.8.0 | tools/tools.go, tools/template.go parseTag |
 * | tool call ids `call_` + 8 of [a-z0-9], `function.index` counts the calls; `tool_name`, `tool_call_id` in tool messages | 0.12.10 (`tool_name` 0.9.6) | server/routes.go toolCallId, api/types.go Message, ToolCall |
 * | `thinking` streamed apart from `content`; thinking on by default for thinking models | 0.9 / default 0.12.4 | server/routes.go ChatHandler, thinking/parser.go |
 * | `done_reason: "length"` when `num_predict` is reached | 0.1.40 | llm/server.go DoneReason, runner/(llama|ollama)runner/runner.go (llm/llama_server.go at HEAD) |
 * | prompt past `num_ctx` (counted with the model's charsPerToken): oldest messages dropped (system and last kept); `truncate: false` → 400 "the input length exceeds the context length" | truncate 0.12.6 | server/prompt.go chatPrompt, runner/(llama|ollama)runner/runner.go errorInputTooLong |
 * | a reply that ends without its `done: true` chunk (repeated-token guard) | 0.1.40 | llm/server.go Completion (tokenRepeat > 30; llm/llama_server.go at HEAD) |
 * | zero counts and durations left out (`omitempty`) | all | api/types.go Metrics |
 * | errors before the first byte: HTTP status + `{"error"}`; after it: an `{"error"}` line; non-streamed: always the status | all | server/routes.go streamResponse, writeChatResponse, docs/api/errors.mdx |
 * | headers sent with the first line (streamed) or with the whole reply | all | gin c.Stream / c.JSON |
 * | /api/embed: string or string array (else 400 "invalid input type"), L2-normalized, cut to the context or 400 with `truncate: false`, `dimensions` | 0.3.0 (truncate 0.3.4, dimensions 0.11) | server/routes.go EmbedHandler, normalize |
 *
 * Not modelled: images (Ollama ignores them for a model without vision), cloud models, `logprobs`, the
 * two-pass structured output of thinking models, /api/embed refusing models that cannot embed.
 */

export type { Reply } from './fake-ollama-reply.ts';
export type { FakeModel } from './fake-ollama-model.ts';
export type { EmbeddingScript } from './fake-ollama-info.ts';

export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

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
  /** vectors for /api/embed by text (normalized as Ollama does); texts it leaves undefined get a hash-based vector */
  embeddings?: EmbeddingScript;
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

const answer = (res: ServerResponse, a: Answer): void => send(res, a.status, a.body);

type Refusal = { status: number; error: string };

/** `keep_alive` that asks to unload at once (api.Duration: 0 seconds, or a duration string of 0). */
const unloadsNow = (k: unknown): boolean => k === 0 || (typeof k === 'string' && /^\+?0+(\.0*)?[a-zµ]*$/.test(k));

/** What ChatHandler / GenerateHandler check before the model runs, in Ollama's order; undefined: go on. */
function preflight(path: string, body: any, m: ModelEntry): Refusal | undefined {
  const can = (c: Capability): boolean => m.capabilities.includes(c);
  const thinks = body.think === true || typeof body.think === 'string';
  if (thinks && !can('thinking')) return { status: 400, error: `"${body.model}" does not support thinking` };
  if (path === '/api/chat' && Array.isArray(body.tools) && body.tools.length && !can('tools')) {
    return { status: 400, error: `${m.full} does not support tools` };
  }
  const option = optionsError(body.options);
  if (option) return { status: 500, error: option };
  return undefined;
}

/** llm/server.go Completion: `format` is "json", a JSON schema object, or unset; the grammar must build. */
function formatRefusal(format: unknown): Refusal | undefined {
  if (format === undefined || format === null || format === '' || format === 'json') return undefined;
  if (typeof format !== 'object' || Array.isArray(format)) {
    // Go's %q of the raw JSON bytes
    return {
      status: 500,
      error: `invalid format: ${JSON.stringify(JSON.stringify(format))}; expected "json" or a valid JSON Schema object`,
    };
  }
  const errors = grammarErrors(format as Record<string, unknown>);
  // the converter passes these through; the grammar parser in the runner refuses them
  if (errors.some((e) => /repetition|escape/.test(e.message)))
    return { status: 500, error: 'failed to load model vocabulary required for format' };
  if (errors.length) return { status: 500, error: 'invalid JSON schema in format' };
  return undefined;
}

const ROUTES = new Set([
  'GET /',
  'HEAD /',
  'GET /api/version',
  'HEAD /api/version',
  'GET /api/tags',
  'GET /api/ps',
  'POST /api/show',
  'POST /api/embed',
  'POST /api/chat',
  'POST /api/generate',
]);

export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = (opts.models ?? ['llama3.1:8b']).map(modelEntry);
  const queue: ReplySource[] = Array.isArray(opts.replies) ? [...opts.replies] : [];
  const fallback = typeof opts.replies === 'function' ? opts.replies : undefined;
  const requests: RecordedRequest[] = [];
  const defaultNumCtx = opts.defaultNumCtx ?? 4096;

  function nextReply(rec: RecordedRequest): Reply {
    const src = queue.shift() ?? fallback;
    if (!src) return { status: 500, error: `fake-ollama: no scripted reply left for ${rec.path} (request #${requests.length})` };
    return typeof src === 'function' ? src(rec) : src;
  }

  /** The model a request names, matched as Ollama does (server/model_resolver.go, getExistingName). */
  function findModel(path: string, body: any): ModelEntry | Refusal {
    const show = path === '/api/show';
    const name: string = (show && !body.model ? body.name : body.model) ?? '';
    if (!name)
      return path === '/api/chat' || show ? { status: 400, error: 'model is required' } : { status: 404, error: "model '' not found" };
    if (!isValidName(name)) return { status: 400, error: 'invalid model name' };
    const entry = modelEntry(name);
    return models.find((x) => x.key === entry.key) ?? { status: 404, error: `model '${show ? entry.display : name}' not found` };
  }

  /** A request without anything to generate only loads the model, or unloads it with keep_alive 0. */
  function loadOnly(path: string, body: any): Record<string, unknown> | undefined {
    const chat = path === '/api/chat';
    const empty = chat ? !body.messages?.length : !body.prompt && !body.suffix;
    if (!empty) return undefined;
    const reason = unloadsNow(body.keep_alive) ? 'unload' : 'load';
    const head = { model: body.model, created_at: new Date().toISOString() };
    return chat
      ? { ...head, message: { role: 'assistant', content: '' }, done: true, done_reason: reason }
      : { ...head, response: '', done: true, done_reason: reason };
  }

  async function modelCall(rec: RecordedRequest, res: ServerResponse, m: ModelEntry): Promise<void> {
    const load = loadOnly(rec.path, rec.body);
    if (load?.done_reason === 'unload') return send(res, 200, load);
    const refused = preflight(rec.path, rec.body, m);
    if (refused) return send(res, refused.status, { error: refused.error });
    if (load) return send(res, 200, load);
    if (typeof rec.body.think === 'string' && !m.thinkLevels) {
      return send(res, 400, { error: `think value "${rec.body.think}" is not supported for this model` });
    }
    const format = formatRefusal(rec.body.format);
    if (format) return send(res, format.status, { error: format.error });
    await chatReply(rec, res, m, nextReply(rec), defaultNumCtx);
  }

  async function route(rec: RecordedRequest, res: ServerResponse): Promise<void> {
    const { path, body } = rec;
    switch (`${rec.method} ${path}`) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
      case 'HEAD /api/version':
        return send(res, 200, { version: opts.version ?? '0.13.2' });
      case 'GET /api/tags':
        return send(res, 200, { models: models.map(tagsEntry) });
      case 'GET /api/ps':
        return send(res, 200, { models: [] });
    }
    const m = findModel(path, body);
    if (!('key' in m)) return send(res, m.status, { error: m.error });
    if (path === '/api/show') return answer(res, showAnswer(m));
    if (path === '/api/embed') return answer(res, embedAnswer(body, defaultNumCtx, opts.embeddings));
    return modelCall(rec, res, m);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = req.method ?? 'GET';
    const decoded = method === 'POST' ? decodeRequest(path, raw) : { ok: true as const, body: null };
    const rec: RecordedRequest = { method, path, body: decoded.body, headers: req.headers };
    requests.push(rec);
    if (!ROUTES.has(`${method} ${path}`)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('404 page not found');
    }
    if (!decoded.ok) return send(res, decoded.status, { error: decoded.error });
    return route(rec, res);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
