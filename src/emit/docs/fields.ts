/**
 * The field table of a table section: Field | Type | Constraints | Description, with every
 * constraint that concerns a single column written on that column's row, as the seeds do by hand
 * (PK, FK → parent(column), UNIQUE, NOT NULL, DEFAULT, CHECK, identity, generated, INDEXED).
 */
import type { Column, ForeignKey, Table } from '../../model/schema.js';
import { primaryKeyColumns, relationRef, typeRef, type DocsContext } from './context.js';
import { leadingColumns } from './facts.js';
import { code, codeList, table } from './markdown.js';
import { columnsMentioned, dropTextCasts, readableCheck, stripOuterParens } from './sql-text.js';

/** `FK → parent(column) ON DELETE CASCADE`, with the parent linked. */
export function foreignKeyText(ctx: DocsContext, key: ForeignKey): string {
  const actions = [
    key.onDelete !== 'NO ACTION' ? `ON DELETE ${key.onDelete}${key.onDeleteColumns ? ` (${key.onDeleteColumns.join(', ')})` : ''}` : '',
    key.onUpdate !== 'NO ACTION' ? `ON UPDATE ${key.onUpdate}` : '',
  ].filter(Boolean);
  return `→ ${relationRef(ctx, key.references.table)}(${codeList(key.references.columns)})${actions.length ? ` ${actions.join(' ')}` : ''}`;
}

/** The facts of one column, in the order the seeds write them. */
export function columnConstraints(ctx: DocsContext, table: Table, column: Column): string[] {
  const facts: string[] = [];
  const name = column.name;
  const constraints = Object.keys(table.constraints)
    .sort()
    .map((key) => table.constraints[key]!);
  const primaryKey = primaryKeyColumns(table);
  if (primaryKey.includes(name)) facts.push(primaryKey.length === 1 ? 'PK' : `PK (with ${codeList(primaryKey.filter((c) => c !== name))})`);
  for (const constraint of constraints) {
    if (constraint.kind !== 'foreign key' || !constraint.columns.includes(name)) continue;
    const others = constraint.columns.filter((c) => c !== name);
    facts.push(`FK${others.length ? ` (with ${codeList(others)})` : ''} ${foreignKeyText(ctx, constraint)}`);
  }
  for (const constraint of constraints) {
    if (constraint.kind !== 'unique' || !constraint.columns.includes(name)) continue;
    const others = constraint.columns.filter((c) => c !== name);
    facts.push(others.length ? `UNIQUE (with ${codeList(others)})` : 'UNIQUE');
  }
  if (column.notNull && !primaryKey.includes(name)) facts.push('NOT NULL');
  if (column.identity) facts.push(`IDENTITY ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}${identityText(column.identityOptions)}`);
  if (column.generated) facts.push(`GENERATED ALWAYS AS ${code(`(${stripOuterParens(column.generated)})`)} STORED`);
  if (column.default !== undefined) facts.push(`DEFAULT ${code(dropTextCasts(column.default))}`);
  if (column.collation) facts.push(`COLLATE ${code(column.collation)}`);
  const columnNames = table.columns.map((c) => c.name);
  for (const constraint of constraints) {
    if (constraint.kind !== 'check') continue;
    const mentioned = columnsMentioned(constraint.expression, columnNames);
    if (mentioned.length === 1 && mentioned[0] === name) facts.push(`CHECK ${code(`(${readableCheck(constraint.expression)})`)}`);
  }
  const indexed = Object.keys(table.indexes)
    .sort()
    .filter((key) => leadingColumns(table.indexes[key]!)[0] === name);
  if (indexed.some((key) => table.indexes[key]!.unique && leadingColumns(table.indexes[key]!).length === 1 && !table.indexes[key]!.where)) {
    facts.push('UNIQUE (index)');
  } else if (indexed.length > 0) facts.push('INDEXED');
  return facts;
}

export function renderFields(ctx: DocsContext, t: Table): string {
  return table(
    ['Field', 'Type', 'Constraints', 'Description'],
    t.columns.map((column) => [code(column.name), typeRef(ctx, column.type), columnConstraints(ctx, t, column).join(', '), column.comment ?? '']),
  );
}

/** Non-default identity options as CREATE SEQUENCE words: ` (START 1000, INCREMENT 10)`. */
function identityText(options: Column['identityOptions']): string {
  if (!options) return '';
  const parts: string[] = [];
  if (options.start !== undefined) parts.push(`START ${options.start}`);
  if (options.increment !== undefined) parts.push(`INCREMENT ${options.increment}`);
  if (options.min !== undefined) parts.push(`MINVALUE ${options.min}`);
  if (options.max !== undefined) parts.push(`MAXVALUE ${options.max}`);
  if (options.cache !== undefined) parts.push(`CACHE ${options.cache}`);
  if (options.cycle) parts.push('CYCLE');
  return parts.length ? ` (${parts.join(', ')})` : '';
}
