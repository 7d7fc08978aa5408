import { objectId, readParts, routineId } from './id.js';
import type { Aggregate, FinalModify } from './schema.js';

/**
 * The types an aggregate's signature holds (pg_proc.proargtypes): its arguments, then an
 * ordered-set aggregate's aggregated ones. A hypothetical-set aggregate whose direct and
 * aggregated arguments both end in the same VARIADIC type holds that type once, as PostgreSQL
 * merges the two (`rank(VARIADIC "any" ORDER BY VARIADIC "any")` is `rank("any")`).
 */
export function aggregateIdentity(aggregate: Pick<Aggregate, 'arguments' | 'orderBy'>): string[] {
  const direct = aggregate.arguments.map((a) => a.type);
  const ordered = aggregate.orderBy ?? [];
  const last = aggregate.arguments[aggregate.arguments.length - 1];
  if (last?.mode === 'variadic' && ordered.length === 1 && ordered[0]!.mode === 'variadic' && ordered[0]!.type === last.type) return direct;
  return [...direct, ...ordered.map((a) => a.type)];
}

/** The id of an aggregate: a routine id, since aggregates and functions share one signature space. */
export function aggregateId(aggregate: Aggregate): string {
  return routineId(aggregate.schema, aggregate.name, aggregateIdentity(aggregate));
}

/** FINALFUNC_MODIFY when left out: an ordered-set aggregate's final function may write its state. */
export function defaultFinalModify(aggregate: Pick<Aggregate, 'orderBy'>): FinalModify {
  return aggregate.orderBy ? 'read_write' : 'read_only';
}

/**
 * The functions an aggregate calls (state, final, combine, serial, moving...), as object ids
 * without arguments: `public.first_agg`, `pg_catalog.int4pl` for an unqualified name. Names are
 * read as PostgreSQL prints them (quoted where they must be), which canonical models hold.
 */
export function aggregateFunctions(aggregate: Aggregate): string[] {
  const names = [aggregate.sfunc, aggregate.finalfunc, aggregate.combinefunc, aggregate.serialfunc, aggregate.deserialfunc, aggregate.msfunc, aggregate.minvfunc, aggregate.mfinalfunc];
  const ids = names.flatMap((text) => {
    if (text === undefined) return [];
    const { parts } = readParts(text, '(');
    return [parts.length >= 2 ? objectId(parts[0]!, parts[1]!) : objectId('pg_catalog', parts[0] ?? text)];
  });
  return [...new Set(ids)];
}
