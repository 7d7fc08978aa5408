import { objectId, parseObjectId } from '../../model/id.js';
import type { Grant, Index } from '../../model/schema.js';
import { ident, qualified } from '../../sql/quote.js';
import { arr, bool, obj, sqlText, str, strings, type Expr } from './code.js';

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

/** A table named the way the DSL reads names: `leads` in public, else its id (`crm.contacts`). */
export function tableTarget(tableId: string): Expr {
  const { schema, name } = parseObjectId(tableId);
  return str(schema === 'public' && objectId(schema, name) === `public.${name}` ? name : tableId);
}

/**
 * A collation as SQL; the model keeps a name: `C`, `en_US.utf8` (pg_catalog's, bare) or
 * `public.german` (an id). A dotted name is an id only when its first part is a known schema.
 */
export function collationSql(collation: string, namespaces: Record<string, unknown>): string {
  if (collation.includes('.')) {
    const { schema, name } = parseObjectId(collation);
    if (namespaces[schema]) return qualified(schema, name);
  }
  return ident(collation);
}

/** An index as the table's (or materialized view's) `indexes` entry. */
export function indexExpr(index: Index): Expr {
  return obj([
    ['on', strings(index.keys)],
    ['unique', index.unique ? bool(true) : undefined],
    ['using', index.method !== 'btree' ? str(index.method) : undefined],
    ['include', index.include.length ? strings(index.include) : undefined],
    ['where', index.where !== undefined ? sqlText(index.where) : undefined],
    ['nullsNotDistinct', index.nullsNotDistinct ? bool(true) : undefined],
    ['description', index.comment !== undefined ? str(index.comment) : undefined],
  ]);
}

/** Sorted by name in code-point order, as introspection sorts. */
export function byName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
