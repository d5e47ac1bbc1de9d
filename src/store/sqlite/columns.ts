import type { z } from 'zod';
import { FactoryError } from '../../errors/catalog.ts';

/** How a repository runs its synchronous statements: through the store's gate, or inside a transaction. */
export type Run = <T>(fn: () => T) => Promise<T>;

export { settle } from './gate.ts';

/**
 * A JSON column parsed with the domain schema that describes it. A row that is not JSON or does not match
 * is STORE_CORRUPT, naming the table, the row and the column (callers never get an unchecked value).
 */
export function column<S extends z.ZodType>(schema: S, text: string, table: string, id: string | number, col: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw corrupt(table, id, col, `not JSON: ${(e as Error).message}`);
  }
  return checked(schema, value, table, id, col);
}

/** A plain column (an enumerated text) checked against its schema. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, table: string, id: string | number, col: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw corrupt(table, id, col, `${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The same for a column that may be NULL (SQL NULL, or a JSON null). */
export function nullableColumn<S extends z.ZodType>(
  schema: S,
  text: string | null,
  table: string,
  id: string | number,
  col: string,
): z.output<S> | null {
  return text === null || text === 'null' ? null : column(schema, text, table, id, col);
}

function corrupt(table: string, id: string | number, col: string, why: string): FactoryError {
  return new FactoryError('STORE_CORRUPT', `Row ${id} of table ${table} is corrupt: column ${col} is ${why}`, { table, id, column: col });
}

/** Freezes a value all the way down: a cached value handed out shared cannot be changed by its reader. */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * JSON columns checked once per text: a row read again and again with the same column text (a project's
 * plan and config during its run, read back after every commit) gets a copy of the value parsed and
 * checked the first time (a structured clone costs a fraction of the schema check), so no two readers
 * share an object. A changed text is parsed and checked again. Bounded by entries and by the characters of
 * their texts (a parsed value takes a few times its text): the least recently parsed go first.
 */
export class ColumnCache {
  private readonly entries = new Map<string, { text: string; value: unknown }>();
  private chars = 0;

  constructor(
    private readonly max = 2048,
    private readonly maxChars = 8_000_000,
  ) {}

  private keep(key: string, text: string, value: unknown): void {
    this.drop(key);
    if (text.length > this.maxChars / 8) return; // a huge text is parsed at every read rather than crowd out the rest
    this.entries.set(key, { text, value });
    this.chars += text.length;
    while (this.entries.size > this.max || this.chars > this.maxChars) this.drop(this.entries.keys().next().value!);
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.chars -= old.text.length;
    this.entries.delete(key);
  }

  /** `shared`: the cached value itself, frozen (see ProjectRepo.write); otherwise a copy the reader may change */
  column<S extends z.ZodType>(schema: S, text: string, table: string, id: string | number, col: string, shared = false): z.output<S> {
    if (this.max === 0) return column(schema, text, table, id, col);
    const key = `${table}\u0000${id}\u0000${col}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === text) return (shared ? hit.value : structuredClone(hit.value)) as z.output<S>;
    const value = deepFreeze(column(schema, text, table, id, col));
    this.keep(key, text, value);
    return shared ? value : structuredClone(value);
  }

  /** A value the caller has just written as `text` (already a valid value): the next read takes it as it is. */
  remember(text: string, value: unknown, table: string, id: string | number, col: string): void {
    if (this.max === 0) return;
    this.keep(`${table}\u0000${id}\u0000${col}`, text, deepFreeze(value));
  }

  nullableColumn<S extends z.ZodType>(
    schema: S,
    text: string | null,
    table: string,
    id: string | number,
    col: string,
    shared = false,
  ): z.output<S> | null {
    return text === null || text === 'null' ? null : this.column(schema, text, table, id, col, shared);
  }
}
