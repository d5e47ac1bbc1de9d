import type { Schemas } from '../../api.ts';
import { Progress, Status } from '../../components/ui.tsx';
import { stagesOf } from '../../projects/dag.ts';
import { score } from '../projects.tsx';

type Project = Schemas['Project'];

const PHASES = [
  { name: 'Planning', statuses: ['pending', 'planning'] },
  { name: 'Executing', statuses: ['executing'] },
  { name: 'Reviewing', statuses: ['reviewing'] },
  { name: 'Done', statuses: ['completed', 'failed', 'cancelled'] },
];

/** The workflow's stages with the current one marked (a wait or pause stays at its phase). */
export function Stages({ p }: { p: Project }) {
  const at = PHASES.findIndex((s) =>
    s.statuses.includes(p.status === 'waiting_for_approval' || p.status === 'paused' ? p.phase : p.status),
  );
  return (
    <ol class="stages" aria-label="Workflow stages">
      {PHASES.map((s, i) => (
        <li key={s.name} class={i < at ? 'past' : i === at ? 'now' : undefined} aria-current={i === at ? 'step' : undefined}>
          {s.name}
          {i === at && p.status === 'waiting_for_approval' ? ' (waiting for approval)' : ''}
          {i === at && p.status === 'paused' ? ' (paused)' : ''}
          {i === at && i === PHASES.length - 1 ? ` (${p.status})` : ''}
        </li>
      ))}
    </ol>
  );
}

/** Sub-tasks in stages: each runs once every sub-task it takes input from is accepted. */
export function Dag({ p }: { p: Project }) {
  if (p.tasks.length === 0) return <p class="muted">No plan yet.</p>;
  const stages = stagesOf(p.tasks);
  return (
    <div class="dag" role="region" aria-label="Sub-tasks by stage" tabIndex={0}>
      {stages.map((tasks, i) => (
        <section key={i} class="dag-stage" aria-label={`Stage ${i + 1}`}>
          <h3>Stage {i + 1}</h3>
          <ul>
            {tasks.map((t) => (
              <TaskCard key={t.id} t={t} max={p.config.maxIterations} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function TaskCard({ t, max }: { t: Schemas['ProjectTask']; max: number }) {
  const last = t.evaluations.filter((e) => e.iteration === t.iterations);
  return (
    <li class={`task task-${t.status}`} data-task={t.id}>
      <p class="task-head">
        <strong>{t.id}</strong> <Status value={t.status} />
      </p>
      <p>{t.description}</p>
      {t.inputFrom.length ? <p class="muted">after {t.inputFrom.join(', ')}</p> : null}
      <dl class="task-facts">
        <dt>Agent</dt>
        <dd>{t.agent ? `${t.agent.name}${t.agent.created ? ' (new specialist)' : ''}` : '—'}</dd>
        <dt>Iterations</dt>
        <dd>
          {t.status === 'running' ? <Progress value={Math.min(1, t.iterations / max)} label={`Iterations of ${t.id}`} /> : null}{' '}
          {t.iterations} of at most {max}
        </dd>
        <dt>Score</dt>
        <dd>{score(t.score)}</dd>
      </dl>
      {last.length ? (
        <ul class="reviews" aria-label={`Reviews of ${t.id}, iteration ${t.iterations}`}>
          {last.map((e) => (
            <li key={e.stage}>
              {e.stage} ({e.reviewer}): {score(e.score)}, {e.accepted ? 'accepted' : 'not accepted'}
              {e.issues.length ? `, ${e.issues.length} issue(s)` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {t.error ? <p class="problem">{`${t.error.message} (${t.error.code})`}</p> : null}
    </li>
  );
}
