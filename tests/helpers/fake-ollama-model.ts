import { createHash, randomInt } from 'node:crypto';

/**
 * The scripted server's models and the parts of Ollama that depend on them: name matching, capability
 * checks, the tool-call parser of the model's template, and prompt truncation to num_ctx.
 */

export type Capability = 'completion' | 'tools' | 'thinking' | 'embedding' | 'vision' | 'insert';

export interface FakeModel {
  /** as pulled, e.g. `llama3.1:8b`, `qwen2.5-coder` (listed as `qwen2.5-coder:latest`) */
  name: string;
  /** default ['completion', 'tools'] */
  capabilities?: Capability[];
  /**
   * How the model's chat template marks tool calls, which decides what Ollama's parser does with a
   * call it cannot match to a declared tool: 'tag' (`<tool_call>`, qwen/hermes style) drops it,
   * 'json' (the template has no tag: llama 3.x style) turns the whole reply into text. Default 'tag'.
   */
  toolStyle?: 'tag' | 'json';
  /**
   * Whether `think` may be a level ("low"/"medium"/"high"): only harmony models (gpt-oss) from Ollama
   * 0.11 to 0.17.6 (server/routes.go: 400 `think value "high" is not supported for this model`). Default false.
   */
  thinkLevels?: boolean;
  /** How many characters its tokenizer packs into a token, on average (default 4; code and JSON: ~3) */
  charsPerToken?: number;
}

export interface ModelEntry extends Required<FakeModel> {
  /** `host/namespace/model:tag`, lower case: what Ollama compares */
  key: string;
  /** what /api/tags shows: DisplayShortest, always with a tag */
  display: string;
  /** what error messages name: the full name */
  full: string;
}

const MISSING = '!MISSING!';

/**
 * types/model/name.go ParseName: `[host/][namespace/]model[:tag]`, defaults registry.ollama.ai,
 * library, latest. A separator with nothing on one side leaves that part missing (an invalid name).
 */
export function parseName(raw: string): { host: string; namespace: string; model: string; tag: string } {
  let s = raw;
  let tag = '';
  const cut = (sep: string): [string, string] => {
    const i = s.lastIndexOf(sep);
    return [s.slice(0, i) || MISSING, s.slice(i + sep.length) || MISSING];
  };
  if (s.lastIndexOf(':') > s.lastIndexOf('/')) [s, tag] = cut(':');
  if (!s.includes('/')) return { host: 'registry.ollama.ai', namespace: 'library', model: s, tag: tag || 'latest' };
  let model: string;
  [s, model] = cut('/');
  if (!s.includes('/')) return { host: 'registry.ollama.ai', namespace: s, model, tag: tag || 'latest' };
  let namespace: string;
  [s, namespace] = cut('/');
  const host = s.includes('://') ? s.slice(s.indexOf('://') + 3) : s;
  return { host, namespace, model, tag: tag || 'latest' };
}

/** Name.IsValid: each part 1-80 characters (host 350) of [A-Za-z0-9_] then also `-`, `.` (not in a namespace), `:` (host only). */
export function isValidName(raw: string): boolean {
  const n = parseName(raw);
  const part = (s: string, max: number, extra: string): boolean =>
    s.length >= 1 &&
    s.length <= max &&
    /^[A-Za-z0-9_]/.test(s) &&
    [...s.slice(1)].every((c) => /[A-Za-z0-9_-]/.test(c) || extra.includes(c));
  return part(n.host, 350, '.:') && part(n.namespace, 80, '') && part(n.model, 80, '.') && part(n.tag, 80, '.');
}

export function modelEntry(m: string | FakeModel): ModelEntry {
  const spec: FakeModel = typeof m === 'string' ? { name: m } : m;
  const n = parseName(spec.name);
  const full = `${n.host}/${n.namespace}/${n.model}:${n.tag}`;
  const defaultHost = n.host === 'registry.ollama.ai';
  const display =
    defaultHost && n.namespace === 'library' ? `${n.model}:${n.tag}` : defaultHost ? `${n.namespace}/${n.model}:${n.tag}` : full;
  const capabilities = spec.capabilities ?? ['completion', 'tools'];
  const traits = {
    toolStyle: spec.toolStyle ?? 'tag',
    thinkLevels: spec.thinkLevels ?? false,
    charsPerToken: spec.charsPerToken ?? 4,
  } as const;
  return { name: spec.name, capabilities, ...traits, key: full.toLowerCase(), display, full };
}

export function tagsEntry(m: ModelEntry): Record<string, unknown> {
  const digest = createHash('sha256').update(m.full).digest('hex');
  return {
    name: m.display,
    model: m.display,
    modified_at: '2025-01-01T00:00:00Z',
    size: 4_000_000_000,
    digest,
    details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8B', quantization_level: 'Q4_K_M' },
  };
}

/** server/routes.go toolCallId(): `call_` and 8 characters of a-z0-9. */
export function toolCallId(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `call_${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/** About one token per 4 characters, as tokenizers of the common families average on English. */
export const tokensOf = (text: string, charsPerToken = 4): number => Math.ceil(text.length / charsPerToken);

export interface WireMsg {
  role: string;
  content?: string;
  thinking?: string;
  tool_calls?: unknown[];
  [k: string]: unknown;
}

function messageTokens(m: WireMsg, cpt: number): number {
  const text = `${m.content ?? ''}${m.thinking ?? ''}${m.tool_calls ? JSON.stringify(m.tool_calls) : ''}`;
  return 4 + tokensOf(text, cpt);
}

/** The prompt's tokens as the model's tokenizer counts them (`cpt`: its characters per token). */
export function promptTokensOf(messages: WireMsg[], tools: unknown[] | undefined, cpt = 4): number {
  return messages.reduce((n, m) => n + messageTokens(m, cpt), tools?.length ? tokensOf(JSON.stringify(tools), cpt) : 0);
}

/**
 * server/prompt.go chatPrompt with truncate on: drops messages from the front until the prompt fits
 * num_ctx, keeping the system messages of the dropped part and always the last message.
 */
export function truncateToContext(
  messages: WireMsg[],
  tools: unknown[] | undefined,
  numCtx: number,
  cpt = 4,
): { kept: WireMsg[]; dropped: number } {
  for (let i = 0; i < messages.length; i++) {
    const kept = [...messages.slice(0, i).filter((m) => m.role === 'system'), ...messages.slice(i)];
    if (promptTokensOf(kept, tools, cpt) <= numCtx || i === messages.length - 1) return { kept, dropped: messages.length - kept.length };
  }
  return { kept: messages, dropped: 0 };
}

interface ParsedCall {
  id: string;
  function: { index: number; name: string; arguments: Record<string, unknown> };
}

/**
 * tools/tools.go (Ollama ≥ 0.9): recognises only declared tool names. With a tag template, content
 * before the tag is text and an unmatched call is dropped; with the `{` "tag" (no tag in the
 * template), anything before the first `{` makes the whole reply text, and an unmatched call object
 * comes back as text.
 */
export function parseToolCalls(text: string, style: 'tag' | 'json', declared: string[]): { calls: ParsedCall[]; content: string } {
  const tag = style === 'tag' ? '<tool_call>' : '{';
  const at = text.indexOf(tag);
  if (at < 0) return { calls: [], content: text };
  const before = text.slice(0, at);
  if (tag === '{' && before.trim() !== '') return { calls: [], content: text };
  let buffer = text.slice(at);
  const calls: ParsedCall[] = [];
  for (;;) {
    const found = findTool(buffer, declared);
    if (!found) break;
    const args = findArguments(buffer, found.name);
    if (!args) break;
    calls.push({ id: toolCallId(), function: { index: calls.length, name: found.name, arguments: args.args } });
    buffer = buffer.slice(Math.max(found.end, args.end));
  }
  if (calls.length) return { calls, content: before };
  return { calls, content: tag === '{' && balanced(buffer) ? before + buffer : before };
}

function findTool(buf: string, declared: string[]): { name: string; end: number } | undefined {
  let best: { name: string; start: number } | undefined;
  for (const name of declared) {
    const pos = buf.indexOf(name);
    if (pos < 0) continue;
    if (!best || pos < best.start || (pos === best.start && name.length > best.name.length)) best = { name, start: pos };
  }
  return best && { name: best.name, end: best.start + best.name.length };
}

function findArguments(buf: string, tool: string): { args: Record<string, unknown>; end: number } | undefined {
  for (let start = buf.indexOf('{'); start >= 0; start = buf.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        try {
          const data = JSON.parse(buf.slice(start, i + 1)) as Record<string, unknown>;
          const args = (data.arguments ?? data.parameters ?? data[tool] ?? data) as Record<string, unknown>;
          return { args: typeof args === 'string' ? JSON.parse(args) : args, end: i };
        } catch {
          break;
        }
      }
    }
  }
  return undefined;
}

function balanced(buf: string): boolean {
  let depth = 0;
  for (const c of buf) {
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return true;
  }
  return false;
}
