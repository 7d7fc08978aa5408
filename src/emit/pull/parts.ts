import { objectId, parseObjectId } from '../../model/id.js';
import { columnOptionValue, type ColumnOptions, type Grant, type Index, type StorageOptions } from '../../model/schema.js';
import { arr, bool, num, obj, sqlText, str, strings, type Expr } from './code.js';

/** Grants as definitions write them: `[{ to: 'authenticated', privileges: ['select'] }]`. */
export function grantsExpr(grants: Grant[]): Expr {
  return arr(grantExprs(grants));
}

/** One object per grant; `columns` makes them column privileges. */
export function grantExprs(grants: Grant[], columns?: string[]): Expr[] {
  return grants.map((grant) =>
    obj([
      ['to', str(grant.grantee)],
      ['privileges', strings(grant.privileges.map((privilege) => privilege.toLowerCase()))],
      ['withGrantOption', grant.withGrantOption ? bool(true) : undefined],
      ['columns', columns ? strings(columns) : undefined],
    ]),
  );
}

/** A table's or view's grants, then its column privileges as grants naming their columns. */
export function relationGrantsExpr(grants: Grant[], columns: { name: string; grants?: Grant[] }[]): Expr | undefined {
  const columnGrants = columns.flatMap((column) => (column.grants ?? []).map((grant) => ({ column: column.name, grant })));
  if (grants.length === 0 && columnGrants.length === 0) return undefined;
  // Columns granted the same privileges to the same role share one entry, in column order.
  const grouped = new Map<string, { grant: Grant; columns: string[] }>();
  for (const { column, grant } of columnGrants) {
    const key = JSON.stringify(grant);
    const entry = grouped.get(key) ?? { grant, columns: [] };
    entry.columns.push(column);
    grouped.set(key, entry);
  }
  const sortedGroups = [...grouped.values()].sort((a, b) => (a.grant.grantee < b.grant.grantee ? -1 : a.grant.grantee > b.grant.grantee ? 1 : 0));
  return arr([...grantExprs(grants), ...sortedGroups.map(({ grant, columns }) => grantExprs([grant], columns)[0]!)]);
}

/** A table named the way the DSL reads names: `leads` in public, else its id (`crm.contacts`). */
export function tableTarget(tableId: string): Expr {
  const { schema, name } = parseObjectId(tableId);
  return str(schema === 'public' && objectId(schema, name) === `public.${name}` ? name : tableId);
}

/** A collation as SQL; the model keeps an id: `C`, `"en_US.utf8"` (pg_catalog's) or `public.german`. */
export { collationSql } from '../../plan/sql/names.js';

/** An index as the table's (or materialized view's) `indexes` entry. */
export function indexExpr(index: Index): Expr {
  return obj([
    ['on', strings(index.keys)],
    ['unique', index.unique ? bool(true) : undefined],
    ['using', index.method !== 'btree' ? str(index.method) : undefined],
    ['include', index.include.length ? strings(index.include) : undefined],
    ['where', index.where !== undefined ? sqlText(index.where) : undefined],
    ['nullsNotDistinct', index.nullsNotDistinct ? bool(true) : undefined],
    ['storage', storageExpr(index.storage)],
    ['description', index.comment !== undefined ? str(index.comment) : undefined],
  ]);
}

/** Sorted by name in code-point order, as introspection sorts. */
export function byName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Storage parameters as `{ fillfactor: 70 }`: numbers and booleans as literals when they print
 * back to the same stored text, anything else as a string.
 */
export function storageExpr(storage: StorageOptions | undefined): Expr | undefined {
  if (!storage || Object.keys(storage).length === 0) return undefined;
  const value = (text: string): Expr => {
    if (text === 'true' || text === 'false') return bool(text === 'true');
    if (/^-?[0-9]+(\.[0-9]+)?$/.test(text) && String(Number(text)) === text) return num(text);
    return str(text);
  };
  return obj(Object.entries(storage).map(([name, text]) => [name, value(text)]));
}

/** `{ n_distinct: -0.5 }`: a column's attribute options, as the numbers their text means. */
export function columnOptionsExpr(options: ColumnOptions): Expr {
  return obj(Object.entries(options).map(([name, value]) => [name, num(columnOptionValue(value))]));
}
