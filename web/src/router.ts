/**
 * Hash routes (`#/tools/csv_aggregator`): the page is one static file, and a route never reaches the
 * server (nor its logs). Pages register here; project pages will be more entries of the same table.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from './session.ts';

export interface RouteProps {
  params: Record<string, string>;
}

export interface RouteDef {
  /** `/tools/:name`: segments with a colon are parameters */
  path: string;
  title: (params: Record<string, string>) => string;
  view: ComponentType<RouteProps>;
  /** shown in the main navigation, in this order */
  nav?: { label: string; order: number };
  /** hidden from tokens that may not use it */
  visible?: (me: Me) => boolean;
}

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

export function match(routes: RouteDef[], path: string): Match | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const want = route.path.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i]!)), true) : w === parts[i]))) {
      return { route, params };
    }
  }
  return undefined;
}

export function currentPath(): string {
  return location.hash.replace(/^#/, '') || '/';
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const on = () => setPath(currentPath());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return path;
}

/** A link target for a path with its parameters encoded. */
export function href(...segments: (string | number)[]): string {
  return `#/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}
