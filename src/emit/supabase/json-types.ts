/**
 * What supabase-js reads and writes for each PostgreSQL type: PostgREST sends values as JSON, so
 * every integer and numeric is a number, dates and times are ISO strings, json is `Json`, and
 * arrays (of enums and domains too) are JSON arrays. Types outside this table are `unknown`, as
 * the Supabase CLI types them, so the two outputs stay interchangeable.
 */
import type { Scalar, TypeMapping, ValueType } from '../types/pg-types.js';
import { arrayOf, keyword, ref } from '../types/ts-type.js';

const number: Scalar = { select: keyword('number'), arrays: true };
const string: Scalar = { select: keyword('string'), arrays: true };

const builtins: Record<string, Scalar> = {
  boolean: { select: keyword('boolean'), arrays: true },
  smallint: number,
  integer: number,
  bigint: number,
  real: number,
  'double precision': number,
  numeric: number,
  json: { select: ref('Json'), arrays: true },
  jsonb: { select: ref('Json'), arrays: true },
  void: { select: keyword('undefined'), arrays: false },
  record: { select: ref('Record', keyword('string'), keyword('unknown')), arrays: true },
};
for (const name of [
  'bytea', 'character', 'bpchar', 'character varying', 'date', 'text', 'time without time zone', 'time with time zone',
  'timestamp without time zone', 'timestamp with time zone', 'uuid', 'interval',
]) builtins[name] = string;

/** Extension types the Supabase CLI types as strings. */
const extensionStrings = new Set(['citext', 'vector']);

const unknown: Scalar = { select: keyword('unknown'), arrays: true };

export const postgrestJson: TypeMapping = {
  // `interval day to second` and the like are intervals too.
  builtin: (name) => (Object.hasOwn(builtins, name) ? builtins[name] : name.startsWith('interval') ? string : undefined),
  extension: (name) => (extensionStrings.has(name) ? string : unknown),
  enumArrays: true,
  domainArray: (base: ValueType) => ({ select: arrayOf(base.select), write: arrayOf(base.write) }),
  unknown,
};
