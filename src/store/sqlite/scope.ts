import type { ListScope } from '../../access/index.ts';

/**
 * A list scope from the access rules as a SQL condition on an owner column (and a shared column where
 * the table has one), with its named parameters. The rule itself lives in src/access; this only applies it.
 */
export function scopeWhere(scope: ListScope, ownerCol: string, sharedCol?: string): { sql: string; params: Record<string, string> } {
  if (scope.all) return { sql: '1', params: {} };
  const params: Record<string, string> = {};
  const names = scope.owners.map((o, i) => {
    params[`scopeOwner${i}`] = o;
    return `@scopeOwner${i}`;
  });
  const ors = names.length > 0 ? [`${ownerCol} IN (${names.join(', ')})`] : [];
  if (scope.shared && sharedCol) ors.push(`${sharedCol} = 1`);
  return { sql: ors.length > 0 ? `(${ors.join(' OR ')})` : '0', params };
}
