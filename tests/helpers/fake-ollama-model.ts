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
}

export interface ModelEntry extends Required<FakeModel> {
  /** `host/namespace/model:tag`, lower case: what Ollama compares */
  key: string;
  /** what /api/tags shows: DisplayShortest, always with a tag */
  display: string;
  /** what error messages name: the full name */
  full: string;
}

/** types/model/name.go: `[host/][namespace/]model[:tag]`, defaults registry.ollama.ai, library, latest. */
export function parseName(raw: string): { host: string; namespace: string; model: string; tag: string } {
  const slash = raw.lastIndexOf('/');
  const colon = raw.lastIndexOf(':');
  const [path, tag] = colon > slash ? [raw.slice(0, colon), raw.slice(colon + 1)] : [raw, 'latest'];
  const parts = path.split('/');
  const model = parts.pop() ?? '';
  const namespace = parts.pop() ?? 'library';
  return { host: parts.length ? parts.join('/') : 'registry.ollama.ai', namespace, model, tag: tag || 'latest' };
}

export function modelEntry(m: string | FakeModel): ModelEntry {
  const spec: FakeModel = typeof m === 'string' ? { name: m } : m;
  const n = parseName(spec.name);
  const full = `${n.host}/${n.namespace}/${n.model}:${n.tag}`;
  const defaultHost = n.host === 'registry.ollama.ai';
  const display = defaultHost && n.namespace === 'library' ? `${n.model}:${n.tag}` : defaultHost ? `${n.namespace}/${n.model}:${n.tag}` : full;
  const capabilities = spec.capabilities ?? ['completion', 'tools'];
  return { name: spec.name, capabilities, toolStyle: spec.toolStyle ?? 'tag', key: full.toLowerCase(), display, full };
}

export function tagsEntry(m: ModelEntry): Record<string, unknown> {
  const digest = createHash('sha256').update(m.full).digest('hex');
  return {
    name: m.display, model: m.display, modified_at: '2025-01-01T00:00:00Z', size: 4_000_000_000, digest,
    details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8B', quantization_level: 'Q4_K_M' },
  };
}

/** server/routes.go toolCallId(): `call_` and 8 characters of a-z0-9. */
export function toolCallId(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `call_${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/** About one token per 4 characters, as tokenizers of the common families average on English. */
export const tokensOf = (text: string): number => Math.ceil(text.length / 4);

export interface WireMsg { role: string; content?: string; thinking?: string; tool_calls?: unknown[]; [k: string]: unknown }

function messageTokens(m: WireMsg): number {
  return 4 + tokensOf(String(m.content ?? '')) + tokensOf(String(m.thinking ?? '')) + tokensOf(m.tool_calls ? JSON.stringify(m.tool_calls) : '');
}

export function promptTokensOf(messages: WireMsg[], tools: unknown[] | undefined): number {
  return messages.reduce((n, m) => n + messageTokens(m), tools?.length ? tokensOf(JSON.stringify(tools)) : 0);
}

/**
 * server/prompt.go chatPrompt with truncate on: drops messages from the front until the prompt fits
 * num_ctx, keeping the system messages of the dropped part and always the last message.
 */
export function truncateToContext(messages: WireMsg[], tools: unknown[] | undefined, numCtx: number): { kept: WireMsg[]; dropped: number } {
  for (let i = 0; i < messages.length; i++) {
    const kept = [...messages.slice(0, i).filter((m) => m.role === 'system'), ...messages.slice(i)];
    if (promptTokensOf(kept, tools) <= numCtx || i === messages.length - 1) return { kept, dropped: messages.length - kept.length };
  }
  return { kept: messages, dropped: 0 };
}

interface ParsedCall { id: string; function: { index: number; name: string; arguments: Record<string, unknown> } }

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
