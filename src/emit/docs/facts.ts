/**
 * Facts the document states about tables that the model does not hold directly: whether a
 * foreign key has an index to serve it, how many rows a relationship joins, which views read a
 * table. Each is derived from the model alone, so the document stays true as the schema changes.
 */
import type { ForeignKey, Index, Table } from '../../model/schema.js';
import { objectId } from '../../model/id.js';
import type { DocsContext } from './context.js';
import { functionsCalled, keyColumn, relationsRead } from './sql-text.js';

/** The leading plain-column keys of an index (stops at the first expression key). */
export function leadingColumns(index: Index): string[] {
  const columns: string[] = [];
  for (const key of index.keys) {
    const column = keyColumn(key);
    if (!column) break;
    columns.push(column);
  }
  return columns;
}

/**
 * What serves lookups of `columns` on a table: a primary key, unique constraint or full (not
 * partial) btree index whose first keys are exactly those columns, in any order. Hash indexes
 * serve single-column equality. Returns the name of the first such index or constraint.
 */
export function coveringIndex(table: Table, columns: string[]): string | undefined {
  const wanted = new Set(columns);
  const covers = (keys: string[]) => keys.length >= wanted.size && keys.slice(0, wanted.size).every((key) => wanted.has(key));
  for (const name of Object.keys(table.constraints).sort()) {
    const constraint = table.constraints[name]!;
    if ((constraint.kind === 'primary key' || constraint.kind === 'unique') && covers(constraint.columns)) return name;
  }
  // The tightest index first: the one a reader would name as serving the key.
  const byWidth = Object.keys(table.indexes).sort((a, b) => table.indexes[a]!.keys.length - table.indexes[b]!.keys.length || (a < b ? -1 : 1));
  for (const name of byWidth) {
    const index = table.indexes[name]!;
    if (index.where) continue;
    if (index.method === 'btree' && covers(leadingColumns(index))) return name;
    if (index.method === 'hash' && columns.length === 1 && leadingColumns(index)[0] === columns[0]) return name;
  }
  return undefined;
}

/** True when the columns are exactly a primary key or unique constraint: one row per value. */
export function isUniqueOn(table: Table, columns: string[]): boolean {
  const wanted = [...columns].sort().join('\0');
  return Object.values(table.constraints).some(
    (c) => (c.kind === 'primary key' || c.kind === 'unique') && [...c.columns].sort().join('\0') === wanted,
  );
}

/** Whether every column of a foreign key is NOT NULL, so each row must have a parent. */
export function isRequired(table: Table, key: ForeignKey): boolean {
  return key.columns.every((name) => table.columns.find((column) => column.name === name)?.notNull);
}

/** The cardinality words of a foreign key, from the parent's side. */
export function cardinality(table: Table, key: ForeignKey): 'one-to-one' | 'one-to-many' {
  return isUniqueOn(table, key.columns) ? 'one-to-one' : 'one-to-many';
}

/** Ids of the relations (tables and views) a view's query reads, sorted. */
export function viewSources(ctx: DocsContext, viewId: string): string[] {
  const view = ctx.schema.views[viewId]!;
  const found = new Set<string>();
  for (const parts of relationsRead(view.definition)) {
    const candidates =
      parts.length >= 2
        ? [objectId(parts[parts.length - 2]!, parts[parts.length - 1]!)]
        : [objectId(view.schema, parts[0]!), objectId('public', parts[0]!)];
    const id = candidates.find((candidate) => ctx.schema.tables[candidate] || ctx.schema.views[candidate]);
    if (id && id !== viewId) found.add(id);
  }
  return [...found].sort();
}

/** For every relation, the views that read it. */
export function readersOf(ctx: DocsContext): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const viewId of Object.keys(ctx.schema.views).sort()) {
    for (const source of viewSources(ctx, viewId)) readers.set(source, [...(readers.get(source) ?? []), viewId]);
  }
  return readers;
}

/** Routines a query calls that the schema defines, as ids. */
export function routinesCalled(ctx: DocsContext, text: string, defaultSchema: string): string[] {
  const found = new Set<string>();
  for (const parts of functionsCalled(text)) {
    const names = parts.length >= 2 ? [objectId(parts[parts.length - 2]!, parts[parts.length - 1]!)] : [objectId(defaultSchema, parts[0]!), objectId('public', parts[0]!)];
    for (const name of names) for (const id of ctx.routinesByName.get(name) ?? []) found.add(id);
  }
  return [...found].sort();
}
