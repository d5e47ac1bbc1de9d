import { useState } from 'preact/hooks';
import { ApiError, messageOf, must, type ApiClient } from '../api.ts';
import { Code, Diff, Field, Loading, More, Problem, Status, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { href, type RouteProps } from '../router.ts';
import { can, useSession } from '../session.ts';
import { PolicyEditor } from './policy-editor.tsx';

export function PolicyList() {
  const { api } = useSession();
  const [problems, setProblems] = useState<{ name: string; file: string; issues: { path: string; message: string; line?: number }[] }[]>(
    [],
  );
  const list = usePaged(
    async (cursor) => {
      const d = await must(api.GET('/api/v1/policies', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
      setProblems(d.problems);
      return { items: d.policies, next: d.nextCursor };
    },
    [api],
  );
  return (
    <section aria-labelledby="h-policies">
      <h1 id="h-policies">Policies</h1>
      <Problem error={list.error} />
      <Loading loading={list.loading && !list.data} />
      {list.data ? (
        <Table label="Policies">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Extends</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  <a href={href('policies', p.name)}>{p.name}</a>
                </th>
                <td>{p.description}</td>
                <td>{p.extends ?? '—'}</td>
                <td>{p.version ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <More more={list.more} label="More policies" />
      {problems.length > 0 ? (
        <>
          <h2>Files refused on disk</h2>
          <ul>
            {problems.map((p) => (
              <li key={p.file}>
                {p.file}: {p.issues.map((i) => `${i.line ? `line ${i.line}: ` : ''}${i.path}: ${i.message}`).join('; ')} (the last valid
                version stays in force)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A policy as JSON (the route also answers YAML text when asked for it). */
export async function readPolicy(api: ApiClient, name: string) {
  const p = await must(api.GET('/api/v1/policies/{name}', { params: { path: { name }, query: { format: 'json' } } }));
  if (typeof p === 'string') throw new Error('the service answered YAML where JSON was asked for');
  return p;
}

export function PolicyPage({ params }: RouteProps) {
  const { api, me } = useSession();
  const name = params.name!;
  const policy = useLoad(async () => readPolicy(api, name), [api, name]);
  const [note, setNote] = useState<string>();
  const p = policy.data;
  return (
    <section aria-labelledby="h-policy">
      <h1 id="h-policy">Policy {name}</h1>
      <Problem error={policy.error} />
      <Loading loading={policy.loading && !p} />
      {p ? (
        <>
          <dl class="facts">
            <Field name="Version">{p.version ?? '—'}</Field>
            <Field name="ETag">
              <code>{p.etag.slice(0, 12)}</code>
            </Field>
            <Field name="Extends">{p.policy.lineage.slice(0, -1).join(' → ') || '—'}</Field>
          </dl>
          {p.pendingProblem ? (
            <p class="problem">
              The file on disk was changed and refused: {p.pendingProblem.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. This
              version stays in force.
            </p>
          ) : null}
          {can(me, 'admin') ? (
            <>
              <p class="ok" role="status">
                {note ?? ''}
              </p>
              <PolicyEditor
                key={p.etag}
                name={name}
                text={p.text}
                etag={p.etag}
                onSaved={(n) => {
                  setNote(n);
                  policy.reload();
                }}
              />
            </>
          ) : (
            <>
              <h2>Text</h2>
              <Code text={p.text} label={`Policy ${name}`} />
            </>
          )}
          <History name={name} etag={p.etag} onRestored={policy.reload} />
        </>
      ) : null}
    </section>
  );
}

function History({ name, etag, onRestored }: { name: string; etag: string; onRestored: () => void }) {
  const { api, me } = useSession();
  const [error, setError] = useState<string>();
  const history = usePaged(
    async (cursor) => {
      const d = await must(
        api.GET('/api/v1/policies/{name}/history', { params: { path: { name }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
      );
      return { items: d.versions, next: d.nextCursor };
    },
    [api, name, etag],
  );
  const restore = async (version: number) => {
    setError(undefined);
    try {
      await must(
        api.POST('/api/v1/policies/{name}/restore', { params: { path: { name }, header: { 'if-match': etag } }, body: { version } }),
      );
      onRestored();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 412 ? 'The policy changed meanwhile: reload the page and try again.' : messageOf(e));
    }
  };
  const versions = [...(history.data ?? [])].reverse();
  return (
    <section aria-labelledby="h-history">
      <h2 id="h-history">History</h2>
      <Problem error={history.error ?? error} />
      {versions.map((v, i) => (
        <details key={v.version} class="version" open={i === 0}>
          <summary>
            Version {v.version} by {v.author} ({v.source}), <Time at={v.createdAt} /> {v.etag === etag ? <Status value="in force" /> : null}
          </summary>
          <Diff text={v.diff} label={`Changes in version ${v.version}`} />
          {can(me, 'admin') && v.etag !== etag ? (
            <button type="button" onClick={() => void restore(v.version)}>
              Restore version {v.version}
            </button>
          ) : null}
        </details>
      ))}
      <More more={history.more} label="More versions" />
    </section>
  );
}
