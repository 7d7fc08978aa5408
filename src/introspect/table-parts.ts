/**
 * What a full read adds to the objects client types are made of: constraints, indexes, triggers,
 * policies, statistics objects, the catalog's dependency edges and the unmanaged objects, each
 * attached where it belongs. A module of its own, loaded only by the reads that want them: a
 * read for types (`gen types --url`) does not load these queries.
 */
import type { Connection } from '../engine/connection.js';
import { objectId } from '../model/id.js';
import type { Dependency, Schema, Unmanaged } from '../model/schema.js';
import { byText, sortedRecord } from './sorted.js';
import { toConstraint, type ConstraintRow } from './queries/constraints.js';
import { AddressBook, relationsSql, routinesSql, typesSql, type AddressRows } from './queries/addresses.js';
import { dependenciesSql, toDependencies, type DependencyRow } from './queries/dependencies.js';
import { toIndex, type IndexRow } from './queries/indexes.js';
import { toPolicy, type PolicyRow } from './queries/policies.js';
import { toStatistics, type StatisticsRow } from './queries/statistics.js';
import { toTrigger, type TriggerRow } from './queries/triggers.js';
import { toUnmanaged, type UnmanagedRow } from './queries/unmanaged.js';
import { inCatalogSnapshot, type CatalogReader } from './read.js';

export { constraintsSql, type ConstraintRow } from './queries/constraints.js';
export { indexesSql, type IndexRow } from './queries/indexes.js';
export { policiesSql, type PolicyRow } from './queries/policies.js';
export { statisticsSql, type StatisticsRow } from './queries/statistics.js';
export { triggersSql, type TriggerRow } from './queries/triggers.js';
export { unmanagedSql, type UnmanagedRow } from './queries/unmanaged.js';

/** The catalog's dependency edges alone (what `dependencies: false` leaves out, unmanaged objects aside). */
export async function readDependencies(conn: Connection): Promise<Schema['dependencies']> {
  return inCatalogSnapshot(conn, async (reader) => {
    const { rows, book } = await readEdges(reader);
    return inOrder(toDependencies(rows, book));
  });
}

/** The catalog's edges as located, and the address book that names their ends (see addresses.ts). */
export interface EdgeRows {
  rows: DependencyRow[];
  book: AddressBook;
}

/** Reads the edges and the relations, types and routines that name their ends, side by side. */
export async function readEdges(reader: CatalogReader): Promise<EdgeRows> {
  const [rows, relations, types, routines] = await Promise.all([
    reader.read<DependencyRow>('dependencies', dependenciesSql),
    reader.read<AddressRows['relations'][number]>('relations of dependencies', relationsSql),
    reader.read<AddressRows['types'][number]>('types of dependencies', typesSql),
    reader.read<AddressRows['routines'][number]>('routines of dependencies', routinesSql),
  ]);
  return { rows, book: new AddressBook({ relations, types, routines }) };
}

/** The catalogs' edges and the objects pgform does not model; both absent when there are none. */
export function attachDependencies(schema: Schema, { rows, book }: EdgeRows, unmanagedRows: UnmanagedRow[]): void {
  const dependencies = toDependencies(rows, book);
  const unmanaged: [string, Unmanaged][] = [];
  for (const row of unmanagedRows) {
    const { key, object, dependencies: edges } = toUnmanaged(row, book);
    unmanaged.push([key, object]);
    dependencies.push(...edges);
  }
  if (unmanaged.length) schema.unmanaged = sortedRecord(unmanaged);
  if (dependencies.length) schema.dependencies = inOrder(dependencies);
}

/** Edges sorted by their JSON text and without repeats: the server sends them unsorted. */
function inOrder(dependencies: Dependency[]): Dependency[] {
  const byKey = new Map<string, Dependency>();
  for (const dependency of dependencies) byKey.set(JSON.stringify(dependency), dependency);
  // The default order of strings is byText's (UTF-16 code units), without a call per comparison.
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

interface TablePartRows {
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  triggers: TriggerRow[];
  policies: PolicyRow[];
  statistics: StatisticsRow[];
}

/** Constraints, indexes, triggers and policies, attached to their table (or materialized view). */
export function attachTableParts(schema: Schema, external: Set<string>, { constraints, indexes, triggers, policies, statistics }: TablePartRows): void {
  const tableOf = (row: { schema: string; table: string }) => schema.tables[objectId(row.schema, row.table)];
  // Rows arrive sorted by name within each relation only under the database's collation, so
  // they are sorted again by code point before being inserted.
  const sortByName = <R extends { name: string }>(rows: R[]) => [...rows].sort((a, b) => byText(a.name, b.name));
  for (const row of sortByName(constraints)) {
    const table = tableOf(row);
    if (table) table.constraints[row.name] = toConstraint(row);
  }
  for (const row of sortByName(statistics)) {
    const owner = schema.tables[objectId(row.tableSchema, row.table)] ?? schema.views[objectId(row.tableSchema, row.table)];
    if (owner) (owner.statistics ??= {})[row.name] = toStatistics(row);
  }
  for (const row of sortByName(indexes)) {
    const owner = tableOf(row) ?? schema.views[objectId(row.schema, row.table)];
    if (owner) owner.indexes[row.name] = toIndex(row);
  }
  const externalTable = (row: { schema: string; table: string }) => ((schema.externalTables ??= {})[objectId(row.schema, row.table)] ??= { triggers: {}, policies: {} });
  for (const row of sortByName(triggers)) {
    const table = tableOf(row);
    const view = table ? undefined : schema.views[objectId(row.schema, row.table)];
    if (table) table.triggers[row.name] = toTrigger(row);
    else if (view) (view.triggers ??= {})[row.name] = toTrigger(row);
    else if (external.has(row.schema)) externalTable(row).triggers[row.name] = toTrigger(row);
  }
  for (const row of sortByName(policies)) {
    const table = tableOf(row);
    if (table) table.policies[row.name] = toPolicy(row);
    else if (external.has(row.schema)) externalTable(row).policies[row.name] = toPolicy(row);
  }
  if (schema.externalTables) schema.externalTables = sortedRecord(Object.entries(schema.externalTables));
}
