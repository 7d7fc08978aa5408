import type { Table } from '../../model/schema.js';
import { arr, obj, sqlText, str, strings, type Expr } from './code.js';
import { tableTarget } from './parts.js';

const simpleKey = /^(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")$/;

/** `RANGE (created_at)` as `{ range: ['created_at'] }` when every key is a column; else the SQL. */
function partitionByExpr(partitionBy: string): Expr {
  const match = /^(RANGE|LIST|HASH) \((.*)\)$/.exec(partitionBy);
  const keys = match ? match[2]!.split(', ') : [];
  if (!match || !keys.every((k) => simpleKey.test(k))) return sqlText(partitionBy);
  return obj([[match[1]!.toLowerCase(), strings(keys.map((k) => (k.startsWith('"') ? k.slice(1, -1).replace(/""/g, '"') : k)))]]);
}

/** `partitionBy`, `partitionOf` and `inherits` of a table, absent when it has none. */
export function partitionEntries(table: Table): [string, Expr | undefined][] {
  const bound = table.partitionOf?.bound;
  return [
    ['partitionBy', table.partitionBy !== undefined ? partitionByExpr(table.partitionBy) : undefined],
    [
      'partitionOf',
      table.partitionOf && bound !== undefined
        ? obj([['parent', tableTarget(table.partitionOf.parent)], ['values', bound === 'DEFAULT' ? str('default') : sqlText(bound.replace(/^FOR VALUES /, ''))]])
        : undefined,
    ],
    ['inherits', table.inherits?.length ? arr(table.inherits.map(tableTarget)) : undefined],
  ];
}

/**
 * The columns a table declares itself: a partition's and an INHERITS child's inherited ones come
 * from the parent. A partition declares a column only for a default of its own (all its
 * definition may say of one).
 */
export function ownColumns(table: Table, parent: Table | undefined): Table['columns'] {
  if (!table.partitionOf) return table.columns.filter((c) => !c.inherited);
  return table.columns.flatMap((column) => {
    const inherited = parent?.columns.find((c) => c.name === column.name);
    if (!inherited || column.default === inherited.default || column.default === undefined) return [];
    return [{ name: column.name, type: column.type, notNull: false, default: column.default }];
  });
}
