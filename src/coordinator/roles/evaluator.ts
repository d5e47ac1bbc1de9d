/**
 * The evaluator and its review chain (seed 004 §2.1.4, §3.2): self, peer, cross, specialized and
 * coordinator stages, each a structured review (score 0-1, typed issues). An iteration is accepted
 * when every must-pass stage accepts and the mean score reaches the threshold; the issues of stages
 * that can improve go back to the worker. A reviewer whose reply stays invalid (after the LLM layer's
 * re-ask), is cut at its limit (also after the one retry with a larger one) or ends unfinished counts
 * as a stage that did not accept, with no issues and no score.
 */
import type { ReviewStage } from '../../config/schema.ts';
import { FactoryError } from '../../errors/catalog.ts';
import { renderPrompt } from '../../templates/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import type { PoolAgent } from '../ports.ts';
import { FORMATS, type QualityIssue, type SubTask } from './schemas.ts';
import { INPUT_CHARS } from './worker.ts';

const RESULT_CHARS = 4 * INPUT_CHARS;
/** A review that stays invalid, cut (also with the larger limit) or unfinished: the stage did not accept. */
const UNUSABLE_REVIEW: ReadonlySet<string> = new Set(['LLM_OUTPUT_INVALID', 'LLM_TRUNCATED', 'LLM_INCOMPLETE']);

const COORDINATOR_REVIEWER = "You are the coordinator's evaluator: an independent, exacting reviewer of results produced by AI agents.";

export interface StageReview {
  stage: string;
  kind: ReviewStage['kind'];
  mustPass: boolean;
  canImprove: boolean;
  reviewer: { id: string | null; name: string };
  /** null: the reviewer gave no valid review */
  score: number | null;
  accepted: boolean;
  issues: QualityIssue[];
  summary: string;
  invalid?: { code: string; message: string };
}

/** Who reviews at a stage: the worker itself, another agent of its type, one of another type, a named one, or the coordinator. */
export function pickReviewer(stage: ReviewStage, worker: PoolAgent | undefined, pool: PoolAgent[]): PoolAgent | undefined {
  const others = pool
    .filter((a) => a.id !== worker?.id)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  switch (stage.kind) {
    case 'self':
      return worker;
    case 'peer':
      return others.find((a) => a.blueprint.type === worker?.blueprint.type) ?? others.find((a) => a.blueprint.type === 'review');
    case 'cross':
      return (
        others.find((a) => a.blueprint.type === 'review' && a.blueprint.type !== worker?.blueprint.type) ??
        others.find((a) => a.blueprint.type !== worker?.blueprint.type)
      );
    case 'specialized':
      return stage.reviewer ? pool.find((a) => a.name === stage.reviewer) : undefined;
    case 'coordinator':
      return undefined;
  }
}

export function reviewContext(
  stage: ReviewStage,
  task: Pick<SubTask, 'id' | 'description' | 'acceptanceCriteria'>,
  result: string,
  threshold: number,
  reviewer: PoolAgent | undefined,
) {
  return {
    reviewer: reviewer ? reviewer.blueprint.systemPrompt.trim() : COORDINATOR_REVIEWER,
    stage: { name: stage.name, kind: stage.kind, criteria: stage.criteria },
    hasStageCriteria: stage.criteria.length > 0,
    task,
    hasCriteria: task.acceptanceCriteria.length > 0,
    result: result.length > RESULT_CHARS ? `${result.slice(0, RESULT_CHARS)}\n… (cut)` : result,
    threshold,
  };
}

export async function review(
  io: StepIO,
  r: {
    stage: ReviewStage;
    task: Pick<SubTask, 'id' | 'description' | 'acceptanceCriteria'>;
    result: string;
    threshold: number;
    reviewer: PoolAgent | undefined;
  },
): Promise<StageReview> {
  const prompt = renderPrompt('coordinator-reviewer.md', reviewContext(r.stage, r.task, r.result, r.threshold, r.reviewer));
  const base = {
    stage: r.stage.name,
    kind: r.stage.kind,
    mustPass: r.stage.mustPass,
    canImprove: r.stage.canImprove,
    reviewer: r.reviewer ? { id: r.reviewer.id, name: r.reviewer.name } : { id: null, name: 'coordinator' },
  };
  try {
    const res = await io.llm.structured(FORMATS.review, {
      role: r.reviewer ? `agent:${r.reviewer.name}` : `reviewer:${r.stage.kind}`,
      ...(r.reviewer?.blueprint.model ? { model: r.reviewer.blueprint.model } : {}),
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      options: { temperature: 0 },
      ...(r.reviewer ? { agent: r.reviewer.id } : {}),
    });
    return { ...base, score: res.value.score, accepted: res.value.accepted, issues: res.value.issues, summary: res.value.summary };
  } catch (e) {
    if (!(e instanceof FactoryError) || !UNUSABLE_REVIEW.has(e.code)) throw e;
    return {
      ...base,
      score: null,
      accepted: false,
      issues: [],
      summary: 'the reviewer gave no valid review',
      invalid: { code: e.code, message: e.message },
    };
  }
}

export interface Verdict {
  accepted: boolean;
  /** mean of the stages' scores (1 with no stage) */
  score: number;
  failedMustPass: string[];
  /** issues for the next iteration (stages that can improve) */
  issues: QualityIssue[];
}

export function decide(reviews: StageReview[], threshold: number): Verdict {
  const scored = reviews.filter((r) => r.score !== null).map((r) => r.score!);
  const score = reviews.length === 0 ? 1 : scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : 0;
  const failedMustPass = reviews.filter((r) => r.mustPass && !r.accepted).map((r) => r.stage);
  const issues = reviews.filter((r) => r.canImprove).flatMap((r) => r.issues);
  return { accepted: failedMustPass.length === 0 && score >= threshold, score, failedMustPass, issues };
}
