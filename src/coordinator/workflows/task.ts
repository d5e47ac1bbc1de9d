/**
 * One sub-task through seed 004 §3.1 phases 3 and 4 and §3.3: tools it needs (generated when
 * missing), an agent (delegator), then iterations of execute → review chain until the verdict
 * accepts or the iterations run out. A failed worker run is retried with the error in the prompt,
 * then the sub-task is reassigned to another agent (seed 003's matrix); past that it fails.
 */
import { FactoryError } from '../../errors/catalog.ts';
import type { WorkflowContext } from '../engine/context.ts';
import { errorValue } from '../engine/errors.ts';
import { assign, generateTool, toName, type Assignment } from '../roles/delegator.ts';
import { decide, pickReviewer, review, type StageReview } from '../roles/evaluator.ts';
import type { SubTask } from '../roles/schemas.ts';
import { runWorker, type AssignmentInput, type WorkerResult } from '../roles/worker.ts';

export interface TaskOutcome {
  id: string;
  status: 'accepted' | 'flagged';
  result: string;
  score: number;
  iterations: number;
  agentId: string;
  agentName: string;
}

export interface TaskEnv {
  /** the plan version: part of every key */
  v: number;
  task: SubTask;
  inputs: { id: string; result: string }[];
  knowledge: { id: string; summary: string }[];
  /** fraction of the project's progress each finished sub-task adds */
  share: number;
}

const MAX_ASSIGNMENTS = 2;

export async function runTask(ctx: WorkflowContext, env: TaskEnv): Promise<TaskOutcome> {
  const { task, v } = env;
  const cfg = ctx.config;
  const prefix = `p${v}/task:${task.id}`;
  const owner = ctx.project.owner;
  if (cfg.toolGeneration) {
    for (const raw of task.tools) {
      const name = toName(raw, '');
      if (!name) continue;
      try {
        await ctx.step(
          `p${v}/tool:${name}`,
          async (io) => {
            if (await ctx.deps.tools.get(name, owner)) return { name, existed: true, resources: { agents: [], tools: [] } };
            return generateTool(io, ctx.deps.tools, { name, task, owner, ttlSeconds: ctx.deps.settings.specialistTtlSeconds });
          },
          { announce: true, meta: { phase: 'tool', task: task.id, tool: name }, effects: (r) => ('usage' in r ? { usage: r.usage } : {}) },
        );
      } catch (e) {
        ctx.rethrowIfStop(e); // a tool that cannot be made leaves the sub-task without it
      }
    }
  }
  const exclude: string[] = [];
  let assignment = await assignStep(ctx, prefix, task, 1, exclude);
  let assignN = 1;
  let best: { result: WorkerResult; score: number; iteration: number } | undefined;
  let previous: AssignmentInput['previous'];
  for (let iter = 1; iter <= cfg.maxIterations; iter++) {
    let result: WorkerResult | undefined;
    let lastError: unknown;
    while (!result) {
      for (let attempt = 1; attempt <= cfg.workerRetries + 1 && !result; attempt++) {
        try {
          result = await executeStep(ctx, env, assignment, `${prefix}/iter:${iter}/execute:${assignN}.${attempt}`, {
            previous,
            lastError,
            iter,
            attempt,
          });
        } catch (e) {
          ctx.rethrowIfStop(e);
          lastError = e;
        }
      }
      if (result) break;
      exclude.push(assignment.agentId);
      if (++assignN > MAX_ASSIGNMENTS) {
        throw await failStep(ctx, prefix, task, 'agent', `sub-task ${task.id} failed with every agent it was given`, errorValue(lastError));
      }
      assignment = await assignStep(ctx, prefix, task, assignN, exclude);
    }
    const reviews = await reviewChain(ctx, prefix, iter, task, result, assignment);
    const verdict = decide(reviews, cfg.qualityThreshold);
    if (!best || verdict.score > best.score) best = { result, score: verdict.score, iteration: iter };
    if (verdict.accepted) return finish(ctx, prefix, env, { result, score: verdict.score }, 'accepted', iter);
    previous = { iteration: iter + 1, result: result.answer, issues: verdict.issues };
  }
  if (cfg.onIterationsExhausted === 'accept-best-and-flag') return finish(ctx, prefix, env, best!, 'flagged', cfg.maxIterations);
  throw await failStep(
    ctx,
    prefix,
    task,
    'quality',
    `sub-task ${task.id} did not reach the quality threshold ${cfg.qualityThreshold} ` +
      `in ${cfg.maxIterations} iteration(s) (best ${best!.score.toFixed(2)})`,
    null,
  );
}

async function assignStep(ctx: WorkflowContext, prefix: string, task: SubTask, n: number, exclude: string[]): Promise<Assignment> {
  try {
    return await ctx.step(
      `${prefix}/assign:${n}`,
      (io) =>
        assign(io, ctx.deps.agents, ctx.deps.tools, {
          task,
          owner: ctx.project.owner,
          exclude,
          dynamicAgents: ctx.config.dynamicAgents,
          specialistTtlSeconds: ctx.deps.settings.specialistTtlSeconds,
        }),
      {
        meta: { phase: 'assign', task: task.id, attempt: n },
        summary: (a) => `${task.id} assigned to ${a.agentName}${a.created ? ' (new specialist)' : ''}`,
        effects: (a) => ({
          events: [
            {
              status: 'task_assigned',
              task: task.id,
              agent: a.agentId,
              message: `${task.id} → ${a.agentName}`,
              metadata: { origin: a.origin, created: a.created },
            },
          ],
        }),
      },
    );
  } catch (e) {
    ctx.rethrowIfStop(e);
    throw await failStep(ctx, prefix, task, 'assign', `no agent could be assigned to sub-task ${task.id}`, errorValue(e));
  }
}

async function executeStep(
  ctx: WorkflowContext,
  env: TaskEnv,
  a: Assignment,
  key: string,
  r: { previous: AssignmentInput['previous']; lastError: unknown; iter: number; attempt: number },
): Promise<WorkerResult> {
  return ctx.step(
    key,
    async (io) => {
      const agent = await ctx.deps.agents.get(a.agentId, ctx.project.owner);
      if (!agent)
        throw new FactoryError('RESOURCE_NOT_FOUND', `agent ${a.agentId} (${a.agentName}) no longer exists`, { agent: a.agentId });
      const offered = (await Promise.all(a.tools.map((t) => ctx.deps.tools.get(t, ctx.project.owner)))).filter((t) => t !== undefined);
      const assignment: AssignmentInput = {
        projectTask: ctx.project.task,
        task: env.task,
        inputs: env.inputs,
        knowledge: env.knowledge,
        missingTools: a.missingTools,
        ...(r.previous ? { previous: r.previous } : {}),
        ...(r.lastError ? { error: `${errorValue(r.lastError).code}: ${errorValue(r.lastError).message}` } : {}),
      };
      return runWorker(io, {
        agent,
        offered,
        assignment,
        maxTurns: agent.blueprint.maxTurns ?? 8,
        maxRepeated: ctx.config.maxRepeatedToolCalls,
        actor: ctx.project.owner,
      });
    },
    {
      announce: true,
      meta: { phase: 'execute', task: env.task.id, iteration: r.iter, attempt: r.attempt, agent: a.agentId, origin: a.origin },
      summary: (w) => `${env.task.id} iteration ${r.iter}: ${w.agentName} answered (${w.turns} turn(s), ${w.toolCalls} tool call(s))`,
    },
  );
}

async function reviewChain(
  ctx: WorkflowContext,
  prefix: string,
  iter: number,
  task: SubTask,
  result: WorkerResult,
  a: Assignment,
): Promise<StageReview[]> {
  const reviews: StageReview[] = [];
  for (const stage of ctx.config.reviewChain) {
    const r = await ctx.step(
      `${prefix}/iter:${iter}/review:${stage.name}`,
      async (io) => {
        const pool = await ctx.deps.agents.list(ctx.project.owner);
        const worker = pool.find((x) => x.id === a.agentId) ?? (await ctx.deps.agents.get(a.agentId, ctx.project.owner));
        return review(io, {
          stage,
          task,
          result: result.answer,
          threshold: ctx.config.qualityThreshold,
          reviewer: pickReviewer(stage, worker, pool),
        });
      },
      {
        meta: { phase: 'review', task: task.id, iteration: iter, stage: stage.name, kind: stage.kind },
        summary: (x) =>
          `${task.id} iteration ${iter}, ${stage.name} review by ${x.reviewer.name}: ` +
          `${x.score === null ? 'invalid' : x.score.toFixed(2)}${x.accepted ? ', accepted' : ''}`,
      },
    );
    reviews.push(r);
    if (r.mustPass && !r.accepted) break; // the iteration cannot pass: later stages would be wasted
  }
  return reviews;
}

async function finish(
  ctx: WorkflowContext,
  prefix: string,
  env: TaskEnv,
  best: { result: WorkerResult; score: number },
  status: 'accepted' | 'flagged',
  iterations: number,
): Promise<TaskOutcome> {
  const outcome: TaskOutcome = {
    id: env.task.id,
    status,
    result: best.result.answer,
    score: best.score,
    iterations,
    agentId: best.result.agentId,
    agentName: best.result.agentName,
  };
  return ctx.step(`${prefix}/done`, async () => outcome, {
    quiet: true,
    meta: { phase: 'task', task: env.task.id, status, score: best.score, iterations },
    summary: () => `${env.task.id} ${status} with score ${best.score.toFixed(2)} after ${iterations} iteration(s)`,
    effects: () => {
      ctx.progress(0.1 + env.share);
      return {
        events: [
          {
            status: status === 'accepted' ? 'task_accepted' : 'task_flagged',
            task: env.task.id,
            agent: best.result.agentId,
            message: `${env.task.id} ${status} (score ${best.score.toFixed(2)})`,
            metadata: { score: best.score, iterations },
          },
        ],
      };
    },
  });
}

/** Journals the sub-task's failure (so resume and replay take the same branch) and returns the error to throw. */
async function failStep(
  ctx: WorkflowContext,
  prefix: string,
  task: SubTask,
  reason: string,
  message: string,
  cause: unknown,
): Promise<unknown> {
  const err = new FactoryError('TASK_FAILED', message, {
    task: task.id,
    reason,
    replan: reason !== 'quality' || ctx.config.onIterationsExhausted === 'replan',
    cause,
  });
  try {
    await ctx.step(
      `${prefix}/done`,
      async () => {
        throw err;
      },
      { meta: { phase: 'task', task: task.id, status: 'failed', reason } },
    );
  } catch (e) {
    return e;
  }
  return err;
}
