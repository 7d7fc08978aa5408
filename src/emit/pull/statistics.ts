import type { StatisticsObject } from '../../model/schema.js';
import { arr, num, obj, sqlText, str, strings, type Expr } from './code.js';
import { byName } from './parts.js';
import { isColumnItem, statisticsOnItems } from '../../model/statistics-on.js';

/**
 * The items of a statistics object's printed `on`: a column (an identifier, bare or quoted) as its
 * name, anything else as a `sql` expression (without the parentheses the server puts around some).
 */
function onItems(on: string): Expr[] {
  return statisticsOnItems(on).map((item) => {
    if (isColumnItem(item)) return str(item.startsWith('"') ? item.slice(1, -1).replace(/""/g, '"') : item);
    return sqlText(item.startsWith('(') && item.endsWith(')') && balanced(item.slice(1, -1)) ? item.slice(1, -1) : item);
  });
}

/** Whether parentheses pair up in a text (so the outer pair of `(a) + (b)` is not taken off). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function statisticsEntry(statistics: StatisticsObject): Expr {
  const all = statistics.kinds.length === 3;
  return obj([
    ['schema', statistics.schema !== undefined ? str(statistics.schema) : undefined],
    ['on', arr(onItems(statistics.on))],
    ['kinds', statistics.kinds.length && !all ? strings(statistics.kinds) : undefined],
    ['target', statistics.target !== undefined ? num(statistics.target) : undefined],
    ['description', statistics.comment !== undefined ? str(statistics.comment) : undefined],
  ]);
}

/** `statistics: { name: { on: [...], kinds: [...] } }` of a table or materialized view. */
export function statisticsExpr(table: { statistics?: Record<string, StatisticsObject> }): Expr | undefined {
  const list = byName(Object.values(table.statistics ?? {}));
  return list.length ? obj(list.map((statistics) => [statistics.name, statisticsEntry(statistics)])) : undefined;
}
