#!/usr/bin/env node
/*
 * The baseline for "read a live schema": what a developer would write by hand with node and pg.
 * One plain query per kind of object over the same schemas pgform reads (all but the system and
 * Supabase-owned ones), the rows grouped by table and printed as JSON. No model, no
 * normalisation: the cost of reading the catalogs and nothing else.
 *
 *   node bench/catalog-read.mjs <database url>  > model.json
 */
import pg from 'pg';

const skipped = ['pg_catalog', 'information_schema', 'pg_toast', 'auth', 'storage', 'extensions', 'realtime', 'graphql', 'graphql_public', 'vault', 'supabase_functions', 'supabase_migrations', 'net', 'cron', 'pgsodium', 'pgsodium_masks', 'pgbouncer', 'pgform'];
const nsFilter = `n.nspname <> ALL($1::text[]) AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast%'`;

const queries = {
  namespaces: `SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment, n.nspacl::text[] AS acl FROM pg_namespace n WHERE ${nsFilter}`,
  extensions: `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
  enums: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels, obj_description(t.oid, 'pg_type') AS comment
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid WHERE ${nsFilter} GROUP BY 1, 2, t.oid`,
  routines: `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, pg_get_functiondef(p.oid) AS definition,
                    obj_description(p.oid, 'pg_proc') AS comment, p.proacl::text[] AS acl
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE ${nsFilter} AND p.prokind IN ('f', 'p') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  relations: `SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                     obj_description(c.oid, 'pg_class') AS comment, c.relacl::text[] AS acl,
                     CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${nsFilter} AND c.relkind IN ('r', 'p', 'v', 'm')`,
  columns: `SELECT a.attrelid AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                   pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated, col_description(a.attrelid, a.attnum) AS comment
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE ${nsFilter} AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum`,
  constraints: `SELECT co.conrelid AS rel, co.conname AS name, co.contype AS type, pg_get_constraintdef(co.oid) AS definition, obj_description(co.oid, 'pg_constraint') AS comment
                FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE ${nsFilter} AND co.conrelid <> 0`,
  indexes: `SELECT i.indrelid AS rel, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, obj_description(i.indexrelid, 'pg_class') AS comment
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
            WHERE ${nsFilter} AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))`,
  triggers: `SELECT t.tgrelid AS rel, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled, obj_description(t.oid, 'pg_trigger') AS comment
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${nsFilter} AND NOT t.tgisinternal`,
  policies: `SELECT p.polrelid AS rel, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
                    ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) r) AS roles,
                    pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
             FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${nsFilter}`,
};

const url = process.argv[2];
if (!url) {
  console.error('usage: node bench/catalog-read.mjs <database url>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const rows = {};
  for (const [kind, sql] of Object.entries(queries)) rows[kind] = (await client.query(sql, kind === 'extensions' ? [] : [skipped])).rows;
  await client.query('ROLLBACK');

  const relations = new Map(rows.relations.map(({ oid, ...relation }) => [oid, { ...relation, columns: [], constraints: [], indexes: [], triggers: [], policies: [] }]));
  for (const kind of ['columns', 'constraints', 'indexes', 'triggers', 'policies']) {
    for (const { rel, ...row } of rows[kind]) relations.get(rel)?.[kind].push(row);
  }
  const model = { namespaces: rows.namespaces, extensions: rows.extensions, enums: rows.enums, routines: rows.routines, relations: [...relations.values()] };
  process.stdout.write(JSON.stringify(model));
} finally {
  await client.end();
}
