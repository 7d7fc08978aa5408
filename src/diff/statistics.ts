import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import type { StatisticsObject } from '../model/schema.js';
import { isColumnItem, statisticsOnItems } from '../model/statistics-on.js';

/**
 * The statistics objects of a table or materialized view: one whose columns, expressions or kinds change is dropped
 * and created again (its gathered statistics wait for the next ANALYZE); a new target or comment
 * is altered in place. A column re-added for a new generated expression takes the objects on it
 * along (PostgreSQL drops them with the column): those are created again. `readded` names those
 * columns: the relation's differ hands them over, so no list of changes is searched for them.
 */
export function diffStatistics(
  id: string,
  a: { statistics?: Record<string, StatisticsObject> },
  b: { statistics?: Record<string, StatisticsObject> },
  changes: Change[],
  readded: string[] = [],
): void {
  const from = a.statistics ?? {};
  const to = b.statistics ?? {};
  for (const name of Object.keys(from).sort()) {
    if (!(name in to)) changes.push({ kind: 'drop statistics', table: id, statistics: from[name]! });
  }
  for (const name of Object.keys(to).sort()) {
    const before = from[name];
    const after = to[name]!;
    if (!before) {
      changes.push({ kind: 'create statistics', table: id, statistics: after });
      continue;
    }
    const goesWithColumn = readded.some((column) => mentionsColumn(before.on, column));
    if (goesWithColumn) {
      changes.push({ kind: 'create statistics', table: id, statistics: after });
    } else if (!sameValue(definition(before), definition(after))) {
      changes.push({ kind: 'drop statistics', table: id, statistics: before }, { kind: 'create statistics', table: id, statistics: after });
    } else if (before.target !== after.target || before.comment !== after.comment) {
      changes.push({ kind: 'alter statistics', table: id, from: before, to: after });
    }
  }
}

/**
 * What makes a statistics object: its columns as a set. PostgreSQL keeps them in the table's
 * column order whatever order they were named in, so a column re-added at the end (a new
 * generated expression) prints the same object's list in another order.
 */
const definition = ({ target: _t, comment: _c, on, ...rest }: StatisticsObject) => ({ ...rest, on: columnsAsSet(on) });

function columnsAsSet(on: string): string {
  const items = statisticsOnItems(on);
  return [...items.filter(isColumnItem).sort(), ...items.filter((item) => !isColumnItem(item))].join(', ');
}

/** Whether a statistics object's printed columns and expressions name a column. */
function mentionsColumn(on: string, column: string): boolean {
  const quoted = `"${column.replace(/"/g, '""')}"`;
  const bare = new RegExp(`(^|[^\\w"$])${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w"$])`);
  return on.includes(quoted) || bare.test(on);
}
