import type { Schemas } from '../../api.ts';
import { Time } from '../../components/ui.tsx';
import { colourOf, displayName, initialsOf, mentions, type ChatLine } from '../../projects/chat.ts';
import { participantsOf } from '../../projects/dag.ts';
import { useOpenSteps } from '../../projects/live.ts';
import { useSession } from '../../session.ts';

type Project = Schemas['Project'];

/** Seed 000 §3: each participant with its avatar and live status, then the conversation, newest last. */
export function Chat({ p, lines }: { p: Project; lines: ChatLine[] }) {
  const { me } = useSession();
  const reviewers = [...new Set(p.tasks.flatMap((t) => t.evaluations.map((e) => e.reviewer)))];
  const open = useOpenSteps(p.id);
  const people = participantsOf(p, reviewers, open);
  return (
    <div class="chat">
      <ul class="participants" aria-label="Participants">
        {people.map((x) => (
          <li key={x.name} class={`presence-${x.presence}`} data-participant={x.name}>
            <Avatar name={x.name} />
            <span>
              <strong>{x.name}</strong> <span class="muted">({x.role})</span>{' '}
              <span class={`presence presence-${x.presence}`}>{x.presence}</span>
              {x.doing ? <span class="muted"> {x.doing}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {lines.length === 0 ? (
        <p class="muted">Nothing said yet.</p>
      ) : (
        <ol class="messages" aria-label="Conversation" aria-live="polite" aria-relevant="additions">
          {lines.map((l) => (
            <li key={l.id} class={`bubble tone-${l.tone}${l.from.startsWith('person:') ? ' mine' : ''}`} data-from={l.from}>
              <Avatar name={l.from} />
              <div class="bubble-body">
                <p class="bubble-head">
                  <strong>{displayName(l.from, me.id)}</strong>
                  {l.to.length ? <span class="path"> → {l.to.map((t) => displayName(t, me.id)).join(', ')}</span> : null}
                  {l.task ? <span class="muted"> · {l.task}</span> : null} <Time at={l.at} />
                </p>
                <p class="bubble-text">
                  {mentions(l.text).map((part, i) =>
                    part.mention ? (
                      <mark key={i} class="mention">
                        {part.text}
                      </mark>
                    ) : (
                      part.text
                    ),
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Avatar({ name }: { name: string }) {
  return (
    <span class={`avatar ${colourOf(name)}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
