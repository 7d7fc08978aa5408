/**
 * Resolves a printed PostgreSQL type (a column's, an argument's) to what a client reads and
 * accepts: built-ins through a TypeMapping (node-postgres's by default, `pg-types.ts`), enums to
 * their union alias, domains to their base type with the NOT NULL and DEFAULT they add, range
 * types and their multiranges as the built-in ones are carried (their text form).
 */
import { objectId } from '../../model/id.js';
import { multirangeId } from '../../model/range.js';
import type { Domain, Schema } from '../../model/schema.js';
import { nodePostgres, parseTypeName, valueOf, type Scalar, type TypeMapping, type TypeName, type ValueType } from './pg-types.js';
import { ref, type TsType } from './ts-type.js';

/** A Resolved type: its value type and what a domain adds to a column of it. */
export interface Resolved {
  value: ValueType;
  /** A NOT NULL domain: a column of it never holds NULL. */
  notNull: boolean;
  /** A domain with a default: an insert may leave the column out. */
  hasDefault: boolean;
}

export type Resolve = (spelling: string) => Resolved;

/**
 * Builds the resolver of a model; `enumNames` maps enum ids to their TypeScript names (or types),
 * `mapping` says how the client carries each type. `compositeNames` does for composite types what
 * `enumNames` does for enums; a composite type without one is typed as the mapping types unknown ones.
 */
export function resolver(schema: Schema, enumNames: Map<string, string | TsType>, mapping: TypeMapping = nodePostgres, compositeNames = new Map<string, TsType>()): Resolve {
  const domains = new Map(Object.values(schema.domains).map((d) => [objectId(d.schema, d.name), d]));
  // A user range or multirange travels as its text ('[1,5)'), as a built-in one does where the
  // mapping knows those (node-postgres: arrays of them unparsed too), else as text (PostgREST's JSON).
  const ranges = new Map<string, Scalar>();
  for (const range of Object.values(schema.ranges ?? {})) {
    ranges.set(objectId(range.schema, range.name), mapping.builtin('int4range') ?? mapping.builtin('text') ?? mapping.unknown);
    ranges.set(multirangeId(range), mapping.builtin('int4multirange') ?? mapping.builtin('text') ?? mapping.unknown);
  }

  const userType = (type: TypeName): string | undefined => {
    const candidates = type.schema ? [objectId(type.schema, type.name)] : [objectId('public', type.name)];
    return candidates.find((id) => enumNames.has(id) || domains.has(id) || compositeNames.has(id) || ranges.has(id));
  };

  const resolve = (spelling: string, seen: Set<string>): Resolved => {
    const type = parseTypeName(spelling);
    const id = userType(type);
    if (id && enumNames.has(id)) {
      const name = enumNames.get(id)!;
      const scalar: Scalar = { select: typeof name === 'string' ? ref(name) : name, arrays: mapping.enumArrays };
      return { value: valueOf(scalar, type.array), notNull: false, hasDefault: false };
    }
    if (id && ranges.has(id)) return { value: valueOf(ranges.get(id)!, type.array), notNull: false, hasDefault: false };
    if (id && compositeNames.has(id)) return { value: valueOf({ select: compositeNames.get(id)!, arrays: true }, type.array), notNull: false, hasDefault: false };
    if (id && domains.has(id) && !seen.has(id)) {
      const domain = domains.get(id)!;
      const base = resolve(domain.type, new Set([...seen, id]));
      const value = type.array ? mapping.domainArray(base.value) : base.value;
      return type.array ? { value, notNull: false, hasDefault: false } : { value, notNull: domain.notNull || base.notNull, hasDefault: hasDefault(domain) || base.hasDefault };
    }
    const scalar = type.schema && type.schema !== 'pg_catalog' ? mapping.extension(type.name) : (mapping.builtin(type.name) ?? mapping.unknown);
    return { value: valueOf(scalar, type.array), notNull: false, hasDefault: false };
  };

  // Most columns share a handful of types: resolve each spelling once.
  const cache = new Map<string, Resolved>();
  return (spelling) => {
    let resolved = cache.get(spelling);
    if (!resolved) cache.set(spelling, (resolved = resolve(spelling, new Set())));
    return resolved;
  };
}

function hasDefault(domain: Domain): boolean {
  return domain.default !== undefined && domain.default !== null;
}
