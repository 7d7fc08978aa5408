import type { Hit } from '../rule.js';
import type { ColumnSpec } from '../sql-reader.js';
import type { MigrationRule } from './rule.js';
import { actionsOf, statementHit } from './rule.js';
import type { MigrationText } from '../migration.js';

/** Every column a file creates or adds, and every type it changes a column to, with its statement. */
function columnsOf(migration: MigrationText) {
  return [
    ...actionsOf(migration, 'create table').flatMap(({ statement, action }) => action.columns.map((column) => ({ statement, table: action.table, column }))),
    ...actionsOf(migration, 'add column').map(({ statement, action }) => ({ statement, table: action.table, column: action.column })),
    ...actionsOf(migration, 'alter column type').map(({ statement, action }) => ({ statement, table: action.table, column: { name: action.column, type: action.type, notNull: false, primaryKey: false, identity: false } as ColumnSpec })),
  ].sort((a, b) => a.statement.line - b.statement.line);
}

function typeRule(migration: MigrationText, matches: (column: ColumnSpec) => boolean, message: (table: string, column: ColumnSpec) => string): Hit[] {
  return columnsOf(migration)
    .filter(({ column }) => matches(column))
    .map(({ statement, table, column }) => statementHit(migration, statement, message(table, column)));
}

const smallInteger = /^(int|int2|int4|integer|smallint|serial|serial4|smallserial|serial2)$/;

/** squawk prefer-bigint-over-int / prefer-identity: a 32-bit key runs out at 2.1 billion rows. */
export const intPrimaryKey: MigrationRule = {
  id: 'int_primary_key',
  level: 'WARN',
  category: 'SAFETY',
  description: 'A primary key of type int/integer/serial overflows at 2,147,483,647; changing it later rewrites the table and every referencing one. Use bigint generated always as identity.',
  check: (migration) => typeRule(migration, (column) => column.primaryKey && (smallInteger.test(column.type) || /^(bigserial|serial8)$/.test(column.type)), (table, column) => `primary key ${table}.${column.name} is ${column.type}; use bigint generated always as identity`),
};

/** squawk prefer-text-field: a length limit in the type cannot change without a lock. */
export const preferText: MigrationRule = {
  id: 'prefer_text',
  level: 'WARN',
  category: 'SAFETY',
  description: 'varchar(n) or char(n): shrinking the limit later rewrites under lock, and char pads with spaces. Use text with a CHECK (length(col) <= n), which changes without a rewrite.',
  check: (migration) => typeRule(migration, (column) => /^(character varying|varchar)\s*\(|^(character|char|bpchar)(\s*\(|$)/.test(column.type), (table, column) => `${table}.${column.name} is ${column.type}; use text with a length check`),
};

/** squawk prefer-timestamptz: a timestamp without zone means different instants to different sessions. */
export const preferTimestamptz: MigrationRule = {
  id: 'prefer_timestamptz',
  level: 'WARN',
  category: 'SAFETY',
  description: 'timestamp without time zone stores wall-clock time: sessions in different zones read different instants, and DST makes values ambiguous. Use timestamptz.',
  check: (migration) => typeRule(migration, (column) => /^timestamp(\s*\(\d+\))?(\s+without time zone)?$/.test(column.type), (table, column) => `${table}.${column.name} is ${column.type}; use timestamptz`),
};
