import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api.ts';
import { useSession } from './session.ts';
import type { LinkState, StreamEvent } from './stream.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads with the session's API client, and again whenever the stream brings an event whose topic
 * starts with one of `live` (debounced, so a burst of events is one reload).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], live: string[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  /** keep: show what is there while it reloads (a live update); otherwise (other deps) start blank */
  const run = useCallback((keep: boolean) => {
    const mine = ++seq.current;
    setState((s) => (keep ? { ...s, loading: true } : { loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (e: unknown) => mine === seq.current && setState((s) => ({ ...s, error: messageOf(e), loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => run(false), [run]);
  const reload = useCallback(() => run(true), [run]);
  useLive(live, reload);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Calls `on` (debounced) for stream events whose topic starts with one of the prefixes ('*' for all). */
export function useLive(prefixes: string[], on: (e: StreamEvent) => void, debounceMs = 200): void {
  const { live } = useSession();
  const key = prefixes.join('|');
  useEffect(() => {
    if (prefixes.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: StreamEvent | undefined;
    const off = live.on((e) => {
      if (!prefixes.some((p) => p === '*' || e.topic.startsWith(p))) return;
      last = e;
      clearTimeout(timer);
      timer = setTimeout(() => on(last!), debounceMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, key, on]);
}

export function useLinkState(): LinkState {
  const { live } = useSession();
  const [state, setState] = useState(live.state);
  useEffect(() => live.onState(setState), [live]);
  return state;
}

/** Pages of a keyset-paged list: the first page reloads live; "more" appends the next one. */
export function usePaged<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next: string | null }>,
  deps: unknown[],
  live: string[] = [],
): Loaded<T[]> & { more: (() => void) | undefined } {
  const [extra, setExtra] = useState<{ items: T[]; next: string | null } | null>(null);
  const first = useLoad(
    async () => {
      setExtra(null);
      return page(undefined);
    },
    deps,
    live,
  );
  const next = extra ? extra.next : (first.data?.next ?? null);
  const more = next
    ? () => {
        void page(next).then((p) => setExtra((e) => ({ items: [...(e?.items ?? []), ...p.items], next: p.next })));
      }
    : undefined;
  return { ...first, data: first.data ? [...first.data.items, ...(extra?.items ?? [])] : undefined, more };
}
