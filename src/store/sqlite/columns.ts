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
