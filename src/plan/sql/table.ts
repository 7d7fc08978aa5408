import type { Change } from '../../model/change.js';
import type { Hazard } from '../../model/change.js';
import type { Column, Constraint } from '../../model/schema.js';
import { identityClause } from './identity.js';
import { collationSql, nameOf } from './names.js';
import { ident, identList } from '../../sql/quote.js';
import { statement, type Render } from './step.js';
import { withStorage } from './storage.js';

/** A column as written in CREATE TABLE and ADD COLUMN. */
export function columnSql(column: Column): string {
  const parts = [ident(column.name), column.type];
  if (column.collation) parts.push(`COLLATE ${collationSql(column.collation)}`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.identity) parts.push(identityClause(column));
  if (column.default !== undefined && !column.generated) parts.push(`DEFAULT ${column.default}`);
  if (column.notNull && !column.identity) parts.push('NOT NULL');
  return parts.join(' ');
}

function deferral(constraint: Constraint): string {
  let text = '';
  if (constraint.deferrable) text += ' DEFERRABLE';
  if (constraint.initiallyDeferred) text += ' INITIALLY DEFERRED';
  return text;
}

export const setLogged: Render<Extract<Change, { kind: 'set logged' }>> = ({ table, unlogged }) => [
  statement(`ALTER TABLE ${nameOf(table)} SET ${unlogged ? 'UNLOGGED' : 'LOGGED'}`, [
    { code: 'REWRITES_TABLE', message: `making ${table} ${unlogged ? 'unlogged' : 'logged'} rewrites it under an exclusive lock; it has no online form: copy the rows into a new table and swap the two` },
  ]),
];

/** A constraint as written in CREATE TABLE and ADD CONSTRAINT. */
export function constraintSql(constraint: Constraint): string {
  const name = `CONSTRAINT ${ident(constraint.name)} `;
  switch (constraint.kind) {
    case 'primary key':
      return `${name}PRIMARY KEY (${identList(constraint.columns)})${deferral(constraint)}`;
    case 'unique':
      return `${name}UNIQUE${constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(constraint.columns)})${deferral(constraint)}`;
    case 'check':
      return `${name}CHECK (${constraint.expression})${constraint.noInherit ? ' NO INHERIT' : ''}${constraint.notValid ? ' NOT VALID' : ''}`;
    case 'exclude':
      return `${name}${constraint.definition}${deferral(constraint)}`;
    case 'foreign key':
      return (
        `${name}FOREIGN KEY (${identList(constraint.columns)}) REFERENCES ${nameOf(constraint.references.table)} (${identList(constraint.references.columns)})` +
        (constraint.match ? ` MATCH ${constraint.match}` : '') +
        (constraint.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${constraint.onUpdate}` : '') +
        (constraint.onDelete !== 'NO ACTION' ? ` ON DELETE ${constraint.onDelete}` : '') +
        (constraint.onDeleteColumns ? ` (${identList(constraint.onDeleteColumns)})` : '') +
        deferral(constraint) +
        (constraint.notValid ? ' NOT VALID' : '')
      );
  }
}

/**
 * Constraints created with the table itself; foreign keys come later, once every table exists,
 * and so do NOT VALID checks: CREATE TABLE marks every check valid.
 */
export const inlineConstraint = (constraint: Constraint) => constraint.kind !== 'foreign key' && !(constraint.kind === 'check' && constraint.notValid);

/**
 * A partition is created `PARTITION OF` its parent, which gives it every column; an `INHERITS`
 * child lists only the columns it declares itself. Either may be partitioned in turn.
 */
export const createTable: Render<Extract<Change, { kind: 'create table' }>> = ({ table }) => {
  const constraints = Object.values(table.constraints).filter(inlineConstraint).map(constraintSql);
  const partitionBy = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  if (table.partitionOf) {
    const body = constraints.length ? ` (\n  ${constraints.join(',\n  ')}\n)` : '';
    return [statement(`CREATE ${table.unlogged ? 'UNLOGGED ' : ''}TABLE ${tableName(table)} PARTITION OF ${nameOf(table.partitionOf.parent)}${body} ${table.partitionOf.bound}${partitionBy}${withStorage(table.storage)}`)];
  }
  const lines = [...table.columns.filter((c) => !c.inherited).map(columnSql), ...constraints];
  const body = lines.length ? `(\n  ${lines.join(',\n  ')}\n)` : '()';
  const inherits = table.inherits?.length ? ` INHERITS (${table.inherits.map(nameOf).join(', ')})` : '';
  return [statement(`CREATE ${table.unlogged ? 'UNLOGGED ' : ''}TABLE ${tableName(table)} ${body}${inherits}${partitionBy}${withStorage(table.storage)}`)];
};

function tableName(table: { schema: string; name: string }): string {
  return `${ident(table.schema)}.${ident(table.name)}`;
}

/** A table stepped aside is dropped under that name once its rows are copied: nothing is lost here. */
export const dropTable: Render<Extract<Change, { kind: 'drop table' }>> = ({ table, aside }) =>
  aside
    ? [statement(`DROP TABLE ${tableName({ schema: table.schema, name: aside.name })}`)]
    : [statement(`DROP TABLE ${tableName(table)}`, [{ code: 'DELETES_DATA', message: `drops table ${table.schema}.${table.name} and all its rows` }])];

export const addColumn: Render<Extract<Change, { kind: 'add column' }>> = ({ table, column }) => {
  const hazards: Hazard[] = [];
  if (column.generated || column.identity || (column.default !== undefined && volatileDefault.test(column.default))) {
    hazards.push({ code: 'REWRITES_TABLE', message: `adding ${column.name} with a volatile default, identity or generated value rewrites ${table} under an exclusive lock; online alternative: add it without that default, set the default for new rows, then backfill the rows in batches` });
  }
  if (column.notNull && column.default === undefined && !column.identity && !column.generated) {
    hazards.push({ code: 'MAY_FAIL', message: `NOT NULL column ${column.name} without a default fails if ${table} has rows` });
  }
  return [statement(`ALTER TABLE ${nameOf(table)} ADD COLUMN ${columnSql(column)}`, hazards)];
};

const volatileDefault = /\b(random|gen_random_uuid|clock_timestamp|nextval|uuid_generate_v\d|timeofday)\s*\(/i;

export const dropColumn: Render<Extract<Change, { kind: 'drop column' }>> = ({ table, column, only }) => [
  statement(`ALTER TABLE ${only ? 'ONLY ' : ''}${nameOf(table)} DROP COLUMN ${ident(column.name)}`, [
    { code: 'DELETES_DATA', message: `drops column ${table}.${column.name} and its values${only ? ' (its inheritance children keep theirs)' : ''}` },
  ]),
];

export const addConstraint: Render<Extract<Change, { kind: 'add constraint' }>> = ({ table, constraint, usingIndex }) => {
  if (usingIndex !== undefined && (constraint.kind === 'primary key' || constraint.kind === 'unique')) {
    const key = constraint.kind === 'primary key' ? 'PRIMARY KEY' : 'UNIQUE';
    return [statement(`ALTER TABLE ${nameOf(table)} ADD CONSTRAINT ${ident(constraint.name)} ${key} USING INDEX ${ident(usingIndex)}${deferral(constraint)}`)];
  }
  return [statement(`ALTER TABLE ${nameOf(table)} ADD ${constraintSql(constraint)}`)];
};

/** Checks the rows a NOT VALID constraint skipped; writes go on meanwhile (SHARE UPDATE EXCLUSIVE). */
export const validateConstraint: Render<Extract<Change, { kind: 'validate constraint' }>> = ({ table, constraint }) => [
  statement(`ALTER TABLE ${nameOf(table)} VALIDATE CONSTRAINT ${ident(constraint.name)}`, [{ code: 'MAY_FAIL', message: `fails if rows of ${table} break ${constraint.name}` }]),
];

/** Changes a foreign key's deferral in place: the only constraint kind PostgreSQL alters so. */
export const alterConstraint: Render<Extract<Change, { kind: 'alter constraint' }>> = ({ table, to }) => [
  statement(`ALTER TABLE ${nameOf(table)} ALTER CONSTRAINT ${ident(to.name)} ${to.deferrable ? 'DEFERRABLE' : 'NOT DEFERRABLE'} INITIALLY ${to.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}`),
];

export const dropConstraint: Render<Extract<Change, { kind: 'drop constraint' }>> = ({ table, constraint }) => [
  statement(`ALTER TABLE ${nameOf(table)} DROP CONSTRAINT ${ident(constraint.name)}`),
];
