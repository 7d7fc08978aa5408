import { inTransaction, type Connection } from '../engine/connection.js';
import { diffSchemas } from '../diff/index.js';
import { introspectDependencies } from '../introspect/index.js';
import { retypesColumn, type Change } from '../model/change.js';
import type { Column, Schema } from '../model/schema.js';
import { planChanges } from '../plan/index.js';
import { splitPlan } from '../plan/runs.js';
import { applyPlan } from './apply.js';
import { expandedNowhere } from './column-edits.js';
import { checkRoutineBodies, locator, readPrinted } from './print-on-server.js';
import type { CanonicalOptions } from './stored-keys.js';

export type Dependencies = NonNullable<Schema['dependencies']>;

/**
 * Whether a database holding `held`, given `changes`, prints `local` as a new database does. Not
 * when the server rewrites objects it keeps around a change: a retyped column's default, checks and
 * indexes keep the old type's casts (text to varchar: `'a'::text` where a new table prints
 * `'a'::character varying`), as does what uses a type replaced. Not after a rename, which whatever
 * names the object follows where a new database would refuse the old name. And not when a column
 * is added to a table, or its columns move, while a view or SQL function may expand them (`*`, see
 * expandedNowhere): it took them as they were when it was created. (A dropped column's dependents
 * are dropped and created again from their text, as on any database.)
 */
export function printedAsNew(changes: Change[], held: Schema, local: Schema): boolean {
  if (changes.some(rewritesOthers)) return false;
  const widened = new Set(changes.flatMap((c) => (c.kind === 'add column' ? [c.table] : [])));
  for (const [id, table] of Object.entries(local.tables)) {
    const before = held.tables[id];
    if (before && !sameOrder(before.columns, table.columns)) widened.add(id);
  }
  if (widened.size === 0) return true;
  const alone = expandedNowhere(local);
  return [...widened].every((id) => local.tables[id] !== undefined && alone(id));
}

const rewritesOthers = (change: Change) =>
  change.kind === 'rename' ||
  change.kind === 'replace enum' ||
  change.kind === 'replace domain' ||
  change.kind === 'alter composite type' ||
  retypesColumn(change);

/** Whether the columns both lists hold come in the same order. */
function sameOrder(before: Column[], after: Column[]): boolean {
  const kept = new Set(after.map((column) => column.name));
  const was = before.map((column) => column.name).filter((name) => kept.has(name));
  const stays = new Set(was);
  const now = after.map((column) => column.name).filter((name) => stays.has(name));
  return was.every((name, i) => name === now[i]);
}

/** Whether a change only adds to what exists, disturbing nothing that could depend on it. */
const onlyAdds = (change: Change) => /^(create|add) /.test(change.kind) || change.kind === 'set comment' || change.kind === 'set grants';

/** What a printing database holds: the declared model applied to it, and its catalog's dependency edges when they were read. */
export interface HeldDefinitions {
  declared: Schema;
  dependencies?: Dependencies;
}

/** An edit that failed before it or in its first transaction: the database still holds the version it held. */
export class EditRolledBack extends Error {}

/**
 * The changes from the definitions a printing database holds to `local`, compared as written (no
 * printing is needed to see what a person edited).
 */
export function editBetween(held: Schema, local: Schema): Change[] {
  // Declared views carry no column list (the server derives it), so the differ cannot tell
  // whether CREATE OR REPLACE VIEW would keep the columns it must keep: on a printing database,
  // which holds no data, a changed view is dropped and created again, which is always right.
  return diffSchemas(held, local, { replaceViews: false });
}

/**
 * Applies to a printing database holding `held` the plan of `changes` from it to `local` (see
 * editBetween), and reads it back: the canonical form of `local`. The plan runs with the catalog's
 * dependencies (read here unless given), so what depends on a changed column is dropped and
 * created again as on any database. Throws EditRolledBack, holding the error, when the database
 * still holds `held` (the plan failed, or its first transaction); any other error leaves it
 * holding neither.
 */
export async function printedEdit(conn: Connection, held: HeldDefinitions, local: Schema, changes: Change[], options: CanonicalOptions): Promise<Schema> {
  const parts = await planned(conn, held, local, changes);
  const locate = locator(local);
  for (const [i, part] of parts.entries()) {
    try {
      await inTransaction(conn, async () => {
        await applyPlan(conn, part, locate);
        if (i === parts.length - 1) await checkRoutineBodies(conn, local, locate);
      });
    } catch (error) {
      // Parts committed before this one (new enum values) stay: the database holds neither version.
      if (i > 0) throw error;
      throw new EditRolledBack('the edit was rolled back', { cause: error });
    }
  }
  return readPrinted(conn, local, options);
}

/** The plan of an edit, in the parts it commits in; nothing is applied yet, so a failure here leaves the database as it was. */
async function planned(conn: Connection, held: HeldDefinitions, local: Schema, changes: Change[]) {
  try {
    const dependencies = held.dependencies ?? (changes.every(onlyAdds) ? undefined : ((await introspectDependencies(conn)) ?? []));
    const from: Schema = { ...held.declared, ...(dependencies ? { dependencies } : {}) };
    return splitPlan(planChanges(changes, { from, to: local }, { online: false }));
  } catch (error) {
    throw new EditRolledBack('the edit was not planned', { cause: error });
  }
}
