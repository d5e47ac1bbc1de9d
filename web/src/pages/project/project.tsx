import { useState } from 'preact/hooks';
import { must, messageOf, type Schemas } from '../../api.ts';
import { Field, Json, Loading, Problem, Progress, Status, Time } from '../../components/ui.tsx';
import { useLoad } from '../../hooks.ts';
import { chatOf, type ConversationLine } from '../../projects/chat.ts';
import { progressOf, qualityOf } from '../../projects/dag.ts';
import { href, type RouteProps } from '../../router.ts';
import { mayChange, useSession } from '../../session.ts';
import { score, tokensOf, usd } from '../projects.tsx';
import { Chat } from './chat.tsx';
import { Dag, Stages } from './dag.tsx';
import { Gate } from './gate.tsx';

type Project = Schemas['Project'];
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** One project, live: its stages and DAG, the conversation, the approval gate, budget and result. */
export function ProjectPage({ params }: RouteProps) {
  const { api, me } = useSession();
  const id = params.id!;
  const live = [`project:${id}`];
  const view = useLoad(async () => (await must(api.GET('/api/v1/projects/{id}', { params: { path: { id } } }))).project, [api, id], live);
  const steps = useLoad(
    async () => (await must(api.GET('/api/v1/projects/{id}/steps', { params: { path: { id }, query: { limit: 1000 } } }))).steps,
    [api, id],
    live,
  );
  const p = view.data;
  // the pipelines' project view carries its conversation; seed 004's has none (the journal says it all)
  const messages = (p as (Project & { messages?: ConversationLine[] }) | undefined)?.messages;
  const lines = steps.data ? chatOf(steps.data, Array.isArray(messages) ? messages : []) : [];
  return (
    <section aria-labelledby="h-project">
      <h1 id="h-project">{p ? `Project ${p.name}` : `Project ${id}`}</h1>
      <p>
        <a href={href('projects')}>All projects</a>
      </p>
      <Problem error={view.error} />
      <Loading loading={view.loading && !p} />
      {p ? (
        <>
          <Summary p={p} />
          {mayChange(me, p.owner) ? <Controls p={p} onDone={view.reload} /> : null}
          {p.waiting ? (
            <Gate key={`${p.waiting.gate}:${p.waiting.round}`} p={p} mayDecide={mayChange(me, p.owner)} onDone={view.reload} />
          ) : null}
          <h2 id="h-workflow">Workflow</h2>
          <Stages p={p} />
          <Dag p={p} />
          <h2 id="h-chat">Conversation</h2>
          <Problem error={steps.error} />
          <Chat p={p} lines={lines} />
          <Budget p={p} />
          {p.status === 'completed' ? (
            <>
              <h2>Result</h2>
              <Json value={p.result} label="The project's result" />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Summary({ p }: { p: Project }) {
  const progress = progressOf(p);
  return (
    <dl class="facts">
      <Field name="Status">
        <Status value={p.status} />
        {p.running && !TERMINAL.has(p.status) ? <span class="muted"> (running here)</span> : null}
      </Field>
      <Field name="Progress">
        <Progress value={progress.fraction} label="Project progress" /> {progress.done} of {progress.total} sub-tasks finished
      </Field>
      <Field name="Quality">
        {score(qualityOf(p))} (threshold {p.config.qualityThreshold})
      </Field>
      <Field name="Task">{p.task}</Field>
      <Field name="Owner">{p.owner}</Field>
      <Field name="Tokens">
        {tokensOf(p.usage).toLocaleString()} ({p.usage.llmCalls} model calls), cost {usd(p.usage.costUsd)}
      </Field>
      <Field name="Started">
        <Time at={p.startedAt ?? p.createdAt} />
      </Field>
      {p.finishedAt ? (
        <Field name="Finished">
          <Time at={p.finishedAt} />
        </Field>
      ) : null}
      {p.paused ? <Field name="Paused">{`${p.paused.reason}: ${p.paused.error.message}`}</Field> : null}
      {p.error ? <Field name="Error">{`${p.error.message} (${p.error.code})`}</Field> : null}
    </dl>
  );
}

function Controls({ p, onDone }: { p: Project; onDone: () => void }) {
  const { api } = useSession();
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  if (TERMINAL.has(p.status)) return null;
  const path = { path: { id: p.id } };
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      setConfirm(false);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div class="controls" role="group" aria-label="Project controls">
      {p.status === 'paused' ? (
        <button type="button" onClick={() => act(() => must(api.POST('/api/v1/projects/{id}/resume', { params: path })))}>
          Resume
        </button>
      ) : null}
      {confirm ? (
        <>
          <label>
            Why (optional)
            <input value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          <button
            type="button"
            class="danger"
            onClick={() =>
              act(() => must(api.POST('/api/v1/projects/{id}/cancel', { params: path, body: reason.trim() ? { reason } : {} })))
            }
          >
            Yes, cancel the project
          </button>
          <button type="button" onClick={() => setConfirm(false)}>
            Keep it running
          </button>
        </>
      ) : (
        <button type="button" class="danger" disabled={p.cancelRequested} onClick={() => setConfirm(true)}>
          {p.cancelRequested ? 'Cancelling…' : 'Cancel project…'}
        </button>
      )}
      <Problem error={error} />
    </div>
  );
}

function Budget({ p }: { p: Project }) {
  const rows: [string, Schemas['ProjectBudgetUse']['tokens'], (n: number) => string][] = [
    ['Tokens', p.budget.tokens, (n) => n.toLocaleString()],
    ['Cost', p.budget.costUsd, usd],
    ['Running time', p.budget.wallMs, (n) => `${Math.round(n / 1000)} s`],
    ['Tool runs', p.budget.toolRuns, String],
  ];
  return (
    <>
      <h2>Budget</h2>
      <dl class="facts">
        {rows.map(([name, b, f]) => (
          <Field key={name} name={name}>
            {b.fraction !== null ? <Progress value={Math.min(1, b.fraction)} label={`${name} used`} /> : null} {f(b.used)} of{' '}
            {b.limit === null ? 'unlimited' : f(b.limit)}
          </Field>
        ))}
      </dl>
    </>
  );
}
