import { namePart, objectId, readParts } from '../model/id.js';
import { defaultMultirangeName } from '../model/range.js';
import type { RangeType, Schema } from '../model/schema.js';
import { at, invalid, type Where } from './build.js';
import { collationId } from './collation-name.js';
import type { RangeTypeDef } from './range.js';
import type { RoutineDef } from './routine.js';
import { typeSql, type TypeRef } from './types.js';

interface Claims {
  file?: string;
  requireNamespace(name: string, where: Where): void;
  claimTypeName(namespace: string, name: string, what: string, where: Where): void;
  userTypes: Map<string, string>;
}

/** A range type takes its own name and its multirange's among the schema's types; columns may name either. */
export function claimRangeNames(defs: RangeTypeDef[], claims: Claims): void {
  for (const def of defs) {
    const id = objectId(def.schema, def.name);
    const where = at(def.source, id, 'name', claims.file);
    claims.requireNamespace(def.schema, where);
    claims.claimTypeName(def.schema, def.name, 'range type', where);
    claims.claimTypeName(def.schema, def.multirange.name, 'multirange type', at(def.source, id, 'multirange', claims.file));
    for (const type of [def, def.multirange]) {
      claims.userTypes.set(objectId(type.schema, type.name), typeSql(type));
      if (type.schema === 'public') claims.userTypes.set(type.name, typeSql(type));
    }
  }
}

/**
 * A function a range type names, as the model keeps it: a pg_catalog name alone (`float8mi`),
 * else `schema.name`. A bare name is a built-in one: PostgreSQL looks in pg_catalog first.
 */
function routineName(input: string | RoutineDef, isSchema: (name: string) => boolean, where: Where): string {
  if (typeof input !== 'string') return input.schema === 'pg_catalog' ? namePart(input.name) : objectId(input.schema, input.name);
  const { parts, end } = readParts(input.trim(), '');
  if (end < input.trim().length || parts.length === 0 || parts.length > 2) return invalid(`"${input}" is not a function name`, where, 'give a name such as float8mi, or schema.name');
  if (parts.length === 1 || parts[0] === 'pg_catalog') return namePart(parts[parts.length - 1]!);
  if (!isSchema(parts[0]!)) invalid(`schema "${parts[0]}" of function ${input} is not declared`, where);
  return objectId(parts[0]!, parts[1]!);
}

interface Resolve {
  file?: string;
  isSchema(name: string): boolean;
  resolveType(type: string | TypeRef, where: Where): string;
}

/** The model's range types; options equal to what PostgreSQL picks by itself are left out. */
export function buildRanges(schema: Schema, defs: RangeTypeDef[], resolve: Resolve): void {
  for (const def of defs) {
    const id = objectId(def.schema, def.name);
    const where = (field: string) => at(def.source, id, field, resolve.file);
    const multirange = def.multirangeNamed && def.multirange.name !== defaultMultirangeName(def.name) ? namePart(def.multirange.name) : undefined;
    const range: RangeType = {
      schema: def.schema,
      name: def.name,
      subtype: resolve.resolveType(def.subtype, where('subtype')),
      ...(def.subtypeOpclass ? { subtypeOpclass: collationId(def.subtypeOpclass, resolve.isSchema) } : {}),
      ...(def.collation ? { collation: collationId(def.collation, resolve.isSchema) } : {}),
      ...(def.canonical ? { canonical: routineName(def.canonical, resolve.isSchema, where('canonical')) } : {}),
      ...(def.subtypeDiff ? { subtypeDiff: routineName(def.subtypeDiff, resolve.isSchema, where('subtypeDiff')) } : {}),
      ...(multirange ? { multirange } : {}),
      ...(def.description !== undefined ? { comment: def.description } : {}),
      ...(def.group ? { group: def.group } : {}),
      ...(def.note ? { note: def.note } : {}),
      ...(def.source ? { source: def.source } : {}),
    };
    (schema.ranges ??= {})[id] = range;
  }
}
