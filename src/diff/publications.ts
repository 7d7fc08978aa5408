import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { parseObjectId } from '../model/id.js';
import type { Publication, PublicationTable, Schema } from '../model/schema.js';

const emptyExternal = (name: string): Publication => ({ name, external: true, allTables: false, schemas: [], tables: {}, publish: [], viaRoot: false });

/**
 * Publications: the ones pgform manages are created, altered and dropped; a platform's
 * (`external`, Supabase's supabase_realtime) only gains and loses tables, and one side lacking
 * it means no table of the definitions belongs to it. Members in namespaces pgform does not
 * manage are never touched; a table being dropped leaves its publications by itself, and one
 * dropped and created again (`recreated`) joins its publications again.
 */
export function diffPublications(from: Schema, to: Schema, external: Set<string>, changes: Change[], recreated: Set<string> = new Set()): void {
  const dropped = new Set([...Object.keys(from.tables).filter((id) => !(id in to.tables)), ...recreated]);
  const names = [...new Set([...Object.keys(from.publications), ...Object.keys(to.publications)])].sort();
  for (const name of names) {
    const a = from.publications[name];
    const b = to.publications[name];
    if (a?.external || b?.external) {
      // A platform publication FOR ALL TABLES has every table already; none can be added or dropped.
      if (a?.allTables) continue;
      diffMembers(name, (a ?? emptyExternal(name)).tables, (b ?? emptyExternal(name)).tables, { external, dropped }, changes);
      continue;
    }
    if (!b) {
      changes.push({ kind: 'drop publication', publication: a! });
      continue;
    }
    if (!a || a.allTables !== b.allTables) {
      if (a) changes.push({ kind: 'drop publication', publication: a });
      changes.push({ kind: 'create publication', publication: b });
      if (b.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'publication', name }, to: b.comment });
      continue;
    }
    if (!sameValue(a.schemas, b.schemas) || !sameValue(a.publish, b.publish) || a.viaRoot !== b.viaRoot) changes.push({ kind: 'alter publication', from: a, to: b });
    diffMembers(name, a.tables, b.tables, { external, dropped }, changes);
    if ((a.comment ?? null) !== (b.comment ?? null)) {
      changes.push({ kind: 'set comment', target: { type: 'publication', name }, ...(a.comment !== undefined ? { from: a.comment } : {}), ...(b.comment !== undefined ? { to: b.comment } : {}) });
    }
  }
}

function diffMembers(
  publication: string,
  a: Record<string, PublicationTable>,
  b: Record<string, PublicationTable>,
  skip: { external: Set<string>; dropped: Set<string> },
  changes: Change[],
): void {
  const managed = (table: string) => !skip.external.has(parseObjectId(table).schema);
  for (const table of Object.keys(a).sort()) {
    if (!managed(table) || skip.dropped.has(table)) continue;
    const next = b[table];
    if (!next || !sameValue(a[table], next)) changes.push({ kind: 'drop publication table', publication, table, member: a[table]! });
  }
  for (const table of Object.keys(b).sort()) {
    if (!managed(table)) continue;
    const before = a[table];
    if (!before || !sameValue(before, b[table]) || skip.dropped.has(table)) changes.push({ kind: 'add publication table', publication, table, member: b[table]! });
  }
}
