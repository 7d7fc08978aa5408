import { namedElsewhere, qualifiesNothing, standingAlone } from '../canonical/column-edits.js';
import type { Change } from '../model/change.js';
import type { Column, Schema, Table } from '../model/schema.js';

/**
 * The state a migration leaves, read off the state before it with no database, for migrations
 * whose statements cannot fail and change nothing in the catalogs but what the model says
 * they change:
 *
 * - columns added to a plain table of `before` that nothing else names in printed text and that
 *   passes no columns on (see standingAlone), so no view, policy, function body, partition or
 *   child shows them; each plain (see plainColumn): `ADD COLUMN` succeeds on any rows and
 *   records no dependency a plan reads. Appended after the table's other columns, as
 *   introspection reads them;
 * - such columns dropped from such tables, when nothing names them: no index, constraint,
 *   trigger, policy, view, routine or catalog dependency (see namedElsewhere), so `DROP COLUMN`
 *   succeeds and takes nothing else with it;
 * - comments set on or removed from tables and their columns (only pg_description changes);
 * - and no event trigger could run more statements on the way.
 *
 * Undefined for any other migration: that one is applied to a shadow database and read back.
 */
export function derivedState(before: Schema, changes: Change[]): Schema | undefined {
  return derived(before, changes, true);
}

/**
 * The state a derivation stored earlier leads to (see storeDerivedState): its changes passed
 * derivedState's checks against this same state when stored, so they are only applied again,
 * not checked again (each check reads every view, policy and standard function body).
 */
export function storedDerivation(before: Schema, changes: Change[]): Schema | undefined {
  return derived(before, changes, false);
}

function derived(before: Schema, changes: Change[], check: boolean): Schema | undefined {
  if (changes.length === 0) return undefined;
  if (check && Object.values(before.unmanaged ?? {}).some((object) => object.kind === 'event trigger')) return undefined;
  const tables = { ...before.tables };
  const table = (id: string): Table | undefined => (Object.hasOwn(tables, id) ? tables[id] : undefined);
  const comments: Extract<Change, { kind: 'set comment' }>[] = [];
  // Gathered once, for every column the changes add or drop.
  let alone: ((id: string) => boolean) | undefined;
  const standsAlone = (id: string) => (alone ??= standingAlone(before))(id);
  for (const change of changes) {
    if (change.kind === 'set comment') {
      comments.push(change);
      continue;
    }
    if (change.kind === 'drop column') {
      const target = table(change.table);
      const column = target?.columns.find((c) => c.name === change.column.name);
      if (!target || !column || change.only || (check && !droppable(before, change.table, column, standsAlone))) return undefined;
      tables[change.table] = { ...target, columns: target.columns.filter((c) => c !== column) };
      continue;
    }
    if (change.kind !== 'add column' || (check && !addedSafely(change.column))) return undefined;
    const target = table(change.table);
    if (!target || (check && !(standsAlone(change.table) && !rowTypeInUse(before, change.table))) || target.columns.some((column) => column.name === change.column.name)) return undefined;
    const { name, type, notNull, default: value } = change.column;
    tables[change.table] = { ...target, columns: [...target.columns, { name, type, notNull, ...(value !== undefined ? { default: value } : {}) }] };
  }
  // After the columns: a comment may be on one just added.
  for (const { target, to } of comments) {
    if (target.type === 'table') {
      const commented = table(target.id);
      if (!commented) return undefined;
      tables[target.id] = withComment(commented, to);
    } else if (target.type === 'column') {
      const commented = table(target.relation);
      if (!commented?.columns.some((column) => column.name === target.column)) return undefined;
      tables[target.relation] = { ...commented, columns: commented.columns.map((column) => (column.name === target.column ? withComment(column, to) : column)) };
    } else return undefined;
  }
  return { ...before, tables };
}

/**
 * A column whose ADD COLUMN is its name, a built-in type and at most a default of built-in
 * functions and constants (comments and privileges are changes of their own), NOT NULL only with
 * a default. Built-in objects are printed unqualified (catalogs are read with an empty
 * search_path) and pinned, so nothing else in the catalogs records them.
 */
function plainColumn(column: Column): boolean {
  const extras = column.identity ?? column.identityOptions ?? column.generated ?? column.collation ?? column.renamedFrom ?? column.conversion;
  const filled = column.default === undefined ? !column.notNull : qualifiesNothing(column.default);
  return extras === undefined && filled && qualifiesNothing(column.type) && !column.inherited && !column.grants?.length;
}

/**
 * Defaults that ADD COLUMN evaluates at once without fail, by the column's type. ADD COLUMN
 * evaluates a default that is not volatile even on an empty table, where CREATE TABLE (the
 * print) evaluates none: a string too long for varchar(3), a number out of numeric(3,2)'s range,
 * a setting no session has, fail there. These cannot: a boolean constant, a whole number within
 * a whole-number type, any string as text, the clock as a timestamp or date, an empty JSON value.
 */
const safeDefaults: Record<string, RegExp> = {
  boolean: /^(true|false)$/,
  smallint: /^-?\d{1,4}$/,
  integer: /^-?\d{1,9}$/,
  bigint: /^-?\d{1,18}$/,
  text: /^'(?:[^']|'')*'::text$/,
  'timestamp with time zone': /^(now\(\)|CURRENT_TIMESTAMP)$/,
  'timestamp without time zone': /^(now\(\)|CURRENT_TIMESTAMP)$/,
  date: /^CURRENT_DATE$/,
  jsonb: /^'(\{\}|\[\])'::jsonb$/,
};

/** A plain column (see plainColumn) whose ADD COLUMN cannot fail: nullable with no default, or a default among safeDefaults. */
function addedSafely(column: Column): boolean {
  if (!plainColumn(column)) return false;
  return column.default === undefined || safeDefaults[column.type]?.test(column.default) === true;
}

/**
 * Whether another table has a column of this table's row type: then ADD COLUMN with a default
 * is refused (the stored rows of that type cannot be rewritten).
 */
function rowTypeInUse(schema: Schema, id: string): boolean {
  return Object.values(schema.tables).some((table) => table.columns.some((column) => column.type.replace(/(\[\])+$/, '') === id));
}

/** Whether dropping a column of `before` changes nothing but that column: a plain one that nothing names, of a table that passes no columns on. */
function droppable(before: Schema, table: string, column: Column, standsAlone: (id: string) => boolean): boolean {
  return plainColumn(column) && standsAlone(table) && !namedElsewhere([column.name], before, table);
}

/** The object with its comment set, or gone when there is none (as introspection leaves it out). */
function withComment<T extends { comment?: string }>(object: T, comment: string | undefined): T {
  const { comment: _old, ...rest } = object;
  return (comment === undefined ? rest : { ...rest, comment }) as T;
}
