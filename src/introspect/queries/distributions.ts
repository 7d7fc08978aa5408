import { citusCatalogPresentSql } from '../../engine/citus-catalog.js';
import { normalizeColocation } from '../../model/distribution.js';
import { objectId } from '../../model/id.js';
import type { Distribution } from '../../model/schema.js';
import { asJsonRows } from './fragments.js';

export const citusPresentSql = asJsonRows(citusCatalogPresentSql, 'x.present');

/**
 * Citus's metadata of the tables in the selected namespaces: the method (`h` hash-distributed,
 * `n` with replication model `t` a reference table), the distribution column by name, the
 * colocation group and the number of shards. Citus local tables and the old append and range
 * methods are not modelled and left out.
 */
export const distributionsSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS name, p.partmethod::text AS method, p.repmodel::text AS "replicationModel",
     CASE WHEN p.partmethod = 'h' THEN pg_catalog.column_to_column_name(p.logicalrelid, p.partkey)::text END AS "column",
     p.colocationid::int AS colocation,
     (SELECT count(*) FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid)::int AS shards
   FROM pg_catalog.pg_dist_partition p
   JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY ($1::text[]) AND (p.partmethod = 'h' OR (p.partmethod = 'n' AND p.repmodel = 't'))`,
  'x.schema, x.name',
);

export interface DistributionRow {
  schema: string;
  name: string;
  method: string;
  replicationModel: string;
  column: string | null;
  colocation: number;
  shards: number;
}

/** The rows as the model's distributions, each colocation group led by its first table. */
export function toDistributions(rows: DistributionRow[]): Record<string, Distribution> {
  const leaders = new Map<number, string>();
  const out: Record<string, Distribution> = {};
  for (const row of rows) {
    const id = objectId(row.schema, row.name);
    if (row.method !== 'h') {
      out[id] = { kind: 'reference', table: id };
      continue;
    }
    const leader = leaders.get(row.colocation);
    if (!leader) leaders.set(row.colocation, id);
    out[id] = { kind: 'distributed', table: id, column: row.column!, ...(leader ? { colocateWith: leader } : {}), shardCount: row.shards };
  }
  return normalizeColocation(out);
}
