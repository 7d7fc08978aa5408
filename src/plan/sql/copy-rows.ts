import type { Change, Hazard } from '../../model/change.js';
import { objectId } from '../../model/id.js';
import { identList, literal, qualified } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';

/**
 * Copies a replaced table's rows into its replacement: the columns both have, by name, except
 * those the new table generates; identity values as they were (OVERRIDING SYSTEM VALUE), and each
 * identity that stays one goes on from where the old one stood. Partitioned tables read every
 * partition. The whole plan is one transaction, so a copy that fails leaves nothing half done.
 */
export const copyRows: Render<Extract<Change, { kind: 'copy rows' }>> = ({ from, to, aside, catchAll }) => {
  const id = objectId(to.schema, to.name);
  const old = qualified(from.schema, aside);
  const table = qualified(to.schema, to.name);
  const columns = to.columns.filter((column) => column.generated === undefined && from.columns.some((c) => c.name === column.name)).map((c) => c.name);
  const overriding = to.columns.some((c) => c.identity === 'always' && columns.includes(c.name)) ? ' OVERRIDING SYSTEM VALUE' : '';
  const hazards: Hazard[] = [{ code: 'REWRITES_TABLE', message: `copies every row of ${id} into the table that replaces it, under an exclusive lock on both until the migration commits` }];
  const fits: string[] = [];
  if (to.partitionBy && !catchAll) fits.push(`a row that fits no partition of ${id}`);
  const retyped = to.columns.filter((column) => columns.includes(column.name) && from.columns.find((c) => c.name === column.name)!.type !== column.type).map((c) => c.name);
  if (retyped.length) fits.push(`a value of ${retyped.join(', ')} that does not convert to its new type`);
  const required = to.columns.filter((c) => c.notNull && !columns.includes(c.name) && c.default === undefined && !c.identity && c.generated === undefined).map((c) => c.name);
  if (required.length) fits.push(`the NOT NULL column${required.length > 1 ? 's' : ''} ${required.join(', ')} the old table has no values for`);
  if (fits.length) hazards.push({ code: 'MAY_FAIL', message: `${fits.join('; ')} stops the copy, and with it the migration` });
  const lost = from.columns.filter((c) => !to.columns.some((t) => t.name === c.name)).map((c) => c.name);
  if (lost.length) hazards.push({ code: 'DELETES_DATA', message: `the values of ${lost.join(', ')} are not copied: ${id} no longer has ${lost.length > 1 ? 'those columns' : 'that column'}` });
  // With no column in common, each row still comes over, as the new columns' defaults.
  const list = columns.length ? ` (${identList(columns)})` : '';
  const insert = `INSERT INTO ${table}${list}${overriding}\nSELECT ${identList(columns)} FROM ${old}`;
  const steps: Statement[] = [statement(insert, hazards)];
  for (const column of to.columns) {
    if (!column.identity || !columns.includes(column.name)) continue;
    const sequenceOf = (relation: string) => `pg_get_serial_sequence(${literal(relation)}, ${literal(column.name)})`;
    // An identity before too goes on from its old sequence's position; a column that becomes one
    // from the largest value copied. NULL (a sequence never used, no rows) makes setval do nothing.
    const position = from.columns.find((c) => c.name === column.name)!.identity
      ? `pg_sequence_last_value(${sequenceOf(old)}::regclass)`
      : `(SELECT max(${identList([column.name])}) FROM ${table})`;
    steps.push(statement(`SELECT setval(${sequenceOf(table)}, ${position})`));
  }
  return steps;
};
