/**
 * A table's entry in `Database[schema]["Tables"]`: its `Row` (what a select returns), `Insert`
 * (columns the database fills are optional; identity ALWAYS and generated columns cannot be
 * written, `?: never`), `Update` (every column optional) and `Relationships` (its foreign keys,
 * which supabase-js reads to type embedded selects).
 */
import { parseObjectId } from '../../model/id.js';
import type { Column, ForeignKey, Table, View, ViewColumn } from '../../model/schema.js';
import type { Resolve } from '../types/resolve.js';
import { keyword, literal, object, raw, ref, tuple, union, type Member, type TsType } from '../types/ts-type.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A value that may be NULL; a NOT NULL json column is `NonNullable<Json>`, since `Json` itself holds null. */
function valueType(type: TsType, nullable: boolean): TsType {
  if (nullable) return union(type, keyword('null'));
  return type.kind === 'reference' && type.name === 'Json' ? ref('NonNullable', type) : type;
}

const withComment = (member: Member, comment: string | undefined): Member => (comment ? { ...member, comment } : member);

/** Members of a view's `Row`: a view's columns may always be NULL as far as the model knows. */
export function relationColumns(columns: ViewColumn[], resolve: Resolve): Member[] {
  return columns.map((column) => withComment({ key: column.name, type: valueType(resolve(column.type).value.select, true) }, column.comment));
}

/**
 * The entry of one view: its `Row`, and for a view that takes writes its `Insert` and `Update`,
 * where every column is optional and one PostgreSQL cannot write through (an expression) is
 * `?: never`, as the Supabase CLI types them.
 */
export function viewEntry(view: View, resolve: Resolve): Member {
  const writes = (column: ViewColumn): Member => ({ key: column.name, type: column.updatable ? valueType(resolve(column.type).value.write, true) : keyword('never'), optional: true });
  const members: Member[] = [
    { key: 'Row', type: object(relationColumns(view.columns, resolve), true) },
    ...(view.updatable
      ? [
          { key: 'Insert', type: object(view.columns.map(writes), true) },
          { key: 'Update', type: object(view.columns.map(writes), true) },
        ]
      : []),
    { key: 'Relationships', type: tuple([]) },
  ];
  return withComment({ key: view.name, type: object(members, true) }, view.comment);
}

function writtenByDatabase(column: Column): boolean {
  return column.identity === 'always' || Boolean(column.generated);
}

/** The entry of one table: `name: { Row; Insert; Update; Relationships }`. */
export function tableEntry(table: Table, resolve: Resolve, tables: Map<string, Table>): Member {
  const row: Member[] = [];
  const insert: Member[] = [];
  const update: Member[] = [];
  for (const column of table.columns) {
    const resolved = resolve(column.type);
    const nullable = !column.notNull && !resolved.notNull;
    row.push(withComment({ key: column.name, type: valueType(resolved.value.select, nullable) }, column.comment));
    if (writtenByDatabase(column)) {
      insert.push({ key: column.name, type: keyword('never'), optional: true });
      update.push({ key: column.name, type: keyword('never'), optional: true });
      continue;
    }
    const write = valueType(resolved.value.write, nullable);
    const filled = nullable || Boolean(column.default) || Boolean(column.identity) || resolved.hasDefault;
    insert.push({ key: column.name, type: write, ...(filled ? { optional: true } : {}) });
    update.push({ key: column.name, type: write, optional: true });
  }
  const entry = object(
    [
      { key: 'Row', type: object(row, true) },
      { key: 'Insert', type: object(insert, true) },
      { key: 'Update', type: object(update, true) },
      { key: 'Relationships', type: tuple(relationships(table, tables)) },
    ],
    true,
  );
  return withComment({ key: table.name, type: entry }, table.comment);
}

const names = (columns: string[]): TsType => tuple(columns.map(literal));

/** The foreign keys of a table, by name, as supabase-js's `GenericRelationship`. */
function relationships(table: Table, tables: Map<string, Table>): TsType[] {
  const keys = Object.values(table.constraints).filter((c): c is ForeignKey => c.kind === 'foreign key');
  return keys
    .sort((a, b) => byText(a.name, b.name))
    .map((key) =>
      object(
        [
          { key: 'foreignKeyName', type: literal(key.name) },
          { key: 'columns', type: names(key.columns) },
          { key: 'isOneToOne', type: raw(String(isOneToOne(table, key.columns))) },
          { key: 'referencedRelation', type: literal(tables.get(key.references.table)?.name ?? parseObjectId(key.references.table).name) },
          { key: 'referencedColumns', type: names(key.references.columns) },
        ],
        true,
      ),
    );
}

/** A foreign key is one-to-one when its columns are exactly a primary key or unique constraint of the table. */
function isOneToOne(table: Table, columns: string[]): boolean {
  const wanted = [...columns].sort(byText).join('\0');
  return Object.values(table.constraints).some((c) => (c.kind === 'primary key' || c.kind === 'unique') && [...c.columns].sort(byText).join('\0') === wanted);
}
