import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { columnOptionValue, columnSettings, type Column, type ColumnSettings, type Schema, type Table, type View, type ViewColumn } from '../model/schema.js';

/**
 * The change of a column's storage mode, compression, statistics target and attribute options,
 * if any. `before` is the column as the plan's other changes leave it: a new column has none of
 * them set; a column re-added for a new generated expression loses them all; a type or collation
 * change (ALTER COLUMN ... TYPE) puts storage and compression back to the new type's defaults and
 * keeps the statistics target and the options.
 */
export function columnSettingsChange(table: string, before: Column | undefined, after: Column, sides: { from?: Schema; to: Schema }): Change[] {
  const to = columnSettings(after).settings;
  const from = before ? settingsLeftBy(before, after) : {};
  if (sameValue(comparable(from), comparable(to))) return [];
  return [{ kind: 'set column settings', table, column: after.name, type: after.type, from, to, ...(hasChildren(table, sides) ? { only: true } : {}) }];
}

/**
 * The settings of a materialized view's columns: `before` is the view as it stays, or undefined
 * for one created (again), whose columns start with none.
 */
export function viewColumnSettingsChanges(id: string, before: View | undefined, after: View): Change[] {
  if (!after.materialized) return [];
  return after.columns.flatMap((column) => {
    const kept = before?.columns.find((c) => c.name === column.name);
    const from = kept ? settingsOf(kept) : {};
    const to = settingsOf(column);
    if (sameValue(comparable(from), comparable(to))) return [];
    return [{ kind: 'set column settings' as const, table: id, column: column.name, type: column.type, from, to, materialized: true }];
  });
}

function settingsOf(column: ViewColumn): ColumnSettings {
  return columnSettings({ ...column, notNull: false }).settings;
}

/**
 * Whether a table has partitions or INHERITS children on either side: ALTER TABLE would carry
 * the settings to them, while each holds its own (a partition created later copies its parent's
 * storage and compression, not its statistics target), so each is planned on its own.
 */
function hasChildren(table: string, sides: { from?: Schema; to: Schema }): boolean {
  return [sides.from, sides.to].some((schema) => Object.values(schema?.tables ?? {}).some((t) => t.partitionOf?.parent === table || t.inherits?.includes(table)));
}

/** Whether two columns differ in anything but their settings (what ALTER COLUMN itself plans). */
export function sameColumnShape(a: Column, b: Column): boolean {
  return sameValue(columnSettings(a).rest, columnSettings(b).rest);
}

/**
 * A new partition or child's column as CREATE TABLE leaves it: with the storage and compression
 * its parent's column had before the plan (PostgreSQL copies those, not the statistics target
 * or the options).
 * Undefined for a column of a table of its own.
 */
export function createdColumn(table: Table, column: Column, attached: boolean, from: Schema | undefined): Column | undefined {
  const parents = table.partitionOf && !attached ? [table.partitionOf.parent] : (table.inherits ?? []);
  for (const parent of parents) {
    const source = from?.tables[parent]?.columns.find((c) => c.name === column.name);
    if (!source) continue;
    return { ...columnSettings(column).rest, ...(source.storage ? { storage: source.storage } : {}), ...(source.compression ? { compression: source.compression } : {}) };
  }
  return undefined;
}

/** Settings with option values as the numbers they mean. */
function comparable(settings: ColumnSettings): ColumnSettings {
  if (!settings.options) return settings;
  return { ...settings, options: Object.fromEntries(Object.entries(settings.options).map(([name, value]) => [name, columnOptionValue(value)])) };
}

function settingsLeftBy(before: Column, after: Column): ColumnSettings {
  const { settings } = columnSettings(before);
  if (after.generated !== undefined && after.generated !== before.generated) return {};
  if (before.type !== after.type || (before.collation ?? '') !== (after.collation ?? '')) {
    const { storage: _s, compression: _c, ...kept } = settings;
    return kept;
  }
  return settings;
}
