/**
 * A decision at an approval gate: checked against the open gate, an edited plan validated like a
 * generated one, then journaled as the signal the workflow reads (with its event and audit row).
 */
import { FactoryError } from '../errors/catalog.ts';
import type { ApprovalBody } from './api.ts';
import type { GateDecision } from './engine/context.ts';
import { writeCommit, type EngineDeps } from './engine/run.ts';
import type { GateAnswer, Principal, ProjectRecord } from './model.ts';

const DONE: Record<GateAnswer, string> = { approve: 'approved', reject: 'rejected', message: 'answered' };
import { validatePlan } from './roles/plan.ts';

export async function recordDecision(
  deps: EngineDeps,
  who: Principal,
  p: ProjectRecord,
  body: Omit<ApprovalBody, 'decision'> & { decision: GateAnswer; message?: string },
): Promise<void> {
  const id = p.id;
  const open = p.waiting;
  if (p.status !== 'waiting_for_approval' || !open)
    throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} is not waiting for approval (it is ${p.status})`, {
      status: p.status,
    });
  if (body.gate && body.gate !== open.gate)
    throw new FactoryError('PROJECT_STATE_INVALID', `Project ${id} waits at the ${open.gate} gate, not ${body.gate}`, {
      status: p.status,
      gate: open.gate,
    });
  const accepts = open.accepts ?? ['approve', 'reject'];
  if (!accepts.includes(body.decision))
    throw new FactoryError(
      'PROJECT_STATE_INVALID',
      `The ${open.gate} gate of project ${id} takes ${accepts.join(' or ')}, not ${body.decision}`,
      {
        status: p.status,
        gate: open.gate,
        accepts,
      },
    );
  let plan: unknown;
  if (body.plan !== undefined) {
    if (open.gate !== 'plan')
      throw new FactoryError('VALIDATION_FAILED', 'Only the plan gate takes an edited plan', {
        issues: [{ path: 'plan', message: `the open gate is ${open.gate}` }],
      });
    const v = validatePlan(body.plan, p.config.maxTasks);
    if (!v.ok) throw new FactoryError('PLAN_INVALID', 'The edited plan does not validate', { issues: v.issues });
    plan = v.plan;
  }
  const decision: GateDecision = {
    decision: body.decision,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.message !== undefined ? { message: body.message } : {}),
    ...(plan ? { plan } : {}),
    by: who.id,
    at: new Date().toISOString(),
  };
  try {
    await writeCommit(deps, p, {
      journal: [{ key: `signal:gate:${open.gate}:${open.round}`, kind: 'signal', ok: true, data: decision }],
      patch: { waiting: null, status: p.phase },
      events: [
        {
          status: DONE[body.decision],
          message: `${open.gate} ${DONE[body.decision]} by ${who.id}${plan ? ' (edited plan)' : ''}`,
          metadata: { gate: open.gate, round: open.round, by: who.id },
        },
      ],
      audit: [
        {
          type: 'project_approval',
          action: body.decision,
          actor: who.id,
          details: { gate: open.gate, round: open.round, reason: body.reason ?? null, edited: plan !== undefined },
        },
      ],
    });
  } catch (e) {
    if (e instanceof FactoryError && e.code === 'CONFLICT')
      throw new FactoryError('PROJECT_STATE_INVALID', `The ${open.gate} gate of project ${id} was decided already`, { status: p.status });
    throw e;
  }
}
