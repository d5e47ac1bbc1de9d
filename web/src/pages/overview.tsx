import { must } from '../api.ts';
import { Status } from '../components/ui.tsx';
import { useLinkState, useLoad } from '../hooks.ts';
import { href } from '../router.ts';
import { useSession } from '../session.ts';
import { ProjectRows } from './projects.tsx';
import { RunRows } from './runs.tsx';

/** The start page: who you are, the latest projects, what runs now, the audit chain. */
export function Overview() {
  const { api, me } = useSession();
  const state = useLinkState();
  const runs = useLoad(async () => (await must(api.GET('/api/v1/runs', { params: { query: { limit: 10 } } }))).runs, [api], ['run:']);
  const projects = useLoad(
    async () => (await must(api.GET('/api/v1/projects', { params: { query: { limit: 5 } } }))).projects,
    [api],
    ['project:'],
  );
  const verify = useLoad(async () => must(api.GET('/api/v1/audit/verify')), [api]);
  return (
    <section aria-labelledby="h-overview">
      <h1 id="h-overview">Overview</h1>
      <p>
        Signed in as <strong>{me.name}</strong> ({me.role}, {me.id}). Stream <Status value={state} />. Audit chain{' '}
        {verify.data ? <Status value={verify.data.ok ? 'verified' : 'broken'} /> : '…'}.
      </p>
      <h2>
        Latest projects (<a href={href('projects')}>all</a>)
      </h2>
      {projects.data ? <ProjectRows projects={projects.data} /> : null}
      <h2>
        Latest runs (<a href={href('runs')}>all</a>)
      </h2>
      {runs.data ? <RunRows runs={runs.data} label="Latest runs" /> : null}
    </section>
  );
}
