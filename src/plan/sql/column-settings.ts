import type { Change } from '../../model/change.js';
import { columnOptionValue, type ColumnStorage } from '../../model/schema.js';
import { ident, literal } from '../../sql/quote.js';
import { nameOf } from './names.js';
import { storageList } from './storage.js';
import { statement, type Render, type Statement } from './step.js';

/** Built-in variable-length types whose default storage is not EXTENDED (pg_type.typstorage). */
const builtinStorage: Record<string, ColumnStorage> = { numeric: 'main', inet: 'main', cidr: 'main', tsquery: 'plain', int2vector: 'plain', oidvector: 'plain' };

/**
 * A built-in type's default storage, which SET STORAGE must name to go back to it (PostgreSQL
 * before 16 has no SET STORAGE DEFAULT); undefined for a user or extension type.
 */
function defaultStorage(type: string): ColumnStorage | undefined {
  if (type.endsWith('[]')) return 'extended';
  if (/^("|[^"(]*\.)/.test(type)) return undefined;
  const base = type.replace(/\(.*\)$/, '').trim();
  return builtinStorage[base] ?? 'extended';
}

/**
 * One ALTER TABLE (or MATERIALIZED VIEW) for a column's storage mode, compression, statistics
 * target and attribute options. Each takes effect without a rewrite: new storage and compression
 * apply to values written from now on (existing ones keep theirs until rewritten), the statistics
 * target and options to the next ANALYZE. A setting that goes back to its default is reset: the
 * type's storage, the server's compression (`DEFAULT`), the default statistics target (-1), an
 * option (`RESET`). The storage of a user type is looked up by the server as the statement runs.
 */
export const setColumnSettings: Render<Extract<Change, { kind: 'set column settings' }>> = ({ table, column, type, from, to, only, materialized }) => {
  const target = `ALTER COLUMN ${ident(column)}`;
  const relation = materialized ? 'MATERIALIZED VIEW' : 'TABLE';
  const clauses: string[] = [];
  const steps: Statement[] = [];
  if (from.storage !== to.storage) {
    const storage = to.storage ?? defaultStorage(type);
    if (storage) clauses.push(`${target} SET STORAGE ${storage.toUpperCase()}`);
    else steps.push(statement(resetStorageOfUserType(table, column, type, only, relation)));
  }
  if (from.compression !== to.compression) clauses.push(`${target} SET COMPRESSION ${to.compression ?? 'DEFAULT'}`);
  if (from.statistics !== to.statistics) clauses.push(`${target} SET STATISTICS ${to.statistics ?? -1}`);
  const fromOptions = from.options ?? {};
  const toOptions = to.options ?? {};
  const removed = Object.keys(fromOptions).filter((name) => !(name in toOptions));
  const changed = Object.fromEntries(Object.entries(toOptions).filter(([name, value]) => fromOptions[name] === undefined || columnOptionValue(fromOptions[name]) !== columnOptionValue(value)));
  if (removed.length) clauses.push(`${target} RESET (${removed.map(ident).join(', ')})`);
  if (Object.keys(changed).length) clauses.push(`${target} SET ${storageList(changed)}`);
  if (clauses.length) steps.unshift(statement(`ALTER ${relation} ${only ? 'ONLY ' : ''}${nameOf(table)} ${clauses.join(', ')}`));
  return steps;
};

/** SET STORAGE to a user type's own default, read from pg_type where the statement runs. */
function resetStorageOfUserType(table: string, column: string, type: string, only: boolean | undefined, relation = 'TABLE'): string {
  const storage = `(SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END FROM pg_type t WHERE t.oid = ${literal(type)}::regtype)`;
  return `DO $pgform$ BEGIN EXECUTE format('ALTER ${relation} ${only ? 'ONLY ' : ''}%s ALTER COLUMN %I SET STORAGE %s', ${literal(nameOf(table))}, ${literal(column)}, ${storage}); END $pgform$`;
}
