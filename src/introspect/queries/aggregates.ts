import { aggregateId } from '../../model/aggregate.js';
import type { Aggregate, Argument, FinalModify } from '../../model/schema.js';
import { asJsonRows, inSelectedNamespaces, notExtensionMember } from './fragments.js';
import type { AclEntry } from './grants.js';
import { executeAccess, executeGrants } from './routines.js';

/** A function of pg_aggregate by oid, qualified unless in pg_catalog; null for none (oid 0). */
const functionName = (oid: string) => `(SELECT CASE WHEN fn_n.nspname = 'pg_catalog' THEN quote_ident(fn_.proname) ELSE quote_ident(fn_n.nspname) || '.' || quote_ident(fn_.proname) END
    FROM pg_proc fn_ JOIN pg_namespace fn_n ON fn_n.oid = fn_.pronamespace WHERE fn_.oid = ${oid})`;

/**
 * Aggregates (pg_aggregate with their pg_proc row). Arguments walk proargtypes; proargmodes
 * (present with a VARIADIC one) and proargnames index the same list. An ordered-set aggregate's
 * first aggnumdirectargs arguments are its direct ones, the rest its ORDER BY ones.
 */
export const aggregatesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, p.proname::text AS name,
     (SELECT json_agg(json_build_object(
          'name', p.proargnames[a.ord::int],
          'type', format_type(a.type, NULL),
          'mode', coalesce(p.proargmodes[a.ord::int], 'i')) ORDER BY a.ord)
        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(type, ord)) AS arguments,
     g.aggkind AS kind, g.aggnumdirectargs AS "directArguments",
     ${functionName('g.aggtransfn')} AS sfunc, format_type(g.aggtranstype, NULL) AS stype, g.aggtransspace AS sspace,
     ${functionName('g.aggfinalfn')} AS finalfunc, g.aggfinalextra AS "finalfuncExtra", g.aggfinalmodify AS "finalfuncModify",
     ${functionName('g.aggcombinefn')} AS combinefunc, ${functionName('g.aggserialfn')} AS serialfunc, ${functionName('g.aggdeserialfn')} AS deserialfunc,
     g.agginitval AS initcond,
     ${functionName('g.aggmtransfn')} AS msfunc, ${functionName('g.aggminvtransfn')} AS minvfunc,
     CASE WHEN g.aggmtranstype <> 0 THEN format_type(g.aggmtranstype, NULL) END AS mstype, g.aggmtransspace AS msspace,
     ${functionName('g.aggmfinalfn')} AS mfinalfunc, g.aggmfinalextra AS "mfinalfuncExtra", g.aggmfinalmodify AS "mfinalfuncModify",
     g.aggminitval AS minitcond,
     (SELECT CASE WHEN o_n.nspname = 'pg_catalog' THEN o_.oprname::text ELSE 'OPERATOR(' || quote_ident(o_n.nspname) || '.' || o_.oprname || ')' END
        FROM pg_operator o_ JOIN pg_namespace o_n ON o_n.oid = o_.oprnamespace WHERE o_.oid = g.aggsortop) AS sortop,
     p.proparallel AS parallel,
     ${executeAccess('p')}
   FROM pg_aggregate g
   JOIN pg_proc p ON p.oid = g.aggfnoid
   JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
  'x.schema, x.name',
);

type ModifyCode = 'r' | 's' | 'w';

export interface AggregateRow {
  schema: string;
  name: string;
  arguments: { name: string | null; type: string; mode: 'i' | 'v' }[] | null;
  kind: 'n' | 'o' | 'h';
  directArguments: number;
  sfunc: string;
  stype: string;
  sspace: number;
  finalfunc: string | null;
  finalfuncExtra: boolean;
  finalfuncModify: ModifyCode;
  combinefunc: string | null;
  serialfunc: string | null;
  deserialfunc: string | null;
  initcond: string | null;
  msfunc: string | null;
  minvfunc: string | null;
  mstype: string | null;
  msspace: number;
  mfinalfunc: string | null;
  mfinalfuncExtra: boolean;
  mfinalfuncModify: ModifyCode;
  minitcond: string | null;
  sortop: string | null;
  parallel: 's' | 'r' | 'u';
  defaultAcl: boolean;
  grants: AclEntry[];
  comment: string | null;
}

const modifications: Record<ModifyCode, FinalModify> = { r: 'read_only', s: 'shareable', w: 'read_write' };
const parallelSafety = { s: 'safe', r: 'restricted', u: 'unsafe' } as const;

/** The aggregate and its id. Options at their default are left out, as a definition leaves them out. */
export function toAggregate(row: AggregateRow): { id: string; aggregate: Aggregate } {
  const args: Argument[] = (row.arguments ?? []).map((arg) => ({ ...(arg.name ? { name: arg.name } : {}), type: arg.type, mode: arg.mode === 'v' ? 'variadic' : 'in' }));
  const ordered = row.kind !== 'n';
  const direct = ordered ? args.slice(0, row.directArguments) : args;
  // A hypothetical-set aggregate's VARIADIC direct and aggregated arguments are stored as one.
  const orderBy = ordered ? (args.length === row.directArguments && direct[direct.length - 1]?.mode === 'variadic' ? [{ type: direct[direct.length - 1]!.type, mode: 'variadic' as const }] : args.slice(row.directArguments)) : undefined;
  const defaultModify = ordered ? 'w' : 'r';
  const optional = <K extends keyof Aggregate>(key: K, value: Aggregate[K] | null | undefined) => (value !== null && value !== undefined ? { [key]: value } : {});
  const aggregate: Aggregate = {
    schema: row.schema,
    name: row.name,
    arguments: direct,
    ...(orderBy ? { orderBy } : {}),
    ...(row.kind === 'h' ? { hypothetical: true } : {}),
    sfunc: row.sfunc,
    stype: row.stype,
    ...(row.sspace !== 0 ? { sspace: row.sspace } : {}),
    ...optional('finalfunc', row.finalfunc),
    ...(row.finalfuncExtra ? { finalfuncExtra: true } : {}),
    ...(row.finalfuncModify !== defaultModify ? { finalfuncModify: modifications[row.finalfuncModify] } : {}),
    ...optional('combinefunc', row.combinefunc),
    ...optional('serialfunc', row.serialfunc),
    ...optional('deserialfunc', row.deserialfunc),
    ...optional('initcond', row.initcond),
    ...optional('msfunc', row.msfunc),
    ...optional('minvfunc', row.minvfunc),
    ...optional('mstype', row.mstype),
    ...(row.msspace !== 0 ? { msspace: row.msspace } : {}),
    ...optional('mfinalfunc', row.mfinalfunc),
    ...(row.mfinalfuncExtra ? { mfinalfuncExtra: true } : {}),
    ...(row.msfunc !== null && row.mfinalfuncModify !== defaultModify ? { mfinalfuncModify: modifications[row.mfinalfuncModify] } : {}),
    ...optional('minitcond', row.minitcond),
    ...optional('sortop', row.sortop),
    parallel: parallelSafety[row.parallel],
    grants: executeGrants(row),
    ...optional('comment', row.comment),
  };
  return { id: aggregateId(aggregate), aggregate };
}
