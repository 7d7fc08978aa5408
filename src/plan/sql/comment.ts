import type { Change, CommentTarget } from '../../model/change.js';
import { nameOf, routineSignature } from './names.js';
import { aggregateSignature } from './aggregate.js';
import { ident, literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

function targetSql(target: CommentTarget): string {
  switch (target.type) {
    case 'schema':
      return `SCHEMA ${ident(target.name)}`;
    case 'table':
    case 'view':
    case 'materialized view':
    case 'sequence':
    case 'type':
    case 'domain':
    case 'collation':
      return `${target.type.toUpperCase()} ${nameOf(target.id)}`;
    case 'column':
      return `COLUMN ${nameOf(target.relation)}.${ident(target.column)}`;
    case 'constraint':
      return `CONSTRAINT ${ident(target.name)} ON ${nameOf(target.table)}`;
    case 'domain constraint':
      return `CONSTRAINT ${ident(target.name)} ON DOMAIN ${nameOf(target.domain)}`;
    case 'index':
      return `INDEX ${qualified(target.schema, target.name)}`;
    case 'trigger':
    case 'policy':
      return `${target.type.toUpperCase()} ${ident(target.name)} ON ${nameOf(target.table)}`;
    case 'routine':
      return `${target.routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(target.routine)}`;
    case 'aggregate':
      return `AGGREGATE ${aggregateSignature(target.aggregate)}`;
    case 'publication':
    case 'extension':
      return `${target.type.toUpperCase()} ${ident(target.name)}`;
  }
}

/** An empty comment is none to PostgreSQL (an extension's `''` stands for a removed comment): it prints as NULL. */
export const setComment: Render<Extract<Change, { kind: 'set comment' }>> = ({ target, to }) => [
  statement(`COMMENT ON ${targetSql(target)} IS ${to === undefined || to === '' ? 'NULL' : literal(to)}`),
];
