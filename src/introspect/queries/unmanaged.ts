import { unmanagedKey } from '../../model/id.js';
import type { Dependency, Unmanaged } from '../../model/schema.js';
import { reportedKinds } from '../coverage.js';
import { literal } from '../../sql/quote.js';
import { firstUserOid, locate, type AddressBook, type EndValues } from './addresses.js';
import { asJsonRows } from './fragments.js';

/**
 * Objects of the kinds pgform does not model, one arm per kind of the coverage table, each
 * named by `pg_identify_object` and listed with what it depends on (so a plan dropping that
 * says so). Objects an extension owns are the extension's; internal parts of another object (the
 * cast a range type makes to its multirange) come and go with it.
 */
export function unmanagedSql(): string {
  const arms = reportedKinds().map((k) => `SELECT ${literal(k.kind)} AS kind, a.* FROM (${k.objects}) a(classid, objid, objsubid)`);
  return asJsonRows(
    `SELECT o.kind, io.type AS "catalogKind", io.schema::text AS schema, io.name::text AS name, io.identity,
       (SELECT json_agg(json_build_array(d.deptype = 'a', ${locate('d.refclassid', 'd.refobjid', 'd.refobjsubid')}))
        FROM pg_depend d
        WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype IN ('n', 'a') AND d.refobjid >= ${firstUserOid}
          AND d.refclassid <> 'pg_namespace'::regclass) AS "dependsOn"
     FROM (${arms.join('\n     UNION ALL ')}) o
     CROSS JOIN LATERAL pg_identify_object(o.classid, o.objid, o.objsubid) io
     WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.classid AND e.objid = o.objid AND e.deptype IN ('e', 'i'))`,
    'x.kind, x.identity',
  );
}

export interface UnmanagedRow {
  kind: string;
  /** What `pg_identify_object` calls the kind: the key other objects' edges use. */
  catalogKind: string;
  schema: string | null;
  name: string | null;
  identity: string;
  /** Its edges: whether automatic, then the located end it depends on (see addresses.ts). */
  dependsOn: [auto: boolean, on: EndValues][] | null;
}

export function toUnmanaged(row: UnmanagedRow, book: AddressBook): { key: string; object: Unmanaged; dependencies: Dependency[] } {
  const key = unmanagedKey(row.catalogKind, row.identity);
  const object: Unmanaged = { kind: row.kind, ...(row.schema !== null ? { schema: row.schema } : {}), name: row.name ?? row.identity, identity: row.identity };
  const dependencies: Dependency[] = [];
  for (const [auto, end] of row.dependsOn ?? []) {
    const on = book.resolve(end);
    if (on) dependencies.push({ from: { type: 'unmanaged', key }, on, ...(auto ? { auto: true } : {}) });
  }
  return { key, object, dependencies };
}
