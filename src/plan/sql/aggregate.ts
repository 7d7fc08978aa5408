import type { Change } from '../../model/change.js';
import { aggregateIdentity, defaultFinalModify } from '../../model/aggregate.js';
import type { Aggregate } from '../../model/schema.js';
import { argumentSql } from './names.js';
import { literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** The argument list of CREATE, DROP and COMMENT ON AGGREGATE: `(*)`, `(integer)`, `(double precision ORDER BY double precision)`. */
function argumentList(aggregate: Aggregate, withNames: boolean): string {
  const list = (args: Aggregate['arguments']) => args.map((a) => argumentSql(withNames ? a : { type: a.type, mode: a.mode }, false)).join(', ');
  if (!aggregate.orderBy) return aggregate.arguments.length ? `(${list(aggregate.arguments)})` : '(*)';
  const direct = list(aggregate.arguments);
  return `(${direct ? `${direct} ` : ''}ORDER BY ${list(aggregate.orderBy)})`;
}

/** The identity of an aggregate for DROP and COMMENT ON AGGREGATE: `"public"."first"(anyelement)`. */
export function aggregateSignature(aggregate: Aggregate): string {
  return `${qualified(aggregate.schema, aggregate.name)}${argumentList(aggregate, false)}`;
}

/** The identity of an aggregate as a function, for GRANT ... ON FUNCTION: every argument type in one list. */
export function aggregateFunctionSignature(aggregate: Aggregate): string {
  return `${qualified(aggregate.schema, aggregate.name)}(${aggregateIdentity(aggregate).join(', ')})`;
}

/** The options of CREATE AGGREGATE, in the order PostgreSQL's documentation lists them, defaults left out. */
function optionsSql(a: Aggregate): string[] {
  const modify = (value: Aggregate['finalfuncModify']) => value!.toUpperCase();
  const options = [`SFUNC = ${a.sfunc}`, `STYPE = ${a.stype}`];
  if (a.sspace !== undefined) options.push(`SSPACE = ${a.sspace}`);
  if (a.finalfunc !== undefined) options.push(`FINALFUNC = ${a.finalfunc}`);
  if (a.finalfuncExtra) options.push('FINALFUNC_EXTRA');
  if (a.finalfuncModify !== undefined && a.finalfuncModify !== defaultFinalModify(a)) options.push(`FINALFUNC_MODIFY = ${modify(a.finalfuncModify)}`);
  if (a.combinefunc !== undefined) options.push(`COMBINEFUNC = ${a.combinefunc}`);
  if (a.serialfunc !== undefined) options.push(`SERIALFUNC = ${a.serialfunc}`);
  if (a.deserialfunc !== undefined) options.push(`DESERIALFUNC = ${a.deserialfunc}`);
  if (a.initcond !== undefined) options.push(`INITCOND = ${literal(a.initcond)}`);
  if (a.msfunc !== undefined) options.push(`MSFUNC = ${a.msfunc}`);
  if (a.minvfunc !== undefined) options.push(`MINVFUNC = ${a.minvfunc}`);
  if (a.mstype !== undefined) options.push(`MSTYPE = ${a.mstype}`);
  if (a.msspace !== undefined) options.push(`MSSPACE = ${a.msspace}`);
  if (a.mfinalfunc !== undefined) options.push(`MFINALFUNC = ${a.mfinalfunc}`);
  if (a.mfinalfuncExtra) options.push('MFINALFUNC_EXTRA');
  if (a.mfinalfuncModify !== undefined && a.mfinalfuncModify !== defaultFinalModify(a)) options.push(`MFINALFUNC_MODIFY = ${modify(a.mfinalfuncModify)}`);
  if (a.minitcond !== undefined) options.push(`MINITCOND = ${literal(a.minitcond)}`);
  if (a.sortop !== undefined) options.push(`SORTOP = ${a.sortop}`);
  if (a.parallel !== 'unsafe') options.push(`PARALLEL = ${a.parallel.toUpperCase()}`);
  if (a.hypothetical) options.push('HYPOTHETICAL');
  return options;
}

/** CREATE [OR REPLACE] AGGREGATE with every option that is not at its default. */
export function aggregateSql(aggregate: Aggregate, orReplace: boolean): string {
  return `CREATE${orReplace ? ' OR REPLACE' : ''} AGGREGATE ${qualified(aggregate.schema, aggregate.name)}${argumentList(aggregate, true)} (${optionsSql(aggregate).join(', ')})`;
}

export const createAggregate: Render<Extract<Change, { kind: 'create aggregate' }>> = ({ aggregate }) => [statement(aggregateSql(aggregate, false))];

/** CREATE OR REPLACE keeps grants, comment and the views that use it; the differ drops first when it cannot. */
export const replaceAggregate: Render<Extract<Change, { kind: 'replace aggregate' }>> = ({ to }) => [statement(aggregateSql(to, true))];

export const dropAggregate: Render<Extract<Change, { kind: 'drop aggregate' }>> = ({ aggregate }) => [statement(`DROP AGGREGATE ${aggregateSignature(aggregate)}`)];
