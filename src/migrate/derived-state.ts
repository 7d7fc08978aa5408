import { standsAlone } from '../canonical/added-columns.js';
import type { Change } from '../model/change.js';
import type { Column, Schema, Table } from '../model/schema.js';

/**
 * The state a migration leaves, read off the state before it with no database, for migrations
 * whose statements cannot fail and change nothing in the catalogs but what the model says
 * they change:
 *
 * - columns added to a plain table of `before` that nothing else names in printed text and that
 *   passes no columns on (see standsAlone), so no view, policy, function body, partition or
 *   child shows them; each nullable, with no default, identity, generated value or collation, of
 *   a built-in type (printed unqualified, since catalogs are read with an empty search_path):
 *   `ADD COLUMN name type` succeeds on any rows and records no dependency a plan reads (built-in
 *   types are pinned). Appended after the table's other columns, as introspection reads them;
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
  for (const change of changes) {
    if (change.kind === 'set comment') {
      comments.push(change);
      continue;
    }
    if (change.kind !== 'add column' || (check && !plainColumn(change.column))) return undefined;
    const target = table(change.table);
    if (!target || (check && !standsAlone(before, change.table)) || target.columns.some((column) => column.name === change.column.name)) return undefined;
    tables[change.table] = { ...target, columns: [...target.columns, { name: change.column.name, type: change.column.type, notNull: false }] };
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

/** A column whose ADD COLUMN is the name and a built-in type alone (comments and privileges are changes of their own). */
function plainColumn(column: Column): boolean {
  const extras = column.default ?? column.identity ?? column.identityOptions ?? column.generated ?? column.collation ?? column.renamedFrom ?? column.conversion;
  return !column.notNull && extras === undefined && !column.inherited && !column.grants?.length && !/[."]/.test(column.type);
}

/** The object with its comment set, or gone when there is none (as introspection leaves it out). */
function withComment<T extends { comment?: string }>(object: T, comment: string | undefined): T {
  const { comment: _old, ...rest } = object;
  return (comment === undefined ? rest : { ...rest, comment }) as T;
}
