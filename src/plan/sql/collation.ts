import type { Change } from '../../model/change.js';
import type { Collation } from '../../model/schema.js';
import { literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** CREATE COLLATION with the provider's own locale options. */
export function collationSql(collation: Collation): string {
  const options = [`provider = ${collation.provider}`];
  if (collation.provider === 'libc') {
    if (collation.lcCollate !== undefined) options.push(`lc_collate = ${literal(collation.lcCollate)}`);
    if (collation.lcCtype !== undefined) options.push(`lc_ctype = ${literal(collation.lcCtype)}`);
  } else if (collation.locale !== undefined) options.push(`locale = ${literal(collation.locale)}`);
  if (!collation.deterministic) options.push('deterministic = false');
  return `CREATE COLLATION ${qualified(collation.schema, collation.name)} (${options.join(', ')})`;
}

export const createCollation: Render<Extract<Change, { kind: 'create collation' }>> = ({ collation }) => [statement(collationSql(collation))];

export const dropCollation: Render<Extract<Change, { kind: 'drop collation' }>> = ({ collation }) => [
  statement(`DROP COLLATION ${qualified(collation.schema, collation.name)}`),
];
