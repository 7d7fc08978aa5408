/**
 * What node-postgres hands back for each PostgreSQL type with its default type parsers, and what
 * it accepts when writing. Measured against pg 8 (pg-types 2): a type without a registered parser
 * comes back as its text, which is why arrays of enums, of domains and of most rarer types read
 * as a plain string (`'{a,b}'`), and why numeric arrays read as numbers while numeric reads as a
 * string. `test/types/runtime.test.ts` checks this table against a real server.
 */
import { arrayOf, keyword, ref, union, type TsType } from './ts-type.js';

/** A Scalar is how one PostgreSQL type travels through node-postgres. */
export interface Scalar {
  select: TsType;
  /** What an insert or update may pass; the select type when absent. */
  write?: TsType;
  /** The helper alias (`Int8`, `Timestamp`...) that stands for `ColumnType<select, write, write>`. */
  alias?: string;
  /** Whether node-postgres parses arrays of this type into JavaScript arrays. */
  arrays: boolean;
  /** What an element of a parsed array reads as, when it differs from `select` (numeric[] -> number[]). */
  arrayElement?: TsType;
}

const string = keyword('string');
const number = keyword('number');

const text: Scalar = { select: string, arrays: true };
const rawText: Scalar = { select: string, arrays: false };
const num: Scalar = { select: number, arrays: true };
const int8: Scalar = { select: string, write: union(keyword('bigint'), number, string), alias: 'Int8', arrays: true };
const numeric: Scalar = { select: string, write: union(number, string), alias: 'Numeric', arrays: true, arrayElement: number };
const timestamp: Scalar = { select: ref('Date'), write: union(ref('Date'), string), alias: 'Timestamp', arrays: true };
const interval: Scalar = {
  select: ref('IPostgresInterval'),
  write: union(ref('IPostgresInterval'), number, string),
  alias: 'Interval',
  arrays: true,
};

/** Built-in types by their `format_type` name without modifiers. */
const builtins: Record<string, Scalar> = {
  smallint: num,
  integer: num,
  real: num,
  'double precision': num,
  oid: num,
  bigint: int8,
  numeric,
  boolean: { select: keyword('boolean'), arrays: true },
  json: { select: ref('Json'), arrays: true },
  jsonb: { select: ref('Json'), arrays: true },
  bytea: { select: ref('Buffer'), arrays: true },
  date: timestamp,
  'timestamp without time zone': timestamp,
  'timestamp with time zone': timestamp,
  interval,
  point: { select: ref('Point'), arrays: true },
  circle: { select: ref('Circle'), arrays: false },
  text,
  'character varying': text,
  character: text,
  bpchar: text,
  uuid: text,
  money: text,
  'time without time zone': text,
  'time with time zone': text,
  inet: text,
  cidr: text,
  macaddr: text,
  regproc: text,
  numrange: text,
};

/** Types node-postgres returns as text, arrays included. Extension types are listed by name. */
const textual = [
  'name', '"char"', 'xml', 'bit', 'bit varying', 'macaddr8', 'line', 'lseg', 'box', 'path', 'polygon',
  'tsvector', 'tsquery', 'regclass', 'regprocedure', 'regoper', 'regoperator', 'regtype', 'regrole', 'regnamespace',
  'regconfig', 'regdictionary', 'regcollation', 'int4range', 'int8range', 'tsrange', 'tstzrange', 'daterange',
  'int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange',
  'pg_lsn', 'txid_snapshot', 'pg_snapshot', 'xid', 'xid8', 'cid', 'tid', 'jsonpath', 'refcursor',
  'citext', 'hstore', 'ltree', 'lquery', 'ltxtquery', 'cube', 'seg', 'isbn', 'isbn13', 'issn', 'ean13', 'upc',
  'vector', 'halfvec', 'sparsevec', 'geometry', 'geography',
];
for (const name of textual) builtins[name] = rawText;

/** A type we cannot place (a composite type, a pseudo-type): typed `unknown`. */
export const unknownScalar: Scalar = { select: keyword('unknown'), arrays: false };

/** A TypeName is a `format_type` spelling taken apart: `"my schema".mood[]` -> schema, name, array. */
export interface TypeName {
  schema?: string;
  name: string;
  array: boolean;
}

/** Parses a printed type name: quoted identifiers, a schema prefix, modifiers and `[]`. */
export function parseTypeName(spelling: string): TypeName {
  const trimmed = spelling.trim();
  const array = /\[\d*\]$/.test(trimmed);
  const rest = trimmed.replace(/(\[\d*\])+$/, '');
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  // Unquoted words are case-folded by the server already; only their spacing needs normalising.
  const finish = () => parts.push(quoted ? current : current.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '"') {
      let j = i + 1;
      let identifier = '';
      while (j < rest.length && !(rest[j] === '"' && rest[j + 1] !== '"')) {
        identifier += rest[j];
        j += rest[j] === '"' ? 2 : 1;
      }
      // `"char"` is the built-in single-byte type, spelled with its quotes.
      const builtinChar = parts.length === 0 && identifier === 'char' && j + 1 >= rest.length;
      current += builtinChar ? '"char"' : identifier;
      quoted = !builtinChar;
      i = j;
    } else if (c === '(') {
      i = rest.indexOf(')', i);
      if (i === -1) break;
    } else if (c === '.') {
      finish();
      current = '';
      quoted = false;
    } else current += c;
  }
  finish();
  const name = parts.pop()!;
  return parts.length > 0 ? { schema: parts.join('.'), name, array } : { name, array };
}

/** The scalar of a built-in (pg_catalog) type name, if it is one we know. */
export function builtinScalar(name: string): Scalar | undefined {
  if (name.startsWith('interval')) return interval;
  return Object.hasOwn(builtins, name) ? builtins[name] : undefined;
}

/**
 * A TypeMapping is how one client carries PostgreSQL values: node-postgres (the Kysely types)
 * or PostgREST's JSON (the supabase-js types). The resolver applies it to built-in types,
 * extension types, enums and arrays of domains alike.
 */
export interface TypeMapping {
  /** A pg_catalog type by its `format_type` name without modifiers. */
  builtin(name: string): Scalar | undefined;
  /** A type of a user schema that is neither an enum nor a domain (an extension's). */
  extension(name: string): Scalar;
  /** Whether an array of an enum arrives as an array. */
  enumArrays: boolean;
  /** The value type of an array of a domain whose base type is `base`. */
  domainArray(base: ValueType): ValueType;
  unknown: Scalar;
}

/**
 * node-postgres: an enum's array type and a domain's array type have no parser, so `'{a,b}'`
 * comes back as text; a domain value itself arrives with its base type's oid.
 */
export const nodePostgres: TypeMapping = {
  builtin: builtinScalar,
  // Extension types live in a user schema (`public.citext`); the known ones read as text.
  extension: (name) => {
    const scalar = builtinScalar(name);
    return scalar && scalar.select.kind === 'keyword' && scalar.select.name === 'string' ? { ...scalar, arrays: false } : unknownScalar;
  },
  enumArrays: false,
  domainArray: (base) => ({ select: string, write: union(arrayOf(base.write), string) }),
  unknown: unknownScalar,
};

/** A ValueType is what a column or argument reads as (`select`) and accepts (`write`). */
export interface ValueType {
  select: TsType;
  write: TsType;
  alias?: string;
}

/** The value type of a scalar, or of an array of it (parsed into an array only when node-postgres does). */
export function valueOf(scalar: Scalar, array: boolean): ValueType {
  const write = scalar.write ?? scalar.select;
  if (!array) return scalar.alias ? { select: scalar.select, write, alias: scalar.alias } : { select: scalar.select, write };
  if (scalar.arrays) return { select: arrayOf(scalar.arrayElement ?? scalar.select), write: arrayOf(write) };
  return { select: string, write: union(arrayOf(write), string) };
}

/** Helper aliases the output may declare, with what each stands for. */
export const helperAliases: Record<string, TsType> = {};
for (const scalar of [int8, numeric, timestamp, interval]) {
  const write = scalar.write!;
  helperAliases[scalar.alias!] = ref('ColumnType', scalar.select, write, write);
  // Kysely's Generated<Timestamp> would select the ColumnType object itself, so a column with a
  // default gets an alias of its own: GeneratedTimestamp | null reads as Date | null.
  helperAliases[`Generated${scalar.alias!}`] = ref('ColumnType', scalar.select, union(write, keyword('undefined')), write);
}
