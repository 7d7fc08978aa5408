import { defaultMultirangeName } from '../model/range.js';
import { ColumnBuilder } from './column.js';
import type { Documentation } from './documentation.js';
import { guard, guardName, rangeShape } from './guard.js';
import type { RoutineDef } from './routine.js';
import { callSite } from './source.js';
import { normalizeTypeName } from './type-names.js';
import type { TypeRef } from './types.js';

/** A RangeTypeDef declares a range type; its `multirange` names the multirange type PostgreSQL makes with it. */
export interface RangeTypeDef extends TypeRef, Documentation {
  readonly pgform: 'range';
  readonly subtype: string | TypeRef;
  readonly subtypeOpclass?: string;
  readonly collation?: string;
  readonly canonical?: string | RoutineDef;
  readonly subtypeDiff?: string | RoutineDef;
  /** The multirange type (MULTIRANGE_TYPE_NAME, else the name PostgreSQL derives), for columns and arguments. */
  readonly multirange: TypeRef;
  /** Whether MULTIRANGE_TYPE_NAME was given. */
  readonly multirangeNamed: boolean;
  readonly source?: { file: string; line: number };
  /** A column of this range type. */
  column(): ColumnBuilder;
}

export interface RangeTypeOptions extends Documentation {
  schema?: string;
  /** SUBTYPE: the type of the bounds, a type name or an enum or domain. */
  subtype: string | TypeRef;
  /** SUBTYPE_OPCLASS: a b-tree operator class other than the subtype's default (`text_pattern_ops`). */
  subtypeOpclass?: string;
  /** COLLATION, for a collatable subtype: `C`, `public.german`. */
  collation?: string;
  /** CANONICAL: a function written in C (a pg_catalog name alone, else `schema.name`). */
  canonical?: string | RoutineDef;
  /** SUBTYPE_DIFF: `float8mi`, `public.time_subtype_diff` or the rpc() declaring it. */
  subtypeDiff?: string | RoutineDef;
  /** MULTIRANGE_TYPE_NAME in the range's schema; absent: PostgreSQL's (`floatrange` -> `floatmultirange`). */
  multirange?: string;
}

/**
 * Declares a range type: `rangeType('floatrange', { subtype: 'double precision', subtypeDiff: 'float8mi' })`.
 * Its multirange type and constructor functions come with it; `.multirange` types a column of the multirange.
 */
export function rangeType(name: string, options: RangeTypeOptions): RangeTypeDef {
  const source = callSite();
  guardName(name, 'range type', source);
  guard(rangeShape, options, { object: `range type ${name}`, source });
  const { schema: namespace = 'public', subtype, multirange, ...rest } = options;
  const def: RangeTypeDef = {
    pgform: 'range',
    schema: namespace,
    name,
    subtype: typeof subtype === 'string' ? normalizeTypeName(subtype) : subtype,
    ...rest,
    multirange: { pgform: 'range', schema: namespace, name: multirange ?? defaultMultirangeName(name) },
    multirangeNamed: multirange !== undefined,
    ...(source ? { source } : {}),
    column: () => new ColumnBuilder(def),
  };
  return def;
}
