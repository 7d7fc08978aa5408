import type { Change } from '../../model/change.js';
import { ident, qualified } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';

/**
 * Alters a domain in place: its default, NOT NULL and checks. Columns and routine arguments of
 * the domain stay; a new or changed check is tested against every value already stored in them.
 */
export const alterDomain: Render<Extract<Change, { kind: 'alter domain' }>> = ({ from, to }) => {
  const name = qualified(to.schema, to.name);
  const id = `${to.schema}.${to.name}`;
  const steps: Statement[] = [];
  if ((from.default ?? null) !== (to.default ?? null)) steps.push(statement(`ALTER DOMAIN ${name} ${to.default !== undefined ? `SET DEFAULT ${to.default}` : 'DROP DEFAULT'}`));
  if (from.notNull !== to.notNull) {
    steps.push(
      to.notNull
        ? statement(`ALTER DOMAIN ${name} SET NOT NULL`, [{ code: 'MAY_FAIL', message: `fails if a column of domain ${id} holds NULLs` }])
        : statement(`ALTER DOMAIN ${name} DROP NOT NULL`),
    );
  }
  for (const [constraint, check] of Object.entries(from.checks)) {
    if (to.checks[constraint]?.expression !== check.expression) steps.push(statement(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(constraint)}`));
  }
  for (const [constraint, check] of Object.entries(to.checks)) {
    if (from.checks[constraint]?.expression === check.expression) continue;
    steps.push(statement(`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(constraint)} CHECK (${check.expression})`, [{ code: 'MAY_FAIL', message: `fails if a value of domain ${id} breaks check ${constraint}` }]));
  }
  return steps;
};
