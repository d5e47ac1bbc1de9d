import { must } from '../api.ts';
import { Status } from '../components/ui.tsx';
import { useLinkState, useLoad } from '../hooks.ts';
import { href } from '../router.ts';
import { useSession } from '../session.ts';
import { RunRows } from './runs.tsx';

/** The start page: who you are, what runs now, the audit chain. Projects will lead this page when the coordinator lands. */
export function Overview() {
  const { api, me } = useSession();
  const state = useLinkState();
  const runs = useLoad(async () => (await must(api.GET('/api/v1/runs', { params: { query: { limit: 10 } } }))).runs, [api], ['run:']);
  const verify = useLoad(async () => must(api.GET('/api/v1/audit/verify')), [api]);
  return (
    <section aria-labelledby="h-overview">
      <h1 id="h-overview">Overview</h1>
      <p>
        Signed in as <strong>{me.name}</strong> ({me.role}, {me.id}). Stream <Status value={state} />. Audit chain{' '}
        {verify.data ? <Status value={verify.data.ok ? 'verified' : 'broken'} /> : '…'}.
      </p>
      <h2>
        Latest runs (<a href={href('runs')}>all</a>)
      </h2>
      {runs.data ? <RunRows runs={runs.data} label="Latest runs" /> : null}
    </section>
  );
}
