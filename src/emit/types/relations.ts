/**
 * Interfaces of tables and views: one property per column, typed for Kysely. A column read and
 * written as the same type is `T`, `Generated<T>` or `GeneratedAlways<T>`; one that reads and
 * writes differently (bigint, numeric, timestamps) is its helper alias (`Timestamp`,
 * `GeneratedTimestamp` with a default) or, for arrays of them, `ColumnType<S, I, U>` spelled out:
 * Kysely's `Generated<Timestamp>` would read as the ColumnType object itself.
 */
import type { Column, Table, View } from '../../model/schema.js';
import type { ValueType } from './pg-types.js';
import type { Resolve } from './resolve.js';
import { keyword, ref, sameType, union, type Member, type TsType } from './ts-type.js';

/** How the database fills a column on insert: not at all, by default, or always (no writes). */
export type Filled = 'no' | 'default' | 'always';

/**
 * Column types by value type, nullability and filling: a schema's columns share a few dozen of
 * them, and one object per kind lets the printer measure each kind once (see `interfaceBody`).
 */
const columnTypes = new WeakMap<ValueType, (TsType | undefined)[]>();

/** Where each filling's types sit among a value type's kinds (the nullable ones follow). */
const fillings: Record<Filled, number> = { no: 0, default: 1, always: 2 };

/** The Kysely column type of a value type (one object for equal arguments: never to be changed). */
export function columnType(value: ValueType, nullable: boolean, filled: Filled): TsType {
  let kinds = columnTypes.get(value);
  if (!kinds) columnTypes.set(value, (kinds = []));
  const slot = fillings[filled] + (nullable ? 3 : 0);
  return (kinds[slot] ??= newColumnType(value, nullable, filled));
}

function newColumnType(value: ValueType, nullable: boolean, filled: Filled): TsType {
  const withNull = (type: TsType) => (nullable ? union(type, keyword('null')) : type);
  const select = withNull(value.select);
  const write = withNull(value.write);
  if (filled === 'always') return ref('GeneratedAlways', select);
  if (sameType(select, write)) return filled === 'default' ? ref('Generated', select) : select;
  if (value.alias) return withNull(ref(filled === 'default' ? `Generated${value.alias}` : value.alias));
  const insert = filled === 'default' ? union(write, keyword('undefined')) : write;
  return ref('ColumnType', select, insert, write);
}

function filledBy(column: Column, domainDefault: boolean): Filled {
  if (column.identity === 'always' || column.generated) return 'always';
  if (column.identity || column.default || domainDefault) return 'default';
  return 'no';
}

/** The members of a table's interface, in column order. */
export function tableMembers(table: Table, resolve: Resolve): Member[] {
  return table.columns.map((column) => {
    const resolved = resolve(column.type);
    const type = columnType(resolved.value, !column.notNull && !resolved.notNull, filledBy(column, resolved.hasDefault));
    return column.comment ? { key: column.name, type, comment: column.comment } : { key: column.name, type };
  });
}

/** The members of a view's interface: every column nullable, nothing generated (as kysely-codegen reads views). */
export function viewMembers(view: View, resolve: Resolve): Member[] {
  return view.columns.map((column) => withComment({ key: column.name, type: columnType(resolve(column.type).value, true, 'no') }, column.comment));
}

export function withComment(member: Member, comment: string | undefined): Member {
  return comment ? { ...member, comment } : member;
}
