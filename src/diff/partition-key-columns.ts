import { PgformError } from '../errors.js';
import { objectId } from '../model/id.js';
import type { Schema } from '../model/schema.js';

/*
 * PostgreSQL changes the type of no column a partition key names, the table's own or one of its
 * sub-partitions' ("cannot alter column ... because it is part of the partition key"): an enum or
 * domain replaced under such a column would emit an ALTER COLUMN ... TYPE that fails. Planning
 * stops instead, naming the column and the partitioned table.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when a partition key's text (`LIST (region)`, `RANGE ((lower(name)))`) names the column. */
export function keyNamesColumn(partitionBy: string, column: string): boolean {
  const key = partitionBy.slice(partitionBy.indexOf('('));
  const quoted = `"${column.replaceAll('"', '""')}"`;
  const bare = /^[a-z_][a-z0-9_$]*$/.test(column) ? `|${escape(column)}` : '';
  // Not a qualified name's part, a cast's type (`::date`) or a function (`name(`).
  return new RegExp(`(^|[^\\w$.":])(${escape(quoted)}${bare})(?![\\w$"]|\\s*\\()`).test(key);
}

/** The table and its partitions at every level, as `from` holds them. */
function withPartitions(from: Schema, id: string): string[] {
  const found = [id];
  for (let i = 0; i < found.length; i++) {
    for (const [other, table] of Object.entries(from.tables)) if (table.partitionOf?.parent === found[i] && !found.includes(other)) found.push(other);
  }
  return found;
}

/** Stops planning when one of `columns`, whose type the plan must change, is in a partition key. */
export function refuseRetypeInPartitionKey(from: Schema, columns: { table: string; column: { name: string } }[], why: string, object: string): void {
  for (const { table, column } of columns) {
    for (const id of withPartitions(from, table)) {
      const partitioned = from.tables[id];
      if (partitioned?.partitionBy === undefined || !keyNamesColumn(partitioned.partitionBy, column.name)) continue;
      throw new PgformError(
        'CONVERSION_REQUIRED',
        `${why}, but column ${table}.${column.name} is in the partition key of ${objectId(partitioned.schema, partitioned.name)}: PostgreSQL changes the type of no partition key column`,
        { object, field: 'type' },
        `keep the old type for ${table}.${column.name} (for an enum: keep its values), or move the rows to a new table partitioned by the new type`,
      );
    }
  }
}
