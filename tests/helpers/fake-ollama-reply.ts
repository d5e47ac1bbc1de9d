import type { ServerResponse } from 'node:http';
import type { RecordedRequest, ScriptedToolCall } from './fake-ollama.ts';
import { parseToolCalls, promptTokensOf, tokensOf, truncateToContext, type ModelEntry, type WireMsg } from './fake-ollama-model.ts';

/** One scripted answer: what the model "generates", and how the exchange goes. */
export interface Reply {
  /** the assistant's text (chat) or `response` (generate) */
  content?: string;
  /** calls the model writes, in its template's syntax; Ollama's parser decides what becomes of them */
  toolCalls?: ScriptedToolCall[];
  /** reasoning; streamed as `thinking` by thinking models unless the request sends `think: false` */
  thinking?: string;
  /** default: the tokens of the prompt as sent (after truncation); 0 is left out, as Ollama does */
  promptEvalCount?: number;
  /** default: the number of generated pieces; 0 is left out */
  evalCount?: number;
  /** default 'stop' ('length' when num_predict cut the reply) */
  doneReason?: string;
  /** how the text is cut into streamed pieces (one piece = one token); default: word by word */
  chunks?: string[];
  /** answer with this HTTP status and `{"error": error}` instead (default status 500 when only `error` is set) */
  status?: number;
  error?: string;
  /** wait this long before answering (prompt evaluation: no header is sent meanwhile) */
  delayMs?: number;
  /** wait this long before each streamed piece */
  chunkDelayMs?: number;
  /** destroy the connection: before any byte ('before'), or after this many streamed pieces */
  drop?: 'before' | { afterChunks: number };
  /** end a stream with an `{"error": ...}` line instead of the done message (how Ollama reports a failure mid-stream) */
  streamError?: string;
  /** end without the `done: true` message, as Ollama's repeated-token guard does */
  noDone?: boolean;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const words = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

/** The model's raw output for scripted calls, in the template's syntax. */
function callText(calls: ScriptedToolCall[], style: 'tag' | 'json'): string {
  return calls
    .map((c) => {
      const json = JSON.stringify({ name: c.name, arguments: c.arguments });
      return style === 'tag' ? `<tool_call>\n${json}\n</tool_call>\n` : json;
    })
    .join('');
}

interface Piece {
  kind: 'thinking' | 'output';
  text: string;
}

/** The request's effective messages after Ollama's truncation; undefined when it answered 400 already. */
function fitContext(rec: RecordedRequest, res: ServerResponse, m: ModelEntry, defaultNumCtx: number): { promptTokens: number } | undefined {
  const body = rec.body;
  const cpt = m.charsPerToken;
  const numCtx = Number(body.options?.num_ctx) || defaultNumCtx;
  if (rec.path !== '/api/chat') return { promptTokens: tokensOf(`${body.system ?? ''}${body.prompt ?? ''}`, cpt) };
  const messages: WireMsg[] = Array.isArray(body.messages) ? body.messages : [];
  const tokens = promptTokensOf(messages, body.tools, cpt);
  if (tokens <= numCtx) return { promptTokens: tokens };
  if (body.truncate === false) {
    send(res, 400, { error: 'the input length exceeds the context length' });
    return undefined;
  }
  const { kept, dropped } = truncateToContext(messages, body.tools, numCtx, cpt);
  rec.truncated = dropped;
  return { promptTokens: Math.min(numCtx, promptTokensOf(kept, body.tools, cpt)) };
}

/** Answers /api/chat or /api/generate for `m` from the scripted reply, streamed or not. */
export async function chatReply(
  rec: RecordedRequest,
  res: ServerResponse,
  m: ModelEntry,
  reply: Reply,
  defaultNumCtx: number,
): Promise<void> {
  const body = rec.body;
  const chat = rec.path === '/api/chat';
  if (reply.delayMs) await sleep(reply.delayMs);
  if (res.destroyed) return;
  if (reply.drop === 'before' || (reply.drop && body?.stream === false)) return void res.socket?.destroy();
  if (reply.status !== undefined || reply.error !== undefined) {
    return void send(res, reply.status ?? 500, { error: reply.error ?? 'fake-ollama: scripted failure' });
  }
  const fitted = fitContext(rec, res, m, defaultNumCtx);
  if (!fitted) return;

  const thinks = m.capabilities.includes('thinking') && body.think !== false;
  const declared: string[] = chat && Array.isArray(body.tools) ? body.tools.map((t: any) => t?.function?.name).filter(Boolean) : [];
  const output = `${reply.content ?? ''}${callText(reply.toolCalls ?? [], m.toolStyle)}`;
  const outPieces = reply.chunks && !reply.toolCalls?.length ? reply.chunks : words(output);
  let pieces: Piece[] = [
    ...(thinks ? words(reply.thinking ?? '').map((text) => ({ kind: 'thinking' as const, text })) : []),
    ...outPieces.map((text) => ({ kind: 'output' as const, text })),
  ];
  const numPredict = Number(body.options?.num_predict) || -1;
  const cut = numPredict > 0 && pieces.length > numPredict;
  if (cut) pieces = pieces.slice(0, numPredict);
  const thinking = pieces
    .filter((p) => p.kind === 'thinking')
    .map((p) => p.text)
    .join('');
  const text = pieces
    .filter((p) => p.kind === 'output')
    .map((p) => p.text)
    .join('');
  const parsed = declared.length ? parseToolCalls(text, m.toolStyle, declared) : { calls: [], content: text };
  // content pieces as streamed: the parser holds back what belongs to calls
  const asGenerated = pieces.filter((p) => p.kind === 'output').map((p) => p.text);
  const contentPieces = parsed.calls.length || parsed.content !== text ? words(parsed.content) : asGenerated;

  const head = { model: body.model, created_at: new Date().toISOString() };
  const counts: Record<string, number> = {};
  const promptEval = reply.promptEvalCount ?? fitted.promptTokens;
  const evalCount = reply.evalCount ?? pieces.length;
  // a count and its duration come from the same timings: both left out when zero (api.Metrics omitempty)
  if (promptEval > 0) Object.assign(counts, { prompt_eval_count: promptEval, prompt_eval_duration: 200_000 });
  if (evalCount > 0) Object.assign(counts, { eval_count: evalCount, eval_duration: 700_000 });
  const done = {
    ...head,
    done: true,
    done_reason: cut ? 'length' : (reply.doneReason ?? 'stop'),
    total_duration: 1_000_000,
    load_duration: 100_000,
    ...counts,
  };
  const message = (content: string, extra: Record<string, unknown> = {}) => ({ role: 'assistant', content, ...extra });
  const part = (content: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
    chat ? { ...head, message: message(content, extra), done: false } : { ...head, response: content, ...extra, done: false };

  if (body.stream === false) {
    // writeChatResponse gathers the whole reply first: an error on the way is the reply's status
    if (reply.streamError) return void send(res, 500, { error: reply.streamError });
    const extra = { ...(thinking ? { thinking } : {}), ...(parsed.calls.length ? { tool_calls: parsed.calls } : {}) };
    const whole = chat ? { message: message(parsed.content, extra) } : { response: parsed.content, ...(thinking ? { thinking } : {}) };
    const answer = reply.noDone ? { ...head, ...whole, done: false } : { ...done, ...whole, ...(chat ? {} : { context: [1, 2, 3] }) };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    return void res.end(JSON.stringify(answer));
  }
  const finalLine = chat ? { ...done, message: message('') } : { ...done, response: '', context: [1, 2, 3] };
  await streamLines(
    res,
    reply,
    [
      ...pieces.filter((p) => p.kind === 'thinking').map((p) => part('', { thinking: p.text })),
      ...contentPieces.map((t) => part(t)),
      ...(parsed.calls.length ? [part('', { tool_calls: parsed.calls })] : []),
    ],
    reply.streamError ? { error: reply.streamError } : reply.noDone ? undefined : finalLine,
  );
}

/** NDJSON lines; the headers go out with the first line, as gin's c.Stream does. */
type Line = Record<string, unknown>;
async function streamLines(res: ServerResponse, reply: Reply, lines: Line[], last: Line | undefined): Promise<void> {
  let started = false;
  // each line reaches the socket before the next step, so a scripted drop cuts exactly there
  const line = (obj: unknown): Promise<void> =>
    new Promise((r) => {
      if (res.destroyed) return r();
      if (!started) res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      started = true;
      res.once('close', r);
      res.write(`${JSON.stringify(obj)}\n`, () => (res.off('close', r), r()));
    });
  for (const [i, l] of lines.entries()) {
    if (typeof reply.drop === 'object' && i >= reply.drop.afterChunks) return void res.socket?.destroy();
    if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    if (res.destroyed) return;
    await line(l);
  }
  if (typeof reply.drop === 'object') return void res.socket?.destroy();
  // streamResponse: an error before anything was written goes out as the reply's status
  if (!started && last && 'error' in last) return void send(res, 500, last);
  if (last) await line(last);
  if (!started) res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.end();
}
