import { useState } from 'preact/hooks';
import { must, messageOf, type Schemas } from '../api.ts';
import { Code, Field, Json, Loading, More, Problem, Status, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { href, type RouteProps } from '../router.ts';
import { can, mayChange, useSession } from '../session.ts';
import { RunRows } from './runs.tsx';

export function ToolList() {
  const { api } = useSession();
  const tools = usePaged(
    async (cursor) => {
      const d = await must(api.GET('/api/v1/tools', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
      return { items: d.tools, next: d.nextCursor };
    },
    [api],
    ['tool:'],
  );
  return (
    <section aria-labelledby="h-tools">
      <h1 id="h-tools">Tools</h1>
      <Problem error={tools.error} />
      <Loading loading={tools.loading && !tools.data} />
      {tools.data && tools.data.length === 0 ? <p>No tools you may see yet.</p> : null}
      {tools.data && tools.data.length > 0 ? (
        <Table label="Tools">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Language</th>
              <th scope="col">Version</th>
              <th scope="col">Owner</th>
              <th scope="col">Shared</th>
              <th scope="col">Policy</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {tools.data.map((t) => (
              <tr key={t.name}>
                <th scope="row">
                  <a href={href('tools', t.name)}>{t.name}</a>
                </th>
                <td>{t.language}</td>
                <td>{t.version}</td>
                <td>{t.owner}</td>
                <td>{t.shared ? 'yes' : 'no'}</td>
                <td>{t.policy}</td>
                <td>
                  <Time at={t.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <More more={tools.more} label="More tools" />
    </section>
  );
}

export function ToolPage({ params }: RouteProps) {
  const { api, me } = useSession();
  const name = params.name!;
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const tool = useLoad(
    async () => await must(api.GET('/api/v1/tools/{name}', { params: { path: { name } } })),
    [api, name],
    [`tool:${name}`],
  );
  const version = picked ?? tool.data?.version;
  const detail = useLoad(
    async () =>
      version === undefined
        ? undefined
        : await must(api.GET('/api/v1/tools/{name}/versions/{version}', { params: { path: { name, version } } })),
    [api, name, version],
  );
  const runs = useLoad(
    async () =>
      (await must(api.GET('/api/v1/runs', { params: { query: { limit: 200 } } }))).runs.filter(
        (r) => r.type === 'tool' && r.target.replace(/@\d+$/, '') === name,
      ),
    [api, name],
    [`tool:${name}`, 'run:'],
  );
  const t = tool.data;
  return (
    <section aria-labelledby="h-tool">
      <h1 id="h-tool">Tool {name}</h1>
      <Problem error={tool.error} />
      <Loading loading={tool.loading && !t} />
      {t ? (
        <>
          <dl class="facts">
            <Field name="Description">{t.description}</Field>
            <Field name="Language">{t.language}</Field>
            <Field name="Latest version">{t.version}</Field>
            <Field name="Owner">{t.owner}</Field>
            <Field name="Shared">{t.shared ? 'yes' : 'no'}</Field>
            <Field name="Policy">
              <a href={href('policies', t.policy)}>{t.policy}</a>
            </Field>
            <Field name="Expires">
              <Time at={t.expiresAt} />
            </Field>
          </dl>
          {can(me, 'submit') ? <ExecuteForm name={name} onDone={runs.reload} /> : null}
          {mayChange(me, t.owner) ? <ToolControls tool={t} onChanged={tool.reload} /> : null}
          <h2>Versions</h2>
          <label>
            Version{' '}
            <select value={String(version ?? '')} onChange={(e) => setPicked(Number((e.target as HTMLSelectElement).value))}>
              {t.versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  {v.version} ({new Date(v.createdAt).toLocaleDateString()}, {v.origin})
                </option>
              ))}
            </select>
          </label>
          <Problem error={detail.error} />
          {detail.data ? <VersionDetail v={detail.data} /> : null}
          <h2>Executions</h2>
          <Problem error={runs.error} />
          {runs.data ? <RunRows runs={runs.data} label={`Executions of ${name}`} /> : null}
        </>
      ) : null}
    </section>
  );
}

function VersionDetail({ v }: { v: Schemas['ToolVersionDetail'] }) {
  const marks = new Map(v.checkReport.findings.map((f) => [f.line, `${f.rule}: ${f.message}`]));
  return (
    <>
      <h3>Source (version {v.version})</h3>
      <Code text={v.source} label={`Source of version ${v.version}`} marks={marks} />
      <h3>
        Check report: <Status value={v.checkReport.allowed ? 'allowed' : 'blocked'} />
      </h3>
      {v.checkReport.findings.length === 0 ? (
        <p>No findings.</p>
      ) : (
        <Table label="Findings">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col">Message</th>
              <th scope="col">Suggestion</th>
            </tr>
          </thead>
          <tbody>
            {v.checkReport.findings.map((f, i) => (
              <tr key={i}>
                <td>
                  {f.line}:{f.column}
                </td>
                <td>{f.rule}</td>
                <td>{f.severity}</td>
                <td>{f.message}</td>
                <td>{f.suggestion}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h3>Probe results</h3>
      <Table label="Probe results">
        <thead>
          <tr>
            <th scope="col">Example</th>
            <th scope="col">Result</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Failures</th>
          </tr>
        </thead>
        <tbody>
          {v.probeResults.map((p) => (
            <tr key={p.example}>
              <th scope="row">{p.example}</th>
              <td>
                <Status value={p.passed ? 'passed' : 'failed'} />
              </td>
              <td>{p.status}</td>
              <td>{Math.round(p.durationMs)} ms</td>
              <td>{p.failures.map((f) => `${f.path}: ${f.message}`).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

function ExecuteForm({ name, onDone }: { name: string; onDone: () => void }) {
  const { api } = useSession();
  const [input, setInput] = useState('{}');
  const [out, setOut] = useState<{ error?: string; result?: unknown }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const parsed = JSON.parse(input) as Record<string, unknown>;
      const r = await must(api.POST('/api/v1/tools/{name}/execute', { params: { path: { name } }, body: { input: parsed } }));
      setOut({ result: r });
      onDone();
    } catch (err) {
      setOut({ error: err instanceof SyntaxError ? `The input is not JSON: ${err.message}` : messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} method="post" aria-labelledby="h-exec">
      <h2 id="h-exec">Execute</h2>
      <label for="exec-input">Input (JSON object)</label>
      <textarea
        id="exec-input"
        rows={3}
        value={input}
        onInput={(e) => setInput((e.target as HTMLTextAreaElement).value)}
        spellcheck={false}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Running…' : 'Execute'}
      </button>
      <Problem error={out.error} />
      {out.result !== undefined ? <Json value={out.result} label="Execution result" /> : null}
    </form>
  );
}

function ToolControls({ tool, onChanged }: { tool: Schemas['ToolDetail']; onChanged: () => void }) {
  const { api } = useSession();
  const [error, setError] = useState<string>();
  const act = (fn: () => Promise<unknown>) => () => fn().then(onChanged, (e: unknown) => setError(messageOf(e)));
  const path = { params: { path: { name: tool.name } } };
  return (
    <div class="controls" role="group" aria-label="Change this tool">
      <button type="button" onClick={act(() => must(api.PATCH('/api/v1/tools/{name}', { ...path, body: { shared: !tool.shared } })))}>
        {tool.shared ? 'Make private' : 'Share'}
      </button>
      <button
        type="button"
        class="danger"
        onClick={act(async () => {
          if (!confirm(`Destroy tool ${tool.name} and all its versions?`)) return;
          await must(api.DELETE('/api/v1/tools/{name}', path));
          location.hash = '#/tools';
        })}
      >
        Destroy
      </button>
      <Problem error={error} />
    </div>
  );
}
