import type { IdentityOptions } from './schema.js';

/** The full options of an identity sequence, every one spelled out. */
export interface ResolvedIdentity {
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

/** The range of each integer type an identity column may have. */
const ranges: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/**
 * An identity sequence's options with PostgreSQL's defaults filled in: an ascending sequence
 * runs from 1 to the type's maximum, a descending one from the type's minimum to -1, and starts
 * at its lower (ascending) or upper (descending) bound.
 */
export function resolveIdentity(type: string, options: IdentityOptions = {}): ResolvedIdentity {
  const [low, high] = ranges[type] ?? ranges.bigint!;
  const increment = options.increment ?? '1';
  const ascending = BigInt(increment) > 0n;
  const min = options.min ?? (ascending ? '1' : String(low));
  const max = options.max ?? (ascending ? String(high) : '-1');
  return { start: options.start ?? (ascending ? min : max), increment, min, max, cache: options.cache ?? '1', cycle: options.cycle ?? false };
}

/**
 * The options that differ from PostgreSQL's defaults for the type, so that an identity without
 * options and one read back with the default values compare equal. Numbers are normalised to
 * their plain decimal text.
 */
export function trimIdentity(type: string, options: IdentityOptions): IdentityOptions {
  const given: IdentityOptions = {};
  for (const key of ['start', 'increment', 'min', 'max', 'cache'] as const) {
    if (options[key] !== undefined) given[key] = BigInt(options[key]!).toString();
  }
  if (options.cycle !== undefined) given.cycle = options.cycle;
  const full = resolveIdentity(type, given);
  const defaults = resolveIdentity(type, { increment: full.increment, min: full.min, max: full.max });
  const plain = resolveIdentity(type, { increment: full.increment });
  const trimmed: IdentityOptions = {};
  if (full.increment !== '1') trimmed.increment = full.increment;
  if (full.min !== plain.min) trimmed.min = full.min;
  if (full.max !== plain.max) trimmed.max = full.max;
  if (full.start !== defaults.start) trimmed.start = full.start;
  if (full.cache !== '1') trimmed.cache = full.cache;
  if (full.cycle) trimmed.cycle = true;
  return trimmed;
}
