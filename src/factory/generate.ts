import { createHash } from 'node:crypto';
import type { ToolBlueprint } from '../blueprints/index.ts';
import type { CheckResult } from '../checker/types.ts';
import { FactoryError } from '../errors/catalog.ts';
import { ROLES, withoutThinking, type LlmProvider } from '../llm/index.ts';
import type { Policy } from '../policy/index.ts';
import type { ToolVersion } from '../store/index.ts';
import { renderPrompt, toolGeneratorContext, toolRepairContext, type RepairInput } from '../templates/index.ts';
import type { FactoryDeps } from './deps.ts';
import { probe, type ProbeResult } from './probe.ts';
import { ReasoningStream, type Work } from './work.ts';

export const checksum = (s: string) => createHash('sha256').update(s).digest('hex');

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
  const prompt = repair
    ? renderPrompt('tool-repair.md', toolRepairContext(bp, policy, repair))
    : renderPrompt('tool-generator.md', toolGeneratorContext(bp, policy));
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

export interface GenerationJob {
  work: Work;
  bp: ToolBlueprint;
  actor: string;
  dataDir: string | undefined;
  signal: AbortSignal;
  /** registers a draft that passed: returns the new version */
  register(source: string, checked: CheckResult, results: ProbeResult[], attempts: number): Promise<ToolVersion>;
}

/** The generation job: up to factory.maxAttempts drafts, each checked and probed; findings and failures go back to the model. */
export async function generateTool(d: FactoryDeps, job: GenerationJob, summary: (v: ToolVersion) => unknown): Promise<void> {
  const { work, bp, actor, dataDir, signal } = job;
  const max = d.config.factory.maxAttempts;
  let repair: RepairInput | null = null;
  let last: { findings?: CheckResult['findings']; probe?: ProbeResult[] } = {};
  try {
    for (let attempt = 1; attempt <= max; attempt++) {
      const policy = d.policies.get(bp.policy);
      const base = (attempt - 1) / max;
      const step = `attempt ${attempt}/${max}`;
      await work.progress(base + 0.05 / max, 'generating', `${step}: asking the model for ${attempt === 1 ? 'a draft' : 'a repair'}`, {
        attempt,
      });
      const reasoning = new ReasoningStream(work, { attempt });
      const draft = await draftTool(d.llm, bp, policy, repair, { task: work.id, signal, onThinking: (t) => reasoning.add(t) });
      await reasoning.flush();
      await d.audit.record({
        type: 'tool_generated',
        action: attempt === 1 ? 'draft' : 'repair',
        target: bp.name,
        task: work.id,
        actor,
        output: draft.source,
        details: { attempt, job: work.id, checksum: checksum(draft.source) },
      });
      await work.step({
        kind: 'draft',
        attempt,
        checksum: checksum(draft.source),
        tokens: { prompt: draft.promptTokens, completion: draft.completionTokens },
      });
      await work.progress(base + 0.4 / max, 'checking', `${step}: static check`, { attempt });
      const checked = await d.executor.check(draft.source, bp.language, policy, { actor, target: bp.name, task: work.id });
      await work.step({ kind: 'check', attempt, allowed: checked.allowed, findings: checked.findings });
      if (!checked.allowed) {
        await work.progress(base + 0.5 / max, 'blocked', `${step}: blocked (${checked.findings.map((f) => f.rule).join(', ')})`, {
          attempt,
          findings: checked.findings.length,
        });
        repair = { draft: draft.source, attempt: attempt + 1, findings: checked.findings };
        last = { findings: checked.findings };
        continue;
      }
      await work.progress(base + 0.6 / max, 'probing', `${step}: probe run on ${bp.examples.length} example(s)`, { attempt });
      const results = await probe(bp, draft.source, {
        executor: d.executor,
        policy,
        actor,
        task: work.id,
        signal,
        ...(dataDir ? { dataDir } : {}),
      });
      await work.step({ kind: 'probe', attempt, results });
      const failed = results.filter((r) => !r.passed);
      if (failed.length > 0) {
        await work.progress(base + 0.9 / max, 'probe_failed', `${step}: ${failed.length} example(s) failed`, { attempt });
        const probeFailures = failed.map((r) => ({
          example: r.example,
          input: bp.examples.find((e) => e.name === r.example)!.input,
          status: r.status,
          stderr: r.stderrTail,
          failures: r.failures,
        }));
        repair = { draft: draft.source, attempt: attempt + 1, probeFailures };
        last = { probe: results };
        continue;
      }
      const tool = await job.register(draft.source, checked, results, attempt);
      await work.succeed({ tool: summary(tool) }, `${bp.name} registered as version ${tool.version} after ${attempt} attempt(s)`, {
        version: tool.version,
      });
      return;
    }
    throw new FactoryError('TOOL_GENERATION_FAILED', `No draft of ${bp.name} passed within ${max} attempts`, { attempts: max, ...last });
  } catch (e) {
    await work.fail(e, signal.aborted ? 'cancelled' : 'failed');
  }
}
