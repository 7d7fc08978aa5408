import { PgformError } from '../../errors.js';
import type { Change, Hazard } from '../../model/change.js';
import type { Domain, DomainCheck, Sequence } from '../../model/schema.js';
import { newColumnInstead, recreateColumn } from './alter-column.js';
import { hasCast } from './casts.js';
import { collationSql, nameOf } from './names.js';
import { ident, literal, qualified } from '../../sql/quote.js';
import { boundsNarrow, positionIntoBounds } from './sequence-position.js';
import { statement, type Render, type Statement } from './step.js';

export const createNamespace: Render<Extract<Change, { kind: 'create namespace' }>> = ({ namespace }) => [statement(`CREATE SCHEMA ${ident(namespace.name)}`)];

export const dropNamespace: Render<Extract<Change, { kind: 'drop namespace' }>> = ({ namespace }) => [
  statement(`DROP SCHEMA ${ident(namespace.name)}`, [{ code: 'DELETES_DATA', message: `drops schema ${namespace.name}` }]),
];

export const createExtension: Render<Extract<Change, { kind: 'create extension' }>> = ({ extension }) => [
  statement(`CREATE EXTENSION IF NOT EXISTS ${ident(extension.name)} WITH SCHEMA ${ident(extension.schema)}${extension.version !== undefined && extension.version !== extension.defaultVersion ? ` VERSION ${literal(extension.version)}` : ''}`),
];

/** Moves and updates in place: dropping an extension would drop its objects and their data. */
export const alterExtension: Render<Extract<Change, { kind: 'alter extension' }>> = ({ from, to }) => {
  const steps = [];
  if (from.schema !== to.schema) steps.push(statement(`ALTER EXTENSION ${ident(to.name)} SET SCHEMA ${ident(to.schema)}`));
  if (to.version !== undefined && to.version !== to.defaultVersion && from.version !== to.version) steps.push(statement(`ALTER EXTENSION ${ident(to.name)} UPDATE TO ${literal(to.version)}`));
  return steps;
};

export const dropExtension: Render<Extract<Change, { kind: 'drop extension' }>> = ({ extension }) => [
  statement(`DROP EXTENSION ${ident(extension.name)}`, [{ code: 'DELETES_DATA', message: `drops extension ${extension.name} and what it provides` }]),
];

export const createEnum: Render<Extract<Change, { kind: 'create enum' }>> = ({ enum: en }) => [
  statement(`CREATE TYPE ${qualified(en.schema, en.name)} AS ENUM (${en.values.map(literal).join(', ')})`),
];

export const dropEnum: Render<Extract<Change, { kind: 'drop enum' }>> = ({ enum: en }) => [
  statement(`DROP TYPE ${qualified(en.schema, en.name)}`, [{ code: 'DELETES_DATA', message: `drops enum ${en.schema}.${en.name}` }]),
];

export const addEnumValue: Render<Extract<Change, { kind: 'add enum value' }>> = ({ enum: en, value, before, after }) => {
  const position = before !== undefined ? ` BEFORE ${literal(before)}` : after !== undefined ? ` AFTER ${literal(after)}` : '';
  return [statement(`ALTER TYPE ${qualified(en.schema, en.name)} ADD VALUE ${literal(value)}${position}`)];
};

/**
 * Replaces an enum whose values were removed or reordered: the old type steps aside under a
 * temporary name, the new one is created, every column converts through text, the old type goes.
 * Dependent views, routines and policies are dropped before and re-created after by the planner.
 */
export const replaceEnum: Render<Extract<Change, { kind: 'replace enum' }>> = ({ from, to, columns }) => {
  const removed = from.values.filter((v) => !to.values.includes(v));
  const temporary = `${to.name.slice(0, 40)}_pgform_old`;
  const steps = [
    statement(`ALTER TYPE ${qualified(from.schema, from.name)} RENAME TO ${ident(temporary)}`),
    statement(`CREATE TYPE ${qualified(to.schema, to.name)} AS ENUM (${to.values.map(literal).join(', ')})`),
  ];
  // The comment belongs to the type being replaced; the new type carries it on.
  if (from.comment !== undefined) steps.push(statement(`COMMENT ON TYPE ${qualified(to.schema, to.name)} IS ${literal(from.comment)}`));
  for (const { table, column } of columns) {
    const target = `ALTER TABLE ${nameOf(table)} ALTER COLUMN ${ident(column.name)}`;
    const isArray = column.type.endsWith('[]');
    const hazards = removed.length
      ? [{ code: 'DELETES_DATA' as const, message: `values ${removed.map((v) => `'${v}'`).join(', ')} leave ${to.schema}.${to.name}: rows of ${table}.${column.name} holding them fail the conversion` }]
      : [];
    // A generated column's expression names the old type, which has no cast to the new one (nor
    // would a USING be allowed): the column is added again, and computes its values anew.
    if (column.generated !== undefined) {
      const [drop, add] = recreateColumn(table, column, column, `onto the new ${to.schema}.${to.name}`);
      steps.push(drop!, { ...add!, hazards: [...(add!.hazards ?? []), ...hazards] });
      continue;
    }
    steps.push(statement(`${target} DROP DEFAULT`));
    steps.push(statement(`${target} TYPE ${column.type} USING ${ident(column.name)}::text${isArray ? '[]' : ''}::${column.type}`, hazards));
    if (column.default !== undefined) steps.push(statement(`${target} SET DEFAULT ${column.default}`));
  }
  steps.push(statement(`DROP TYPE ${qualified(from.schema, temporary)}`));
  return steps;
};

/** CREATE DOMAIN with its valid checks; a NOT VALID one can only be added afterwards (`notValidChecks`). */
function domainBody(domain: Domain): string {
  let text = `CREATE DOMAIN ${qualified(domain.schema, domain.name)} AS ${domain.type}`;
  if (domain.collation) text += ` COLLATE ${collationSql(domain.collation)}`;
  if (domain.default !== undefined) text += ` DEFAULT ${domain.default}`;
  if (domain.notNull) text += ' NOT NULL';
  for (const [name, check] of Object.entries(domain.checks)) if (!check.notValid) text += ` CONSTRAINT ${ident(name)} CHECK (${check.expression})`;
  return text;
}

const addDomainCheck = (domain: Domain, name: string, check: DomainCheck, hazards: Hazard[] = []) =>
  statement(`ALTER DOMAIN ${qualified(domain.schema, domain.name)} ADD CONSTRAINT ${ident(name)} CHECK (${check.expression})${check.notValid ? ' NOT VALID' : ''}`, check.notValid ? [] : hazards);

const notValidChecks = (domain: Domain) => Object.entries(domain.checks).flatMap(([name, check]) => (check.notValid ? [addDomainCheck(domain, name, check)] : []));

export const createDomain: Render<Extract<Change, { kind: 'create domain' }>> = ({ domain }) => [statement(domainBody(domain)), ...notValidChecks(domain)];

/**
 * Changes a domain in place: checks that go or change are dropped before NOT NULL and new checks
 * are added, since both validate every column that uses the domain.
 */
export const alterDomain: Render<Extract<Change, { kind: 'alter domain' }>> = ({ from, to }) => {
  const name = qualified(to.schema, to.name);
  const id = `${to.schema}.${to.name}`;
  const out: Statement[] = [];
  if ((from.default ?? null) !== (to.default ?? null)) {
    out.push(statement(to.default !== undefined ? `ALTER DOMAIN ${name} SET DEFAULT ${to.default}` : `ALTER DOMAIN ${name} DROP DEFAULT`));
  }
  // A check that stays the same but loses its validation can only be added again NOT VALID.
  const readded = (check: string) => to.checks[check]?.expression !== from.checks[check]?.expression || (to.checks[check]?.notValid === true && !from.checks[check]?.notValid);
  for (const check of Object.keys(from.checks)) {
    if (readded(check)) out.push(statement(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(check)}`));
  }
  if (from.notNull !== to.notNull) {
    out.push(
      to.notNull
        ? statement(`ALTER DOMAIN ${name} SET NOT NULL`, [{ code: 'MAY_FAIL', message: `a NULL in a column of domain ${id} makes SET NOT NULL fail` }])
        : statement(`ALTER DOMAIN ${name} DROP NOT NULL`),
    );
  }
  for (const [check, definition] of Object.entries(to.checks)) {
    const mayFail: Hazard = { code: 'MAY_FAIL', message: `a value in a column of domain ${id} that breaks ${check} makes it fail` };
    if (readded(check)) out.push(addDomainCheck(to, check, definition, [mayFail]));
    else if (from.checks[check]?.notValid && !definition.notValid) out.push(statement(`ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${ident(check)}`, [mayFail]));
  }
  return out;
};

/**
 * Replaces a domain whose base type or collation changed while columns use it, as an enum is
 * replaced: the old domain steps aside under a temporary name, the new one is created, each column
 * converts through the old base type (its default moved aside meanwhile: it may name the old
 * domain), and the old domain goes. Views, routines and policies on the columns are dropped before
 * and re-created after by the planner; the columns' indexes and constraints PostgreSQL rebuilds.
 */
export const replaceDomain: Render<Extract<Change, { kind: 'replace domain' }>> = ({ from, to, columns }) => {
  const id = `${to.schema}.${to.name}`;
  if (!hasCast(from.type, to.type)) {
    throw new PgformError('CONVERSION_REQUIRED', `domain ${id} changes from ${from.type} to ${to.type} while columns use it, and PostgreSQL has no cast between them`, { object: id, field: 'type' }, 'move the columns off the domain first (with .using(...)), or drop and re-add them');
  }
  const temporary = `${to.name.slice(0, 40)}_pgform_old`;
  const steps = [statement(`ALTER DOMAIN ${qualified(from.schema, from.name)} RENAME TO ${ident(temporary)}`), statement(domainBody(to)), ...notValidChecks(to)];
  for (const { table, column } of columns) {
    const target = `ALTER TABLE ${nameOf(table)} ALTER COLUMN ${ident(column.name)}`;
    const hazards: Hazard[] = [
      from.type === to.type
        ? { code: 'LONG_LOCK', message: `the new collation of ${id} rebuilds the indexes of ${table}.${column.name} under an exclusive lock; ${newColumnInstead}` }
        : { code: 'REWRITES_TABLE', message: `converting ${table}.${column.name} from ${from.type} to ${to.type} rewrites ${table} under an exclusive lock; ${newColumnInstead}` },
      { code: 'MAY_FAIL', message: `a value of ${table}.${column.name} that does not fit ${to.type} or breaks a check of ${id} makes it fail` },
    ];
    if (column.generated !== undefined) {
      const [drop, add] = recreateColumn(table, column, column, `onto the new ${id}`);
      steps.push(drop!, { ...add!, hazards: [...(add!.hazards ?? []), ...hazards] });
      continue;
    }
    const array = column.type.endsWith('[]') ? '[]' : '';
    if (column.default !== undefined) steps.push(statement(`${target} DROP DEFAULT`));
    steps.push(statement(`${target} TYPE ${column.type} USING ${ident(column.name)}::${from.type}${array}::${column.type}`, hazards));
    if (column.default !== undefined) steps.push(statement(`${target} SET DEFAULT ${column.default}`));
  }
  steps.push(statement(`DROP DOMAIN ${qualified(from.schema, temporary)}`));
  return steps;
};

export const dropDomain: Render<Extract<Change, { kind: 'drop domain' }>> = ({ domain }) => [
  statement(`DROP DOMAIN ${qualified(domain.schema, domain.name)}`, [{ code: 'DELETES_DATA', message: `drops domain ${domain.schema}.${domain.name}` }]),
];

function sequenceOptions(sequence: Sequence): string {
  return (
    ` AS ${sequence.type} INCREMENT BY ${sequence.increment} MINVALUE ${sequence.min} MAXVALUE ${sequence.max}` +
    ` START WITH ${sequence.start} CACHE ${sequence.cache}${sequence.cycle ? ' CYCLE' : ' NO CYCLE'}`
  );
}

export const createSequence: Render<Extract<Change, { kind: 'create sequence' }>> = ({ sequence }) => [
  statement(`CREATE ${sequence.unlogged ? 'UNLOGGED ' : ''}SEQUENCE ${qualified(sequence.schema, sequence.name)}${sequenceOptions(sequence)}`),
];

export const dropSequence: Render<Extract<Change, { kind: 'drop sequence' }>> = ({ sequence }) => [
  statement(`DROP SEQUENCE ${qualified(sequence.schema, sequence.name)}`, [{ code: 'DELETES_DATA', message: `drops sequence ${sequence.schema}.${sequence.name} and its position` }]),
];

/** Alters options; OWNED BY is set separately once the owning table exists. */
export const alterSequence: Render<Extract<Change, { kind: 'alter sequence' }>> = ({ from, to }) => {
  const steps = [];
  const name = qualified(to.schema, to.name);
  const { ownedBy: _a, comment: _b, grants: _c, source: _d, group: _e, note: _f, unlogged: _m, ...fromOptions } = from;
  const { ownedBy: _g, comment: _h, grants: _i, source: _j, group: _k, note: _l, unlogged: _n, ...toOptions } = to;
  if (Boolean(from.unlogged) !== Boolean(to.unlogged)) steps.push(statement(`ALTER SEQUENCE ${name} SET ${to.unlogged ? 'UNLOGGED' : 'LOGGED'}`));
  if (JSON.stringify(fromOptions) !== JSON.stringify(toOptions)) {
    if (boundsNarrow(from, to)) steps.push(positionIntoBounds(`${literal(name)}::regclass`, `${to.schema}.${to.name}`, from, to));
    steps.push(statement(`ALTER SEQUENCE ${name}${sequenceOptions(to)}`));
  }
  const owner = (s: Sequence) => (s.ownedBy ? `${s.ownedBy.table}.${s.ownedBy.column}` : '');
  if (owner(from) !== owner(to)) {
    steps.push(statement(`ALTER SEQUENCE ${name} OWNED BY ${to.ownedBy ? `${nameOf(to.ownedBy.table)}.${ident(to.ownedBy.column)}` : 'NONE'}`));
  }
  return steps;
};
