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
 * Prints columns no column printed before is declared like, each of built-in types and defaults
 * alone (see printableAlone), in a database holding nothing else: their printed forms in order,
 * or undefined when that database refuses them.
 */
export type ColumnPrinter = (columns: Column[]) => Promise<Column[] | undefined>;

/**
 * The printed form of definitions that differ from ones printed before only in the columns of
 * plain tables: columns added, dropped, renamed, reordered or redeclared. Each new or redeclared
 * column is printed as its twin was, a column declared alike (same type, default, collation) and
 * printed before in the same schema; one with no twin, whose type and default name built-in
 * objects alone, by `printColumns`. The printed forms are otherwise those of before: printing
 * depends on the declared text and the objects it names, which are the same ones. Undefined for
 * any other change; where a column added could show elsewhere (a view, SQL-standard function
 * body or policy naming its table may expand `*`; partitions and children inherit columns); and
 * where a column dropped or printed differently is named anywhere else (an index, a check, a
 * function body: the server would print them anew, or refuse them). Those are printed by a server.
 */
export async function printedByColumnEdits(declared: Schema, previous: PrintedPair, printColumns?: ColumnPrinter): Promise<Schema | undefined> {
  const keys = new Set([...Object.keys(declared), ...Object.keys(previous.declared)] as (keyof Schema)[]);
  for (const key of keys) {
    if (key !== 'tables' && !sameText(declared[key], previous.declared[key])) return undefined;
  }
  const ids = Object.keys(declared.tables);
  if (text(ids.sort()) !== text(Object.keys(previous.declared.tables).sort())) return undefined;
  const changed = ids.filter((id) => !sameText(declared.tables[id], previous.declared.tables[id]));
  if (changed.length === 0) return previous.printed;
  const sources: Sources = { twins: new Map(), ownNames: once(() => namesGivenTypes(declared)), unprinted: { columns: [], byDeclaration: new Map() } };
  const { unprinted } = sources;
  const edited: [string, Table, Printing[]][] = [];
  const standsAlone = standingAlone(declared);
  for (const id of changed) {
    const before = previous.printed.tables[id];
    const columns = before && standsAlone(id) ? printedColumns(declared, id, previous, sources) : undefined;
    if (!before || !columns) return undefined;
    edited.push([id, before, columns]);
  }
  // Beyond a few dozen declarations (a column added to every table, say) printing them all is no dearer.
  if (unprinted.columns.length > mostPrintedAlone) return undefined;
  const printedAlone = unprinted.columns.length ? await printColumns?.(unprinted.columns) : [];
  if (printedAlone?.length !== unprinted.columns.length) return undefined;
  // Only the changed tables are replaced: the rest are shared with the previous printed form.
  const printed: Schema = { ...previous.printed, tables: { ...previous.printed.tables } };
  for (const [id, before, columns] of edited) {
    const resolved = columns.map((column) => ('alone' in column ? { ...printedAlone[column.alone]!, name: column.declared.name, notNull: column.declared.notNull } : column));
    printed.tables[id] = { ...before, columns: resolved };
  }
  return printed;
}

/** How many distinct column declarations are printed alone at most (see printedByColumnEdits). */
const mostPrintedAlone = 64;

/** A printed column, or a declared one whose printing is the `alone`-th of the columns printed alone. */
type Printing = Column | { alone: number; declared: Column };

/** The columns to print alone, one per declaration (see printedAs). */
interface Unprinted {
  columns: Column[];
  byDeclaration: Map<string, number>;
}

/**
 * What new and redeclared columns are printed from, for every changed table at once: the twins
 * found so far by schema and declaration (a declaration repeated is looked up once), the names the
 * definitions give routines and types (gathered when first needed), and the columns to print alone.
 */
interface Sources {
  twins: Map<string, Column | undefined>;
  ownNames: () => Set<string>;
  unprinted: Unprinted;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * The printed columns of a table whose columns alone changed since `previous`, in their declared
 * order: an unchanged column as printed before, any other as its twin was, or its place among
 * the columns to print alone (`unprinted`, added to) when it has none and can be printed alone. Undefined when another
 * part of the table changed, a new or redeclared column is generated or an identity, or a column
 * dropped or printed differently is named anywhere else.
 */
function printedColumns(declared: Schema, id: string, previous: PrintedPair, sources: Sources): Printing[] | undefined {
  const now = declared.tables[id]!;
  const before = previous.declared.tables[id]!;
  if (text({ ...now, columns: [] }) !== text({ ...before, columns: [] })) return undefined;
  const printedBefore = new Map(previous.printed.tables[id]!.columns.map((column) => [column.name, column]));
  const declaredBefore = new Map(before.columns.map((column) => [column.name, column]));
  const names = new Set(now.columns.map((column) => column.name));
  // Names whose printing others could depend on: dropped, or printed differently now.
  const gone = before.columns.filter((column) => !names.has(column.name)).map((column) => column.name);
  const columns: Printing[] = [];
  for (const column of now.columns) {
    const old = declaredBefore.get(column.name);
    const kept = old && sameText(column, old) ? printedBefore.get(column.name) : undefined;
    if (kept) {
      columns.push(kept);
      continue;
    }
    if (column.generated !== undefined || column.identity !== undefined) return undefined;
    if (old && printedAs(old) !== printedAs(column)) gone.push(column.name);
    const twin = twinOf(column, now.schema, previous, sources.twins);
    if (twin) columns.push({ ...twin, name: column.name, notNull: column.notNull });
    else if (printableAlone(column, sources.ownNames())) columns.push({ alone: printAlone(sources.unprinted, column), declared: column });
    else return undefined;
  }
  return gone.length && namedElsewhere(gone, declared, id) ? undefined : columns;
}

/** The place of a column's declaration among the columns to print alone, added when new. */
function printAlone(unprinted: Unprinted, column: Column): number {
  const key = printedAs(column);
  let place = unprinted.byDeclaration.get(key);
  if (place === undefined) unprinted.byDeclaration.set(key, (place = unprinted.columns.push(column) - 1));
  return place;
}

/**
 * Whether a column's printed form can be had from a database holding nothing but it: its type
 * and default name no object in a schema of the user's (catalogs are read with an empty
 * search_path, so those are schema-qualified; an unqualified name that only the definitions
 * create is refused there), nor any name the definitions give a routine or type (which could
 * come first on the search_path before a platform's own of that name), with no collation or
 * per-column setting. Built-in names resolve in pg_catalog first, in that database as in any other.
 */
function printableAlone(column: Column, ownNames: Set<string>): boolean {
  const settings = column.collation ?? column.storage ?? column.compression ?? column.statistics ?? column.options;
  const parts = [column.type, ...(column.default !== undefined ? [column.default] : [])];
  if (settings !== undefined || !parts.every(qualifiesNothing)) return false;
  return !parts.some((part) => part.match(/[\p{L}_][\p{L}\p{N}_$]*/gu)?.some((name) => ownNames.has(name.toLowerCase())));
}

/** The names the definitions give routines and types, in lower case (see printableAlone). */
function namesGivenTypes(declared: Schema): Set<string> {
  const kinds = [declared.routines, declared.enums, declared.domains, declared.composites ?? {}, declared.ranges ?? {}, declared.sequences];
  return new Set(kinds.flatMap((kind) => Object.values(kind).map((object) => object.name.toLowerCase())));
}

/**
 * Whether SQL text has no schema-qualified or quoted name in it: no dot after a name (a dot
 * after a digit is a number's), no double quote. Printed from catalogs read with an empty
 * search_path, every object outside pg_catalog is qualified, so such text names built-in objects
 * alone (a string holding a dot after a letter counts as a name: refused, never wrongly let by).
 */
export function qualifiesNothing(sql: string): boolean {
  return !/"|[\p{L}_][\p{L}\p{N}_$]*\s*\./u.test(sql);
}

/**
 * Whether any of a table's column names occurs anywhere that could name that column, besides the
 * columns of those names: the table's other columns (generated expressions), constraints,
 * indexes, triggers and policies; other tables' foreign keys and policies; views, routines,
 * publications, and a live model's catalog dependencies. Any occurrence counts, prose included:
 * only where nothing can name the column is it taken to stand alone.
 */
export function namedElsewhere(names: string[], schema: Schema, id: string): boolean {
  const pattern = naming(names);
  if (!pattern) return true;
  const table = schema.tables[id]!;
  const own = { ...table, columns: table.columns.filter((column) => !names.includes(column.name)) };
  const { tables, ...rest } = schema;
  const others = Object.entries(tables).flatMap(([other, t]) => (other === id ? [] : [t.constraints, t.policies]));
  return [own, rest, others].some((part) => pattern.test(JSON.stringify(part)));
}

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern finding any of the names as a whole word, in any case (SQL folds unquoted names to
 * lower case, and declared text is as written). Undefined for a name with characters a word
 * cannot hold (spaces, quotes: written doubled or escaped, it could not be found as it is), which
 * callers take as named.
 */
function naming(names: string[]): RegExp | undefined {
  if (!names.every((name) => /^[\p{L}\p{N}_$]+$/u.test(name))) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}_$])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_$])`, 'iu');
}

/**
 * Which tables are plain tables that nothing else names in printed text, and that pass no columns
 * on. The text and the tables passing columns on are gathered once, for every table asked about.
 */
export function standingAlone(schema: Schema): (id: string) => boolean {
  // Only these can read another table in text the server prints or checks (a subquery, a view's
  // query, a SQL-standard function body; a quoted SQL function body is checked as it is created,
  // where a column more breaks `select *` into a declared result, or a result of the table's row
  // type); another language's body is checked only when it runs, and a foreign key names a table
  // without reading its columns. Names and comments print nothing: a policy named after its table
  // ("Owners can read notes", as most are) does not tie it.
  const policyText = (policies: Record<string, Policy>) => Object.values(policies).flatMap((policy) => [policy.using ?? '', policy.withCheck ?? '']);
  return namedIn(schema, [
    ...Object.values(schema.views).map((view) => view.definition),
    ...sqlRoutineText(schema, (body) => body),
    ...Object.values(schema.externalTables ?? {}).flatMap((external) => policyText(external.policies)),
    ...Object.values(schema.tables).flatMap((t) => policyText(t.policies)),
  ]);
}

/**
 * Which tables take a column more, or their columns in another order, as nothing else sees: plain
 * tables that pass no columns on, named by no view query or SQL function that may expand columns
 * (`*`, which takes them as they are when it is created) or return the table's rows.
 */
export function expandedNowhere(schema: Schema): (id: string) => boolean {
  return namedIn(schema, [
    ...Object.values(schema.views)
      .map((view) => view.definition)
      .filter(expandsColumns),
    ...sqlRoutineText(schema, (body) => (expandsColumns(body) ? body : '')),
  ]);
}

/** The text of SQL routines that can read a table as they are created: standard bodies (`standard`), and a quoted body's result and expanding body. */
function sqlRoutineText(schema: Schema, standard: (body: string) => string): string[] {
  return Object.values(schema.routines).flatMap((routine) =>
    routine.standardBody ? [standard(routine.body)] : routine.language.toLowerCase() === 'sql' ? [routine.returns ?? '', ...(expandsColumns(routine.body) ? [routine.body] : [])] : [],
  );
}

/** A predicate: whether a table passes no columns on and its name is in none of `text`. */
function namedIn(schema: Schema, text: string[]): (id: string) => boolean {
  const passing = new Set(Object.values(schema.tables).flatMap((t) => [...(t.partitionOf ? [t.partitionOf.parent] : []), ...(t.inherits ?? [])]));
  return (id) => {
    const table = schema.tables[id]!;
    if (table.partitionBy !== undefined || table.partitionOf || table.inherits?.length || passing.has(id)) return false;
    const named = naming([table.name]);
    return named !== undefined && !text.some((part) => named.test(part));
  };
}

/** Whether SQL may expand a table's columns: a `*` other than count(*)'s (a product counts too). */
const expandsColumns = (sql: string) => sql.replace(/\(\s*\*\s*\)/g, '').includes('*');

/** The printed form of a column declared like `column` in a table of the same schema before, looked up once per declaration. */
function twinOf(column: Column, schema: string, previous: PrintedPair, found: Map<string, Column | undefined>): Column | undefined {
  const wanted = printedAs(column);
  const key = `${schema}\u0000${wanted}`;
  if (!found.has(key)) found.set(key, printedTwin(wanted, schema, previous));
  return found.get(key);
}

/** The first column of the previous print declared as `wanted`, in a table of `schema`; the scan stops at it. */
function printedTwin(wanted: string, schema: string, previous: PrintedPair): Column | undefined {
  for (const [id, table] of Object.entries(previous.declared.tables)) {
    if (table.schema !== schema) continue;
    const twin = table.columns.find((candidate) => printedAs(candidate) === wanted);
    const printed = twin && previous.printed.tables[id]?.columns.find((candidate) => candidate.name === twin.name);
    if (printed) return printed;
  }
  return undefined;
}
