import type { Change } from '../../model/change.js';
import type { Hazard } from '../../model/change.js';
import type { Column, Constraint } from '../../model/schema.js';
import { nameOf } from './names.js';
import { ident, identList } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** A column as written in CREATE TABLE and ADD COLUMN. */
export function columnSql(column: Column): string {
  const parts = [ident(column.name), column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation}`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.identity) parts.push(`GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
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

/** A constraint as written in CREATE TABLE and ADD CONSTRAINT. */
export function constraintSql(constraint: Constraint): string {
  const name = `CONSTRAINT ${ident(constraint.name)} `;
  switch (constraint.kind) {
    case 'primary key':
      return `${name}PRIMARY KEY (${identList(constraint.columns)})${deferral(constraint)}`;
    case 'unique':
      return `${name}UNIQUE${constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(constraint.columns)})${deferral(constraint)}`;
    case 'check':
      return `${name}CHECK (${constraint.expression})${constraint.noInherit ? ' NO INHERIT' : ''}`;
    case 'exclude':
      return `${name}${constraint.definition}${deferral(constraint)}`;
    case 'foreign key':
      return (
        `${name}FOREIGN KEY (${identList(constraint.columns)}) REFERENCES ${nameOf(constraint.references.table)} (${identList(constraint.references.columns)})` +
        (constraint.match ? ` MATCH ${constraint.match}` : '') +
        (constraint.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${constraint.onUpdate}` : '') +
        (constraint.onDelete !== 'NO ACTION' ? ` ON DELETE ${constraint.onDelete}` : '') +
        deferral(constraint)
      );
  }
}

/** Constraints created with the table itself; foreign keys come later, once every table exists. */
export const inlineConstraint = (constraint: Constraint) => constraint.kind !== 'foreign key';

export const createTable: Render<Extract<Change, { kind: 'create table' }>> = ({ table }) => {
  const lines = table.columns.map(columnSql);
  for (const constraint of Object.values(table.constraints)) if (inlineConstraint(constraint)) lines.push(constraintSql(constraint));
  return [statement(`CREATE TABLE ${tableName(table)} (\n  ${lines.join(',\n  ')}\n)`)];
};

function tableName(table: { schema: string; name: string }): string {
  return `${ident(table.schema)}.${ident(table.name)}`;
}

export const dropTable: Render<Extract<Change, { kind: 'drop table' }>> = ({ table }) => [
  statement(`DROP TABLE ${tableName(table)}`, [{ code: 'DELETES_DATA', message: `drops table ${table.schema}.${table.name} and all its rows` }]),
];

export const addColumn: Render<Extract<Change, { kind: 'add column' }>> = ({ table, column }) => {
  const hazards: Hazard[] = [];
  if (column.generated || column.identity || (column.default !== undefined && volatileDefault.test(column.default))) {
    hazards.push({ code: 'REWRITES_TABLE', message: `adding ${column.name} with a volatile default, identity or generated value rewrites ${table}` });
  }
  if (column.notNull && column.default === undefined && !column.identity && !column.generated) {
    hazards.push({ code: 'MAY_FAIL', message: `NOT NULL column ${column.name} without a default fails if ${table} has rows` });
  }
  return [statement(`ALTER TABLE ${nameOf(table)} ADD COLUMN ${columnSql(column)}`, hazards)];
};

const volatileDefault = /\b(random|gen_random_uuid|clock_timestamp|nextval|uuid_generate_v\d|timeofday)\s*\(/i;

export const dropColumn: Render<Extract<Change, { kind: 'drop column' }>> = ({ table, column }) => [
  statement(`ALTER TABLE ${nameOf(table)} DROP COLUMN ${ident(column.name)}`, [{ code: 'DELETES_DATA', message: `drops column ${table}.${column.name} and its values` }]),
];

export const addConstraint: Render<Extract<Change, { kind: 'add constraint' }>> = ({ table, constraint }) => [
  statement(`ALTER TABLE ${nameOf(table)} ADD ${constraintSql(constraint)}`),
];

export const dropConstraint: Render<Extract<Change, { kind: 'drop constraint' }>> = ({ table, constraint }) => [
  statement(`ALTER TABLE ${nameOf(table)} DROP CONSTRAINT ${ident(constraint.name)}`),
];
