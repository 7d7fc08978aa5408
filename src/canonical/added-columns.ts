import type { Column, Policy, Schema, Table } from '../model/schema.js';

/** A Printed pair is definitions as declared and as a server printed them. */
export interface PrintedPair {
  declared: Schema;
  printed: Schema;
}

/** JSON with source locations left out: a line inserted above an object moves it, nothing more. */
const text = (value: unknown) => JSON.stringify(value ?? null, (key, v: unknown) => (key === 'source' ? undefined : v));

/**
 * Whether two parts of models are the same but for source locations. Most parts of a large
 * schema are untouched by an edit, locations and all: plain JSON (several times faster than
 * JSON with a replacer) says so first.
 */
const sameText = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || text(a) === text(b);

/** What a server's printing of a column depends on, besides the objects it names. */
const printedAs = (column: Column) =>
  text({ type: column.type, default: column.default, collation: column.collation, identity: column.identity, storage: column.storage, compression: column.compression, statistics: column.statistics, options: column.options });

/**
 * The printed form of definitions that differ from ones printed before only by columns added to
 * plain tables, each declared like a column printed before in the same schema (same type,
 * default, collation): the printed forms are those of before, with each new column printed as
 * its twin was. Printing depends on the declared text and the objects it names, which are the
 * same ones. Undefined for any other change, or where an added column could show elsewhere (a
 * view, SQL-standard function body or policy naming its table may expand `*`; partitions and children inherit
 * columns): those are printed by a server.
 */
export function printedByAddedColumns(declared: Schema, previous: PrintedPair): Schema | undefined {
  const keys = new Set([...Object.keys(declared), ...Object.keys(previous.declared)] as (keyof Schema)[]);
  for (const key of keys) {
    if (key !== 'tables' && !sameText(declared[key], previous.declared[key])) return undefined;
  }
  const ids = Object.keys(declared.tables);
  if (text(ids.sort()) !== text(Object.keys(previous.declared.tables).sort())) return undefined;
  const changed = ids.filter((id) => !sameText(declared.tables[id], previous.declared.tables[id]));
  if (changed.length === 0) return previous.printed;
  // Only the changed tables are copied: the rest are shared with the previous printed form.
  const printed: Schema = { ...previous.printed, tables: { ...previous.printed.tables } };
  for (const id of changed) {
    const added = addedColumns(declared.tables[id]!, previous.declared.tables[id]!);
    const before = printed.tables[id];
    if (!added || !before || !standsAlone(declared, id)) return undefined;
    const target = structuredClone(before);
    printed.tables[id] = target;
    for (const column of added) {
      const twin = printedTwin(column, declared.tables[id]!.schema, previous);
      if (!twin) return undefined;
      target.columns.push({ ...twin, name: column.name, notNull: column.notNull });
    }
  }
  return printed;
}

/** The columns added to a table that changed in nothing else, or undefined. */
function addedColumns(now: Table, before: Table): Column[] | undefined {
  if (text({ ...now, columns: [] }) !== text({ ...before, columns: [] })) return undefined;
  const names = new Set(before.columns.map((column) => column.name));
  if (text(now.columns.filter((column) => names.has(column.name))) !== text(before.columns)) return undefined;
  const added = now.columns.filter((column) => !names.has(column.name));
  return added.every((column) => column.generated === undefined && column.identity === undefined) ? added : undefined;
}

/** A plain table that nothing else names in printed text, and that passes no columns on. */
export function standsAlone(schema: Schema, id: string): boolean {
  const table = schema.tables[id]!;
  if (table.partitionBy !== undefined || table.partitionOf || table.inherits?.length) return false;
  const others = Object.entries(schema.tables).filter(([other]) => other !== id);
  if (others.some(([, t]) => t.partitionOf?.parent === id || t.inherits?.includes(id))) return false;
  const named = new RegExp(`\\b${table.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  // Only these can read another table in text the server prints (a subquery, a view's query, a
  // SQL-standard function body); a quoted function body is kept as written, and a foreign key
  // names a table without reading its columns. Names and comments print nothing: a policy named
  // after its table ("Owners can read notes", as most are) does not tie the table.
  const policyText = (policies: Record<string, Policy>) => Object.values(policies).flatMap((policy) => [policy.using ?? '', policy.withCheck ?? '']);
  const printedText = [
    ...Object.values(schema.views).map((view) => view.definition),
    ...Object.values(schema.routines).flatMap((routine) => (routine.standardBody ? [routine.body] : [])),
    ...Object.values(schema.externalTables ?? {}).flatMap((external) => policyText(external.policies)),
    ...Object.values(schema.tables).flatMap((t) => policyText(t.policies)),
  ];
  return !printedText.some((part) => named.test(part));
}

/** The printed form of a column declared like `column` in a table of the same schema before. */
function printedTwin(column: Column, schema: string, previous: PrintedPair): Column | undefined {
  const wanted = printedAs(column);
  for (const [id, table] of Object.entries(previous.declared.tables)) {
    if (table.schema !== schema) continue;
    const twin = table.columns.find((candidate) => printedAs(candidate) === wanted);
    const printed = twin && previous.printed.tables[id]?.columns.find((candidate) => candidate.name === twin.name);
    if (printed) return printed;
  }
  return undefined;
}
