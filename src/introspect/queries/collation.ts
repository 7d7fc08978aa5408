import { namePart, objectId } from '../../model/id.js';

/** A collation as the SQL fragments return it, or null when it is the type's default. */
export interface CollationRef {
  schema: string;
  name: string;
}

/**
 * Selects a collation that differs from the type's default, else null. `collation` and
 * `typeCollation` are oid expressions.
 */
export function nonDefaultCollation(collation: string, typeCollation: string): string {
  return `(SELECT json_build_object('schema', cns_.nspname, 'name', col_.collname)
    FROM pg_collation col_ JOIN pg_namespace cns_ ON cns_.oid = col_.collnamespace
    WHERE col_.oid = ${collation} AND ${collation} <> ${typeCollation})`;
}

/** The collation's id, qualified unless it is a built-in one of pg_catalog: `C`, `"en_US.utf8"`, `public.german`. */
export function collationName(ref: CollationRef): string {
  return ref.schema === 'pg_catalog' ? namePart(ref.name) : objectId(ref.schema, ref.name);
}
