import { useState } from 'preact/hooks';
import { must, type Schemas } from '../api.ts';
import type { operations } from '../../../src/client/index.ts';
import { Json, Loading, More, Problem, Status, Table, Time } from '../components/ui.tsx';
import { useLoad, usePaged } from '../hooks.ts';
import { useSession } from '../session.ts';

type Query = NonNullable<operations['queryAudit']['parameters']['query']>;
type AuditType = Extract<NonNullable<Query['type']>, string>;

/** Every event type, keyed so that the compiler refuses a list missing one of the API's types (or adding another). */
const TYPE_KEYS: Record<AuditType, true> = {
  agent_created: true,
  agent_destroyed: true,
  tool_generated: true,
  tool_executed: true,
  tool_destroyed: true,
  file_access: true,
  network_access: true,
  security_block: true,
  policy_changed: true,
  policy_rejected: true,
  auth_failure: true,
  access_denied: true,
  access_changed: true,
  token_created: true,
  token_revoked: true,
  server_started: true,
  server_stopped: true,
  project_created: true,
  project_status_changed: true,
  project_step: true,
  project_approval: true,
  project_budget: true,
  project_message: true,
};
const TYPES = Object.keys(TYPE_KEYS) as AuditType[];

interface Filters {
  type: AuditType | '';
  agent: string;
  project: string;
  from: string;
  to: string;
  success: '' | 'true' | 'false';
}

const NONE: Filters = { type: '', agent: '', project: '', from: '', to: '', success: '' };

function queryOf(f: Filters): Query {
  const iso = (local: string) => new Date(local).toISOString();
  return {
    order: 'desc',
    limit: 50,
    ...(f.type ? { type: f.type } : {}),
    ...(f.agent ? { agent: f.agent } : {}),
    ...(f.project ? { project: f.project } : {}),
    ...(f.from ? { from: iso(f.from) } : {}),
    ...(f.to ? { to: iso(f.to) } : {}),
    ...(f.success ? { success: f.success === 'true' } : {}),
  };
}

export function AuditPage() {
  const { api } = useSession();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const verify = useLoad(async () => must(api.GET('/api/v1/audit/verify')), [api]);
  const events = usePaged(
    async (cursor) => {
      const d = await must(api.GET('/api/v1/audit', { params: { query: { ...queryOf(filters), ...(cursor ? { cursor } : {}) } } }));
      return { items: d.events, next: d.nextCursor };
    },
    [api, filters],
    ['*'],
  );
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value });
  const v = verify.data;
  return (
    <section aria-labelledby="h-audit">
      <h1 id="h-audit">Audit trail</h1>
      <div class="panel" aria-live="polite">
        <strong>Hash chain: </strong>
        {v ? (
          v.ok ? (
            <>
              <Status value="verified" /> {v.count} events, head <code>{v.head.slice(0, 16)}</code>
            </>
          ) : (
            <>
              <Status value="broken" /> at row {v.brokenAt}: {v.reason}
            </>
          )
        ) : (
          <Loading loading={verify.loading} />
        )}{' '}
        <button type="button" onClick={verify.reload}>
          Verify again
        </button>
        <Problem error={verify.error} />
      </div>
      <form
        class="filters"
        method="post"
        aria-label="Filter events"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          Type
          <select value={draft.type} onChange={set('type')}>
            <option value="">any</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={draft.success} onChange={set('success')}>
            <option value="">any</option>
            <option value="true">succeeded</option>
            <option value="false">failed or refused</option>
          </select>
        </label>
        <label>
          Agent <input value={draft.agent} onInput={set('agent')} />
        </label>
        <label>
          Project <input value={draft.project} onInput={set('project')} />
        </label>
        <label>
          From <input type="datetime-local" value={draft.from} onInput={set('from')} />
        </label>
        <label>
          To <input type="datetime-local" value={draft.to} onInput={set('to')} />
        </label>
        <button type="submit">Apply</button>
        <button
          type="button"
          onClick={() => {
            setDraft(NONE);
            setFilters(NONE);
          }}
        >
          Clear
        </button>
      </form>
      <Problem error={events.error} />
      <Loading loading={events.loading && !events.data} />
      {events.data ? <AuditRows events={events.data} /> : null}
      <More more={events.more} label="Older events" />
    </section>
  );
}

function AuditRows({ events }: { events: Schemas['AuditEvent'][] }) {
  if (events.length === 0) return <p>No events match.</p>;
  return (
    <Table label="Audit events, newest first">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Time</th>
          <th scope="col">Type</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Actor</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.seq}>
            <td>{e.seq}</td>
            <td>
              <Time at={e.timestamp} />
            </td>
            <td>{e.type}</td>
            <td>{e.action}</td>
            <td class="wrap">{e.target}</td>
            <td>{e.actor}</td>
            <td>
              <Status value={e.success ? 'ok' : 'failed'} />
              {e.error ? <span class="wrap"> {e.error}</span> : null}
            </td>
            <td>
              <details>
                <summary>Show</summary>
                <Json
                  value={{ flags: e.securityFlags, details: e.details, input: e.input, output: e.output, hash: e.hash }}
                  label={`Event ${e.seq}`}
                />
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
