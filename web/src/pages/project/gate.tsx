import { useState } from 'preact/hooks';
import { ApiError, must, messageOf, type Schemas } from '../../api.ts';
import { Json } from '../../components/ui.tsx';
import { useSession } from '../../session.ts';

type Project = Schemas['Project'];
type Plan = Schemas['ProjectPlan'];

/**
 * An open approval gate: what is to be approved (the plan, or the results about to be aggregated),
 * and for its owner or an admin: approve, reject with a reason, or (plan gate) approve an edited plan.
 */
export function Gate({ p, mayDecide, onDone }: { p: Project; mayDecide: boolean; onDone: () => void }) {
  const { api } = useSession();
  const gate = p.waiting!;
  const subject = gate.gate === 'plan' ? asPlan(gate.subject) : null;
  const [reason, setReason] = useState('');
  const [edited, setEdited] = useState(() =>
    JSON.stringify(subject ? { analysis: subject.analysis, subTasks: subject.subTasks } : {}, null, 2),
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const decide = async (body: { decision: 'approve' | 'reject'; reason?: string; plan?: unknown }) => {
    setError(undefined);
    setBusy(true);
    try {
      await must(api.POST('/api/v1/projects/{id}/approve', { params: { path: { id: p.id } }, body: { ...body, gate: gate.gate } }));
      onDone();
    } catch (e) {
      setError(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const approveEdited = () => {
    let plan: unknown;
    try {
      plan = JSON.parse(edited);
    } catch (e) {
      setError(`The edited plan is not JSON: ${(e as Error).message}`);
      return;
    }
    void decide({ decision: 'approve', plan });
  };
  return (
    <section class="gate" role="region" aria-labelledby="h-gate">
      <h2 id="h-gate">Waiting for approval: the {gate.gate === 'plan' ? 'plan' : 'results before aggregation'}</h2>
      <p class="muted">
        Round {gate.round}, since {new Date(gate.openedAt).toLocaleString()}.{' '}
        {mayDecide
          ? 'Approve it, or reject it with a reason (the strategist plans again with it).'
          : 'The project’s owner or an admin decides.'}
      </p>
      {subject ? <PlanView plan={subject} /> : <Json value={gate.subject} label="What is to be approved" />}
      {mayDecide ? (
        <>
          <div class="controls">
            <button type="button" disabled={busy} onClick={() => void decide({ decision: 'approve' })}>
              Approve
            </button>
          </div>
          <label class="wide">
            Reason for a rejection
            <textarea rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          </label>
          <div class="controls">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() =>
                reason.trim()
                  ? void decide({ decision: 'reject', reason })
                  : setError('Say why you reject it (the reason goes to the strategist).')
              }
            >
              Reject
            </button>
          </div>
          {gate.gate === 'plan' ? (
            <details>
              <summary>Edit the plan, then approve it</summary>
              <label class="wide">
                Plan (JSON: analysis and subTasks)
                <textarea rows={14} spellcheck={false} value={edited} onInput={(e) => setEdited((e.target as HTMLTextAreaElement).value)} />
              </label>
              <div class="controls">
                <button type="button" disabled={busy} onClick={approveEdited}>
                  Approve the edited plan
                </button>
              </div>
            </details>
          ) : null}
          {error ? (
            <p class="problem" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  return (
    <>
      <p>{plan.analysis}</p>
      <ol aria-label="Sub-tasks of the plan">
        {plan.subTasks.map((t) => (
          <li key={t.id}>
            <strong>{t.id}</strong>: {t.description}
            {t.inputFrom.length ? <span class="muted"> (after {t.inputFrom.join(', ')})</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The plan gate's subject: `{ version, plan: { analysis, subTasks } }` (or the plan itself). */
function asPlan(v: unknown): Plan | null {
  const o = (v && typeof v === 'object' ? v : {}) as { plan?: unknown; subTasks?: unknown };
  const plan = (o.plan && typeof o.plan === 'object' ? o.plan : o) as Partial<Plan>;
  return Array.isArray(plan.subTasks) ? (plan as Plan) : null;
}

/** The service's message, with a plan's problems listed where it gives them. */
function problemOf(e: unknown): string {
  const issues = e instanceof ApiError ? (e.details as { issues?: { path?: string; message?: string }[] } | undefined)?.issues : undefined;
  const list = Array.isArray(issues) ? issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message ?? ''}`).join('; ') : '';
  return `${messageOf(e)}${list ? ` — ${list}` : ''}`;
}
