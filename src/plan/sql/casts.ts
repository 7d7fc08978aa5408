/**
 * Which column type changes convert by themselves. The planner converts values with
 * `USING column::new_type`, which works wherever PostgreSQL has a cast between the two types
 * (pg_cast, explicit ones included) or converts through text (every type does, to and from the
 * string types). There is no database at plan time, so the built-in casts that matter are listed
 * here; a change between two built-in types listed below with no cast between them needs the
 * definitions to say how (`conversion`), and planning stops with an error naming the column.
 * Types not listed here (user types, extension types, the rarer built-ins) are left to the server.
 */

/** Built-in type families: a cast exists between any two members of one family. */
const families: string[][] = [
  ['smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric', 'money'],
  ['date', 'timestamp without time zone', 'timestamp with time zone'],
  ['time without time zone', 'time with time zone', 'interval'],
  ['json', 'jsonb'],
  ['inet', 'cidr'],
  ['bit', 'bit varying'],
];

/** Casts between families (from>to), as pg_cast lists them. */
const crossCasts = new Set([
  'integer>boolean',
  'boolean>integer',
  'integer>bit',
  'bigint>bit',
  'bit>integer',
  'bit>bigint',
  'jsonb>boolean',
  'jsonb>smallint',
  'jsonb>integer',
  'jsonb>bigint',
  'jsonb>real',
  'jsonb>double precision',
  'jsonb>numeric',
  'timestamp without time zone>time without time zone',
  'timestamp with time zone>time without time zone',
  'timestamp with time zone>time with time zone',
  'integer>oid',
  'bigint>oid',
  'oid>integer',
  'oid>bigint',
]);

const strings = new Set(['text', 'character varying', 'character', '"char"', 'name', 'citext']);

/** Every built-in type this table knows: a change between two of them is judged here. */
const known = new Set([...families.flat(), ...strings, 'boolean', 'uuid', 'bytea', 'oid', 'xml', 'tsvector', 'tsquery', 'macaddr', 'point']);

/** `character varying(20)` -> `character varying`; arrays keep their brackets. */
function baseOf(type: string): string {
  return type.replace(/\(\d+(,\s*\d+)?\)/g, '').replace(/\s+$/, '');
}

/** Whether `USING column::to` converts a value of type `from`, as far as the table knows. */
export function hasCast(fromType: string, toType: string): boolean {
  const from = baseOf(fromType);
  const to = baseOf(toType);
  if (from === to) return true;
  const fromArray = from.endsWith('[]');
  const toArray = to.endsWith('[]');
  if (fromArray && toArray) return hasCast(from.slice(0, -2), to.slice(0, -2));
  if (strings.has(from) || strings.has(to)) return true;
  // An array converts to and from nothing but another array or a string.
  if (fromArray || toArray) return !(known.has(from.replace(/\[\]$/, '')) && known.has(to.replace(/\[\]$/, '')));
  if (!known.has(from) || !known.has(to)) return true;
  if (families.some((family) => family.includes(from) && family.includes(to))) return true;
  return crossCasts.has(`${from}>${to}`);
}
