import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api.ts';
import { signIn, type Me } from '../session.ts';
import type { ApiClient } from '../api.ts';

/** Asks for an API token; it is checked with GET /api/v1/whoami and kept in this tab's session storage only. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string, me: Me, api: ApiClient) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const t = token.trim();
    try {
      const { me, api } = await signIn(t);
      setToken('');
      onSignedIn(t, me, api);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'This token is not valid (unknown or revoked).' : messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="signin">
      <h1>agent-factory</h1>
      <form onSubmit={submit} method="post" aria-labelledby="h-signin">
        <h2 id="h-signin">Sign in</h2>
        <p>
          Paste an API token (<code>aft_…</code>). The service printed where the first admin token is; admins make more with{' '}
          <code>factory token create</code>. It stays in this tab only and is forgotten when you close it.
        </p>
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-describedby={error ? 'signin-error' : undefined}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        {error ? (
          <p id="signin-error" class="problem" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </main>
  );
}
