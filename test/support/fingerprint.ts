import type { Connection } from '../../src/engine/connection.js';

/**
 * A catalog fingerprint: what a database holds, read straight from the catalogs with the server's
 * own printers (pg_get_*def), never through pgform's model. The diff-case runner compares two
 * databases with it, so a property pgform does not hold (and would silently lose) still shows as
 * a difference. Lines are `kind key: detail`, sorted; kinds are listed in `fingerprintKinds`.
 *
 * Column order is left out (pgform cannot move columns, and PostgreSQL appends added ones), and so
 * are the names PostgreSQL makes up for identity sequences and NOT NULL constraints: a sequence
 * is described under its column. Objects that belong to an extension are left to the extension.
 */
const userNamespace = (column: string) =>
  `${column} NOT IN ('pg_catalog', 'information_schema', 'pgform') AND ${column} NOT LIKE 'pg\\_toast%' AND ${column} NOT LIKE 'pg\\_temp\\_%'`;

const notExtensionMember = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '${catalog}'::regclass AND xd.objid = ${oid} AND xd.deptype = 'e')`;

/**
 * A sorted ACL as text, so the order grants were given in does not matter. A NULL ACL means the
 * defaults for the object's kind and owner, which is also what granting and revoking again leaves
 * written out: both read the same.
 */
const acl = (column: string, kind?: string, owner?: string) =>
  `(SELECT array_agg(a::text ORDER BY a::text) FROM unnest(${kind ? `coalesce(${column}, acldefault(${kind}, ${owner}))` : column}) a)`;

const comment = (catalog: string, oid: string, sub = '0') =>
  `(SELECT description FROM pg_description d WHERE d.classoid = '${catalog}'::regclass AND d.objoid = ${oid} AND d.objsubid = ${sub})`;

/** The identity sequence of a column or the sequence a serial column owns, described by its options. */
const sequenceOptions = (seq: string) =>
  `(SELECT jsonb_build_object('type', format_type(s.seqtypid, NULL), 'start', s.seqstart::text, 'increment', s.seqincrement::text, 'min', s.seqmin::text, 'max', s.seqmax::text, 'cache', s.seqcache::text, 'cycle', s.seqcycle) FROM pg_sequence s WHERE s.seqrelid = ${seq})`;

interface KindQuery {
  kind: string;
  sql: string;
}

const queries: KindQuery[] = [
  {
    kind: 'schema',
    sql: `SELECT n.nspname AS key, jsonb_build_object('owner', pg_get_userbyid(n.nspowner), 'acl', ${acl('n.nspacl', "'n'", 'n.nspowner')}, 'comment', ${comment('pg_namespace', 'n.oid')}) AS detail
          FROM pg_namespace n WHERE ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
  },
  {
    kind: 'extension',
    sql: `SELECT x.extname AS key, jsonb_build_object('version', x.extversion, 'schema', n.nspname, 'comment', ${comment('pg_extension', 'x.oid')}) AS detail
          FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'`,
  },
  {
    kind: 'relation',
    sql: `SELECT n.nspname || '.' || c.relname AS key, jsonb_build_object(
            'kind', c.relkind, 'owner', pg_get_userbyid(c.relowner), 'persistence', c.relpersistence,
            'options', (SELECT array_agg(o ORDER BY o) FROM unnest(c.reloptions) o),
            'replicaIdentity', c.relreplident::text, 'rls', c.relrowsecurity, 'forceRls', c.relforcerowsecurity,
            'partitionBound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
            'partitionKey', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
            'inherits', (SELECT array_agg(pn.nspname || '.' || p.relname ORDER BY i.inhseqno) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid),
            'view', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
            'sequence', CASE WHEN c.relkind = 'S' THEN ${sequenceOptions('c.oid')} END,
            'ownedBy', (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                        WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'),
            'foreignServer', (SELECT s.srvname FROM pg_foreign_table f JOIN pg_foreign_server s ON s.oid = f.ftserver WHERE f.ftrelid = c.oid),
            'acl', ${acl('c.relacl', `(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::"char"`, 'c.relowner')}, 'comment', ${comment('pg_class', 'c.oid')}) AS detail
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')`,
  },
  {
    kind: 'column',
    sql: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key, jsonb_build_object(
            'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull,
            'default', pg_get_expr(ad.adbin, ad.adrelid), 'identity', a.attidentity, 'generated', a.attgenerated,
            'identitySequence', CASE WHEN a.attidentity <> '' THEN ${sequenceOptions('pg_get_serial_sequence(quote_ident(n.nspname) || \'.\' || quote_ident(c.relname), a.attname)::regclass')} END,
            'collation', CASE WHEN a.attcollation <> t.typcollation THEN (SELECT cn.nspname || '.' || co.collname FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
            'storage', CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END,
            'compression', CASE WHEN a.attcompression IN ('p', 'l') THEN a.attcompression END,
            'statistics', CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END,
            'local', a.attislocal, 'inherited', a.attinhcount,
            'options', (SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\\_attver=%'),
            'acl', ${acl('a.attacl')}, 'comment', ${comment('pg_class', 'c.oid', 'a.attnum')}) AS detail
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
          LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
            AND ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
            AND NOT EXISTS (SELECT 1 FROM pg_type ct JOIN pg_depend e ON e.classid = 'pg_type'::regclass AND e.objid = ct.oid AND e.deptype = 'e' WHERE ct.typrelid = c.oid)`,
  },
  {
    kind: 'constraint',
    // NOT NULL constraints (catalogued from PostgreSQL 18) are the columns' notNull. connoinherit
    // counts for a CHECK alone: PostgreSQL inherits no other kind through INHERITS, and reads the flag
    // of none other (a partition's key or foreign key added on its own and then taken over by the
    // parent's keeps true, one the parent's statement made has false: the same constraint).
    sql: `SELECT coalesce(n.nspname || '.' || c.relname, tn.nspname || '.' || ty.typname) || ' ' || k.conname AS key, jsonb_build_object(
            'definition', pg_get_constraintdef(k.oid), 'validated', k.convalidated, 'local', k.conislocal, 'inherited', k.coninhcount,
            'noInherit', k.contype = 'c' AND k.connoinherit, 'deferrable', k.condeferrable, 'deferred', k.condeferred,
            'index', (SELECT i.relname FROM pg_class i WHERE i.oid = k.conindid AND k.contype IN ('p', 'u', 'x')),
            'comment', ${comment('pg_constraint', 'k.oid')}) AS detail
          FROM pg_constraint k
          LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_type ty ON ty.oid = k.contypid LEFT JOIN pg_namespace tn ON tn.oid = ty.typnamespace
          WHERE k.contype <> 'n' AND ${userNamespace('coalesce(n.nspname, tn.nspname)')}
            AND ${notExtensionMember('pg_class', 'coalesce(c.oid, 0)')} AND ${notExtensionMember('pg_type', 'coalesce(ty.oid, 0)')}`,
  },
  {
    kind: 'index',
    sql: `SELECT n.nspname || '.' || i.relname AS key, jsonb_build_object(
            'definition', pg_get_indexdef(x.indexrelid), 'valid', x.indisvalid, 'replicaIdentity', x.indisreplident, 'clustered', x.indisclustered,
            'parent', (SELECT pn.nspname || '.' || p.relname FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE h.inhrelid = i.oid),
            'comment', ${comment('pg_class', 'i.oid')}) AS detail
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = i.relnamespace
          WHERE ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_class', 't.oid')}`,
  },
  {
    kind: 'trigger',
    sql: `SELECT n.nspname || '.' || c.relname || ' ' || g.tgname AS key, jsonb_build_object(
            'definition', pg_get_triggerdef(g.oid), 'enabled', g.tgenabled, 'comment', ${comment('pg_trigger', 'g.oid')}) AS detail
          FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT g.tgisinternal AND ${userNamespace('n.nspname')}`,
  },
  {
    kind: 'policy',
    sql: `SELECT n.nspname || '.' || c.relname || ' ' || p.polname AS key, jsonb_build_object(
            'command', p.polcmd, 'permissive', p.polpermissive,
            'roles', (SELECT array_agg(x.role ORDER BY x.role) FROM (SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END AS role FROM unnest(p.polroles) r) x),
            'using', pg_get_expr(p.polqual, p.polrelid), 'withCheck', pg_get_expr(p.polwithcheck, p.polrelid),
            'comment', ${comment('pg_policy', 'p.oid')}) AS detail
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE ${userNamespace('n.nspname')}`,
  },
  {
    kind: 'routine',
    sql: `SELECT p.oid::regprocedure::text AS key, jsonb_build_object(
            'definition', CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) ELSE pg_get_function_arguments(p.oid) END,
            'kind', p.prokind, 'owner', pg_get_userbyid(p.proowner), 'acl', ${acl('p.proacl', "'f'", 'p.proowner')}, 'comment', ${comment('pg_proc', 'p.oid')},
            'parallel', CASE WHEN p.prokind = 'a' THEN p.proparallel END,
            'aggregate', (SELECT to_jsonb(g) - 'aggfnoid' || jsonb_build_object('aggtransfn', g.aggtransfn::regprocedure::text, 'aggfinalfn', g.aggfinalfn::regprocedure::text,
                'aggcombinefn', g.aggcombinefn::regprocedure::text, 'aggserialfn', g.aggserialfn::regprocedure::text, 'aggdeserialfn', g.aggdeserialfn::regprocedure::text,
                'aggmtransfn', g.aggmtransfn::regprocedure::text, 'aggminvtransfn', g.aggminvtransfn::regprocedure::text, 'aggmfinalfn', g.aggmfinalfn::regprocedure::text,
                'aggsortop', g.aggsortop::regoperator::text, 'aggtranstype', format_type(g.aggtranstype, NULL), 'aggmtranstype', format_type(g.aggmtranstype, NULL))
              FROM pg_aggregate g WHERE g.aggfnoid = p.oid)) AS detail
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
  },
  {
    kind: 'type',
    // Row types of relations are the relations; array types follow their element.
    sql: `SELECT n.nspname || '.' || t.typname AS key, jsonb_build_object(
            'type', t.typtype, 'base', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
            'notNull', t.typnotnull, 'default', t.typdefault,
            'collation', CASE WHEN t.typtype = 'd' AND t.typcollation <> (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype) THEN t.typcollation::regcollation::text END,
            'labels', (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
            'range', (SELECT jsonb_build_object('subtype', format_type(r.rngsubtype, NULL),
              'opclass', (SELECT oc.opcnamespace::regnamespace::text || '.' || oc.opcname FROM pg_opclass oc WHERE oc.oid = r.rngsubopc),
              'collation', CASE WHEN r.rngcollation <> 0 THEN r.rngcollation::regcollation::text END,
              'canonical', CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END,
              'subtypeDiff', CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END,
              'multirange', r.rngmultitypid::regtype::text) FROM pg_range r WHERE r.rngtypid = t.oid),
            'owner', pg_get_userbyid(t.typowner), 'acl', ${acl('t.typacl', "'T'", 't.typowner')}, 'comment', ${comment('pg_type', 't.oid')}) AS detail
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')} AND t.typtype <> 'm'
            AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
            AND NOT EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind <> 'c')`,
  },
  {
    kind: 'collation',
    sql: `SELECT n.nspname || '.' || c.collname AS key, to_jsonb(c) - 'oid' - 'collnamespace' - 'collowner' || jsonb_build_object('comment', ${comment('pg_collation', 'c.oid')}) AS detail
          FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
          WHERE ${userNamespace('n.nspname')} AND ${notExtensionMember('pg_collation', 'c.oid')}`,
  },
  {
    kind: 'publication',
    sql: `SELECT p.pubname AS key, to_jsonb(p) - 'oid' - 'pubowner' || jsonb_build_object(
            'tables', (SELECT array_agg(t.schemaname || '.' || t.tablename ORDER BY t.schemaname, t.tablename) FROM pg_publication_tables t WHERE t.pubname = p.pubname AND NOT p.puballtables),
            'relations', (SELECT array_agg(pg_get_expr(r.prqual, r.prrelid) || ' ' || r.prrelid::regclass::text || ' ' || coalesce(r.prattrs::text, '') ORDER BY r.prrelid::regclass::text) FROM pg_publication_rel r WHERE r.prpubid = p.oid),
            'schemas', (SELECT array_agg(s.pnnspid::regnamespace::text ORDER BY s.pnnspid::regnamespace::text) FROM pg_publication_namespace s WHERE s.pnpubid = p.oid)) AS detail
          FROM pg_publication p`,
  },
  {
    kind: 'default privileges',
    sql: `SELECT pg_get_userbyid(d.defaclrole) || ' ' || coalesce(d.defaclnamespace::regnamespace::text, '*') || ' ' || d.defaclobjtype::text AS key,
            jsonb_build_object('acl', ${acl('d.defaclacl')}) AS detail
          FROM pg_default_acl d`,
  },
  {
    kind: 'event trigger',
    sql: `SELECT e.evtname AS key, jsonb_build_object('event', e.evtevent, 'function', e.evtfoid::regprocedure::text, 'enabled', e.evtenabled, 'tags', e.evttags) AS detail
          FROM pg_event_trigger e WHERE ${notExtensionMember('pg_event_trigger', 'e.oid')}`,
  },
  {
    kind: 'rule',
    sql: `SELECT n.nspname || '.' || c.relname || ' ' || r.rulename AS key, jsonb_build_object('definition', pg_get_ruledef(r.oid), 'enabled', r.ev_enabled) AS detail
          FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE r.rulename <> '_RETURN' AND ${userNamespace('n.nspname')}`,
  },
  {
    kind: 'statistics',
    // The columns as a set: PostgreSQL keeps them in the table's column order, whatever order they
    // were named in, so a column re-added at the end reorders the printed list of the same object.
    sql: `SELECT n.nspname || '.' || s.stxname AS key,
                 jsonb_build_object('relation', s.stxrelid::regclass::text, 'kinds', s.stxkind::text,
                   'columns', (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a WHERE a.attrelid = s.stxrelid AND a.attnum = ANY (s.stxkeys)),
                   'expressions', pg_get_expr(s.stxexprs, s.stxrelid)) AS detail
          FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE ${userNamespace('n.nspname')}`,
  },
  {
    kind: 'foreign data',
    sql: `SELECT 'wrapper ' || w.fdwname AS key, jsonb_build_object('options', w.fdwoptions) AS detail FROM pg_foreign_data_wrapper w WHERE ${notExtensionMember('pg_foreign_data_wrapper', 'w.oid')}
          UNION ALL
          SELECT 'server ' || s.srvname, jsonb_build_object('options', s.srvoptions, 'wrapper', w.fdwname) FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw`,
  },
  {
    // Every other object with a schema that the kinds above do not describe, by identity only.
    kind: 'other',
    sql: `SELECT pg_describe_object(o.classid, o.objid, 0) AS key, jsonb_build_object('type', (pg_identify_object(o.classid, o.objid, 0)).type) AS detail
          FROM (SELECT 'pg_operator'::regclass AS classid, oid AS objid, oprnamespace AS ns FROM pg_operator
                UNION ALL SELECT 'pg_opclass'::regclass, oid, opcnamespace FROM pg_opclass
                UNION ALL SELECT 'pg_opfamily'::regclass, oid, opfnamespace FROM pg_opfamily
                UNION ALL SELECT 'pg_conversion'::regclass, oid, connamespace FROM pg_conversion
                UNION ALL SELECT 'pg_ts_config'::regclass, oid, cfgnamespace FROM pg_ts_config
                UNION ALL SELECT 'pg_ts_dict'::regclass, oid, dictnamespace FROM pg_ts_dict
                UNION ALL SELECT 'pg_ts_parser'::regclass, oid, prsnamespace FROM pg_ts_parser
                UNION ALL SELECT 'pg_ts_template'::regclass, oid, tmplnamespace FROM pg_ts_template) o
          JOIN pg_namespace n ON n.oid = o.ns
          WHERE ${userNamespace('n.nspname')} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.classid AND e.objid = o.objid AND e.deptype = 'e')
          UNION ALL
          SELECT pg_describe_object('pg_cast'::regclass, c.oid, 0), jsonb_build_object('function', c.castfunc::regprocedure::text, 'context', c.castcontext)
          -- The cast a range type makes to its multirange is an internal part of that type, described with it.
          FROM pg_cast c WHERE c.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_cast'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))`,
  },
];

/** The kinds a fingerprint line can have, for cases that name the kinds they expect to differ. */
export const fingerprintKinds = queries.map((q) => q.kind);

/** The name a fingerprint query is prepared under in a session. */
const preparedName = (index: number) => `pgform_fingerprint_${index}`;

/**
 * Prepares the fingerprint's queries in the session, once: a case database is read many times
 * (before and after each plan, and at every reset), and planning these catalog queries costs
 * more than running them (twice as much on PGlite). A prepared statement outlives the
 * transaction it was made in; one a case deallocated is prepared again. They are planned under
 * the empty search_path the fingerprint reads with.
 */
async function prepareQueries(conn: Connection): Promise<void> {
  const present = new Set((await conn.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'pgform\\_fingerprint\\_%'")).map((row) => row.name));
  for (const [index, { sql }] of queries.entries()) if (!present.has(preparedName(index))) await conn.exec(`PREPARE ${preparedName(index)} AS ${sql}`);
}

/** The fingerprint of a database: sorted `kind key: detail` lines. */
export async function fingerprint(conn: Connection): Promise<string[]> {
  const lines: string[] = [];
  await conn.exec("BEGIN; SET LOCAL search_path = ''");
  try {
    await prepareQueries(conn);
    for (const [index, { kind }] of queries.entries()) {
      let rows: { key: string; detail: unknown }[];
      try {
        rows = await conn.query<{ key: string; detail: unknown }>(`EXECUTE ${preparedName(index)}`);
      } catch (error) {
        throw new Error(`fingerprint query for ${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const row of rows) lines.push(`${kind} ${row.key}: ${typeof row.detail === 'string' ? row.detail : JSON.stringify(row.detail)}`);
    }
  } finally {
    await conn.exec('ROLLBACK');
  }
  return lines.sort();
}

/** The lines of the given kinds. */
export function linesOf(lines: string[], kinds: string[]): string[] {
  return lines.filter((line) => kinds.some((kind) => line.startsWith(`${kind} `)));
}

/** The lines of every kind but the given ones. */
export function linesExcept(lines: string[], kinds: string[]): string[] {
  return lines.filter((line) => !kinds.some((kind) => line.startsWith(`${kind} `)));
}
