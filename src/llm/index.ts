/** The LLM layer's public door. Nothing outside src/llm/ imports `ollama`. */
export type * from './types.ts';
export { OllamaProvider, type OllamaProviderOptions, type OllamaSettings } from './ollama.ts';
export { jsonSchemaFor, withoutThinking } from './structured.ts';
export { defineFormat, registeredFormats, type LlmFormat } from './formats.ts';
export { grammarErrors, grammarProblems, MAX_REPETITIONS, type GrammarProblem } from './grammar.ts';
export { estimateTokens, promptTokens } from './context.ts';
export { ROLES, resolveRole, type ResolvedRole } from './roles.ts';
export { backoffDelay, type RetryPolicy } from './retry.ts';
export type { CostTable } from './records.ts';
