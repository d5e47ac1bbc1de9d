import type { z } from 'zod';

/**
 * The LLM layer's public contract. Everything outside src/llm/ talks to `LlmProvider`;
 * only src/llm/ knows that Ollama is behind it.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls?: ToolCall[];
  /** on a `tool` message: the tool whose result this is */
  toolName?: string;
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON schema of the arguments (z.toJSONSchema of the tool's input schema) */
  parameters: Record<string, unknown>;
}

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** One model call (all its retries), emitted through `onCall` whether it succeeded or not. */
export interface LlmCallRecord {
  id: string;
  /** ISO time the call started */
  at: string;
  role: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** wall time of the whole call, retries and backoff included */
  durationMs: number;
  /** HTTP attempts made: 1 + retries used */
  attempts: number;
  ok: boolean;
  /** `CODE: message` when not ok */
  error: string | null;
  costUsd: number;
  project?: string | null;
  task?: string | null;
  agent?: string | null;
}

export interface ChatRequest {
  /** e.g. 'tool-generator', 'agent:data-analyst': picks the model via config.ollama.models and labels the call */
  role: string;
  /** overrides the model the role would pick */
  model?: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  options?: { temperature?: number; numCtx?: number; seed?: number };
  /** streaming when given: called with each piece of text in order */
  onToken?: (text: string) => void;
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
}

export interface StructuredResult<T> extends ChatResult {
  value: T;
}

/** What GET /readyz shows about the LLM backend. */
export interface LlmStatus {
  ok: boolean;
  host: string;
  models?: string[];
  /** configured models (defaultModel and config.ollama.models) that the server does not have */
  missingModels?: string[];
  error?: string;
}

export interface LlmProvider {
  chat(req: ChatRequest): Promise<ChatResult>;
  /**
   * Ollama structured output: `format` = JSON schema from the zod schema; the reply is validated by the
   * same schema; on a mismatch the model is asked again once with the validation problems, then
   * LLM_OUTPUT_INVALID.
   */
  structured<T>(schema: z.ZodType<T>, req: ChatRequest): Promise<StructuredResult<T>>;
  status(): Promise<LlmStatus>;
  modelFor(role: string, override?: string): string;
}
