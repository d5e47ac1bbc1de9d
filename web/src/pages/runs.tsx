import { must, type Schemas } from '../api.ts';
import { Field, Json, Loading, More, Problem, Progress, Status, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { href, type RouteProps } from '../router.ts';
import { useSession } from '../session.ts';

type Work = Schemas['WorkItem'];

export function RunRows({ runs, label }: { runs: Work[]; label: string }) {
  if (runs.length === 0) return <p>None yet.</p>;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Type</th>
          <th scope="col">Target</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col">Owner</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} data-run={r.id}>
            <th scope="row">
              <a href={href(r.kind === 'job' ? 'jobs' : 'runs', r.id)}>{r.id}</a>
            </th>
            <td>{r.type}</td>
            <td>{r.target}</td>
            <td>
              <Status value={r.status} />
            </td>
            <td>
              <Progress value={r.progress} label={`Progress of ${r.id}`} />
            </td>
            <td>{r.owner}</td>
            <td>
              <Time at={r.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function WorkList({ kind }: { kind: 'run' | 'job' }) {
  const { api } = useSession();
  const list = usePaged(
    async (cursor) => {
      const query = { limit: 50, ...(cursor ? { cursor } : {}) };
      if (kind === 'job') {
        const d = await must(api.GET('/api/v1/jobs', { params: { query } }));
        return { items: d.jobs, next: d.nextCursor };
      }
      const d = await must(api.GET('/api/v1/runs', { params: { query } }));
      return { items: d.runs, next: d.nextCursor };
    },
    [api, kind],
    [`${kind}:`],
  );
  const title = kind === 'job' ? 'Jobs (tool generation)' : 'Runs';
  return (
    <section aria-labelledby="h-work">
      <h1 id="h-work">{title}</h1>
      <p class="tabs">
        <a href="#/runs" aria-current={kind === 'run' ? 'page' : undefined}>
          Runs
        </a>{' '}
        <a href="#/jobs" aria-current={kind === 'job' ? 'page' : undefined}>
          Jobs
        </a>
      </p>
      <Problem error={list.error} />
      <Loading loading={list.loading && !list.data} />
      {list.data ? <RunRows runs={list.data} label={title} /> : null}
      <More more={list.more} label={`More ${kind}s`} />
    </section>
  );
}

export const RunList = () => <WorkList kind="run" />;
export const JobList = () => <WorkList kind="job" />;

function WorkPage({ id, kind }: { id: string; kind: 'run' | 'job' }) {
  const { api } = useSession();
  const item = useLoad(
    async () =>
      kind === 'job'
        ? (await must(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }))).job
        : (await must(api.GET('/api/v1/runs/{id}', { params: { path: { id } } }))).run,
    [api, id, kind],
    [`${kind}:${id}`],
  );
  const w = item.data;
  const result = (w?.result ?? null) as Partial<Schemas['RunResult']> | null;
  return (
    <section aria-labelledby="h-run">
      <h1 id="h-run">
        {kind === 'job' ? 'Job' : 'Run'} {id}
      </h1>
      <Problem error={item.error} />
      <Loading loading={item.loading && !w} />
      {w ? (
        <>
          <dl class="facts">
            <Field name="Status">
              <Status value={w.status} />
            </Field>
            <Field name="Progress">
              <Progress value={w.progress} label="Progress" />
            </Field>
            <Field name="Type">{w.type}</Field>
            <Field name="Target">
              {w.type === 'tool' ? <a href={href('tools', w.target.replace(/@\d+$/, ''))}>{w.target}</a> : w.target}
            </Field>
            <Field name="Owner">{w.owner}</Field>
            <Field name="Started">
              <Time at={w.createdAt} />
            </Field>
            <Field name="Updated">
              <Time at={w.updatedAt} />
            </Field>
            {w.usage ? (
              <Field name="Model usage">
                {w.usage.calls} calls, {w.usage.promptTokens + w.usage.completionTokens} tokens
              </Field>
            ) : null}
          </dl>
          {w.error ? (
            <p class="problem">
              {w.error.code}: {w.error.message}
            </p>
          ) : null}
          {result && typeof result === 'object' && 'limits' in result && result.limits ? (
            <>
              <h2>Limits</h2>
              <dl class="facts">
                {Object.entries(result.limits).map(([k, v]) => (
                  <Field key={k} name={k}>
                    {String(v)}
                  </Field>
                ))}
              </dl>
              <h2>Output</h2>
              <p>
                Sandbox status <Status value={String(result.status)} />, exit code {String(result.exitCode ?? '—')},{' '}
                {Math.round(result.durationMs ?? 0)} ms
                {result.warm ? ', warm container' : ''}
              </p>
              <h3>stdout{result.stdoutTruncated ? ' (truncated)' : ''}</h3>
              <pre class="output" tabIndex={0}>
                {result.stdout || '(empty)'}
              </pre>
              <h3>stderr{result.stderrTruncated ? ' (truncated)' : ''}</h3>
              <pre class="output" tabIndex={0}>
                {result.stderr || '(empty)'}
              </pre>
            </>
          ) : w.result !== null && w.result !== undefined ? (
            <>
              <h2>Result</h2>
              <Json value={w.result} label="Result" />
            </>
          ) : null}
          <h2>Steps</h2>
          {w.steps.length === 0 ? <p>No steps recorded.</p> : <Json value={w.steps} label="Steps" />}
        </>
      ) : null}
    </section>
  );
}

export const RunPage = ({ params }: RouteProps) => <WorkPage id={params.id!} kind="run" />;
export const JobPage = ({ params }: RouteProps) => <WorkPage id={params.id!} kind="job" />;
