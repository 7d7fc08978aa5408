import type { Argument, ArgumentMode, Routine, SourceLocation } from '../model/schema.js';
import type { Documentation, LintOptions } from './documentation.js';
import { ident } from '../sql/quote.js';
import { guard, guardName, routineShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput } from './sql.js';
import { normalizeTypeName } from './type-names.js';
import { toGrants, typeSql, type GrantInput, type TypeRef } from './types.js';

/** An argument: a type (`'uuid'`, an enum) or `{ type, mode, default }`. */
export type ArgumentInput = string | TypeRef | { type: string | TypeRef; mode?: ArgumentMode; default?: SqlInput };

export interface RoutineOptions extends Documentation, LintOptions {
  schema?: string;
  /** The routine's previous name (same arguments). */
  renamedFrom?: string;
  /** Arguments in order, by name. */
  args?: Record<string, ArgumentInput>;
  /** `integer`, `void`, `trigger`, `setof public.leads`, or `{ table: { id: 'uuid' } }`. */
  returns?: string | TypeRef | { setof: string | TypeRef } | { table: Record<string, string | TypeRef> };
  language?: 'sql' | 'plpgsql' | (string & {});
  volatility?: 'volatile' | 'stable' | 'immutable';
  strict?: boolean;
  /** `definer` runs with the owner's rights: pin `set: { search_path: '' }` with it. */
  security?: 'invoker' | 'definer';
  leakproof?: boolean;
  parallel?: 'unsafe' | 'restricted' | 'safe';
  /** The planner's estimated cost per call (COST); default 100 (1 for C and internal functions). */
  cost?: number;
  /** A set-returning function's estimated number of rows (ROWS); default 1000. */
  rows?: number;
  /**
   * Its planner support function (SUPPORT; a superuser's to set): a C function such as
   * `textlike_support`, or `schema.name` outside pg_catalog.
   */
  support?: string;
  /**
   * Types whose TRANSFORM its language applies (TRANSFORM FOR TYPE), named as PostgreSQL prints
   * them: `['public.hstore']`. The transforms themselves (CREATE TRANSFORM) are not managed.
   */
  transforms?: string[];
  /** Configuration set while the routine runs: `{ search_path: '' }`. */
  set?: Record<string, string>;
  /**
   * A quoted body, or a SQL-standard one: `sql\`RETURN a + b\`` or `sql\`BEGIN ATOMIC ... END\``,
   * which the server parses at creation and keeps with its dependencies (language `sql`, the
   * default for such a body).
   */
  body: SqlInput;
  /** Roles allowed to EXECUTE; default PostgreSQL's (every role). */
  grants?: string[] | GrantInput[];
}

/** A RoutineDef is the plain data `rpc()`, `procedure()` and `triggerFunction()` return. */
export interface RoutineDef extends Documentation, LintOptions {
  readonly pgform: 'routine';
  readonly schema: string;
  readonly name: string;
  readonly kind: Routine['kind'];
  readonly arguments: (Omit<Argument, 'type'> & { type: string | TypeRef })[];
  readonly returns?: string | { setof: string | TypeRef } | { table: Record<string, string | TypeRef> } | TypeRef;
  readonly language: string;
  readonly volatility: Routine['volatility'];
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: Routine['parallel'];
  readonly cost?: number;
  readonly rows?: number;
  readonly support?: string;
  readonly transforms?: string[];
  readonly settings: Record<string, string>;
  readonly body: string;
  readonly standardBody: boolean;
  readonly grants: Routine['grants'];
  readonly source?: SourceLocation;
  readonly renamedFrom?: string;
}

function toArgument(name: string, input: ArgumentInput): RoutineDef['arguments'][number] {
  const spec = typeof input === 'string' || 'pgform' in input ? { type: input } : input;
  return {
    ...(name.startsWith('$') ? {} : { name }),
    type: typeof spec.type === 'string' ? normalizeTypeName(spec.type) : spec.type,
    mode: ('mode' in spec && spec.mode) || 'in',
    ...('default' in spec && spec.default !== undefined ? { default: sqlOf(spec.default) } : {}),
  };
}

/** EXECUTE grants from role names or grant inputs; none given is PostgreSQL's default, every role. */
export function toGrantList(grants: RoutineOptions['grants']): Routine['grants'] {
  if (!grants) return [{ grantee: 'PUBLIC', privileges: ['EXECUTE'] }];
  const inputs = grants.map((grant) => (typeof grant === 'string' ? { to: grant, privileges: ['EXECUTE'] } : grant));
  return toGrants(inputs);
}

/** `RETURN expr` and `BEGIN ATOMIC ... END` are not SQL statements: such a body is SQL-standard. */
const standardBodyStart = /^\s*(RETURN\b|BEGIN\s+ATOMIC\b)/i;

function define(kind: Routine['kind'], name: string, options: RoutineOptions, source: SourceLocation | undefined): RoutineDef {
  guardName(name, kind, source);
  guard(routineShape, options, { object: `${kind} ${name}`, source });
  const body = sqlOf(options.body);
  const standardBody = standardBodyStart.test(body) && (options.language === undefined || options.language === 'sql');
  return {
    pgform: 'routine',
    schema: options.schema ?? 'public',
    name,
    kind,
    arguments: Object.entries(options.args ?? {}).map(([argName, input]) => toArgument(argName, input)),
    ...(kind === 'function' ? { returns: options.returns ?? 'void' } : {}),
    language: options.language ?? (standardBody ? 'sql' : 'plpgsql'),
    volatility: options.volatility ?? 'volatile',
    strict: options.strict ?? false,
    securityDefiner: options.security === 'definer',
    leakproof: options.leakproof ?? false,
    parallel: options.parallel ?? 'unsafe',
    ...(options.cost !== undefined ? { cost: options.cost } : {}),
    ...(options.rows !== undefined ? { rows: options.rows } : {}),
    ...(options.support !== undefined ? { support: options.support.replace(/^pg_catalog\./, '') } : {}),
    ...(options.transforms?.length ? { transforms: options.transforms } : {}),
    settings: options.set ?? {},
    body: standardBody ? body.trim() : body,
    standardBody,
    grants: toGrantList(options.grants),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.note ? { note: options.note } : {}),
    ...(options.renamedFrom ? { renamedFrom: options.renamedFrom } : {}),
    ...(options.lint ? { lint: options.lint } : {}),
    ...(source ? { source } : {}),
  };
}

/** Declares a function (an RPC in Supabase's words). */
export function rpc(name: string, options: RoutineOptions): RoutineDef {
  return define('function', name, options, callSite());
}

/** Declares a procedure (CALLed, returns nothing). */
export function procedure(name: string, options: Omit<RoutineOptions, 'returns' | 'volatility' | 'cost' | 'rows' | 'support'>): RoutineDef {
  return define('procedure', name, options, callSite());
}

/** Declares a plpgsql trigger function (`RETURNS trigger`). */
export function triggerFunction(name: string, options: Omit<RoutineOptions, 'returns' | 'args' | 'rows'>): RoutineDef {
  return define('function', name, { ...options, returns: 'trigger' }, callSite());
}

/** The `RETURNS` text of a declared return, as pg_get_function_result prints it. */
export function returnsSql(returns: NonNullable<RoutineDef['returns']>): string {
  if (typeof returns === 'string') {
    const setof = /^setof\s+(.+)$/i.exec(returns.trim());
    return setof ? `SETOF ${normalizeTypeName(setof[1]!)}` : normalizeTypeName(returns);
  }
  if ('pgform' in returns) return typeSql(returns);
  if ('setof' in returns) return `SETOF ${typeSql(typeof returns.setof === 'string' ? normalizeTypeName(returns.setof) : returns.setof)}`;
  const columns = Object.entries(returns.table).map(([column, type]) => `${ident(column)} ${typeSql(typeof type === 'string' ? normalizeTypeName(type) : type)}`);
  return `TABLE(${columns.join(', ')})`;
}
