/**
 * Seed 000 pattern 5, magentic (Magentic-One's orchestrator): a task ledger (facts given, to look up,
 * to derive, guesses; a plan) made at the start with similar earlier projects in view; then each turn
 * a progress ledger: is the request satisfied, is the work in a loop, is progress being made, who
 * speaks next (one of the agents) and with what instruction. Turns without progress (or in a loop)
 * count as stalls; at maxStalls the ledger is made again with what was learnt (a replan), at most
 * maxReplans times, then PIPELINE_STALLED. When satisfied, or at the turn limit (flagged), the
 * orchestrator writes the final answer. `@name` in a person's message makes that agent speak next.
 */
import { FactoryError } from '../../../errors/catalog.ts';
import type { LlmFormat } from '../../../llm/index.ts';
import { renderAgentSystemPrompt } from '../../../templates/index.ts';
import type { StepIO } from '../../engine/step-io.ts';
import type { WorkflowOutcome } from '../../workflows/types.ts';
import { PIPELINE_FORMATS, type ProgressLedger, type TaskLedger } from '../formats.ts';
import type { PipelineRole } from '../load.ts';
import type { PipelineOf } from '../schema.ts';
import { oneLine, textOf, type PipelineRun } from '../runtime.ts';

type Spec = PipelineOf<'magentic'>;

async function ask<T>(io: StepIO, run: PipelineRun, role: PipelineRole, format: LlmFormat, what: string, body: string): Promise<T> {
  const res = await io.llm.structured(format, {
    role: `agent:${role.blueprint.name}`,
    ...(role.blueprint.model ? { model: role.blueprint.model } : {}),
    messages: [
      { role: 'system', content: renderAgentSystemPrompt(role.blueprint) },
      {
        role: 'user',
        content: `# Role \`${role.key}\` of the pipeline \`${run.pipeline.name}\`: ${what}\n\n## The task\n${run.task}\n\n${body}`,
      },
    ],
    options: { temperature: 0 },
  });
  return res.value as T;
}

const transcriptText = (run: PipelineRun): string =>
  run
    .window()
    .map((t) => `**${t.speaker}**: ${oneLine(t.text, 2000)}`)
    .join('\n') || '(nothing yet)';

export async function magentic(run: PipelineRun, spec: Spec): Promise<WorkflowOutcome> {
  const { ctx } = run;
  const orch = run.role(spec.orchestrator);
  const team = spec.agents.map((a) => `- \`${a}\`: ${run.role(a).blueprint.description}`).join('\n');
  await ctx.transition('planning', 'planning', 'task ledger: facts and plan');
  const earlier = await run.episodes('episodes');
  const ledgerOf = (v: number, why: string) =>
    ctx.step(
      `ledger:${v}`,
      (io) =>
        ask<TaskLedger>(
          io,
          run,
          orch,
          PIPELINE_FORMATS.taskLedger,
          v === 1 ? 'task ledger' : 'task ledger, again (replan)',
          `## The team\n${team}\n\n## Similar earlier projects\n${JSON.stringify(earlier)}\n\n` +
            (v === 1 ? '' : `## Why the plan is made again\n${why}\n\n## What happened so far\n${transcriptText(run)}\n\n`) +
            '## What to do now\nList the facts (given, to look up, to derive, educated guesses) and a short plan of steps for the team.',
        ),
      { announce: true, meta: { phase: 'ledger', version: v }, summary: (l) => `task ledger ${v}: ${l.plan.length} step(s)` },
    );
  let version = 1;
  let ledger = await ledgerOf(1, '');
  await ctx.transition('executing', 'executing', 'the team works on the plan');
  let stalls = 0;
  let replans = 0;
  let satisfied = false;
  let forced: string | undefined;
  let turn = 1;
  for (; turn <= spec.maxTurns; turn++) {
    for (const m of await run.inbox(`turn:${turn}`)) {
      const named = m.mentions === 'all' ? [] : m.mentions.filter((x) => spec.agents.includes(x));
      if (named[0]) forced = named[0];
    }
    const progress = await ctx.step(
      `turn:${turn}/progress`,
      (io) =>
        ask<ProgressLedger>(
          io,
          run,
          orch,
          run.pipeline.formats.progress!,
          `progress ledger, turn ${turn}`,
          `## The team\n${team}\n\n## Task ledger\n${JSON.stringify(ledger)}\n\n## What happened so far\n${transcriptText(run)}\n\n` +
            '## What to do now\nAssess the progress and name who speaks next with what instruction.',
        ),
      {
        meta: { phase: 'progress', turn },
        summary: (p) => `progress: ${p.isProgressBeingMade.answer ? 'yes' : 'no'}, next ${p.nextSpeaker.answer}`,
      },
    );
    if (progress.isRequestSatisfied.answer) {
      satisfied = true;
      break;
    }
    if (!progress.isProgressBeingMade.answer || progress.isInLoop.answer) stalls++;
    else stalls = Math.max(0, stalls - 1);
    if (stalls >= spec.maxStalls) {
      const why = `${stalls} turn(s) without progress: ${progress.isProgressBeingMade.reason || progress.isInLoop.reason}`;
      if (replans >= spec.maxReplans) {
        const details = { stalls, replans, ledger, progress };
        await ctx.step('stalled', async () => details, { meta: { phase: 'stalled' }, summary: () => why });
        throw new FactoryError('PIPELINE_STALLED', `No progress after ${replans} replan(s): ${why}`, details);
      }
      replans++;
      stalls = 0;
      ledger = await ledgerOf(++version, why);
      ctx.say('replanned', `the plan was made again (${replans} of at most ${spec.maxReplans}): ${why}`, { version, replans });
      continue;
    }
    const speaker = forced ?? progress.nextSpeaker.answer;
    forced = undefined;
    const instruction = progress.instructionOrQuestion.answer;
    run.transcript.push({ speaker: spec.orchestrator, text: `@${speaker}: ${instruction}` });
    const reply = await run.callRetrying(
      `turn:${turn}:${speaker}`,
      speaker,
      { input: { instruction, transcript: run.window() }, notes: run.notesFor(speaker), instructions: instruction },
      ctx.config.workerRetries,
      { meta: { turn, speaker } },
    );
    run.transcript.push({ speaker, text: textOf(reply) });
    ctx.progress(0.1 + (0.8 * turn) / spec.maxTurns);
  }
  await ctx.transition('reviewing', 'final', satisfied ? 'writing the final answer' : 'turn limit reached: writing the best answer');
  const final = await ctx.step(
    'final',
    async (io) => {
      const res = await io.llm.chat({
        role: `agent:${orch.blueprint.name}`,
        ...(orch.blueprint.model ? { model: orch.blueprint.model } : {}),
        messages: [
          { role: 'system', content: renderAgentSystemPrompt(orch.blueprint) },
          {
            role: 'user',
            content:
              `# Role \`${orch.key}\` of the pipeline \`${run.pipeline.name}\`: final answer\n\n## The task\n${run.task}\n\n` +
              `## What the team found\n${transcriptText(run)}\n\n## What to do now\nWrite the final answer to the task.`,
          },
        ],
        compact: true,
      });
      return { text: res.message.content.trim() };
    },
    { announce: true, meta: { phase: 'final' }, summary: (f) => oneLine(f.text, 160) },
  );
  await run.remember([{ role: spec.orchestrator, text: final.text }]);
  return {
    result: { result: final.text, satisfied, turns: Math.min(turn, spec.maxTurns), replans, ledger },
    flagged: !satisfied,
    summary: oneLine(final.text, 300),
  };
}
