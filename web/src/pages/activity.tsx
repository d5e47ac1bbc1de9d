import { useEffect, useState } from 'preact/hooks';
import { Problem, Status, Table, Time } from '../components/ui.tsx';
import { useLinkState } from '../hooks.ts';
import { href } from '../router.ts';
import { useSession } from '../session.ts';
import type { StreamEvent } from '../stream.ts';

/** Where an event's topic leads in the dashboard. */
function linkOf(topic: string): string | undefined {
  const i = topic.indexOf(':');
  const kind = topic.slice(0, i);
  const id = topic.slice(i + 1);
  const pages: Record<string, string> = { tool: 'tools', agent: 'agents', run: 'runs', job: 'jobs' };
  return pages[kind] ? href(pages[kind]!, id) : undefined;
}

/** Every event this tab received on the stream, newest first, with its number: gaps and repeats would show here. */
export function ActivityPage() {
  const { live } = useSession();
  const state = useLinkState();
  const [events, setEvents] = useState<StreamEvent[]>(() => [...live.recent]);
  useEffect(() => live.on(() => setEvents([...live.recent])), [live]);
  return (
    <section aria-labelledby="h-activity">
      <h1 id="h-activity">Live activity</h1>
      <p>
        Stream: <Status value={state} />
        {live.reconnects > 0 ? ` (reconnected ${live.reconnects} times, resuming after event ${live.lastId ?? 0})` : ''}
      </p>
      <Problem error={undefined} />
      {events.length === 0 ? <p>No events since you signed in.</p> : null}
      {events.length > 0 ? (
        <Table label="Events received, newest first">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Topic</th>
              <th scope="col">Status</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {[...events].reverse().map((e) => {
              const to = linkOf(e.topic);
              return (
                <tr key={e.id} data-event-id={e.id}>
                  <td>{e.id}</td>
                  <td>
                    <Time at={e.event.timestamp} />
                  </td>
                  <td>{to ? <a href={to}>{e.topic}</a> : e.topic}</td>
                  <td>
                    <Status value={e.event.status} />
                  </td>
                  <td class="wrap">{e.event.message}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
