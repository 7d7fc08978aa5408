import { PgformError } from '../../errors.js';
import type { Change, Hazard } from '../../model/change.js';
import type { Column } from '../../model/schema.js';
import { hasCast } from './casts.js';
import { resolveIdentity } from '../../model/identity.js';
import { identityAlterations, identityClause } from './identity.js';
import { boundsNarrow, positionIntoBounds } from './sequence-position.js';
import { collationSql, nameOf } from './names.js';
import { ident, literal } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';
import { columnSql } from './table.js';

/** Integer and float types in order of range: a later one holds every value of an earlier one. */
const integerRanks = ['smallint', 'integer', 'bigint', 'numeric'];
const floatRanks = ['real', 'double precision'];
const varchar = /^character varying(?:\((\d+)\))?$/;
const numeric = /^numeric(?:\((\d+),(\d+)\))?$/;

/** Changes PostgreSQL makes by relabelling: no rewrite, no value checked (binary coercible). */
function isRelabel(from: string, to: string): boolean {
  const a = varchar.exec(from);
  const b = varchar.exec(to);
  if (a && (to === 'text' || (b && (!b[1] || (!!a[1] && Number(b[1]) >= Number(a[1])))))) return true;
  const n = numeric.exec(from);
  const m = numeric.exec(to);
  return !!n && !!m && (!m[1] || (!!n[1] && Number(m[1]) - Number(m[2]) >= Number(n[1]) - Number(n[2]) && Number(m[2]) === Number(n[2])));
}

/** A schema-qualified type is one a user declared; built-in types print without a schema. */
function isUserType(type: string): boolean {
  return /^("[^"]*(""[^"]*)*"|[^".]+)\./.test(type);
}

/** Changes after which every old value is still there, exactly. */
function keepsValues(from: string, to: string): boolean {
  if (from === to || isRelabel(from, to)) return true;
  const fromInt = integerRanks.indexOf(from);
  if (fromInt >= 0 && integerRanks.indexOf(to) > fromInt) return true;
  if (floatRanks.indexOf(from) >= 0 && floatRanks.indexOf(to) > floatRanks.indexOf(from)) return true;
  return /^character(\(\d+\))?$/.test(from) && to === 'text';
}

/**
 * Alters one column in place: type (with a USING cast), default, NOT NULL, identity. A change
 * of generated expression cannot be altered in place on every server (see recreateColumn).
 */
export const alterColumn: Render<Extract<Change, { kind: 'alter column' }>> = (change) => {
  const { table, generated } = change;
  if (!generated?.length) return alterColumnItself(change);
  const around = generated.map((g) => recreateColumn(table, g.from, g.to, `once ${table}.${change.to.name} has its new type`));
  return [...around.map(([drop]) => drop!), ...alterColumnItself(change), ...around.map(([, add]) => add!)];
};

function alterColumnItself({ table, from, to }: Extract<Change, { kind: 'alter column' }>): Statement[] {
  const target = `ALTER TABLE ${nameOf(table)} ALTER COLUMN ${ident(to.name)}`;
  // A generated column that stops being generated keeps its values, indexes and comment.
  if (from.generated !== undefined && to.generated === undefined) {
    return [statement(`${target} DROP EXPRESSION`), ...alterColumnItself({ kind: 'alter column', table, from: { ...from, generated: undefined }, to })];
  }
  if ((from.generated ?? '') !== (to.generated ?? '')) return recreateColumn(table, from, to);
  const steps: Statement[] = [];
  const typeChanged = from.type !== to.type || (from.collation ?? '') !== (to.collation ?? '');
  // A default cast to the old type must go before the type changes; a relabel keeps it valid.
  const defaultBlocks = typeChanged && from.default !== undefined && !from.identity && !isRelabel(from.type, to.type);
  if (defaultBlocks) steps.push(statement(`${target} DROP DEFAULT`));
  // An identity column keeps its sequence through a type change: PostgreSQL retypes the sequence too.
  if (from.identity && !to.identity) steps.push(statement(`${target} DROP IDENTITY`));
  if (typeChanged) steps.push(typeChange(table, target, from, to));
  if (to.default !== undefined && !to.identity && (defaultBlocks || from.default !== to.default)) steps.push(statement(`${target} SET DEFAULT ${to.default}`));
  if (to.default === undefined && from.default !== undefined && !defaultBlocks && !from.identity) steps.push(statement(`${target} DROP DEFAULT`));
  if (to.identity && !from.identity) {
    if (!from.notNull) steps.push(statement(`${target} SET NOT NULL`, [{ code: 'MAY_FAIL', message: `fails if ${table}.${to.name} holds NULLs` }]));
    steps.push(statement(`${target} ADD ${identityClause(to)}`, [{ code: 'MAY_FAIL', message: `the new identity of ${table}.${to.name} starts at its START value, whatever the rows already hold` }]));
  } else if (to.identity && from.identity) {
    const clauses = identityAlterations(to.type, from, to);
    if (to.identity !== from.identity) clauses.unshift(`SET GENERATED ${to.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`);
    const [before, after] = [resolveIdentity(to.type, from.identityOptions), resolveIdentity(to.type, to.identityOptions)];
    if (boundsNarrow(before, after)) steps.push(positionIntoBounds(`pg_get_serial_sequence(${literal(nameOf(table))}, ${literal(to.name)})::regclass`, `the identity of ${table}.${to.name}`, before, after));
    if (clauses.length) steps.push(statement(`${target} ${clauses.join(' ')}`));
  }
  if (!to.identity && to.notNull !== from.notNull) {
    steps.push(
      to.notNull
        ? statement(`${target} SET NOT NULL`, [{ code: 'LONG_LOCK', message: `scans ${table} to check ${to.name} for NULLs under an exclusive lock; fails if any` }])
        : statement(`${target} DROP NOT NULL`),
    );
  }
  return steps;
}

/**
 * A column that becomes generated, or whose expression changes, is dropped and added again:
 * PostgreSQL before 17 has no SET EXPRESSION, and none at all turns a plain column into a
 * generated one. The planner drops what hangs on the column first and re-creates it after
 * (plan/dependents.ts). Stored values are lost only where the column was plain: a generated
 * one's are computed again.
 */
export function recreateColumn(table: string, from: Column, to: Column, why = 'to change its generated expression'): Statement[] {
  const lost: Hazard[] = from.generated === undefined ? [{ code: 'DELETES_DATA', message: `the values of ${table}.${to.name} give way to ones computed by its new generated expression` }] : [];
  return [
    statement(`ALTER TABLE ${nameOf(table)} DROP COLUMN ${ident(from.name)}`, lost),
    statement(`ALTER TABLE ${nameOf(table)} ADD COLUMN ${columnSql(to)}`, [{ code: 'REWRITES_TABLE', message: `re-adds ${table}.${to.name} ${why}: computes it for every row of ${table} under an exclusive lock` }]),
  ];
}

/** What a busy table needs instead of a rewrite under ACCESS EXCLUSIVE: pgform never picks it silently. */
export const newColumnInstead = 'online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one';

/**
 * The type change itself, converting values with the definitions' `conversion` or a cast. Where
 * PostgreSQL has no cast between the types, planning stops: the values need a conversion only
 * the user can write.
 */
function typeChange(table: string, target: string, from: Column, to: Column): Statement {
  const hazards: Hazard[] = [];
  const collationOnly = from.type === to.type;
  if (collationOnly) {
    hazards.push({ code: 'LONG_LOCK', message: `changing the collation of ${table}.${to.name} rebuilds its indexes under an exclusive lock; ${newColumnInstead}` });
  } else if (!isRelabel(from.type, to.type)) {
    hazards.push({ code: 'REWRITES_TABLE', message: `changing ${table}.${to.name} from ${from.type} to ${to.type} rewrites the table under an exclusive lock; ${newColumnInstead}` });
  }
  if (!keepsValues(from.type, to.type)) {
    hazards.push({ code: 'DELETES_DATA', message: `values of ${table}.${to.name} that do not fit ${to.type} fail the cast or lose precision` });
  }
  const collate = to.collation ? ` COLLATE ${collationSql(to.collation)}` : '';
  // A generated column is recomputed by its expression: PostgreSQL refuses a USING clause for it.
  // The same type under another collation needs no conversion.
  if (to.generated !== undefined || collationOnly) return statement(`${target} TYPE ${to.type}${collate}`, hazards);
  if (to.conversion !== undefined) return statement(`${target} TYPE ${to.type}${collate} USING ${to.conversion}`, hazards);
  if (!hasCast(from.type, to.type)) {
    throw new PgformError('CONVERSION_REQUIRED', `column ${table}.${to.name} changes from ${from.type} to ${to.type}, and PostgreSQL has no cast between them`, { object: `${table}.${to.name}`, field: 'type' }, `say how to convert the values: .using(sql\`...\`) on the column's definition (ALTER COLUMN ... TYPE ${to.type} USING ...), or drop and re-add the column`);
  }
  // A user type (enum, domain) often has no cast to or from the other type; text always does.
  const viaText = isUserType(from.type) || isUserType(to.type) ? `::text${from.type.endsWith('[]') && to.type.endsWith('[]') ? '[]' : ''}` : '';
  return statement(`${target} TYPE ${to.type}${collate} USING ${ident(to.name)}${viaText}::${to.type}`, hazards);
}
