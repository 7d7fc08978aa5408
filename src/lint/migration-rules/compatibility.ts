import type { MigrationRule } from './rule.js';
import { actionsOf, onExisting } from './rule.js';

/** squawk ban-drop-column: the release still running reads the column until it is replaced. */
export const dropColumn: MigrationRule = {
  id: 'drop_column',
  level: 'WARN',
  category: 'SAFETY',
  description: 'DROP COLUMN breaks the application release still running during a deploy, which reads the column. Stop reading it in one release, drop it in the next.',
  check: onExisting('drop column', () => true, (action) => `column ${action.table}.${action.column} is dropped: the running release may still read it`),
};

/** squawk renaming-column. */
export const renameColumn: MigrationRule = {
  id: 'rename_column',
  level: 'WARN',
  category: 'SAFETY',
  description: 'RENAME COLUMN breaks the application release still running, which uses the old name. Add the new column, write both, then drop the old one.',
  check: onExisting('rename column', () => true, (action) => `column ${action.table}.${action.column} is renamed to ${action.to}: the running release still uses the old name`),
};

/** squawk renaming-table. */
export const renameTable: MigrationRule = {
  id: 'rename_table',
  level: 'WARN',
  category: 'SAFETY',
  description: 'RENAME TO breaks the application release still running, which uses the old table name. Rename, and leave a view with the old name for one release.',
  check: (migration) => {
    // A table renamed out of the way of a new one of its name (its rows copied over) keeps the name the release uses.
    const created = new Set(actionsOf(migration, 'create table').map(({ action }) => action.table));
    return onExisting('rename table', (action) => !created.has(action.table), (action) => `table ${action.table} is renamed to ${action.to}: the running release still uses the old name`)(migration);
  },
};
