/**
 * Seed 003's Planner: the only multi-turn role. Each turn it answers the conversation so far (with
 * similar earlier projects in view); the project then waits at the `planner` gate for the person: a
 * message (POST …/messages) is the next turn of the conversation, an approval (POST …/approve, once a
 * complete plan is on the table) fixes the plan, a rejection with a reason goes back to the planner.
 * Not interactive: the first complete plan is taken. Past maxPlannerTurns: PIPELINE_LIMIT.
 */
import { FactoryError } from '../../../../errors/catalog.ts';
import type { GateAnswer } from '../../../model.ts';
import type { PipelineOf } from '../../schema.ts';
import type { PipelineRun } from '../../runtime.ts';
import type { PlannerReply, ProjectPlan } from './types.ts';

export async function plan(run: PipelineRun, spec: PipelineOf<'company'>): Promise<{ plan: ProjectPlan; by: string; turns: number }> {
  const { ctx } = run;
  const earlier = await run.episodes('episodes');
  const conversation: { from: string; text: string }[] = [];
  const limit = spec.company.maxPlannerTurns;
  for (let turn = 1; turn <= limit; turn++) {
    const r = await run.call('planner:' + turn, 'planner', {
      input: { conversation, earlierProjects: earlier, turn, of: limit },
      instructions:
        turn === 1
          ? 'Read the briefing (the task). Ask what is unclear, or write the complete plan.'
          : 'Continue the conversation: answer what the person said, ask what is still open, or write the complete plan.',
    });
    const reply = (r.kind === 'answer' ? r.value : null) as PlannerReply;
    conversation.push({ from: 'planner', text: reply.reply });
    ctx.progress(0.02 + (0.08 * turn) / limit);
    const complete = reply.ready && reply.plan !== null;
    if (complete && !spec.company.interactive) return { plan: reply.plan!, by: 'planner', turns: turn };
    const accepts: GateAnswer[] = complete ? ['approve', 'reject', 'message'] : ['message', 'reject'];
    const d = await ctx.gate(
      'planner',
      turn,
      { reply: reply.reply, questions: reply.questions ?? [], plan: reply.plan, ready: complete },
      accepts,
    );
    if (d.decision === 'approve' && complete) return { plan: reply.plan!, by: d.by, turns: turn };
    conversation.push({ from: `human:${d.by}`, text: d.decision === 'reject' ? `Not like this: ${d.reason ?? ''}` : (d.message ?? '') });
  }
  throw new FactoryError('PIPELINE_LIMIT', `The plan was not approved within ${limit} planner turns`, {
    limit: 'maxPlannerTurns',
    value: limit,
  });
}
