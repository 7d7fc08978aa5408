/**
 * SQL fragments every catalog query shares. Inner aliases end in an underscore so they never
 * shadow the outer query's aliases that the caller passes in.
 */

/** The selected namespaces arrive as the one bind parameter of every per-object query. */
export const inSelectedNamespaces = (nspname: string): string => `${nspname} = ANY ($1::text[])`;

/** The pg_description text of an object (`sub` is the column number, 0 for the object). */
export function commentOf(catalog: string, oid: string, sub = '0'): string {
  return `(SELECT dsc_.description FROM pg_description dsc_
    WHERE dsc_.objoid = ${oid} AND dsc_.classoid = '${catalog}'::regclass AND dsc_.objsubid = ${sub})`;
}

/** True unless the object belongs to an extension: CREATE EXTENSION owns it, not the user. */
export function notExtensionMember(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend dep_
    WHERE dep_.classid = '${catalog}'::regclass AND dep_.objid = ${oid} AND dep_.deptype = 'e')`;
}

/**
 * True unless the object is an internal part of another one (a range type's constructor
 * functions): it comes and goes with that object, whatever pgform makes of it.
 */
export function notInternalPart(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend int_
    WHERE int_.classid = '${catalog}'::regclass AND int_.objid = ${oid} AND int_.deptype = 'i')`;
}

/**
 * The entries of an ACL other than the owner's own, as JSON `[[grantee, privilege, grantable]]`
 * (arrays: a table's grants repeated their keys in a third of the table read's JSON); an absent
 * ACL (the built-in default) has none.
 */
export function grantsOf(acl: string, owner: string): string {
  return `(SELECT coalesce(json_agg(json_build_array(
      CASE WHEN acl_.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl_.grantee)::text END,
      acl_.privilege_type,
      acl_.is_grantable)), '[]')
    FROM aclexplode(${acl}) acl_ WHERE acl_.grantee <> ${owner})`;
}

/**
 * The names of the columns `keys` (an int2 array of attnums, none 0) of relation `rel`, in key
 * order. Each name is looked up by its own index probe: joined, the planner hashed every column
 * of the relation for each key, a third of the constraints read's time at 2,000 tables.
 */
export function columnNames(rel: string, keys: string): string {
  return `ARRAY(SELECT (SELECT att_.attname::text FROM pg_attribute att_ WHERE att_.attrelid = ${rel} AND att_.attnum = key_.num)
    FROM unnest(${keys}) WITH ORDINALITY key_(num, ord) ORDER BY key_.ord)`;
}

/** Wraps a row-producing query so it returns one row with one JSON array: one round trip. */
export function asJsonRows(query: string, orderBy?: string): string {
  return `SELECT coalesce(json_agg(x${orderBy ? ` ORDER BY ${orderBy}` : ''}), '[]') AS rows FROM (${query}) x`;
}

/**
 * A relation's storage parameters as a text array: its own reloptions, then its TOAST table's
 * prefixed `toast.`, which is how CREATE and ALTER spell them.
 */
export function storageOf(rel: string): string {
  return `(coalesce(${rel}.reloptions, '{}'::text[]) || coalesce((SELECT array_agg('toast.' || opt_ ORDER BY ord_)
      FROM pg_class tst_, unnest(tst_.reloptions) WITH ORDINALITY o_(opt_, ord_) WHERE tst_.oid = ${rel}.reltoastrelid), '{}'::text[]))`;
}
