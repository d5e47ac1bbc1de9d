/** The LLM layer's public door. Nothing outside src/llm/ imports `ollama`. */
export type * from './types.ts';
export { OllamaProvider, type OllamaProviderOptions, type OllamaSettings } from './ollama.ts';
export { jsonSchemaFor } from './structured.ts';
export { backoffDelay, type RetryPolicy } from './retry.ts';
export type { CostTable } from './records.ts';
