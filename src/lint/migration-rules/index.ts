import { dropColumn, renameColumn, renameTable } from './compatibility.js';
import { addColumnNotNullWithoutDefault, changingColumnType, constraintMissingNotValid, missingLockTimeout, requireConcurrentIndex, setNotNullScan, volatileDefaultOnExistingTable } from './locking.js';
import type { MigrationRule } from './rule.js';
import { intPrimaryKey, preferText, preferTimestamptz } from './types.js';

/** Rule set 2: locking and compatibility mistakes in migration files and plans, in report order. */
export const migrationRules: MigrationRule[] = [
  requireConcurrentIndex,
  constraintMissingNotValid,
  setNotNullScan,
  changingColumnType,
  volatileDefaultOnExistingTable,
  addColumnNotNullWithoutDefault,
  dropColumn,
  renameColumn,
  renameTable,
  missingLockTimeout,
  intPrimaryKey,
  preferText,
  preferTimestamptz,
];
