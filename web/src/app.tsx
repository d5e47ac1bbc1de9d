import { useEffect, useRef, useState } from 'preact/hooks';
import { must, type ApiClient } from './api.ts';
import { Status } from './components/ui.tsx';
import { useLinkState } from './hooks.ts';
import { SignIn } from './pages/signin.tsx';
import { match, usePath } from './router.ts';
import { ROUTES } from './routes.ts';
import { forgetToken, savedToken, SessionContext, signIn, useSession, type Me, type Session } from './session.ts';
import { LiveStream } from './stream.ts';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [resuming, setResuming] = useState(savedToken() !== null);

  const start = (token: string, me: Me, api: ApiClient) => {
    const live = new LiveStream(token);
    live.start();
    setSession({ token, me, api, live });
  };
  useEffect(() => {
    const token = savedToken();
    if (!token) return;
    signIn(token)
      .then(
        ({ me, api }) => start(token, me, api),
        () => forgetToken(),
      )
      .finally(() => setResuming(false));
  }, []);
  const signOut = () => {
    session?.live.stop();
    forgetToken();
    setSession(null);
  };

  if (resuming) return <p class="muted">Signing in…</p>;
  if (!session) return <SignIn onSignedIn={start} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell onSignOut={signOut} />
    </SessionContext.Provider>
  );
}

function Shell({ onSignOut }: { onSignOut: () => void }) {
  const { me, api } = useSession();
  const path = usePath();
  const state = useLinkState();
  const main = useRef<HTMLElement>(null);
  const found = match(ROUTES, path);
  const title = found ? found.route.title(found.params) : 'Not found';
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · agent-factory`;
    // after a move to another page (not on the first), the focus goes to its content, as a screen reader expects
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [path]);
  // a token revoked while signed in: the next API answer is 401 and the dashboard signs out
  useEffect(() => {
    const t = setInterval(
      () => void must(api.GET('/api/v1/whoami')).catch((e: { status?: number }) => e.status === 401 && onSignOut()),
      60_000,
    );
    return () => clearInterval(t);
  }, [api]);
  const nav = ROUTES.filter((r) => r.nav && (!r.visible || r.visible(me))).sort((a, b) => a.nav!.order - b.nav!.order);
  const section = `/${path.split('/')[1] ?? ''}`;
  const View = found?.route.view;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">agent-factory</span>
        <span class="who">
          {me.name} · <span class="role">{me.role}</span>
        </span>
        <span class="link-state" aria-live="polite">
          Live: <Status value={state} />
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main">
        <ul>
          {nav.map((r) => (
            <li key={r.path}>
              <a href={`#${r.path}`} aria-current={section === r.path ? 'page' : undefined}>
                {r.nav!.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {found && View ? (
          <View params={found.params} />
        ) : (
          <p>
            No such page. <a href="#/">Back to the overview</a>.
          </p>
        )}
      </main>
    </>
  );
}
