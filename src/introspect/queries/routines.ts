import { routineId } from '../../model/id.js';
import type { Argument, ArgumentMode, Grant, Routine } from '../../model/schema.js';
import { defaultRoutineCost, defaultRoutineRows } from '../../model/routine-estimates.js';
import { keyValues, sqlStandardBody } from '../printed.js';
import { asJsonRows, commentOf, grantsOf, inSelectedNamespaces, notExtensionMember, notInternalPart } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * Functions and procedures (aggregates are read on their own, window functions are not managed, nor the
 * constructors a range type makes for itself). Arguments walk
 * proallargtypes when a routine has OUT/TABLE arguments, else proargtypes; proargmodes and
 * proargnames index the same list, and so does pg_get_function_arg_default (1-based, it returns
 * null for arguments without a default). A SQL-standard body (prosqlbody) has an empty prosrc,
 * so its text is taken from pg_get_functiondef.
 */
/** The columns `executeGrants` reads of pg_proc row `p`: whether its ACL is the default, its grants, its comment. */
export function executeAccess(p: string): string {
  return `${p}.proacl IS NULL AS "defaultAcl",
     ${grantsOf(`${p}.proacl`, `${p}.proowner`)} AS grants,
     ${commentOf('pg_proc', `${p}.oid`)} AS comment`;
}

export const routinesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, p.proname::text AS name, p.prokind AS kind,
     (SELECT json_agg(json_build_object(
          'name', p.proargnames[a.ord::int],
          'type', format_type(a.type, NULL),
          'mode', coalesce(p.proargmodes[a.ord::int], 'i'),
          'default', pg_get_function_arg_default(p.oid, a.ord::int)) ORDER BY a.ord)
        FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY a(type, ord)) AS arguments,
     CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END AS returns,
     l.lanname::text AS language, p.provolatile AS volatility, p.proisstrict AS strict,
     p.prosecdef AS "securityDefiner", p.proleakproof AS leakproof, p.proparallel AS parallel,
     p.procost AS cost, p.prorows AS rows, p.proretset AS "returnsSet",
     (SELECT CASE WHEN sn.nspname = 'pg_catalog' THEN quote_ident(s.proname) ELSE quote_ident(sn.nspname) || '.' || quote_ident(s.proname) END
        FROM pg_proc s JOIN pg_namespace sn ON sn.oid = s.pronamespace WHERE s.oid = p.prosupport) AS support,
     (SELECT json_agg(format_type(t.type, NULL) ORDER BY t.ord) FROM unnest(p.protrftypes) WITH ORDINALITY t(type, ord)) AS transforms,
     p.proconfig AS settings,
     CASE WHEN p.prosqlbody IS NULL THEN p.prosrc ELSE pg_get_functiondef(p.oid) END AS body,
     p.prosqlbody IS NOT NULL AS "standardBody",
     ${executeAccess('p')}
   FROM pg_proc p
   JOIN pg_namespace n ON n.oid = p.pronamespace
   JOIN pg_language l ON l.oid = p.prolang
   WHERE p.prokind IN ('f', 'p') AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}
     AND ${notInternalPart('pg_proc', 'p.oid')}`,
  'x.schema, x.name',
);

export interface RoutineRow {
  schema: string;
  name: string;
  kind: 'f' | 'p';
  arguments: { name: string | null; type: string; mode: 'i' | 'o' | 'b' | 'v' | 't'; default: string | null }[] | null;
  returns: string | null;
  language: string;
  volatility: 'i' | 's' | 'v';
  strict: boolean;
  securityDefiner: boolean;
  leakproof: boolean;
  parallel: 's' | 'r' | 'u';
  cost: number;
  rows: number;
  returnsSet: boolean;
  support: string | null;
  transforms: string[] | null;
  settings: string[] | null;
  body: string;
  standardBody: boolean;
  defaultAcl: boolean;
  grants: AclEntry[];
  comment: string | null;
}

const modes: Record<'i' | 'o' | 'b' | 'v', ArgumentMode> = { i: 'in', o: 'out', b: 'inout', v: 'variadic' };
const volatilities = { i: 'immutable', s: 'stable', v: 'volatile' } as const;
const parallelSafety = { s: 'safe', r: 'restricted', u: 'unsafe' } as const;

/** A routine's (or aggregate's) EXECUTE grants: PostgreSQL's default ACL lets everyone execute it. */
export function executeGrants(row: { defaultAcl: boolean; grants: AclEntry[] }): Grant[] {
  return row.defaultAcl ? [{ grantee: 'PUBLIC', privileges: ['EXECUTE'] }] : toGrants(row.grants);
}

/** The routine and its id: name plus the types of the arguments that identify it (IN, INOUT, VARIADIC). */
export function toRoutine(row: RoutineRow): { id: string; routine: Routine } {
  const args: Argument[] = [];
  for (const arg of row.arguments ?? []) {
    if (arg.mode === 't') continue;
    args.push({
      ...(arg.name ? { name: arg.name } : {}),
      type: arg.type,
      mode: modes[arg.mode],
      ...(arg.default !== null ? { default: arg.default } : {}),
    });
  }
  const identity = args.filter((arg) => arg.mode !== 'out').map((arg) => arg.type);
  const routine: Routine = {
    schema: row.schema,
    name: row.name,
    kind: row.kind === 'p' ? 'procedure' : 'function',
    arguments: args,
    ...(row.kind === 'f' && row.returns !== null ? { returns: row.returns } : {}),
    language: row.language,
    volatility: volatilities[row.volatility],
    strict: row.strict,
    securityDefiner: row.securityDefiner,
    leakproof: row.leakproof,
    parallel: parallelSafety[row.parallel],
    ...(row.kind === 'f' && row.cost !== defaultRoutineCost(row.language) ? { cost: row.cost } : {}),
    ...(row.kind === 'f' && row.returnsSet && row.rows !== defaultRoutineRows ? { rows: row.rows } : {}),
    ...(row.support !== null ? { support: row.support } : {}),
    ...(row.transforms !== null ? { transforms: row.transforms } : {}),
    settings: keyValues(row.settings),
    body: row.standardBody ? sqlStandardBody(row.body) : row.body,
    ...(row.standardBody ? { standardBody: true } : {}),
    grants: executeGrants(row),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
  return { id: routineId(row.schema, row.name, identity), routine };
}
