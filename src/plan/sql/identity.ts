import { resolveIdentity, type ResolvedIdentity } from '../../model/identity.js';
import type { Column, IdentityOptions } from '../../model/schema.js';

/** Sequence options in the order CREATE SEQUENCE documents them. */
function optionList(options: IdentityOptions): string[] {
  const parts: string[] = [];
  if (options.increment !== undefined) parts.push(`INCREMENT BY ${options.increment}`);
  if (options.min !== undefined) parts.push(`MINVALUE ${options.min}`);
  if (options.max !== undefined) parts.push(`MAXVALUE ${options.max}`);
  if (options.start !== undefined) parts.push(`START WITH ${options.start}`);
  if (options.cache !== undefined) parts.push(`CACHE ${options.cache}`);
  if (options.cycle) parts.push('CYCLE');
  return parts;
}

/** `GENERATED ... AS IDENTITY (options)` of an identity column, options only where not default. */
export function identityClause(column: Column): string {
  const options = optionList(column.identityOptions ?? {});
  return `GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options.length ? ` (${options.join(' ')})` : ''}`;
}

/**
 * The `SET ...` clauses that turn one identity sequence's options into another's. Every option
 * that differs is spelled out in full (a bound's default depends on the direction), and the
 * sequence is never restarted: SET START changes only where a RESTART would go, so the next value
 * the column hands out stays where it is.
 */
export function identityAlterations(type: string, from: Column, to: Column): string[] {
  const a = resolveIdentity(type, from.identityOptions);
  const b = resolveIdentity(type, to.identityOptions);
  const clauses: string[] = [];
  const set = (key: keyof ResolvedIdentity, text: string) => {
    if (a[key] !== b[key]) clauses.push(text);
  };
  set('increment', `SET INCREMENT BY ${b.increment}`);
  set('min', `SET MINVALUE ${b.min}`);
  set('max', `SET MAXVALUE ${b.max}`);
  set('start', `SET START WITH ${b.start}`);
  set('cache', `SET CACHE ${b.cache}`);
  set('cycle', b.cycle ? 'SET CYCLE' : 'SET NO CYCLE');
  return clauses;
}
