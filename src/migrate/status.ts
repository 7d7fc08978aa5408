import type { MigrationFile } from './files.js';
import type { AppliedMigration } from './history.js';
import type { FileProgress } from './progress.js';

/**
 * A MigrationState is where one migration stands: `applied`; `pending` (in the folder, not in
 * the history); `changed` (applied, but the file's content differs from what was applied);
 * `missing` (applied, but the file is gone from the folder).
 */
export type MigrationState = 'applied' | 'pending' | 'changed' | 'missing';

/** A MigrationStatus is one row of `pgform status`. */
export interface MigrationStatus {
  name: string;
  status: MigrationState;
  /** A pending file named before the last applied one (e.g. after merging a branch). */
  outOfOrder?: boolean;
  appliedAt?: string;
  durationMs?: number;
  /** The file's checksum, or for a missing file the recorded one. */
  checksum: string;
  /** The checksum recorded when it was applied, when it differs from the file's. */
  appliedChecksum?: string;
  /**
   * A pending no-transaction file a run stopped inside: `done` of its `statements` ran and
   * committed (migrate resumes after them); `changed` when the file's content differs from what
   * they ran under, so migrate cannot resume it.
   */
  partial?: { done: number; statements: number; changed?: boolean };
}

/**
 * Compares the folder with the history table: every file and every history row once, by name;
 * `progress` (see progress.ts) says how far a stopped run got inside a pending file.
 */
export function migrationStatus(files: MigrationFile[], history: AppliedMigration[], progress: Map<string, FileProgress> = new Map()): MigrationStatus[] {
  const applied = new Map(history.map((row) => [row.name, row]));
  const present = new Set(files.map((file) => file.name));
  const lastApplied = history.reduce<string | undefined>((last, row) => (!last || row.name > last ? row.name : last), undefined);
  const rows: MigrationStatus[] = files.map((file) => {
    const row = applied.get(file.name);
    if (!row) {
      const ran = progress.get(file.name);
      const changed = ran?.checksums.some((checksum) => checksum !== file.checksum);
      return {
        name: file.name,
        status: 'pending',
        checksum: file.checksum,
        ...(lastApplied && file.name < lastApplied ? { outOfOrder: true } : {}),
        ...(ran ? { partial: { done: ran.done, statements: file.statements.length, ...(changed ? { changed: true } : {}) } } : {}),
      };
    }
    const when = { appliedAt: row.appliedAt, durationMs: row.durationMs };
    if (row.checksum !== file.checksum) return { name: file.name, status: 'changed', ...when, checksum: file.checksum, appliedChecksum: row.checksum };
    return { name: file.name, status: 'applied', ...when, checksum: file.checksum };
  });
  for (const row of history) {
    if (!present.has(row.name)) rows.push({ name: row.name, status: 'missing', appliedAt: row.appliedAt, durationMs: row.durationMs, checksum: row.checksum });
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Counts by state, every state present (zero when none). */
export function countStates(rows: MigrationStatus[]): Record<MigrationState, number> {
  const counts: Record<MigrationState, number> = { applied: 0, pending: 0, changed: 0, missing: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
