import { PgformError } from '../errors.js';
import type { Grant } from '../model/schema.js';
import { qualified } from '../sql/quote.js';
import { ColumnBuilder } from './column.js';
import { compositeShape, domainShape, enumShape, extensionShape, guard, guardName, namespaceShape, sequenceShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput, type SqlText } from './sql.js';
import { normalizeTypeName } from './type-names.js';
import type { Documentation } from './documentation.js';

/** A TypeRef points a column at a user-defined type (enum, domain, composite or range type, or a range's multirange). */
export interface TypeRef {
  readonly pgform: 'enum' | 'domain' | 'composite' | 'range';
  readonly schema: string;
  readonly name: string;
  readonly array?: boolean;
}

/**
 * The SQL spelling of a column type. Simple lower-case names stay bare as `format_type` prints
 * them; anything else is quoted. The canonical step replaces it with the server's own spelling.
 */
export function typeSql(type: string | TypeRef): string {
  if (typeof type === 'string') return type;
  const simple = /^[a-z_][a-z0-9_]*$/;
  const name = simple.test(type.schema) && simple.test(type.name) ? `${type.schema}.${type.name}` : qualified(type.schema, type.name);
  return name + (type.array ? '[]' : '');
}

export interface SchemaOptions extends Documentation {
  grants?: GrantInput[];
}

/** A grant as written in definitions: `{ to: 'authenticated', privileges: ['select'] }`. */
export interface GrantInput {
  to: string;
  privileges: string[];
  withGrantOption?: boolean;
  /** Tables only: grant the privileges on these columns (`GRANT SELECT (a, b) ON t`). */
  columns?: string[];
}

export function toGrants(inputs: GrantInput[] | undefined): Grant[] {
  const merged = new Map<string, Grant>();
  for (const input of inputs ?? []) {
    const grantee = input.to.toUpperCase() === 'PUBLIC' ? 'PUBLIC' : input.to;
    const existing = merged.get(grantee);
    const privileges = new Set([...(existing?.privileges ?? []), ...input.privileges.map((p) => p.toUpperCase())]);
    merged.set(grantee, { grantee, privileges: [...privileges].sort(), ...(input.withGrantOption ? { withGrantOption: true } : {}) });
  }
  return [...merged.values()].sort((a, b) => a.grantee.localeCompare(b.grantee));
}

/** A NamespaceDef declares a PostgreSQL schema other than `public`. */
export interface NamespaceDef extends SchemaOptions {
  readonly pgform: 'namespace';
  readonly name: string;
  readonly source?: { file: string; line: number };
}

export function schema(name: string, options: SchemaOptions = {}): NamespaceDef {
  const source = callSite();
  guardName(name, 'schema', source);
  guard(namespaceShape, options, { object: `schema ${name}`, source });
  return { pgform: 'namespace', name, ...options, ...(source ? { source } : {}) };
}

/** An ExtensionDef installs an extension (pgcrypto, uuid-ossp, citext...). */
export interface ExtensionDef {
  readonly pgform: 'extension';
  readonly name: string;
  readonly schema: string;
  /** A pinned version (`ALTER EXTENSION ... UPDATE TO`); absent: whatever the server installs. */
  readonly version?: string;
  /** COMMENT ON EXTENSION; absent: the one CREATE EXTENSION gives, `''`: none. */
  readonly description?: string;
  readonly source?: { file: string; line: number };
}

export function extension(name: string, options: { schema?: string; version?: string; description?: string } = {}): ExtensionDef {
  const source = callSite();
  guardName(name, 'extension', source);
  guard(extensionShape, options, { object: `extension ${name}`, source });
  return { pgform: 'extension', name, schema: options.schema ?? 'public', ...(options.version !== undefined ? { version: options.version } : {}), ...(options.description !== undefined ? { description: options.description } : {}), ...(source ? { source } : {}) };
}

export interface EnumDef extends TypeRef, Documentation {
  readonly pgform: 'enum';
  readonly values: readonly string[];
  readonly renamedFrom?: string;
  readonly renamedValues?: Record<string, string>;
  readonly source?: { file: string; line: number };
  /** A column of this type. */
  column(): ColumnBuilder;
}

/** Declares an enum: `enumType('lead_status', ['new', 'contacted'], { description })`. */
export function enumType(
  name: string,
  values: readonly string[],
  options: Documentation & { schema?: string; renamedFrom?: string; renamedValues?: Record<string, string> } = {},
): EnumDef {
  const source = callSite();
  guardName(name, 'enum', source);
  guard(enumShape, { values, options }, { object: `enum ${name}`, source });
  const { schema: namespace = 'public', ...docs } = options;
  const def: EnumDef = {
    pgform: 'enum',
    schema: namespace,
    name,
    values,
    ...docs,
    ...(source ? { source } : {}),
    column: () => new ColumnBuilder(def),
  };
  return def;
}

export interface DomainDef extends TypeRef, Documentation {
  readonly pgform: 'domain';
  readonly type: string;
  readonly notNull: boolean;
  readonly default?: string;
  readonly collation?: string;
  readonly checks: Record<string, { expression: string; notValid?: boolean }>;
  readonly source?: { file: string; line: number };
  column(): ColumnBuilder;
}

export interface DomainOptions extends Documentation {
  schema?: string;
  notNull?: boolean;
  default?: SqlText;
  collation?: string;
  /**
   * Check constraints by name; VALUE is the domain's value. `{ expression, notValid: true }` adds
   * one NOT VALID: values already stored are not checked.
   */
  checks?: Record<string, SqlInput | { expression: SqlInput; notValid?: boolean }>;
}

function domainCheck(input: NonNullable<DomainOptions['checks']>[string]): { expression: string; notValid?: boolean } {
  const check = typeof input === 'object' && 'expression' in input ? input : { expression: input };
  return { expression: sqlOf(check.expression), ...('notValid' in check && check.notValid ? { notValid: true } : {}) };
}

/** Declares a domain: `domain('email', 'text', { checks: { email_format: sql\`VALUE ~ '@'\` } })`. */
export function domain(name: string, type: string, options: DomainOptions = {}): DomainDef {
  const source = callSite();
  guardName(name, 'domain', source);
  guardName(type, `domain ${name} type`, source);
  guard(domainShape, options, { object: `domain ${name}`, source });
  const { schema: namespace = 'public', notNull = false, default: defaultValue, collation, checks = {}, ...docs } = options;
  const def: DomainDef = {
    pgform: 'domain',
    schema: namespace,
    name,
    type: normalizeTypeName(type),
    notNull,
    ...(defaultValue ? { default: defaultValue.sql } : {}),
    ...(collation ? { collation } : {}),
    checks: Object.fromEntries(Object.entries(checks).map(([checkName, input]) => [checkName, domainCheck(input)])),
    ...docs,
    ...(source ? { source } : {}),
    column: () => new ColumnBuilder(def),
  };
  return def;
}

export interface CompositeTypeDef extends TypeRef, Documentation {
  readonly pgform: 'composite';
  readonly attributes: { name: string; type: string | TypeRef; collation?: string; comment?: string; renamedFrom?: string }[];
  readonly source?: { file: string; line: number };
  column(): ColumnBuilder;
}

export interface CompositeTypeOptions extends Documentation {
  schema?: string;
  /**
   * Attributes in order: a type name, an enum or domain, or a column builder (`text().collate('C')`,
   * `.describe(...)`, `.renamedFrom(...)`).
   */
  attributes: Record<string, string | TypeRef | ColumnBuilder>;
}

/**
 * Declares a composite type: `compositeType('address', { attributes: { street: text(), zip: text() } })`.
 * An attribute takes a type, a collation, a description and a previous name only: NOT NULL,
 * defaults and keys belong to columns.
 */
export function compositeType(name: string, options: CompositeTypeOptions): CompositeTypeDef {
  const source = callSite();
  guardName(name, 'composite type', source);
  guard(compositeShape, options, { object: `composite type ${name}`, source });
  const { schema: namespace = 'public', attributes, ...docs } = options;
  const def: CompositeTypeDef = {
    pgform: 'composite',
    schema: namespace,
    name,
    attributes: Object.entries(attributes).map(([attribute, input]) => {
      if (!(input instanceof ColumnBuilder)) return { name: attribute, type: typeof input === 'string' ? normalizeTypeName(input) : input };
      const spec = input.spec;
      if (spec.notNull || spec.primaryKey || spec.default !== undefined || spec.identity || spec.generated !== undefined || spec.checks.length || spec.references || spec.unique || spec.indexes.length || spec.storage || spec.compression || spec.statistics !== undefined || spec.options) {
        throw new PgformError('DEFINITION_INVALID', `attribute "${attribute}" of composite type ${name} has column options; an attribute takes a type, a collation, a description and a previous name only`, { ...(source ? { file: source.file, line: source.line } : {}), object: `composite type ${name}`, field: `attributes.${attribute}` });
      }
      return { name: attribute, type: spec.type, ...(spec.collation ? { collation: spec.collation } : {}), ...(spec.comment !== undefined ? { comment: spec.comment } : {}), ...(spec.renamedFrom ? { renamedFrom: spec.renamedFrom } : {}) };
    }),
    ...docs,
    ...(source ? { source } : {}),
    column: () => new ColumnBuilder(def),
  };
  return def;
}

export interface SequenceDef extends Documentation {
  readonly pgform: 'sequence';
  readonly schema: string;
  readonly name: string;
  readonly type: string;
  readonly start?: number | bigint;
  readonly increment?: number | bigint;
  readonly min?: number | bigint;
  readonly max?: number | bigint;
  readonly cache?: number | bigint;
  readonly cycle?: boolean;
  /** UNLOGGED (PostgreSQL 15+): not written to the WAL, reset after a crash, not replicated. */
  readonly unlogged?: boolean;
  readonly ownedBy?: { table: string; column: string };
  readonly grants?: GrantInput[];
  readonly source?: { file: string; line: number };
}

export type SequenceOptions = Partial<Omit<SequenceDef, 'pgform' | 'name' | 'source' | 'ownedBy'>> & { ownedBy?: { table: string; column: string } };

export function sequence(name: string, options: SequenceOptions = {}): SequenceDef {
  const source = callSite();
  guardName(name, 'sequence', source);
  guard(sequenceShape, options, { object: `sequence ${name}`, source });
  return { pgform: 'sequence', schema: 'public', type: 'bigint', ...options, name, ...(source ? { source } : {}) };
}

/** A column of any type by its SQL name: `column('numeric(12,2)')`, `column(leadStatus)`. */
export function column(type: string | TypeRef): ColumnBuilder {
  return new ColumnBuilder(type);
}

export const uuid = () => new ColumnBuilder('uuid');
export const text = () => new ColumnBuilder('text');
export const varchar = (length?: number) => new ColumnBuilder(length ? `character varying(${length})` : 'character varying');
export const char = (length = 1) => new ColumnBuilder(`character(${length})`);
export const smallint = () => new ColumnBuilder('smallint');
export const integer = () => new ColumnBuilder('integer');
export const bigint = () => new ColumnBuilder('bigint');
export const numeric = (precision?: number, scale?: number) =>
  new ColumnBuilder(precision === undefined ? 'numeric' : scale === undefined ? `numeric(${precision})` : `numeric(${precision},${scale})`);
export const real = () => new ColumnBuilder('real');
export const doublePrecision = () => new ColumnBuilder('double precision');
export const boolean = () => new ColumnBuilder('boolean');
export const date = () => new ColumnBuilder('date');
export const time = () => new ColumnBuilder('time without time zone');
export const timestamp = () => new ColumnBuilder('timestamp without time zone');
export const timestamptz = () => new ColumnBuilder('timestamp with time zone');
export const interval = () => new ColumnBuilder('interval');
export const json = () => new ColumnBuilder('json');
export const jsonb = () => new ColumnBuilder('jsonb');
export const bytea = () => new ColumnBuilder('bytea');
export const inet = () => new ColumnBuilder('inet');
export const cidr = () => new ColumnBuilder('cidr');
export const tsvector = () => new ColumnBuilder('tsvector');
