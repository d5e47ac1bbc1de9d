import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf, must } from '../api.ts';
import { Diff, Problem } from '../components/ui.tsx';
import { lineDiff } from '../diff.ts';
import { useSession } from '../session.ts';
import { readPolicy } from './policies.tsx';

interface Issue {
  path: string;
  message: string;
  line?: number | undefined;
  column?: number | undefined;
}

interface Theirs {
  text: string;
  etag: string;
  version: number | null;
}

/**
 * The policy's YAML, checked by the service as you type (POST …/validate, nothing saved): each problem
 * is marked at its line and listed with a button that puts the cursor there. Saving sends the ETag it
 * was read with; when someone else saved in between (412) it shows their version against yours.
 */
export function PolicyEditor(props: { name: string; text: string; etag: string; onSaved: (note?: string) => void }) {
  const { api } = useSession();
  const { name } = props;
  const [text, setText] = useState(props.text);
  const [etag, setEtag] = useState(props.etag);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const [theirs, setTheirs] = useState<Theirs>();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLOListElement>(null);
  const checked = useRef(0);

  useEffect(() => {
    const mine = ++checked.current;
    setChecking(true);
    const t = setTimeout(() => {
      must(api.POST('/api/v1/policies/{name}/validate', { params: { path: { name } }, body: { text } })).then(
        (r) => mine === checked.current && (setIssues(r.issues), setChecking(false)),
        (e: unknown) => mine === checked.current && (setError(messageOf(e)), setChecking(false)),
      );
    }, 300);
    return () => clearTimeout(t);
  }, [api, name, text]);

  const byLine = new Map<number, Issue[]>();
  for (const i of issues) if (i.line) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
  const lines = text.split('\n').length;

  const goTo = (line: number) => {
    const ta = area.current;
    if (!ta) return;
    const offset = text
      .split('\n')
      .slice(0, line - 1)
      .reduce((n, l) => n + l.length + 1, 0);
    ta.focus();
    ta.setSelectionRange(offset, offset + (text.split('\n')[line - 1]?.length ?? 0));
  };

  const save = async (over?: string) => {
    setError(undefined);
    try {
      const r = await must(
        api.PUT('/api/v1/policies/{name}', { params: { path: { name }, header: { 'if-match': over ?? etag } }, body: { text } }),
      );
      setEtag(r.etag);
      setTheirs(undefined);
      props.onSaved(`Saved as version ${r.version ?? '?'}.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        const now = await readPolicy(api, name);
        setTheirs({ text: now.text, etag: now.etag, version: now.version });
      } else if (e instanceof ApiError && e.status === 422) {
        const found = (e.details as { issues?: Issue[] } | undefined)?.issues;
        if (found) setIssues(found);
        setError(`Not saved: ${e.message}`);
      } else setError(messageOf(e));
    }
  };

  return (
    <section class="panel" aria-labelledby="h-edit">
      <h2 id="h-edit">Edit</h2>
      <label for="policy-text">Policy YAML</label>
      <div class="editor">
        <ol class="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <li key={i} class={byLine.has(i + 1) ? 'bad' : undefined} data-line={i + 1}>
              {byLine.has(i + 1) ? '!' : ''}
            </li>
          ))}
        </ol>
        <textarea
          id="policy-text"
          ref={area}
          rows={Math.min(30, Math.max(10, lines + 1))}
          spellcheck={false}
          wrap="off"
          value={text}
          aria-invalid={issues.length > 0}
          aria-describedby="policy-problems"
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onScroll={(e) => gutter.current && (gutter.current.scrollTop = (e.target as HTMLTextAreaElement).scrollTop)}
        />
      </div>
      <div id="policy-problems" aria-live="polite">
        {checking ? <p class="muted">Checking…</p> : issues.length === 0 ? <p class="ok">No problems.</p> : null}
        {issues.length > 0 ? (
          <ul class="issues" aria-label="Problems">
            {issues.map((i, n) => (
              <li key={n} data-line={i.line ?? ''}>
                {i.line ? (
                  <button type="button" class="link" onClick={() => goTo(i.line!)}>
                    Line {i.line}
                    {i.column ? `, column ${i.column}` : ''}
                  </button>
                ) : (
                  <span>Whole policy</span>
                )}
                : <code>{i.path}</code> {i.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="controls">
        <button type="button" onClick={() => void save()} disabled={text === props.text && etag === props.etag}>
          Save
        </button>
        <button type="button" onClick={() => setText(props.text)} disabled={text === props.text}>
          Undo my edits
        </button>
      </div>
      <Problem error={error} />
      {theirs ? (
        <Conflict
          theirs={theirs}
          mine={text}
          onTakeTheirs={() => {
            setText(theirs.text);
            setEtag(theirs.etag);
            setTheirs(undefined);
            props.onSaved();
          }}
          onKeepMine={() => void save(theirs.etag)}
        />
      ) : null}
    </section>
  );
}

function Conflict({
  theirs,
  mine,
  onTakeTheirs,
  onKeepMine,
}: {
  theirs: Theirs;
  mine: string;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <div class="conflict" role="alert" aria-labelledby="h-conflict">
      <h3 id="h-conflict">Not saved: someone else changed this policy</h3>
      <p>
        Since you opened it, the policy was saved again (now version {theirs.version ?? '?'}). Your text was not saved, so nothing of theirs
        was lost. Below, lines marked − are only in their version, + only in yours. Load theirs and redo your change, or save yours over
        theirs once you have taken in what they changed.
      </p>
      <Diff text={lineDiff(theirs.text, mine)} label="Their version against yours" />
      <div class="controls">
        <button type="button" onClick={onTakeTheirs}>
          Load their version (drop my edits)
        </button>
        <button type="button" class="danger" onClick={onKeepMine}>
          Save mine over theirs
        </button>
      </div>
    </div>
  );
}
