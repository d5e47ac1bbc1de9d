import type { LlmFormat } from './formats.ts';

/**
 * The LLM layer's public contract. Everything outside src/llm/ talks to `LlmProvider`;
 * only src/llm/ knows that Ollama is behind it.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** an assistant's reasoning (thinking models), kept apart from `content`; sent back with the history */
  thinking?: string;
  toolCalls?: ToolCall[];
  /** on a `tool` message: the tool whose result this is */
  toolName?: string;
  /** on a `tool` message: the id of the call it answers (Ollama ≥ 0.12.10 gives calls ids) */
  toolCallId?: string;
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON schema of the arguments (z.toJSONSchema of the tool's input schema) */
  parameters: Record<string, unknown>;
}

export interface ToolCall {
  /** Ollama's id (`call_` + 8 characters) when the server gives one */
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** Token counts as Ollama reported them; null where it left a count out (it omits zeros and cached prompts). */
export interface LlmUsage {
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
}

/** One model call (all its retries), emitted through `onCall` whether it succeeded or not. */
export interface LlmCallRecord {
  id: string;
  /** ISO time the call started */
  at: string;
  role: string;
  model: string;
  /** null: unknown (not reported, or the call failed before a count) */
  promptTokens: number | null;
  completionTokens: number | null;
  /** wall time of the whole call, retries and backoff included */
  durationMs: number;
  /** HTTP attempts made: 1 + retries used */
  attempts: number;
  ok: boolean;
  /** `CODE: message` when not ok */
  error: string | null;
  /** from the known counts only */
  costUsd: number;
  project?: string | null;
  task?: string | null;
  agent?: string | null;
}

/** `think` as Ollama takes it: on/off, or a level for models that have levels (gpt-oss). */
export type ThinkSetting = boolean | 'low' | 'medium' | 'high';

export interface ChatRequest {
  /** e.g. 'tool-generator', 'agent:data-analyst': picks model and settings via config.ollama.roles and labels the call */
  role: string;
  /** overrides the model the role would pick */
  model?: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** per call; unset ones come from the role's settings */
  options?: { temperature?: number; numCtx?: number; numPredict?: number; seed?: number };
  /** overrides the role's `think` */
  think?: ThinkSetting;
  /**
   * When the conversation does not fit the role's context: true shortens old tool results and drops
   * old turns (system prompt, first user message and the latest turns stay); false (default) refuses
   * with LLM_CONTEXT_OVERFLOW. Never left to Ollama, which would drop the oldest messages silently.
   */
  compact?: boolean;
  /** called with each piece of the answer in order (the reply is streamed internally either way) */
  onToken?: (text: string) => void;
  /** called with each piece of the model's reasoning, never mixed into the answer */
  onThinking?: (text: string) => void;
  signal?: AbortSignal;
  project?: string;
  task?: string;
  agent?: string;
}

export interface ChatResult {
  message: ChatMessage;
  usage: LlmUsage;
  model: string;
  durationMs: number;
  record: LlmCallRecord;
  /** messages dropped or shortened to fit the context (0 when the request fitted as it was) */
  compacted: number;
}

export interface StructuredResult<T> extends ChatResult {
  value: T;
  /** model calls it took: 1, or 2 when the first reply was re-asked */
  asks: number;
  /** the usage of every ask together (`usage` is the last one's); a count is null when any ask's was unknown */
  spent: LlmUsage;
}

/** What GET /readyz shows about the LLM backend. */
export interface LlmStatus {
  ok: boolean;
  host: string;
  models?: string[];
  /** configured models (defaultModel, models and roles) that the server does not have */
  missingModels?: string[];
  error?: string;
}

export interface LlmProvider {
  /**
   * One model call. Fails (FactoryError) rather than return a reply that is not whole: LLM_TRUNCATED
   * (done_reason "length"), LLM_INCOMPLETE (no final chunk), LLM_CONTEXT_OVERFLOW (does not fit).
   */
  chat(req: ChatRequest): Promise<ChatResult>;
  /**
   * Ollama structured output with a format from `defineFormat`: its grammar-safe JSON schema is sent
   * as `format`, the reply is validated by the zod schema (long-text bounds included); on a mismatch
   * the model is asked again once with the problems, then LLM_OUTPUT_INVALID.
   */
  structured<T>(format: LlmFormat<T>, req: ChatRequest): Promise<StructuredResult<T>>;
  status(): Promise<LlmStatus>;
  modelFor(role: string, override?: string): string;
}
