import { trimIdentity } from '../../model/identity.js';
import type { Column, ColumnOptions, ColumnSettings } from '../../model/schema.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { commentOf, grantsOf, inSelectedNamespaces } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * The columns of relation `rel` (a view) as a JSON array in attribute order: a correlated
 * subquery, one index scan per relation inside the single query.
 */
export function columnsOf(rel: string, options: { updatable?: string; settings?: string; owner?: string } = {}): string {
  const updatable = options.updatable ? `,
       'updatable', CASE WHEN ${options.updatable} THEN pg_column_is_updatable(a.attrelid, a.attnum, false) END` : '';
  const settings = options.settings ? `,
       ${columnSettingsFields(options.settings)}` : '';
  const grants = options.owner ? `,
       'grants', CASE WHEN a.attacl IS NOT NULL THEN ${grantsOf('a.attacl', options.owner)} END` : '';
  return `(SELECT json_agg(json_build_object(
       'name', a.attname,
       'type', format_type(a.atttypid, a.atttypmod),
       'comment', ${commentOf('pg_class', 'a.attrelid', 'a.attnum')}${updatable}${settings}${grants}) ORDER BY a.attnum)
     FROM pg_attribute a${options.settings ? ' JOIN pg_type ty ON ty.oid = a.atttypid' : ''}
     WHERE a.attrelid = ${rel} AND a.attnum > 0 AND NOT a.attisdropped)`;
}

/**
 * A column's storage (when not its type's), compression, statistics target and options, read
 * where `when` holds (pg_attribute `a` and its pg_type `ty`), as [field, expression].
 */
function settingsFields(when?: string): [keyof ColumnRow, string][] {
  const where = when ? `${when} AND ` : '';
  return [
    ['storage', `CASE WHEN ${where}a.attstorage <> ty.typstorage THEN a.attstorage END`],
    ['compression', `CASE WHEN ${where}a.attcompression IN ('p', 'l') THEN a.attcompression END`],
    ['statistics', `CASE WHEN ${where}a.attstattarget >= 0 THEN a.attstattarget END`],
    ['options', when ? `CASE WHEN ${when} THEN a.attoptions END` : 'a.attoptions'],
  ];
}

/** The settings fields as json_build_object pairs. */
function columnSettingsFields(when: string): string {
  return settingsFields(when)
    .map(([field, expression]) => `'${field}', ${expression}`)
    .join(',\n       ');
}

/**
 * What a column's type in client code depends on, as [field, expression] in the order of the
 * JSON array each column is read as: keys repeated on every column were most of the JSON, and of
 * the server's time building it, on thousands of tables.
 */
const shapeFields: [keyof ColumnRow, string][] = [
  ['name', 'a.attname'],
  ['type', 'format_type(a.atttypid, a.atttypmod)'],
  ['comment', 'dsc.description'],
  ['notNull', 'a.attnotnull'],
  ['default', "CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END"],
  ['generated', "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END"],
  ['identity', "nullif(a.attidentity, '')"],
];

/** The rest of a column: identity sequence options, collation, storage, statistics, options, privileges. */
const fullFields: [keyof ColumnRow, string][] = [
  ...shapeFields,
  [
    'sequence',
    `CASE WHEN a.attidentity <> '' THEN (SELECT json_build_object('start', s.seqstart::text,
           'increment', s.seqincrement::text, 'min', s.seqmin::text, 'max', s.seqmax::text,
           'cache', s.seqcache::text, 'cycle', s.seqcycle)
         FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid
         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i' LIMIT 1) END`,
  ],
  ['collation', `CASE WHEN a.attcollation <> ty.typcollation THEN ${nonDefaultCollation('a.attcollation', 'ty.typcollation')} END`],
  ['inherited', 'NOT a.attislocal'],
  ...settingsFields(),
  ['grants', `CASE WHEN a.attacl IS NOT NULL THEN ${grantsOf('a.attacl', 'ac.relowner')} END`],
];

/**
 * The columns of every table in the selected namespaces, one row per table (`attrelid`,
 * `columns`: one array per column, in `fullFields` order, null for a table without columns).
 * Comments and defaults are joined once rather than looked up per column: on thousands of
 * tables the table query spends most of its time here. `shapeOnly` reads what a column's type
 * in client code depends on (`shapeFields`) and leaves out identity sequence options, collations
 * and column privileges: half the JSON, and half the server's time, on wide tables. `inPart`: a
 * condition on the table `ac` that keeps one part of the tables (see tablesSql).
 */
export function tableColumns({ shapeOnly = false, inPart = '' }: { shapeOnly?: boolean; inPart?: string } = {}): string {
  const fields = shapeOnly ? shapeFields : fullFields;
  return `(SELECT ac.oid AS attrelid, json_agg(json_build_array(
       ${fields.map(([, expression]) => expression).join(',\n       ')})
       ORDER BY a.attnum) FILTER (WHERE a.attnum IS NOT NULL) AS columns
     FROM pg_class ac
     JOIN pg_namespace an ON an.oid = ac.relnamespace AND ${inSelectedNamespaces('an.nspname')}
     LEFT JOIN pg_attribute a ON a.attrelid = ac.oid AND a.attnum > 0 AND NOT a.attisdropped
     ${shapeOnly ? '' : 'LEFT JOIN pg_type ty ON ty.oid = a.atttypid'}
     LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
     WHERE ac.relkind IN ('r', 'p')${inPart ? ` AND ${inPart}` : ''}
     GROUP BY ac.oid)`;
}

/** A column as `tableColumns` reads it: its fields' values in `fullFields` order (a shape-only read stops early). */
export type ColumnValues = unknown[];

/** Where each field sits in a column's values (`fullFields` order). */
const at = Object.fromEntries(fullFields.map(([field], index) => [field, index])) as Record<keyof ColumnRow, number>;

export interface ColumnRow {
  name: string;
  type: string;
  comment: string | null;
  notNull: boolean;
  default: string | null;
  generated: string | null;
  identity: 'a' | 'd' | null;
  /** The identity sequence's options (bounds as text: int8 loses nothing). */
  /** Absent from a shape-only read (see tableColumns), as are collation, inherited and grants. */
  sequence?: { start: string; increment: string; min: string; max: string; cache: string; cycle: boolean } | null;
  collation?: CollationRef | null;
  inherited?: boolean;
  /** attstorage when not the type's typstorage. */
  storage?: 'p' | 'e' | 'x' | 'm' | null;
  compression?: 'p' | 'l' | null;
  /** attstattarget when set (PostgreSQL 15 stores -1 for the default, 17 and later NULL). */
  statistics?: number | null;
  /** pg_attribute.attoptions as stored: `{n_distinct=-0.5}`. */
  options?: string[] | null;
  /** Null when the column has no privileges of its own (the usual case). */
  grants?: AclEntry[] | null;
}

/** The settings of a column as read (columnSettingsFields). */
export function toColumnSettings(row: Pick<ColumnRow, 'storage' | 'compression' | 'statistics' | 'options'>): ColumnSettings {
  const settings: ColumnSettings = {};
  addSettings(settings, row.storage, row.compression, row.statistics, row.options);
  return settings;
}

/** Sets a column's settings on `target`, in the model's order of fields. */
function addSettings(target: ColumnSettings, storage: ColumnRow['storage'], compression: ColumnRow['compression'], statistics: ColumnRow['statistics'], options: ColumnRow['options']): void {
  if (storage) target.storage = storageModes[storage];
  if (compression) target.compression = compression === 'l' ? 'lz4' : 'pglz';
  if (statistics !== undefined && statistics !== null) target.statistics = statistics;
  // Most columns have no options: no arrays are made for them.
  if (options?.length) {
    const named = columnOptionsField(options);
    if (named) target.options = named;
  }
}

/**
 * Attribute options as the model holds them, sorted by name. `pg_attver` is no user's option: a
 * server extension keeps its own bookkeeping there.
 */
function columnOptionsField(options: string[]): ColumnOptions | undefined {
  const entries = options
    .map((option) => [option.slice(0, option.indexOf('=')), option.slice(option.indexOf('=') + 1)] as const)
    .filter(([name]) => name !== 'pg_attver')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const storageModes = { p: 'plain', e: 'external', x: 'extended', m: 'main' } as const;

/**
 * A table column from its values as `tableColumns` reads them. PostgreSQL 18 adds virtual
 * generated columns (attgenerated 'v'); the model has no place for the difference yet, so both
 * kinds land in `generated`. Built field by field (no row object, no spread of partial objects):
 * a large schema has tens of thousands of columns, and their garbage was a tenth of a types run.
 */
export function toColumn(values: ColumnValues): Column {
  const type = values[at.type] as string;
  const identity = values[at.identity] as ColumnRow['identity'];
  const sequence = values[at.sequence] as ColumnRow['sequence'];
  const column: Column = { name: values[at.name] as string, type, notNull: values[at.notNull] as boolean };
  const fallback = values[at.default] as ColumnRow['default'];
  if (fallback !== null) column.default = fallback;
  if (identity) column.identity = identity === 'a' ? 'always' : 'by default';
  if (identity && sequence) {
    const identityOptions = trimIdentity(type, sequence);
    if (Object.keys(identityOptions).length > 0) column.identityOptions = identityOptions;
  }
  const generated = values[at.generated] as ColumnRow['generated'];
  if (generated !== null) column.generated = generated;
  const collation = values[at.collation] as ColumnRow['collation'];
  if (collation) column.collation = collationName(collation);
  addSettings(column, values[at.storage] as ColumnRow['storage'], values[at.compression] as ColumnRow['compression'], values[at.statistics] as ColumnRow['statistics'], values[at.options] as ColumnRow['options']);
  const comment = values[at.comment] as ColumnRow['comment'];
  if (comment !== null) column.comment = comment;
  if (values[at.inherited]) column.inherited = true;
  const grants = values[at.grants] as ColumnRow['grants'];
  if (grants?.length) column.grants = toGrants(grants);
  return column;
}
