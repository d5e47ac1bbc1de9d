/**
 * The result aggregator (seed 004 §3.1 phase 5): collect the accepted results, check that they are
 * consistent, merge them into the project's result. Its final review is a coordinator review stage.
 */
import { renderPrompt } from '../../templates/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import { FORMATS, type Aggregate, type QualityIssue } from './schemas.ts';
import { INPUT_CHARS } from './worker.ts';

export interface TaskResult {
  id: string;
  description: string;
  result: string;
  flagged: boolean;
}

export function aggregateContext(task: string, results: TaskResult[], issues: QualityIssue[]) {
  return {
    task,
    results: results.map((r) => ({
      ...r,
      result: r.result.length > INPUT_CHARS ? `${r.result.slice(0, INPUT_CHARS)}\n… (cut)` : r.result,
    })),
    issues,
    hasIssues: issues.length > 0,
  };
}

export async function aggregate(io: StepIO, r: { task: string; results: TaskResult[]; issues: QualityIssue[] }): Promise<Aggregate> {
  const prompt = renderPrompt('coordinator-aggregator.md', aggregateContext(r.task, r.results, r.issues));
  const res = await io.llm.structured(FORMATS.aggregate, {
    role: 'aggregator',
    messages: [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
    options: { temperature: 0.2 },
  });
  return res.value;
}
