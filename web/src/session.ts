/**
 * Who is signed in. The token lives in sessionStorage only (gone when the tab closes), never in a URL,
 * a cookie or a log; the WebSocket gets it as a subprotocol, not as a query parameter.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { apiFor, must, type ApiClient, type Schemas } from './api.ts';
import type { LiveStream } from './stream.ts';

const KEY = 'agent-factory.token';

export type Me = Schemas['Token'];

export interface Session {
  token: string;
  me: Me;
  api: ApiClient;
  live: LiveStream;
}

export function savedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Checks a token against the API; keeps it for this tab only when it works. */
export async function signIn(token: string): Promise<{ me: Me; api: ApiClient }> {
  const api = apiFor(token);
  const { token: me } = await must(api.GET('/api/v1/whoami'));
  sessionStorage.setItem(KEY, token);
  return { me, api };
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

/** What the signed-in token may do, as the service's access rules decide (the API enforces them; this only hides controls). */
export function can(me: Me, action: 'submit' | 'admin'): boolean {
  return action === 'admin' ? me.role === 'admin' : me.role === 'admin' || me.role === 'submitter';
}

/** Change or destroy: its owner or an admin (src/access/rules.ts). */
export function mayChange(me: Me, owner: string): boolean {
  return me.role === 'admin' || (me.role === 'submitter' && owner === me.id);
}
