/** Built-in type names (as normalised) that need no declaration. */
export const builtinTypes = new Set([
  'smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric', 'money', 'boolean',
  'text', 'character varying', 'character', 'bpchar', 'name', '"char"', 'citext',
  'uuid', 'json', 'jsonb', 'xml', 'bytea', 'bit', 'bit varying',
  'date', 'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone', 'interval',
  'inet', 'cidr', 'macaddr', 'macaddr8', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle',
  'tsvector', 'tsquery', 'oid', 'regclass', 'regproc', 'regtype', 'regrole', 'regnamespace',
  'int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange',
  'int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange',
  'void', 'trigger', 'event_trigger', 'record', 'anyelement', 'anyarray', 'anynonarray', 'anyenum', 'anyrange', 'anycompatible', 'internal', 'cstring',
  'anymultirange', 'anycompatiblearray', 'anycompatiblenonarray', 'anycompatiblerange', 'anycompatiblemultirange', '"any"',
  'pg_lsn', 'txid_snapshot', 'pg_snapshot', 'xid', 'xid8', 'cid', 'tid', 'refcursor', 'jsonpath',
]);

/** Types an extension brings: usable once the extension is declared. */
export const extensionTypes: Record<string, string> = {
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  lquery: 'ltree',
  cube: 'cube',
  seg: 'seg',
  isbn: 'isn',
  ean13: 'isn',
  vector: 'vector',
  halfvec: 'vector',
};

/** The base name of a normalised type: `character varying(20)[]` -> `character varying`. */
export function baseTypeName(type: string): string {
  return type
    .replace(/\[\]$/, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
