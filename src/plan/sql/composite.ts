import { PgformError } from '../../errors.js';
import type { Change } from '../../model/change.js';
import type { CompositeAttribute, CompositeType } from '../../model/schema.js';
import { collationSql } from './names.js';
import { ident, qualified } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';

function attributeSql(attribute: CompositeAttribute): string {
  return `${ident(attribute.name)} ${attribute.type}${attribute.collation ? ` COLLATE ${collationSql(attribute.collation)}` : ''}`;
}

export const createCompositeType: Render<Extract<Change, { kind: 'create composite type' }>> = ({ type }) => [
  statement(`CREATE TYPE ${qualified(type.schema, type.name)} AS (${type.attributes.map(attributeSql).join(', ')})`),
];

export const dropCompositeType: Render<Extract<Change, { kind: 'drop composite type' }>> = ({ type }) => [
  statement(`DROP TYPE ${qualified(type.schema, type.name)}`, [{ code: 'DELETES_DATA', message: `drops composite type ${type.schema}.${type.name}` }]),
];

/**
 * Whether ALTER TYPE can reach `to` from `from`: it drops attributes anywhere but adds them only
 * at the end, so the attributes both keep must keep their order and new ones must come last.
 */
function reachableInPlace(from: CompositeType, to: CompositeType): boolean {
  const before = new Set(from.attributes.map((a) => a.name));
  const kept = to.attributes.filter((a) => before.has(a.name)).map((a) => a.name);
  const keptBefore = from.attributes.filter((a) => kept.includes(a.name)).map((a) => a.name);
  const firstNew = to.attributes.findIndex((a) => !before.has(a.name));
  const newOnlyAtEnd = firstNew === -1 || to.attributes.slice(firstNew).every((a) => !before.has(a.name));
  return newOnlyAtEnd && kept.every((name, i) => keptBefore[i] === name);
}

/**
 * Drops, retypes and adds attributes in place, which keeps the routines that take or return the
 * type. PostgreSQL refuses to alter a composite type a table column stores, and cannot reorder
 * attributes: both stop planning with what to do instead.
 */
export const alterCompositeType: Render<Extract<Change, { kind: 'alter composite type' }>> = ({ from, to, columns }) => {
  const id = `${to.schema}.${to.name}`;
  if (columns.length) {
    throw new PgformError('CONVERSION_REQUIRED', `composite type ${id} changes its attributes while column${columns.length === 1 ? '' : 's'} ${columns.join(', ')} store${columns.length === 1 ? 's' : ''} it, which PostgreSQL refuses`, { object: id, field: 'attributes' }, 'move the columns off the type first (drop them or change their type), then change the type');
  }
  if (!reachableInPlace(from, to)) {
    throw new PgformError('CONVERSION_REQUIRED', `composite type ${id} reorders its attributes, which ALTER TYPE cannot do`, { object: id, field: 'attributes' }, 'add new attributes after the existing ones, or give the reordered type a new name');
  }
  const name = `ALTER TYPE ${qualified(to.schema, to.name)}`;
  const after = new Map(to.attributes.map((a) => [a.name, a]));
  const before = new Map(from.attributes.map((a) => [a.name, a]));
  const out: Statement[] = [];
  for (const attribute of from.attributes) {
    if (!after.has(attribute.name)) out.push(statement(`${name} DROP ATTRIBUTE ${ident(attribute.name)}`, [{ code: 'MAY_FAIL', message: `routines reading ${id}.${attribute.name} fail once it is gone` }]));
  }
  for (const attribute of to.attributes) {
    const previous = before.get(attribute.name);
    if (previous && (previous.type !== attribute.type || (previous.collation ?? null) !== (attribute.collation ?? null))) {
      out.push(statement(`${name} ALTER ATTRIBUTE ${ident(attribute.name)} SET DATA TYPE ${attribute.type}${attribute.collation ? ` COLLATE ${collationSql(attribute.collation)}` : ''}`));
    }
  }
  for (const attribute of to.attributes) if (!before.has(attribute.name)) out.push(statement(`${name} ADD ATTRIBUTE ${attributeSql(attribute)}`));
  return out;
};
