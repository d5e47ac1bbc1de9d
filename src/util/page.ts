/**
 * Keyset paging: a page is `limit` items after a key (the sort key of the last item of the page
 * before). Clients see the key only as an opaque cursor (base64url JSON).
 */
export type PageKey = (string | number)[];

export interface PageRequest {
  limit: number;
  /** the sort key of the last item already seen */
  after?: PageKey | undefined;
}

export interface PageOf<T> {
  items: T[];
  /** the key to continue after, or null on the last page */
  next: PageKey | null;
}

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): PageKey | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length > 0 && v.length <= 4 && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // not base64url JSON
  }
  return undefined;
}

/** Rows fetched with `limit + 1`: the page and, when there were more, the key of its last item. */
export function pageFromRows<T>(rows: T[], limit: number, keyOf: (t: T) => PageKey): PageOf<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit && items.length > 0 ? keyOf(items[items.length - 1]!) : null };
}

/** A page of an in-memory list sorted by `keyOf` (ascending, unique keys). */
export function pageOfList<T>(all: readonly T[], page: PageRequest, keyOf: (t: T) => PageKey): PageOf<T> {
  const after = page.after;
  const start = after ? all.findIndex((t) => compareKeys(keyOf(t), after) > 0) : 0;
  return pageFromRows(start < 0 ? [] : all.slice(start, start + page.limit + 1), page.limit, keyOf);
}

function compareKeys(a: PageKey, b: PageKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
