import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per SQL text on the connection: `db.prepare` compiles the SQL again at every
 * call (a tenth of a millisecond and more), and the repositories prepare most of theirs per call. The
 * cache is bounded (SQL with IN lists varies with their length); the least recently prepared go first.
 * Safe because no repository changes a statement's mode (pluck, raw, expand, safeIntegers) or iterates
 * one while running it again; a test keeps that true.
 */
export function cachePrepared(db: Database.Database, max = 256): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) return hit;
    const st = prepare(source);
    cache.set(source, st);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return st;
  }) as typeof db.prepare;
}
