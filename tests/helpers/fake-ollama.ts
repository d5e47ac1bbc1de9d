import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's API and answers model calls (/api/chat,
 * /api/generate) from scripted replies. No model runs: the tests drive the real `ollama` client
 * against it, and read `requests` to see exactly what reached the "model".
 */

export interface ScriptedToolCall { name: string; arguments: Record<string, unknown> }

export interface Reply {
  /** the assistant's text (chat) or `response` (generate) */
  content?: string;
  toolCalls?: ScriptedToolCall[];
  thinking?: string;
  /** default: about one token per 4 characters of the prompt */
  promptEvalCount?: number;
  /** default: the number of streamed pieces */
  evalCount?: number;
  /** default 'stop' */
  doneReason?: string;
  /** how a streamed reply is cut; default: word by word */
  chunks?: string[];
  /** answer with this HTTP status and `{"error": error}` instead (default status 500 when only `error` is set) */
  status?: number;
  error?: string;
  /** wait this long before answering; a client that gives up first simply disconnects */
  delayMs?: number;
  /** wait this long before each streamed piece */
  chunkDelayMs?: number;
  /** destroy the connection: before any byte ('before'), or after this many streamed pieces */
  drop?: 'before' | { afterChunks: number };
  /** end a stream with an `{"error": ...}` line instead of the done message (how Ollama reports a failure mid-stream) */
  streamError?: string;
}

export interface RecordedRequest {
  method: string;
  /** e.g. /api/chat */
  path: string;
  /** the parsed JSON body (null for none) */
  body: any;
  headers: IncomingHttpHeaders;
}

export type ReplySource = Reply | ((req: RecordedRequest) => Reply);

export interface FakeOllamaOptions {
  /** models the server has (default ['llama3.1:8b']); any other model gets Ollama's 404 */
  models?: string[];
  /** answers to /api/chat and /api/generate, in order; a function answers every request the queue does not */
  replies?: ReplySource[] | ((req: RecordedRequest) => Reply);
  version?: string;
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

const canonical = (m: string): string => ((m.split('/').pop() ?? m).includes(':') ? m : `${m}:latest`);
const tokensOf = (text: string): number => Math.ceil(text.length / 4);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function modelEntry(name: string): Record<string, unknown> {
  const digest = createHash('sha256').update(name).digest('hex');
  return {
    name, model: name, modified_at: '2025-01-01T00:00:00Z', size: 4_000_000_000, digest,
    details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8B', quantization_level: 'Q4_K_M' },
  };
}

function promptText(body: any): string {
  if (Array.isArray(body?.messages)) return body.messages.map((m: any) => String(m?.content ?? '')).join('\n');
  return `${body?.system ?? ''}${body?.prompt ?? ''}`;
}

function embedding(text: string): number[] {
  const h = createHash('sha256').update(text).digest();
  return Array.from({ length: 8 }, (_, i) => (h[i]! - 128) / 128);
}

export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = opts.models ?? ['llama3.1:8b'];
  const known = new Set(models.map(canonical));
  const queue: ReplySource[] = Array.isArray(opts.replies) ? [...opts.replies] : [];
  const fallback = typeof opts.replies === 'function' ? opts.replies : undefined;
  const requests: RecordedRequest[] = [];

  function nextReply(rec: RecordedRequest): Reply {
    const src = queue.shift() ?? fallback;
    if (!src) return { status: 500, error: `fake-ollama: no scripted reply left for ${rec.path} (request #${requests.length})` };
    return typeof src === 'function' ? src(rec) : src;
  }

  /** Checks the model like Ollama does; answers and returns false when it is missing or unknown. */
  function modelOk(res: ServerResponse, body: any, path: string): boolean {
    const model = typeof body?.model === 'string' ? body.model : '';
    if (!model) return send(res, 400, { error: 'model is required' }), false;
    if (known.has(canonical(model))) return true;
    const error = path === '/api/show' ? `model '${model}' not found` : `model "${model}" not found, try pulling it first`;
    return send(res, 404, { error }), false;
  }

  async function modelCall(rec: RecordedRequest, res: ServerResponse): Promise<void> {
    const body = rec.body;
    const chat = rec.path === '/api/chat';
    const reply = nextReply(rec);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return;
    if (reply.drop === 'before' || (reply.drop && body?.stream === false)) return void res.socket?.destroy();
    if (reply.status !== undefined || reply.error !== undefined) {
      return send(res, reply.status ?? 500, { error: reply.error ?? 'fake-ollama: scripted failure' });
    }
    const content = reply.content ?? '';
    const pieces = reply.chunks ?? content.match(/\S+\s*|\s+/g) ?? [];
    const toolCalls = (reply.toolCalls ?? []).map((c, index) => ({ id: `call_${index}`, function: { index, name: c.name, arguments: c.arguments } }));
    const head = { model: body.model, created_at: new Date().toISOString() };
    const part = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => chat
      ? { ...head, message: { role: 'assistant', content: text, ...extra }, done: false }
      : { ...head, response: text, done: false, ...extra };
    const done = {
      ...head, done: true, done_reason: reply.doneReason ?? 'stop',
      total_duration: 1_000_000, load_duration: 100_000,
      prompt_eval_count: reply.promptEvalCount ?? tokensOf(promptText(body)), prompt_eval_duration: 200_000,
      eval_count: reply.evalCount ?? Math.max(pieces.length, toolCalls.length), eval_duration: 700_000,
    };
    const thinking = reply.thinking ? { thinking: reply.thinking } : {};
    if (body.stream === false) {
      const message = { role: 'assistant', content, ...thinking, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
      return send(res, 200, chat ? { ...done, message } : { ...done, response: content, ...thinking, context: [1, 2, 3] });
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.flushHeaders();
    // each line reaches the socket before the next step, so a scripted drop cuts exactly there
    const line = (obj: unknown): Promise<void> => new Promise((r) => {
      if (res.destroyed) return r();
      res.once('close', r);
      res.write(`${JSON.stringify(obj)}\n`, () => (res.off('close', r), r()));
    });
    if (reply.thinking) await line(part('', thinking));
    for (const [i, text] of pieces.entries()) {
      if (typeof reply.drop === 'object' && i >= reply.drop.afterChunks) return void res.socket?.destroy();
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (res.destroyed) return;
      await line(part(text));
    }
    if (typeof reply.drop === 'object') return void res.socket?.destroy();
    if (toolCalls.length) await line(part('', { tool_calls: toolCalls }));
    if (reply.streamError) await line({ error: reply.streamError });
    else await line(chat ? { ...done, message: { role: 'assistant', content: '' } } : { ...done, response: '', context: [1, 2, 3] });
    res.end();
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
    const route = `${rec.method} ${path}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
        return send(res, 200, { version: opts.version ?? '0.9.0' });
      case 'GET /api/tags':
        return send(res, 200, { models: models.map(modelEntry) });
      case 'GET /api/ps':
        return send(res, 200, { models: [] });
      case 'POST /api/show':
        if (!modelOk(res, body, path)) return;
        return send(res, 200, {
          modelfile: `FROM ${body.model}`, parameters: 'temperature 0.7', template: '{{ .Prompt }}',
          details: (modelEntry(body.model) as any).details, model_info: { 'general.architecture': 'llama' },
          capabilities: ['completion', 'tools'], modified_at: '2025-01-01T00:00:00Z',
        });
      case 'POST /api/embed': {
        if (!modelOk(res, body, path)) return;
        const inputs: string[] = Array.isArray(body.input) ? body.input : [String(body.input ?? '')];
        return send(res, 200, { model: body.model, embeddings: inputs.map(embedding), total_duration: 1_000, load_duration: 100, prompt_eval_count: inputs.reduce((n, s) => n + tokensOf(s), 0) });
      }
      case 'POST /api/chat':
      case 'POST /api/generate':
        if (!modelOk(res, body, path)) return;
        return modelCall(rec, res);
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
