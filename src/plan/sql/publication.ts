import type { Change } from '../../model/change.js';
import type { Publication, PublicationTable } from '../../model/schema.js';
import { nameOf } from './names.js';
import { ident, identList, literal } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

const allOperations = ['insert', 'update', 'delete', 'truncate'];

/** A member as written after FOR TABLE / ADD TABLE: `"public"."a" ("id", "body") WHERE (...)`. */
function memberSql(table: string, member: PublicationTable): string {
  let text = nameOf(table);
  if (member.columns) text += ` (${identList(member.columns)})`;
  if (member.where !== undefined) text += ` WHERE (${member.where})`;
  return text;
}

/** The WITH options that differ from PostgreSQL's defaults (every operation, not via the root). */
function optionsSql(publication: Publication, always: boolean): string {
  const options: string[] = [];
  if (always || publication.publish.join(',') !== allOperations.join(',')) options.push(`publish = ${literal(publication.publish.join(', '))}`);
  if (always || publication.viaRoot) options.push(`publish_via_partition_root = ${publication.viaRoot}`);
  return options.join(', ');
}

export const createPublication: Render<Extract<Change, { kind: 'create publication' }>> = ({ publication }) => {
  const targets: string[] = [];
  const tables = Object.entries(publication.tables).map(([table, member]) => memberSql(table, member));
  if (publication.allTables) targets.push('ALL TABLES');
  else {
    if (tables.length) targets.push(`TABLE ${tables.join(', ')}`);
    if (publication.schemas.length) targets.push(`TABLES IN SCHEMA ${identList(publication.schemas)}`);
  }
  const options = optionsSql(publication, false);
  const sql = `CREATE PUBLICATION ${ident(publication.name)}${targets.length ? ` FOR ${targets.join(', ')}` : ''}${options ? ` WITH (${options})` : ''}`;
  return [statement(sql)];
};

export const dropPublication: Render<Extract<Change, { kind: 'drop publication' }>> = ({ publication }) => [
  statement(`DROP PUBLICATION ${ident(publication.name)}`, [
    { code: 'DELETES_DATA', message: `drops publication ${publication.name}: its subscribers (Realtime, replicas) stop receiving changes` },
  ]),
];

export const alterPublication: Render<Extract<Change, { kind: 'alter publication' }>> = ({ from, to }) => {
  const name = ident(to.name);
  const steps = [];
  const added = to.schemas.filter((s) => !from.schemas.includes(s));
  const dropped = from.schemas.filter((s) => !to.schemas.includes(s));
  if (dropped.length) steps.push(statement(`ALTER PUBLICATION ${name} DROP TABLES IN SCHEMA ${identList(dropped)}`));
  if (added.length) steps.push(statement(`ALTER PUBLICATION ${name} ADD TABLES IN SCHEMA ${identList(added)}`));
  if (from.publish.join(',') !== to.publish.join(',') || from.viaRoot !== to.viaRoot) steps.push(statement(`ALTER PUBLICATION ${name} SET (${optionsSql(to, true)})`));
  return steps;
};

export const addPublicationTable: Render<Extract<Change, { kind: 'add publication table' }>> = ({ publication, table, member }) => [
  statement(`ALTER PUBLICATION ${ident(publication)} ADD TABLE ${memberSql(table, member)}`),
];

export const dropPublicationTable: Render<Extract<Change, { kind: 'drop publication table' }>> = ({ publication, table }) => [
  statement(`ALTER PUBLICATION ${ident(publication)} DROP TABLE ${nameOf(table)}`),
];
