import { useState } from 'preact/hooks';
import { must, messageOf, type Schemas } from '../api.ts';
import { Loading, More, Problem, Progress, Status, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { progressOf, qualityOf } from '../projects/dag.ts';
import { href } from '../router.ts';
import { can, useSession } from '../session.ts';

type Summary = Schemas['ProjectSummary'];
type Status = Summary['status'];
const STATUSES: Status[] = [
  'pending',
  'planning',
  'executing',
  'reviewing',
  'waiting_for_approval',
  'paused',
  'completed',
  'failed',
  'cancelled',
];

export const tokensOf = (u: Schemas['ProjectUsage']) => u.promptTokens + u.completionTokens;
export const usd = (n: number) => `$${n.toFixed(n && n < 0.01 ? 4 : 2)}`;
export const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** Projects: newest first, live; progress and quality come from each project's own view. */
export function ProjectList() {
  const { api, me } = useSession();
  const [status, setStatus] = useState<Status | ''>('');
  const list = usePaged(
    async (cursor) => {
      const query = { limit: 25, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
      const d = await must(api.GET('/api/v1/projects', { params: { query } }));
      return { items: d.projects, next: d.nextCursor };
    },
    [api, status],
    ['project:'],
  );
  return (
    <section aria-labelledby="h-projects">
      <h1 id="h-projects">Projects</h1>
      {can(me, 'submit') ? <NewProject /> : null}
      <div class="controls">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as Status | '')}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Problem error={list.error} />
      <Loading loading={list.loading && !list.data} />
      {list.data ? <ProjectRows projects={list.data} /> : null}
      <More more={list.more} label="More projects" />
    </section>
  );
}

export function ProjectRows({ projects }: { projects: Summary[] }) {
  if (projects.length === 0) return <p>No projects yet.</p>;
  return (
    <Table label="Projects">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col">Quality</th>
          <th scope="col">Tokens</th>
          <th scope="col">Cost</th>
          <th scope="col">Owner</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <ProjectRow key={p.id} p={p} />
        ))}
      </tbody>
    </Table>
  );
}

function ProjectRow({ p }: { p: Summary }) {
  const { api } = useSession();
  // the summary has no sub-tasks: the row asks for the project's view (again when its topic speaks)
  const view = useLoad(
    async () => (await must(api.GET('/api/v1/projects/{id}', { params: { path: { id: p.id } } }))).project,
    [api, p.id, p.updatedAt],
  );
  const v = view.data;
  const progress = v ? progressOf(v) : null;
  return (
    <tr data-project={p.id}>
      <th scope="row">
        <a href={href('projects', p.id)}>{p.name}</a>
      </th>
      <td>
        <Status value={p.status} />
      </td>
      <td>
        {progress ? (
          <>
            <Progress value={progress.fraction} label={`Progress of ${p.name}`} /> {progress.done}/{progress.total}
          </>
        ) : (
          '…'
        )}
      </td>
      <td class="quality">{v ? score(qualityOf(v)) : '…'}</td>
      <td class="num">{tokensOf(p.usage).toLocaleString()}</td>
      <td class="num">{usd(p.usage.costUsd)}</td>
      <td>{p.owner}</td>
      <td>
        <Time at={p.startedAt ?? p.createdAt} />
      </td>
    </tr>
  );
}

function NewProject() {
  const { api } = useSession();
  const [task, setTask] = useState('');
  const [gate, setGate] = useState(false);
  const [error, setError] = useState<string>();
  const start = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await must(api.POST('/api/v1/projects', { body: { task, config: { approvals: { plan: gate } } } }));
      location.hash = href('projects', r.project.id);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <details class="panel">
      <summary>Start a project</summary>
      <form onSubmit={start}>
        <label>
          Task
          <textarea required rows={3} value={task} onInput={(e) => setTask((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={gate} onChange={(e) => setGate((e.target as HTMLInputElement).checked)} /> Ask me to approve the
          plan
        </label>
        <div class="controls">
          <button type="submit">Start</button>
        </div>
        <Problem error={error} />
      </form>
    </details>
  );
}
