import { objectId } from '../../model/id.js';
import type { Publication, PublicationTable, PublishedOperation } from '../../model/schema.js';
import { asJsonRows, columnNames, commentOf } from './fragments.js';

/**
 * Publications with their member tables in the selected namespaces. Column lists, row filters
 * (pg_publication_rel.prattrs, prqual) and `TABLES IN SCHEMA` (pg_publication_namespace) exist
 * from PostgreSQL 15; older servers have none of them.
 */
export function publicationsSql(serverVersion: number): string {
  const modern = serverVersion >= 150000;
  const columns = modern ? `CASE WHEN pr.prattrs IS NULL THEN NULL ELSE ${columnNames('pr.prrelid', 'pr.prattrs::int2[]')} END` : 'NULL';
  const where = modern ? 'pg_get_expr(pr.prqual, pr.prrelid)' : 'NULL';
  const schemas = modern
    ? `ARRAY(SELECT pn_n.nspname::text FROM pg_publication_namespace pn JOIN pg_namespace pn_n ON pn_n.oid = pn.pnnspid
         WHERE pn.pnpubid = p.oid ORDER BY 1)`
    : `'{}'::text[]`;
  return asJsonRows(
    `SELECT p.pubname::text AS name, p.puballtables AS "allTables",
       p.pubinsert AS insert, p.pubupdate AS update, p.pubdelete AS delete, p.pubtruncate AS truncate,
       p.pubviaroot AS "viaRoot",
       ${schemas} AS schemas,
       (SELECT coalesce(json_agg(json_build_object('schema', n.nspname::text, 'name', c.relname::text,
           'columns', ${columns}, 'where', ${where})), '[]')
         FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE pr.prpubid = p.oid AND n.nspname = ANY ($1::text[])) AS tables,
       ${commentOf('pg_publication', 'p.oid')} AS comment
     FROM pg_publication p`,
    'x.name',
  );
}

export interface PublicationRow {
  name: string;
  allTables: boolean;
  insert: boolean;
  update: boolean;
  delete: boolean;
  truncate: boolean;
  viaRoot: boolean;
  schemas: string[];
  tables: { schema: string; name: string; columns: string[] | null; where: string | null }[];
  comment: string | null;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function toPublication(row: PublicationRow, external: boolean): Publication {
  const operations: PublishedOperation[] = ['insert', 'update', 'delete', 'truncate'];
  const members = row.tables
    .map((t): [string, PublicationTable] => [
      objectId(t.schema, t.name),
      { ...(t.columns !== null ? { columns: t.columns } : {}), ...(t.where !== null ? { where: t.where } : {}) },
    ])
    .sort(([a], [b]) => byText(a, b));
  return {
    name: row.name,
    ...(external ? { external: true } : {}),
    allTables: row.allTables,
    schemas: [...row.schemas].sort(byText),
    tables: Object.fromEntries(members),
    publish: operations.filter((op) => row[op]),
    viaRoot: row.viaRoot,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
