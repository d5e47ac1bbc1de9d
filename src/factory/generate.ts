import type { ToolBlueprint } from '../blueprints/index.ts';
import { ROLES, withoutThinking, type LlmProvider } from '../llm/index.ts';
import type { Policy } from '../policy/index.ts';
import { renderPrompt, toolGeneratorContext, toolRepairContext, type RepairInput } from '../templates/index.ts';

/**
 * The script inside a model reply: the first fenced block if there is one, else the whole reply.
 * Reasoning (`<think>` blocks a model wrote into its answer) is never taken for code.
 */
export function extractCode(reply: string): string {
  const answer = withoutThinking(reply);
  const fenced = /```[a-zA-Z0-9_+-]*[ \t]*\n([\s\S]*?)```/.exec(answer);
  const code = (fenced ? fenced[1]! : answer).replace(/^\s*\n/, '');
  return code.endsWith('\n') ? code : `${code}\n`;
}

/**
 * Asks the model for a script: a first draft from the blueprint and the code skeleton, or a repair of
 * the previous draft from the checker's findings (rule, line, snippet, suggestion) or the probe failures.
 */
export async function draftTool(
  llm: LlmProvider,
  bp: ToolBlueprint,
  policy: Policy,
  repair: RepairInput | null,
  meta: { task: string; signal?: AbortSignal; onThinking?: (text: string) => void },
): Promise<{ source: string; promptTokens: number | null; completionTokens: number | null }> {
  const prompt = repair ? renderPrompt('tool-repair.md', toolRepairContext(bp, policy, repair)) : renderPrompt('tool-generator.md', toolGeneratorContext(bp, policy));
  const res = await llm.chat({
    role: repair ? ROLES.repair : ROLES.generator,
    ...(bp.model ? { model: bp.model } : {}),
    messages: [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
    options: { temperature: 0.2 },
    task: meta.task,
    ...(meta.signal ? { signal: meta.signal } : {}),
    ...(meta.onThinking ? { onThinking: meta.onThinking } : {}),
  });
  return { source: extractCode(res.message.content), promptTokens: res.usage.promptTokens, completionTokens: res.usage.completionTokens };
}
