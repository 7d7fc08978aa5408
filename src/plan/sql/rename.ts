import type { Change } from '../../model/change.js';
import { nameOf, routineSignature } from './names.js';
import { ident, literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** RENAME statements for `renamedFrom` hints: the object, its rows and its dependents stay. */
export const rename: Render<Extract<Change, { kind: 'rename' }>> = ({ target, from, to }) => {
  switch (target.type) {
    case 'table':
      return [statement(`ALTER TABLE ${qualified(target.schema, from)} RENAME TO ${ident(to)}`)];
    case 'view':
      return [statement(`ALTER VIEW ${qualified(target.schema, from)} RENAME TO ${ident(to)}`)];
    case 'materialized view':
      return [statement(`ALTER MATERIALIZED VIEW ${qualified(target.schema, from)} RENAME TO ${ident(to)}`)];
    case 'enum':
      return [statement(`ALTER TYPE ${qualified(target.schema, from)} RENAME TO ${ident(to)}`)];
    case 'routine': {
      const old = { ...target.routine, name: from };
      return [statement(`ALTER ${target.routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(old)} RENAME TO ${ident(to)}`)];
    }
    case 'column':
      return [statement(`ALTER TABLE ${nameOf(target.table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`)];
    case 'constraint':
      return [statement(`ALTER TABLE ${nameOf(target.table)} RENAME CONSTRAINT ${ident(from)} TO ${ident(to)}`)];
    case 'index':
      return [statement(`ALTER INDEX ${qualified(target.schema, from)} RENAME TO ${ident(to)}`)];
    case 'attribute':
      return [statement(`ALTER TYPE ${nameOf(target.composite)} RENAME ATTRIBUTE ${ident(from)} TO ${ident(to)}`)];
    case 'enum value':
      return [statement(`ALTER TYPE ${nameOf(target.enum)} RENAME VALUE ${literal(from)} TO ${literal(to)}`)];
  }
};
