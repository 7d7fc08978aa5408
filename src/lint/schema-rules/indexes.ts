import type { Index, Table } from '../../model/schema.js';
import type { Hit, SchemaRule } from '../rule.js';
import { memoized } from '../memo.js';
import { managedTables, targetOf } from '../targets.js';

/**
 * The column an index key names, or undefined for an expression key: `"created_at" DESC` and
 * `created_at text_pattern_ops` both name created_at; `lower(email)` names no column.
 */
export const keyColumn: (key: string) => string | undefined = memoized(readKeyColumn);

function readKeyColumn(key: string): string | undefined {
  const match = /^\s*(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))(?:\s+.*)?$/s.exec(key);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!.toLowerCase() === match[2] ? match[2] : match[2]!.toLowerCase();
}

/** Each index of a table as its leading columns, constraint-backing ones included. */
function indexedColumnLists(table: Table): string[][] {
  const lists: string[][] = [];
  for (const constraint of Object.values(table.constraints)) if (constraint.kind === 'primary key' || constraint.kind === 'unique') lists.push(constraint.columns);
  for (const index of Object.values(table.indexes)) {
    const columns: string[] = [];
    for (const key of index.keys) {
      const column = keyColumn(key);
      if (column === undefined) break;
      columns.push(column);
    }
    lists.push(columns);
  }
  return lists;
}

/** splinter 0001: a foreign key without an index makes every delete of a referenced row scan this table. */
export const unindexedForeignKeys: SchemaRule = {
  id: 'unindexed_foreign_keys',
  level: 'INFO',
  category: 'PERFORMANCE',
  description: 'A foreign key has no index starting with its columns: deleting or updating a referenced row scans the whole table, and joins along it cannot use an index.',
  check: ({ schema }) =>
    managedTables(schema).flatMap(([id, table]) => {
      const lists = indexedColumnLists(table);
      return Object.values(table.constraints)
        .filter((constraint) => constraint.kind === 'foreign key')
        .filter((fk) => !lists.some((columns) => columns.length >= fk.columns.length && new Set(columns.slice(0, fk.columns.length)).size === fk.columns.length && fk.columns.every((c) => columns.slice(0, fk.columns.length).includes(c))))
        .map((fk) => ({ ...targetOf('table', id, table), message: `foreign key ${fk.name} on ${id} (${fk.columns.join(', ')}) has no covering index; add indexes: { ${fk.name.replace(/_fkey$/, '')}_idx: { on: [${fk.columns.map((c) => `'${c}'`).join(', ')}] } }` }));
    }),
};

const normalKey = memoized((key) => {
  const column = keyColumn(key);
  return column !== undefined ? `${column}${key.replace(/^\s*("(?:[^"]|"")+"|\S+)/, '').replace(/\s+asc\b/i, '').toLowerCase().replace(/\s+/g, ' ')}` : key.replace(/\s+/g, '').toLowerCase();
});

function signature(method: string, keys: string[], include: string[], where: string | undefined): string {
  return [method.toLowerCase(), keys.map(normalKey).join(','), include.join(','), (where ?? '').replace(/\s+/g, '').toLowerCase()].join('|');
}

/** splinter 0009: two indexes with the same keys cost every write twice and help no read. */
export const duplicateIndex: SchemaRule = {
  id: 'duplicate_index',
  level: 'WARN',
  category: 'PERFORMANCE',
  description: 'Two indexes (or an index and a key) cover the same columns the same way: every write maintains both, no read gains. Drop one.',
  check: ({ schema }) => {
    const hits: Hit[] = [];
    for (const [id, table] of managedTables(schema)) {
      const seen = new Map<string, string[]>();
      const add = (name: string, sig: string) => seen.set(sig, [...(seen.get(sig) ?? []), name]);
      for (const constraint of Object.values(table.constraints)) {
        if (constraint.kind === 'primary key' || constraint.kind === 'unique') add(constraint.name, signature('btree', constraint.columns, [], undefined));
      }
      for (const index of Object.values(table.indexes) as Index[]) add(index.name, signature(index.method, index.keys, index.include, index.where));
      for (const names of seen.values()) {
        if (names.length > 1) hits.push({ ...targetOf('table', id, table), message: `table ${id} has identical indexes ${names.map((n) => `"${n}"`).join(', ')}; keep one` });
      }
    }
    return hits;
  },
};

/** splinter 0004: without a primary key, replication cannot identify rows and tools cannot update one row. */
export const noPrimaryKey: SchemaRule = {
  id: 'no_primary_key',
  level: 'INFO',
  category: 'PERFORMANCE',
  description: 'A table has no primary key: logical replication (Supabase Realtime) cannot send its updates and deletes, and rows cannot be addressed one by one.',
  check: ({ schema }) =>
    managedTables(schema)
      .filter(([, table]) => !table.partitionOf && !Object.values(table.constraints).some((constraint) => constraint.kind === 'primary key'))
      .map(([id, table]) => ({ ...targetOf('table', id, table), message: `table ${id} has no primary key` })),
};
