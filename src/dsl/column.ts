import type { ColumnCompression, ColumnOptions, ColumnStorage, IdentityOptions, ReferentialAction } from '../model/schema.js';
import { ident, literal } from '../sql/quote.js';
import { checkShape, columnCompressionShape, columnDefaultShape, columnIndexShape, columnOptionsShape, columnStatisticsShape, columnStorageShape, columnTypeShape, descriptionShape, guard, identityShape, oneOfShape, referenceShape, sensitiveShape, uniqueShape } from './guard.js';
import { callSite } from './source.js';
import { isSqlText, sqlOf, type SqlInput, type SqlText } from './sql.js';
import { normalizeTypeName } from './type-names.js';
import type { TypeRef } from './types.js';

/** A reference target: a table definition, a thunk for cycles, or a name (`leads`, `crm.leads`). */
export type TableTarget = { readonly pgform: 'table'; readonly schema: string; readonly name: string } | string | (() => { readonly schema: string; readonly name: string });

export type ActionName = 'cascade' | 'restrict' | 'set null' | 'set default' | 'no action' | ReferentialAction;

export interface ReferenceOptions {
  onDelete?: ActionName;
  onUpdate?: ActionName;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  /** Added NOT VALID: rows already there are not checked (validate later by dropping the flag). */
  notValid?: boolean;
  name?: string;
  /** The foreign key's previous constraint name. */
  renamedFrom?: string;
}

export interface IndexOptions {
  name?: string;
  method?: string;
  unique?: boolean;
  where?: SqlInput;
  descending?: boolean;
  /** The index's previous name. */
  renamedFrom?: string;
}

/** The data a column builder has gathered; read by `table()`. */
/** Attribute options as the model holds them: values as text, sorted by name. */
export function toColumnOptions(input: Record<string, number | undefined>): ColumnOptions {
  const entries = Object.entries(input).filter((entry): entry is [string, number] => entry[1] !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => [name, String(value)]));
}

export interface ColumnSpec {
  type: string | TypeRef;
  notNull: boolean;
  default?: string;
  identity?: 'always' | 'by default';
  /** Identity sequence options as given (trimmed to the non-default ones when the table is built). */
  identityOptions?: IdentityOptions;
  /** How existing values convert when the type changes (`USING ...`). */
  conversion?: string;
  generated?: string;
  collation?: string;
  storage?: ColumnStorage;
  compression?: ColumnCompression;
  statistics?: number;
  options?: ColumnOptions;
  comment?: string;
  renamedFrom?: string;
  sensitive?: boolean;
  primaryKey: boolean;
  unique?: { name?: string; nullsNotDistinct?: boolean };
  /** A check's expression, or a function of the column's name (known only to `table()`). */
  checks: { expression: string | ((column: string) => string); name?: string }[];
  references?: { target: TableTarget; column: string; options: ReferenceOptions };
  indexes: IndexOptions[];
}

/** IdentityInput: the kind and sequence options of an identity column (defaults: PostgreSQL's). */
export interface IdentityInput {
  always?: boolean;
  start?: number | bigint | string;
  increment?: number | bigint | string;
  min?: number | bigint | string;
  max?: number | bigint | string;
  cache?: number | bigint | string;
  cycle?: boolean;
}

/** A JSON-able literal value for a default. */
export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

/**
 * A ColumnBuilder declares one column on one line, the way a field table reads:
 * `lead_id: uuid().notNull().references(allLeads, 'id', { onDelete: 'cascade' }).index().describe('Links to all_leads')`.
 */
export class ColumnBuilder {
  readonly spec: ColumnSpec;

  constructor(type: string | TypeRef) {
    guard(columnTypeShape, type, { object: 'a column', source: callSite, field: 'type' });
    this.spec = {
      type: typeof type === 'string' ? normalizeTypeName(type) : type,
      notNull: false,
      primaryKey: false,
      checks: [],
      indexes: [],
    };
  }

  private with(change: (spec: ColumnSpec) => void): this {
    change(this.spec);
    return this;
  }

  notNull(): this {
    return this.with((s) => (s.notNull = true));
  }
  /** Documents that NULL is allowed (the default). */
  nullable(): this {
    return this.with((s) => (s.notNull = false));
  }
  /** Primary key (implies NOT NULL). For composite keys use the table's `primaryKey`. */
  primaryKey(): this {
    return this.with((s) => {
      s.primaryKey = true;
      s.notNull = true;
    });
  }
  unique(options: { name?: string; nullsNotDistinct?: boolean } = {}): this {
    guard(uniqueShape, options, { object: 'a column', source: callSite, field: 'unique' });
    return this.with((s) => (s.unique = options));
  }
  /** A default: a JS value becomes a literal (`'proxe'`, `0`, `'{}'` for objects); `sql\`now()\`` stays SQL. */
  default(value: SqlText | LiteralValue): this {
    guard(columnDefaultShape, value, { object: 'a column', source: callSite, field: 'default' });
    return this.with((s) => (s.default = renderDefault(value, s.type)));
  }
  defaultNow(): this {
    return this.default({ sql: 'now()' });
  }
  defaultRandom(): this {
    return this.default({ sql: 'gen_random_uuid()' });
  }
  /**
   * An identity column: `identity()` (BY DEFAULT), `identity('always')`, or with its sequence's
   * options: `identity({ always: true, start: 1000, increment: 10, cache: 20 })`.
   */
  identity(kind: 'always' | 'by default' | IdentityInput = 'by default'): this {
    guard(identityShape, kind, { object: 'a column', source: callSite, field: 'identity' });
    return this.with((s) => {
      if (typeof kind === 'string') s.identity = kind;
      else {
        s.identity = kind.always ? 'always' : 'by default';
        const options: IdentityOptions = {};
        for (const key of ['start', 'increment', 'min', 'max', 'cache'] as const) if (kind[key] !== undefined) options[key] = String(kind[key]);
        if (kind.cycle !== undefined) options.cycle = kind.cycle;
        s.identityOptions = options;
      }
      s.notNull = true;
    });
  }
  /**
   * How the existing values convert when this column's type changes, where PostgreSQL has no cast:
   * `bigint().using(sql\`to_timestamp(created)\`)` plans `ALTER COLUMN ... TYPE ... USING ...`.
   */
  using(conversion: SqlInput): this {
    guard(checkShape, { expression: conversion }, { object: 'a column', source: callSite, field: 'using' });
    return this.with((s) => (s.conversion = sqlOf(conversion)));
  }
  /** A stored generated column. */
  generated(expression: SqlInput): this {
    guard(checkShape, { expression }, { object: 'a column', source: callSite, field: 'generated' });
    return this.with((s) => (s.generated = sqlOf(expression)));
  }
  collate(collation: string): this {
    guard(descriptionShape.min(1), collation, { object: 'a column', source: callSite, field: 'collate' });
    return this.with((s) => (s.collation = collation));
  }
  /**
   * How the column's values are stored (`SET STORAGE`): `'external'` keeps large values out of
   * line uncompressed (fast substring access), `'main'` keeps them in line compressed when it
   * can, `'extended'` and `'plain'` are the types' usual defaults.
   */
  storage(mode: ColumnStorage): this {
    guard(columnStorageShape, mode, { object: 'a column', source: callSite, field: 'storage' });
    return this.with((s) => (s.storage = mode));
  }
  /** The compression method of its large values (`SET COMPRESSION`): `'pglz'`, or `'lz4'` where the server has it. */
  compression(method: ColumnCompression): this {
    guard(columnCompressionShape, method, { object: 'a column', source: callSite, field: 'compression' });
    return this.with((s) => (s.compression = method));
  }
  /** The statistics target ANALYZE uses for this column (`SET STATISTICS`, 0 to 10000): more for skewed columns the planner misjudges. */
  statistics(target: number): this {
    guard(columnStatisticsShape, target, { object: 'a column', source: callSite, field: 'statistics' });
    return this.with((s) => (s.statistics = target));
  }
  /**
   * What ANALYZE assumes of its distinct values (`SET (n_distinct = ...)`): a count, or minus the
   * fraction of rows (`-0.5`: half the rows are distinct); `n_distinct_inherited` for the table
   * with its partitions or children.
   */
  options(options: { n_distinct?: number; n_distinct_inherited?: number }): this {
    guard(columnOptionsShape, options, { object: 'a column', source: callSite, field: 'options' });
    return this.with((s) => (s.options = toColumnOptions(options)));
  }
  check(expression: SqlInput, name?: string): this {
    guard(checkShape, { expression, name }, { object: 'a column check', source: callSite });
    return this.with((s) => s.checks.push({ expression: sqlOf(expression), ...(name ? { name } : {}) }));
  }
  /** A CHECK (column IN (...)) over literal values. */
  oneOf(values: readonly string[], name?: string): this {
    guard(oneOfShape, { values, name }, { object: 'a column', source: callSite, field: 'oneOf' });
    return this.with((s) => s.checks.push({ expression: (column) => `${ident(column)} IN (${values.map(literal).join(', ')})`, ...(name ? { name } : {}) }));
  }
  references(target: TableTarget, column = 'id', options: ReferenceOptions = {}): this {
    const where = { object: 'a column reference', source: callSite };
    guard(referenceShape, { target, column, options }, where);
    return this.with((s) => (s.references = { target, column, options }));
  }
  /** A single-column index; named `idx_<table>_<column>` unless given a name. */
  index(options: IndexOptions | string = {}): this {
    guard(columnIndexShape, options, { object: 'a column index', source: callSite, field: 'index' });
    return this.with((s) => s.indexes.push(typeof options === 'string' ? { name: options } : options));
  }
  /** The column's previous name: the next migration renames it instead of dropping it. */
  renamedFrom(previous: string): this {
    guard(descriptionShape.min(1), previous, { object: 'a column', source: callSite, field: 'renamedFrom' });
    return this.with((s) => (s.renamedFrom = previous));
  }
  /**
   * Marks the column as holding secrets or people's contact details (or, with `false`, as not
   * holding them though its name suggests so): `pgform lint` warns when anon can read it.
   */
  sensitive(holds = true): this {
    guard(sensitiveShape, holds, { object: 'a column', source: callSite, field: 'sensitive' });
    return this.with((s) => (s.sensitive = holds));
  }
  describe(text: string): this {
    guard(descriptionShape, text, { object: 'a column', source: callSite, field: 'describe' });
    return this.with((s) => (s.comment = text));
  }
  /** The same column type as an array. */
  array(): ColumnBuilder {
    const type = this.spec.type;
    const builder = new ColumnBuilder(typeof type === 'string' ? `${type}[]` : { ...type, array: true });
    Object.assign(builder.spec, { ...this.spec, type: builder.spec.type });
    return builder;
  }
}

function renderDefault(value: SqlText | LiteralValue, type: string | TypeRef): string {
  if (isSqlText(value)) return value.sql;
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return literal(value);
  const isArrayType = typeof type === 'string' ? type.endsWith('[]') : type.array === true;
  if (Array.isArray(value) && isArrayType) return literal(arrayLiteral(value));
  return literal(JSON.stringify(value));
}

function arrayLiteral(values: LiteralValue[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
