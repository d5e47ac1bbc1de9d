/**
 * Seed 000 pattern 3, group chat: members speak one per turn on a shared transcript, until a message
 * holds the terminate word or the turn limit is reached. The speaker is picked by round-robin, by the
 * @mention in the last message (else in turn), or by a selector role whose answer must name a member
 * (the format's enum; re-asked once by the LLM layer, then round-robin, recorded). People's messages
 * come first: `@name` makes that member speak next, `@all` every member in turn, a message without a
 * mention goes to the member routing picks.
 */
import { FactoryError } from '../../../errors/catalog.ts';
import { renderAgentSystemPrompt } from '../../../templates/index.ts';
import type { WorkflowOutcome } from '../../workflows/types.ts';
import { parseMentions } from '../routing.ts';
import type { PipelineOf } from '../schema.ts';
import { oneLine, textOf, type PipelineRun, type Turn } from '../runtime.ts';

type Spec = PipelineOf<'group-chat'>;

export async function groupChat(run: PipelineRun, spec: Spec): Promise<WorkflowOutcome> {
  const { ctx } = run;
  await ctx.transition('executing', 'chatting', `group chat of ${spec.members.length} members (${spec.speaker})`);
  const queue: string[] = [];
  let previous: string | undefined;
  let endedBy: 'terminate' | 'turn-limit' = 'turn-limit';
  for (let turn = 1; turn <= spec.maxTurns; turn++) {
    await people(run, spec, turn, queue);
    const speaker = queue.shift() ?? (await pick(run, spec, turn, previous));
    const reply = await run.callRetrying(
      `chat:${turn}:${speaker}`,
      speaker,
      {
        input: { turn, members: spec.members, transcript: run.window() },
        notes: run.notesFor(speaker),
        instructions:
          `It is your turn (${turn} of at most ${spec.maxTurns}) in the group chat of ${spec.members.map((m) => `@${m}`).join(', ')}. ` +
          `Add what you can; address a member with @name. Write ${spec.terminate} when the task is done.`,
      },
      ctx.config.workerRetries,
      { meta: { turn, speaker } },
    );
    const text = textOf(reply);
    run.transcript.push({ speaker, text });
    previous = speaker;
    ctx.progress(0.05 + (0.85 * turn) / spec.maxTurns);
    if (text.includes(spec.terminate)) {
      endedBy = 'terminate';
      break;
    }
    if (spec.speaker === 'mention') {
      const m = parseMentions(text, spec.members).mentions;
      const named = m === 'all' ? [] : m.filter((x) => x !== speaker);
      if (named[0]) queue.push(named[0]);
    }
  }
  const transcript = [...run.transcript];
  let result: unknown = transcript.at(-1)?.text ?? '';
  if (spec.summarizer) {
    await ctx.transition('reviewing', 'summarizing', 'summarizing the chat');
    const sum = await run.callRetrying(
      'summary',
      spec.summarizer,
      { input: { transcript: run.window(), endedBy }, instructions: 'Write the result of the group chat: the answer to the task.' },
      ctx.config.workerRetries,
    );
    result = sum.kind === 'answer' ? sum.value : textOf(sum);
  }
  await run.remember(
    spec.summarizer ? [{ role: spec.summarizer, text: String(typeof result === 'string' ? result : JSON.stringify(result)) }] : [],
  );
  return {
    result: { result, endedBy, turns: transcript.filter((t) => !t.speaker.startsWith('human:')).length, transcript },
    flagged: false,
    summary: oneLine(typeof result === 'string' ? result : JSON.stringify(result), 300),
  };
}

/** People's messages of this turn decide who speaks next: @name, @all, or the routed member. */
async function people(run: PipelineRun, spec: Spec, turn: number, queue: string[]): Promise<void> {
  for (const m of await run.inbox(`chat:${turn}`)) {
    if (m.mentions === 'all') queue.push(...spec.members);
    else if (m.mentions.length) queue.push(...m.mentions.filter((x) => spec.members.includes(x)));
    else queue.push((await run.route(`chat:${turn}/route:${m.seq}`, m.text, spec.members)).agent);
  }
}

async function pick(run: PipelineRun, spec: Spec, turn: number, previous: string | undefined): Promise<string> {
  const inTurn = spec.members[previous === undefined ? 0 : (spec.members.indexOf(previous) + 1) % spec.members.length]!;
  if (spec.speaker !== 'selector') return inTurn;
  const selector = run.role(spec.selector!);
  const format = run.pipeline.formats.selector!;
  const chosen = await run.ctx.step(
    `chat:${turn}/select`,
    async (io) => {
      try {
        const res = await io.llm.structured(format, {
          role: `agent:${selector.blueprint.name}`,
          ...(selector.blueprint.model ? { model: selector.blueprint.model } : {}),
          messages: [
            { role: 'system', content: renderAgentSystemPrompt(selector.blueprint) },
            { role: 'user', content: selectorPrompt(run, spec, turn, run.window()) },
          ],
          options: { temperature: 0 },
        });
        const v = res.value as { speaker: string; reason: string };
        return { speaker: v.speaker, reason: v.reason, by: 'selector' as const };
      } catch (e) {
        if (!(e instanceof FactoryError) || e.code !== 'LLM_OUTPUT_INVALID') throw e;
        return { speaker: inTurn, reason: `the selector named no member, also when asked again: ${e.message}`, by: 'round-robin' as const };
      }
    },
    { meta: { phase: 'select', turn }, summary: (c) => `${c.speaker} speaks next (${c.by})` },
  );
  return chosen.speaker;
}

function selectorPrompt(run: PipelineRun, spec: Spec, turn: number, transcript: Turn[]): string {
  const members = spec.members.map((m) => `- \`${m}\`: ${run.role(m).blueprint.description}`).join('\n');
  const lines = transcript.map((t) => `**${t.speaker}**: ${oneLine(t.text, 1500)}`).join('\n');
  return (
    `# Role \`${spec.selector}\` of the pipeline \`${run.pipeline.name}\`\n\n## The task\n${run.task}\n\n## Members\n${members}\n\n` +
    `## The chat so far\n${lines || '(nothing yet)'}\n\n## What to do now\nTurn ${turn}: name the member who should speak next, and why.`
  );
}
