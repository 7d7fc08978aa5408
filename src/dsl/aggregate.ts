import type { Aggregate, FinalModify, SourceLocation } from '../model/schema.js';
import type { Documentation, LintOptions } from './documentation.js';
import { ident } from '../sql/quote.js';
import { aggregateShape, guard, guardName } from './guard.js';
import { toGrantList, type RoutineDef } from './routine.js';
import { callSite } from './source.js';
import { normalizeTypeName } from './type-names.js';
import type { GrantInput, TypeRef } from './types.js';

/** A function an aggregate calls: `'public.first_agg'`, a built-in such as `'int4pl'`, or the `rpc()` itself. */
export type AggregateFunction = string | RoutineDef;

/** An aggregate's argument: a type, or `{ type, mode: 'variadic' }` for a last VARIADIC one. */
export type AggregateArgumentInput = string | TypeRef | { type: string | TypeRef; mode?: 'in' | 'variadic' };

/** AggregateOptions are CREATE AGGREGATE's options under PostgreSQL's names; left out, each is PostgreSQL's default. */
export interface AggregateOptions extends Documentation, LintOptions {
  schema?: string;
  /** Arguments in order, by name (`$1` for an unnamed one); none for `agg(*)`. An ordered-set aggregate's direct arguments. */
  args?: Record<string, AggregateArgumentInput>;
  /** An ordered-set aggregate's aggregated arguments (`WITHIN GROUP (ORDER BY ...)`). */
  orderBy?: Record<string, AggregateArgumentInput>;
  /** A hypothetical-set aggregate (an ordered-set one whose direct arguments match `orderBy`). */
  hypothetical?: boolean;
  /** The state transition function (SFUNC). */
  sfunc: AggregateFunction;
  /** The state value's type (STYPE). */
  stype: string | TypeRef;
  sspace?: number;
  finalfunc?: AggregateFunction;
  finalfuncExtra?: boolean;
  finalfuncModify?: FinalModify;
  combinefunc?: AggregateFunction;
  serialfunc?: AggregateFunction;
  deserialfunc?: AggregateFunction;
  /** The state's initial value as text (INITCOND): `'0'`, `'{}'`; left out, NULL. */
  initcond?: string;
  /** The moving-aggregate mode, for window frames that move: MSFUNC, MINVFUNC, MSTYPE... */
  msfunc?: AggregateFunction;
  minvfunc?: AggregateFunction;
  mstype?: string | TypeRef;
  msspace?: number;
  mfinalfunc?: AggregateFunction;
  mfinalfuncExtra?: boolean;
  mfinalfuncModify?: FinalModify;
  minitcond?: string;
  /** The sort operator a MIN- or MAX-like aggregate is answered by from an index (SORTOP): `'>'`. */
  sortop?: string;
  parallel?: Aggregate['parallel'];
  /** Roles allowed to EXECUTE; default PostgreSQL's (every role). */
  grants?: string[] | GrantInput[];
}

type TypedArgument = { name?: string; type: string | TypeRef; mode: 'in' | 'variadic' };

/** An AggregateDef is the plain data `aggregate()` returns; types are resolved when the schema is built. */
export interface AggregateDef extends Documentation, LintOptions {
  readonly pgform: 'aggregate';
  readonly schema: string;
  readonly name: string;
  readonly arguments: TypedArgument[];
  readonly orderBy?: TypedArgument[];
  readonly stype: string | TypeRef;
  readonly mstype?: string | TypeRef;
  /** Everything else, as the model holds it. */
  readonly options: Omit<Aggregate, 'schema' | 'name' | 'arguments' | 'orderBy' | 'stype' | 'mstype' | 'comment' | 'group' | 'note' | 'source' | 'lint'>;
  readonly source?: SourceLocation;
}

const plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

/** A function named as PostgreSQL prints it: qualified unless in pg_catalog, parts quoted where they must be. */
function functionText(fn: AggregateFunction): string {
  if (typeof fn === 'string') return fn.trim().replace(/^pg_catalog\s*\.\s*/i, '');
  const part = (text: string) => (plainIdentifier.test(text) ? text : ident(text));
  return fn.schema === 'pg_catalog' ? part(fn.name) : `${part(fn.schema)}.${part(fn.name)}`;
}

function toArguments(inputs: Record<string, AggregateArgumentInput> | undefined): TypedArgument[] {
  return Object.entries(inputs ?? {}).map(([name, input]) => {
    const spec = typeof input === 'string' || 'pgform' in input ? { type: input } : input;
    return { ...(name.startsWith('$') ? {} : { name }), type: typeof spec.type === 'string' ? normalizeTypeName(spec.type) : spec.type, mode: ('mode' in spec && spec.mode) || 'in' };
  });
}

/**
 * Declares an aggregate: `aggregate('first', { args: { $1: 'anyelement' }, sfunc: firstAgg,
 * stype: 'anyelement', parallel: 'safe' })`. Its functions are declared with `rpc()`.
 */
export function aggregate(name: string, options: AggregateOptions): AggregateDef {
  const source = callSite();
  guardName(name, 'aggregate', source);
  guard(aggregateShape, options, { object: `aggregate ${name}`, source });
  const fn = (key: 'finalfunc' | 'combinefunc' | 'serialfunc' | 'deserialfunc' | 'msfunc' | 'minvfunc' | 'mfinalfunc') => (options[key] !== undefined ? { [key]: functionText(options[key]) } : {});
  return {
    pgform: 'aggregate',
    schema: options.schema ?? 'public',
    name,
    arguments: toArguments(options.args),
    ...(options.orderBy ? { orderBy: toArguments(options.orderBy) } : {}),
    stype: typeof options.stype === 'string' ? normalizeTypeName(options.stype) : options.stype,
    ...(options.mstype !== undefined ? { mstype: typeof options.mstype === 'string' ? normalizeTypeName(options.mstype) : options.mstype } : {}),
    options: {
      ...(options.hypothetical ? { hypothetical: true } : {}),
      sfunc: functionText(options.sfunc),
      ...(options.sspace !== undefined ? { sspace: options.sspace } : {}),
      ...fn('finalfunc'),
      ...(options.finalfuncExtra ? { finalfuncExtra: true } : {}),
      ...(options.finalfuncModify !== undefined ? { finalfuncModify: options.finalfuncModify } : {}),
      ...fn('combinefunc'),
      ...fn('serialfunc'),
      ...fn('deserialfunc'),
      ...(options.initcond !== undefined ? { initcond: options.initcond } : {}),
      ...fn('msfunc'),
      ...fn('minvfunc'),
      ...(options.msspace !== undefined ? { msspace: options.msspace } : {}),
      ...fn('mfinalfunc'),
      ...(options.mfinalfuncExtra ? { mfinalfuncExtra: true } : {}),
      ...(options.mfinalfuncModify !== undefined ? { mfinalfuncModify: options.mfinalfuncModify } : {}),
      ...(options.minitcond !== undefined ? { minitcond: options.minitcond } : {}),
      ...(options.sortop !== undefined ? { sortop: options.sortop.trim() } : {}),
      parallel: options.parallel ?? 'unsafe',
      grants: toGrantList(options.grants),
    },
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.note ? { note: options.note } : {}),
    ...(options.lint ? { lint: options.lint } : {}),
    ...(source ? { source } : {}),
  };
}
