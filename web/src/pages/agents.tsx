import { useState } from 'preact/hooks';
import { messageOf, must, type Schemas } from '../api.ts';
import { Field, Loading, More, Problem, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { href, type RouteProps } from '../router.ts';
import { can, mayChange, useSession } from '../session.ts';
import { RunRows } from './runs.tsx';

export function AgentList() {
  const { api } = useSession();
  const agents = usePaged(
    async (cursor) => {
      const d = await must(api.GET('/api/v1/agents', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
      return { items: d.agents, next: d.nextCursor };
    },
    [api],
    ['agent:'],
  );
  return (
    <section aria-labelledby="h-agents">
      <h1 id="h-agents">Agents</h1>
      <Problem error={agents.error} />
      <Loading loading={agents.loading && !agents.data} />
      {agents.data ? (
        <Table label="Agents">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Origin</th>
              <th scope="col">Owner</th>
              <th scope="col">Shared</th>
              <th scope="col">Tools</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {agents.data.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href('agents', a.id)}>{a.name}</a>
                </th>
                <td>{a.origin}</td>
                <td>{a.createdBy}</td>
                <td>{a.shared ? 'yes' : 'no'}</td>
                <td>{a.blueprint.tools.join(', ') || '—'}</td>
                <td>
                  <Time at={a.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <More more={agents.more} label="More agents" />
    </section>
  );
}

export function AgentPage({ params }: RouteProps) {
  const { api, me } = useSession();
  const id = params.id!;
  const agent = useLoad(
    async () => (await must(api.GET('/api/v1/agents/{id}', { params: { path: { id } } }))).agent,
    [api, id],
    [`agent:${id}`],
  );
  const runs = useLoad(
    async () =>
      (await must(api.GET('/api/v1/runs', { params: { query: { limit: 200 } } }))).runs.filter(
        (r) => r.type === 'agent' && r.target === id,
      ),
    [api, id],
    ['run:'],
  );
  const a = agent.data;
  return (
    <section aria-labelledby="h-agent">
      <h1 id="h-agent">Agent {a?.name ?? id}</h1>
      <Problem error={agent.error} />
      <Loading loading={agent.loading && !a} />
      {a ? (
        <>
          <dl class="facts">
            <Field name="Id">{a.id}</Field>
            <Field name="Description">{a.blueprint.description}</Field>
            <Field name="Origin">
              {a.origin}
              {a.parent ? ` of ${a.parent}` : ''}
            </Field>
            <Field name="Owner">{a.createdBy}</Field>
            <Field name="Shared">{a.shared ? 'yes' : 'no'}</Field>
            <Field name="Model">{a.blueprint.model ?? 'the role’s default'}</Field>
            <Field name="Tools">
              {a.blueprint.tools.length
                ? a.blueprint.tools.map((t, i) => (
                    <>
                      {i ? ', ' : ''}
                      <a href={href('tools', t)}>{t}</a>
                    </>
                  ))
                : '—'}
            </Field>
            <Field name="Expires">
              <Time at={a.expiresAt} />
            </Field>
          </dl>
          <h2>System prompt</h2>
          <pre class="output" tabIndex={0}>
            {a.blueprint.systemPrompt}
          </pre>
          {can(me, 'submit') ? <RunForm id={id} onDone={runs.reload} /> : null}
          {mayChange(me, a.createdBy) ? <AgentControls agent={a} onChanged={agent.reload} /> : null}
          <h2>Runs</h2>
          <Problem error={runs.error} />
          {runs.data ? <RunRows runs={runs.data} label={`Runs of ${a.name}`} /> : null}
        </>
      ) : null}
    </section>
  );
}

function RunForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { api } = useSession();
  const [task, setTask] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await must(api.POST('/api/v1/agents/{id}/runs', { params: { path: { id } }, body: { task } }));
      onDone();
      location.hash = href('runs', r.runId);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="panel" onSubmit={submit} method="post" aria-labelledby="h-run-agent">
      <h2 id="h-run-agent">Give it a task</h2>
      <label for="agent-task">Task</label>
      <textarea id="agent-task" rows={3} required value={task} onInput={(e) => setTask((e.target as HTMLTextAreaElement).value)} />
      <button type="submit">Run</button>
      <Problem error={error} />
    </form>
  );
}

function AgentControls({ agent, onChanged }: { agent: Schemas['Agent']; onChanged: () => void }) {
  const { api } = useSession();
  const [error, setError] = useState<string>();
  const path = { params: { path: { id: agent.id } } };
  const act = (fn: () => Promise<unknown>) => () => fn().then(onChanged, (e: unknown) => setError(messageOf(e)));
  return (
    <div class="controls" role="group" aria-label="Change this agent">
      <button type="button" onClick={act(() => must(api.PATCH('/api/v1/agents/{id}', { ...path, body: { shared: !agent.shared } })))}>
        {agent.shared ? 'Make private' : 'Share'}
      </button>
      <button
        type="button"
        class="danger"
        onClick={act(async () => {
          if (!confirm(`Destroy agent ${agent.name}?`)) return;
          await must(api.DELETE('/api/v1/agents/{id}', path));
          location.hash = '#/agents';
        })}
      >
        Destroy
      </button>
      <Problem error={error} />
    </div>
  );
}
