import type { ComponentChildren } from 'preact';

/** A status as text and colour (the text carries the meaning; the colour only helps). */
export function Status({ value }: { value: string }) {
  const tone = /succeeded|ok|registered|allowed|passed|true|live|completed|accepted|verified/.test(value)
    ? 'good'
    : /failed|error|blocked|timeout|oom|killed|cancelled|false|broken/.test(value)
      ? 'bad'
      : /running|queued|pending|connecting|reconnecting|planning|executing|reviewing|waiting|paused|assigned|flagged/.test(value)
        ? 'busy'
        : 'plain';
  return <span class={`status status-${tone}`}>{value}</span>;
}

export function Progress({ value, label }: { value: number; label: string }) {
  return <progress max={1} value={value} aria-label={label} />;
}

export function Time({ at }: { at: string | null | undefined }) {
  if (!at) return <span>—</span>;
  const d = new Date(at);
  return <time dateTime={at}>{d.toLocaleString()}</time>;
}

/** A table that scrolls sideways on a narrow screen, reachable with the keyboard. */
export function Table({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>
        <caption class="visually-hidden">{label}</caption>
        {children}
      </table>
    </div>
  );
}

export function More({ more, label }: { more: (() => void) | undefined; label: string }) {
  if (!more) return null;
  return (
    <button type="button" class="more" onClick={more}>
      {label}
    </button>
  );
}

export function Problem({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="problem" role="alert">
      {error}
    </p>
  );
}

export function Loading({ loading }: { loading: boolean }) {
  return loading ? (
    <p class="muted" aria-live="polite">
      Loading…
    </p>
  ) : null;
}

/** Source text with line numbers (a list: screen readers announce the line). */
export function Code({ text, label, marks }: { text: string; label: string; marks?: Map<number, string> }) {
  return (
    <div class="code" role="region" aria-label={label} tabIndex={0}>
      <ol>
        {text.split('\n').map((line, i) => {
          const mark = marks?.get(i + 1);
          return (
            <li key={i} class={mark ? 'marked' : undefined} title={mark}>
              <code>{line || ' '}</code>
              {mark ? <span class="visually-hidden"> (finding: {mark})</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A unified diff, added and removed lines marked in text as well as colour. */
export function Diff({ text, label }: { text: string; label: string }) {
  return (
    <pre class="diff" role="region" aria-label={label} tabIndex={0}>
      {text.split('\n').map((l, i) => (
        <span
          key={i}
          class={
            l.startsWith('+') && !l.startsWith('+++')
              ? 'add'
              : l.startsWith('-') && !l.startsWith('---')
                ? 'del'
                : l.startsWith('@@')
                  ? 'hunk'
                  : undefined
          }
        >
          {l || ' '}
        </span>
      ))}
    </pre>
  );
}

export function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre class="json" role="region" aria-label={label} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function Field({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}
