import type { MigrationRule } from './rule.js';
import { actionsOf, existing, onExisting, statementHit } from './rule.js';

/** squawk require-concurrent-index-creation: CREATE INDEX blocks every write to the table while it builds. */
export const requireConcurrentIndex: MigrationRule = {
  id: 'require_concurrent_index',
  level: 'WARN',
  category: 'SAFETY',
  description: 'CREATE INDEX without CONCURRENTLY on a table that already exists blocks its writes for the whole build. Use CREATE INDEX CONCURRENTLY (outside a transaction).',
  check: onExisting('create index', (action) => !action.online, (action) => `index on existing table ${action.table} is built without CONCURRENTLY: writes block until it finishes`),
};

/** squawk constraint-missing-not-valid: adding a check or foreign key scans the table under lock. */
export const constraintMissingNotValid: MigrationRule = {
  id: 'constraint_missing_not_valid',
  level: 'WARN',
  category: 'SAFETY',
  description: 'A CHECK or FOREIGN KEY added to an existing table without NOT VALID scans every row while holding a lock that blocks writes. Add it NOT VALID, then VALIDATE CONSTRAINT in a later statement.',
  check: onExisting(
    'add constraint',
    (action, statement) => (action.constraint === 'check' || action.constraint === 'foreign key') && !action.notValid && !statement.sql.match(/^\s*create\b/i),
    (action) => `${action.constraint} ${action.name ?? ''} added to existing table ${action.table} without NOT VALID: every row is checked under lock`.replace('  ', ' '),
  ),
};

/** Whether the file added and validated a `col IS NOT NULL` check before: PostgreSQL then skips the scan. */
function provenNotNull(migration: Parameters<MigrationRule['check']>[0], line: number, table: string, column: string): boolean {
  const checks = actionsOf(migration, 'add constraint').filter(({ statement, action }) => statement.line < line && action.table === table && action.constraint === 'check' && new RegExp(`\\b"?${column}"?\\s+is\\s+not\\s+null\\b`, 'i').test(action.text));
  const validated = new Set(actionsOf(migration, 'validate constraint').filter(({ statement }) => statement.line < line).map(({ action }) => action.name));
  return checks.some(({ action }) => !action.notValid || (action.name !== undefined && validated.has(action.name)));
}

/** squawk adding-not-nullable-field: SET NOT NULL scans the whole table under an exclusive lock. */
export const setNotNullScan: MigrationRule = {
  id: 'set_not_null_scan',
  level: 'WARN',
  category: 'SAFETY',
  description: 'ALTER COLUMN SET NOT NULL on an existing table scans every row under ACCESS EXCLUSIVE. Add CHECK (col IS NOT NULL) NOT VALID, validate it, then SET NOT NULL: PostgreSQL 12+ skips the scan.',
  check: (migration) =>
    actionsOf(migration, 'set not null')
      .filter(({ statement, action }) => existing(statement, action.table) && !provenNotNull(migration, statement.line, action.table, action.column))
      .map(({ statement, action }) => statementHit(migration, statement, `SET NOT NULL on ${action.table}.${action.column} scans the table under an exclusive lock`)),
};

/** Types a column can change to without rewriting, from the types it usually comes from (varchar, numeric). */
const widening = /^(text|character varying|varchar|numeric|citext)$/;

/** squawk changing-column-type: most type changes rewrite the table and its indexes under ACCESS EXCLUSIVE. */
export const changingColumnType: MigrationRule = {
  id: 'changing_column_type',
  level: 'WARN',
  category: 'SAFETY',
  description: "ALTER COLUMN TYPE on an existing table rewrites the table and every index on it under ACCESS EXCLUSIVE, unless the old type converts without work (varchar to text, a wider varchar). Add a new column and backfill instead.",
  check: onExisting('alter column type', (action) => !widening.test(action.type), (action) => `type change of ${action.table}.${action.column} to ${action.type} rewrites the table under an exclusive lock`),
};

/** Functions whose value differs per row: as a default of an added column they force a rewrite. */
const volatileCall = /\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval|statement_timestamp)\s*\(/i;

/** squawk adding-field-with-default (volatile case): the table is rewritten to fill the new column. */
export const volatileDefaultOnExistingTable: MigrationRule = {
  id: 'volatile_default_on_existing_table',
  level: 'WARN',
  category: 'SAFETY',
  description: 'A column added to an existing table with a volatile default (gen_random_uuid(), random(), clock_timestamp(), serial or identity) rewrites the whole table under ACCESS EXCLUSIVE. Add it without a default, set the default, backfill in batches.',
  check: onExisting(
    'add column',
    (action) => (action.column.default !== undefined && volatileCall.test(action.column.default)) || action.column.identity,
    (action) => `column ${action.table}.${action.column.name} is added with a volatile default${action.column.default ? ` (${action.column.default})` : ''}: the table is rewritten under an exclusive lock`,
  ),
};

/** squawk adding-required-field: NOT NULL with no default fails on a table with rows. */
export const addColumnNotNullWithoutDefault: MigrationRule = {
  id: 'add_column_not_null_without_default',
  level: 'ERROR',
  category: 'SAFETY',
  description: 'ADD COLUMN ... NOT NULL without a DEFAULT fails as soon as the table has a row. Give it a default, or add it nullable, backfill, then SET NOT NULL.',
  check: onExisting('add column', (action) => action.column.notNull && action.column.default === undefined && !action.column.identity, (action) => `column ${action.table}.${action.column.name} is added NOT NULL without a default: fails on a table with rows`),
};

/** Actions that take a lock blocking reads or writes on a table that already exists. */
const locking = new Set(['create index', 'add column', 'add constraint', 'alter column type', 'set not null', 'drop column', 'rename column', 'rename table', 'other alter table', 'drop table']);

/** squawk require-timeout-settings: without lock_timeout a blocked ALTER queues every query behind it. */
export const missingLockTimeout: MigrationRule = {
  id: 'missing_lock_timeout',
  level: 'INFO',
  category: 'SAFETY',
  description: "A file takes strong locks on existing tables without SET lock_timeout first: waiting behind one long query, the ALTER queues every other query on the table. pgform migrate sets one (--lock-timeout, default 10s); other runners (psql, supabase db push) do not.",
  check: (migration) => {
    const first = migration.statements.find((statement) => !statement.lockTimeoutSet && statement.actions.some((action) => locking.has(action.kind) && 'table' in action && existing(statement, action.table) && !(action.kind === 'create index' && action.online)));
    return first ? [statementHit(migration, first, `${migration.file} locks existing tables without SET lock_timeout first`)] : [];
  },
};
