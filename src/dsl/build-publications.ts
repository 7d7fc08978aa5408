import { objectId } from '../model/id.js';
import { realtimePublication, type Publication, type PublicationTable, type PublishedOperation, type Schema } from '../model/schema.js';
import { at, invalid, targetIdOf } from './build.js';
import { checkName } from './names.js';
import type { PublicationDef } from './publication.js';
import type { TableDef } from './table.js';

const operations: PublishedOperation[] = ['insert', 'update', 'delete', 'truncate'];
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Publications from `publication()` definitions and from tables' `realtime` and `publications`
 * options. `supabase_realtime` is the platform's: it is referenced (external), never declared.
 */
export function buildPublications(schema: Schema, defs: PublicationDef[], tables: TableDef[], options: { external: Set<string>; file?: string }): void {
  const requireTable = (id: string, where: ReturnType<typeof at>) => {
    const namespace = id.slice(0, id.indexOf('.'));
    if (!schema.tables[id] && !options.external.has(namespace)) invalid(`publishes table ${id}, which is not declared`, where);
  };
  for (const def of defs) {
    const where = at(def.source, def.name, 'name', options.file);
    checkName(def.name, where);
    if (def.name === realtimePublication) invalid(`publication "${def.name}" belongs to the Supabase platform`, where, 'tables join it with realtime: true');
    if (schema.publications[def.name]) invalid(`publication "${def.name}" is declared twice`, where);
    const allTables = def.options.allTables ?? false;
    if (allTables && (def.tables.length > 0 || (def.options.schemas ?? []).length > 0)) invalid('allTables cannot be combined with tables or schemas', { ...where, field: 'allTables' });
    for (const namespace of def.options.schemas ?? []) {
      if (!schema.namespaces[namespace] && !options.external.has(namespace)) invalid(`schema "${namespace}" is not declared`, { ...where, field: 'schemas' });
    }
    const members: Record<string, PublicationTable> = {};
    for (const member of def.tables) {
      const field = { ...where, field: 'tables' };
      const id = targetIdOf(member.table, field);
      requireTable(id, field);
      if (members[id]) invalid(`table ${id} is listed twice`, field);
      for (const column of member.columns ?? []) {
        if (schema.tables[id] && !schema.tables[id]!.columns.some((c) => c.name === column)) invalid(`column "${column}" does not exist in ${id}`, field);
      }
      // The server keeps a column list in the table's column order.
      const order = schema.tables[id]?.columns.map((c) => c.name) ?? [];
      const columns = member.columns ? [...member.columns].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : undefined;
      members[id] = { ...(columns ? { columns } : {}), ...(member.where !== undefined ? { where: member.where } : {}) };
    }
    const publish = def.options.publish ?? operations;
    schema.publications[def.name] = {
      name: def.name,
      allTables,
      schemas: [...(def.options.schemas ?? [])].sort(byText),
      tables: members,
      publish: operations.filter((op) => publish.includes(op)),
      viaRoot: def.options.viaRoot ?? false,
      ...(def.options.description !== undefined ? { comment: def.options.description } : {}),
      ...(def.source ? { source: def.source } : {}),
    };
  }
  for (const def of tables) {
    const id = objectId(def.schema, def.name);
    for (const name of def.publications) {
      const where = at(def.source, id, name === realtimePublication ? 'realtime' : 'publications', options.file);
      if (name === realtimePublication) schema.publications[name] ??= platformPublication(name);
      const target = schema.publications[name];
      if (!target) invalid(`publication "${name}" is not declared`, where, `declare it with publication('${name}')`);
      if (target.allTables) invalid(`publication "${name}" publishes all tables already`, where);
      if (target.tables[id]) invalid(`table ${id} is listed in publication "${name}" twice`, where);
      target.tables[id] = {};
    }
  }
  for (const target of Object.values(schema.publications)) {
    target.tables = Object.fromEntries(Object.entries(target.tables).sort(([a], [b]) => byText(a, b)));
  }
  schema.publications = Object.fromEntries(Object.entries(schema.publications).sort(([a], [b]) => byText(a, b)));
}

/** The platform's publication as the preset creates it: empty, every operation. */
function platformPublication(name: string): Publication {
  return { name, external: true, allTables: false, schemas: [], tables: {}, publish: [...operations], viaRoot: false };
}
