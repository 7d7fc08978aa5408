/**
 * Resolves a printed PostgreSQL type (a column's, an argument's) to what node-postgres reads and
 * accepts: built-ins through the table of `pg-types.ts`, enums to their union alias, domains to
 * their base type with the NOT NULL and DEFAULT they add.
 */
import { objectId } from '../../model/id.js';
import type { Domain, Schema } from '../../model/schema.js';
import { builtinScalar, parseTypeName, unknownScalar, valueOf, type Scalar, type TypeName, type ValueType } from './pg-types.js';
import { arrayOf, keyword, ref, union, type TsType } from './ts-type.js';

/** A Resolved type: its value type and what a domain adds to a column of it. */
export interface Resolved {
  value: ValueType;
  /** A NOT NULL domain: a column of it never holds NULL. */
  notNull: boolean;
  /** A domain with a default: an insert may leave the column out. */
  hasDefault: boolean;
}

export type Resolve = (spelling: string) => Resolved;

/** Builds the resolver of a model; `enumNames` maps enum ids to their TypeScript names. */
export function resolver(schema: Schema, enumNames: Map<string, string>): Resolve {
  const domains = new Map(Object.values(schema.domains).map((d) => [objectId(d.schema, d.name), d]));

  const userType = (type: TypeName): string | undefined => {
    const candidates = type.schema ? [objectId(type.schema, type.name)] : [objectId('public', type.name)];
    return candidates.find((id) => enumNames.has(id) || domains.has(id));
  };

  const resolve = (spelling: string, seen: Set<string>): Resolved => {
    const type = parseTypeName(spelling);
    const id = userType(type);
    if (id && enumNames.has(id)) {
      // node-postgres has no parser for an enum's array type: `'{a,b}'` comes back as text.
      const scalar: Scalar = { select: ref(enumNames.get(id)!), arrays: false };
      return { value: valueOf(scalar, type.array), notNull: false, hasDefault: false };
    }
    if (id && domains.has(id) && !seen.has(id)) {
      const domain = domains.get(id)!;
      const base = resolve(domain.type, new Set([...seen, id]));
      // A domain value arrives with its base type's oid, but an array of a domain is its own
      // array type, which node-postgres does not parse.
      const value = type.array ? { select: keyword('string'), write: arrayWrite(base.value) } : base.value;
      return type.array ? { value, notNull: false, hasDefault: false } : { value, notNull: domain.notNull || base.notNull, hasDefault: hasDefault(domain) || base.hasDefault };
    }
    const scalar = type.schema && type.schema !== 'pg_catalog' ? extensionScalar(type.name) : (builtinScalar(type.name) ?? unknownScalar);
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

/** Extension types live in a user schema (`public.citext`); the known ones read as text. */
function extensionScalar(name: string): Scalar {
  const scalar = builtinScalar(name);
  return scalar && scalar.select.kind === 'keyword' && scalar.select.name === 'string' ? { ...scalar, arrays: false } : unknownScalar;
}

function hasDefault(domain: Domain): boolean {
  return domain.default !== undefined && domain.default !== null;
}

function arrayWrite(value: ValueType): TsType {
  return union(arrayOf(value.write), keyword('string'));
}
