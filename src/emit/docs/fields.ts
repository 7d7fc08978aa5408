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

/**
 * What the facts of every column of a table are read from, worked out once per table: per
 * column, the checks' mentioned columns and the indexes' leading columns cost a tokenizer run each.
 */
interface TableFacts {
  constraints: Table['constraints'][string][];
  primaryKey: string[];
  /** Checks that mention exactly one column, by that column. */
  singleColumnChecks: Map<string, string[]>;
  /** Index names by their first leading column, in name order, and whether one is a plain unique index on that column alone. */
  indexedBy: Map<string, { unique: boolean }>;
}

function tableFacts(table: Table): TableFacts {
  const constraints = Object.keys(table.constraints)
    .sort()
    .map((key) => table.constraints[key]!);
  const columnNames = table.columns.map((c) => c.name);
  const singleColumnChecks = new Map<string, string[]>();
  for (const constraint of constraints) {
    if (constraint.kind !== 'check') continue;
    const mentioned = columnsMentioned(constraint.expression, columnNames);
    if (mentioned.length === 1) singleColumnChecks.set(mentioned[0]!, [...(singleColumnChecks.get(mentioned[0]!) ?? []), constraint.expression]);
  }
  const indexedBy = new Map<string, { unique: boolean }>();
  for (const key of Object.keys(table.indexes).sort()) {
    const index = table.indexes[key]!;
    const leading = leadingColumns(index);
    if (leading.length === 0) continue;
    const unique = Boolean(index.unique && leading.length === 1 && !index.where);
    const seen = indexedBy.get(leading[0]!);
    indexedBy.set(leading[0]!, { unique: (seen?.unique ?? false) || unique });
  }
  return { constraints, primaryKey: primaryKeyColumns(table), singleColumnChecks, indexedBy };
}

/** The facts of one column, in the order the seeds write them. */
function columnConstraints(ctx: DocsContext, facts: TableFacts, column: Column): string[] {
  const out: string[] = [];
  const name = column.name;
  const { constraints, primaryKey } = facts;
  if (primaryKey.includes(name)) out.push(primaryKey.length === 1 ? 'PK' : `PK (with ${codeList(primaryKey.filter((c) => c !== name))})`);
  for (const constraint of constraints) {
    if (constraint.kind !== 'foreign key' || !constraint.columns.includes(name)) continue;
    const others = constraint.columns.filter((c) => c !== name);
    out.push(`FK${others.length ? ` (with ${codeList(others)})` : ''} ${foreignKeyText(ctx, constraint)}`);
  }
  for (const constraint of constraints) {
    if (constraint.kind !== 'unique' || !constraint.columns.includes(name)) continue;
    const others = constraint.columns.filter((c) => c !== name);
    out.push(others.length ? `UNIQUE (with ${codeList(others)})` : 'UNIQUE');
  }
  if (column.notNull && !primaryKey.includes(name)) out.push('NOT NULL');
  if (column.identity) out.push(`IDENTITY ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}${identityText(column.identityOptions)}`);
  if (column.generated) out.push(`GENERATED ALWAYS AS ${code(`(${stripOuterParens(column.generated)})`)} STORED`);
  if (column.default !== undefined) out.push(`DEFAULT ${code(dropTextCasts(column.default))}`);
  if (column.collation) out.push(`COLLATE ${code(column.collation)}`);
  for (const expression of facts.singleColumnChecks.get(name) ?? []) out.push(`CHECK ${code(`(${readableCheck(expression)})`)}`);
  const indexed = facts.indexedBy.get(name);
  if (indexed?.unique) out.push('UNIQUE (index)');
  else if (indexed) out.push('INDEXED');
  return out;
}

export function renderFields(ctx: DocsContext, t: Table): string {
  const facts = tableFacts(t);
  return table(
    ['Field', 'Type', 'Constraints', 'Description'],
    t.columns.map((column) => [code(column.name), typeRef(ctx, column.type), columnConstraints(ctx, facts, column).join(', '), column.comment ?? '']),
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
