import { standsAlone } from '../canonical/added-columns.js';
import type { Change } from '../model/change.js';
import type { Column, Schema } from '../model/schema.js';

/**
 * The state a migration of plain added columns leaves, read off the state before it with no
 * database: each column as introspection reads it, after the table's other columns. Only where
 * the statements cannot fail and change nothing else in the catalogs:
 *
 * - every change adds a column to a plain table of `before` that nothing else names in printed
 *   text and that passes no columns on (see standsAlone), so no view, policy, function body,
 *   partition or child shows it;
 * - each column is nullable, with no default, identity, generated value, collation, comment or
 *   privileges, of a built-in type (printed unqualified, since catalogs are read with an empty
 *   search_path): `ADD COLUMN name type` succeeds on any rows and records no dependency a plan
 *   reads (built-in types are pinned);
 * - no event trigger could run more statements on the way.
 *
 * Undefined for any other migration: that one is applied to a shadow database and read back.
 */
export function stateAfterAddedColumns(before: Schema, changes: Change[]): Schema | undefined {
  if (changes.length === 0) return undefined;
  if (Object.values(before.unmanaged ?? {}).some((object) => object.kind === 'event trigger')) return undefined;
  const tables = { ...before.tables };
  for (const change of changes) {
    if (change.kind !== 'add column' || !plainColumn(change.column)) return undefined;
    const table = tables[change.table];
    if (!table || !standsAlone(before, change.table) || table.columns.some((column) => column.name === change.column.name)) return undefined;
    tables[change.table] = { ...table, columns: [...table.columns, { name: change.column.name, type: change.column.type, notNull: false }] };
  }
  return { ...before, tables };
}

/** A column whose ADD COLUMN is the name and a built-in type alone. */
function plainColumn(column: Column): boolean {
  const extras = column.default ?? column.identity ?? column.identityOptions ?? column.generated ?? column.collation ?? column.comment ?? column.renamedFrom ?? column.conversion;
  return !column.notNull && extras === undefined && !column.inherited && !column.grants?.length && !/[."]/.test(column.type);
}
