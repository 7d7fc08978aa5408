import type { Change, Hazard } from '../../model/change.js';
import { nameOf } from './names.js';
import { ident } from '../../sql/quote.js';
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
 * of generated expression cannot be altered in place, so the column is dropped and re-added.
 */
export const alterColumn: Render<Extract<Change, { kind: 'alter column' }>> = ({ table, from, to }) => {
  const target = `ALTER TABLE ${nameOf(table)} ALTER COLUMN ${ident(to.name)}`;
  // A generated column that stops being generated keeps its values, indexes and comment.
  if (from.generated !== undefined && to.generated === undefined) {
    return [statement(`${target} DROP EXPRESSION`), ...alterColumn({ kind: 'alter column', table, from: { ...from, generated: undefined }, to })];
  }
  if ((from.generated ?? '') !== (to.generated ?? '')) {
    return [
      statement(`ALTER TABLE ${nameOf(table)} DROP COLUMN ${ident(from.name)}`, [{ code: 'DELETES_DATA', message: `re-creates column ${table}.${to.name} to change its generated expression` }]),
      statement(`ALTER TABLE ${nameOf(table)} ADD COLUMN ${columnSql(to)}`, [{ code: 'REWRITES_TABLE', message: `computes ${table}.${to.name} for every row` }]),
    ];
  }
  const steps: Statement[] = [];
  const typeChanged = from.type !== to.type || (from.collation ?? '') !== (to.collation ?? '');
  // A default cast to the old type must go before the type changes; a relabel keeps it valid.
  const defaultBlocks = typeChanged && from.default !== undefined && !from.identity && !isRelabel(from.type, to.type);
  if (defaultBlocks) steps.push(statement(`${target} DROP DEFAULT`));
  if (from.identity && (!to.identity || typeChanged)) steps.push(statement(`${target} DROP IDENTITY`));
  if (typeChanged) {
    const hazards: Hazard[] = [];
    if (!isRelabel(from.type, to.type)) {
      hazards.push({ code: 'REWRITES_TABLE', message: `changing ${table}.${to.name} from ${from.type} to ${to.type} rewrites the table under an exclusive lock` });
    }
    if (!keepsValues(from.type, to.type)) {
      hazards.push({ code: 'DELETES_DATA', message: `values of ${table}.${to.name} that do not fit ${to.type} fail the cast or lose precision` });
    }
    const collate = to.collation ? ` COLLATE ${to.collation}` : '';
    // A user type (enum, domain) often has no cast to or from the other type; text always does.
    const viaText = isUserType(from.type) || isUserType(to.type) ? `::text${from.type.endsWith('[]') && to.type.endsWith('[]') ? '[]' : ''}` : '';
    // A generated column is recomputed by its expression: PostgreSQL refuses a USING clause for it.
    const using = to.generated !== undefined ? '' : ` USING ${ident(to.name)}${viaText}::${to.type}`;
    steps.push(statement(`${target} TYPE ${to.type}${collate}${using}`, hazards));
  }
  if (to.default !== undefined && !to.identity && (defaultBlocks || from.default !== to.default)) steps.push(statement(`${target} SET DEFAULT ${to.default}`));
  if (to.default === undefined && from.default !== undefined && !defaultBlocks && !from.identity) steps.push(statement(`${target} DROP DEFAULT`));
  if (to.identity && (!from.identity || typeChanged)) {
    if (!from.notNull) steps.push(statement(`${target} SET NOT NULL`, [{ code: 'MAY_FAIL', message: `fails if ${table}.${to.name} holds NULLs` }]));
    steps.push(statement(`${target} ADD GENERATED ${to.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`));
  } else if (to.identity && from.identity && to.identity !== from.identity) {
    steps.push(statement(`${target} SET GENERATED ${to.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`));
  }
  if (!to.identity && to.notNull !== from.notNull) {
    steps.push(
      to.notNull
        ? statement(`${target} SET NOT NULL`, [{ code: 'LONG_LOCK', message: `scans ${table} to check ${to.name} for NULLs under an exclusive lock; fails if any` }])
        : statement(`${target} DROP NOT NULL`),
    );
  }
  return steps;
};
