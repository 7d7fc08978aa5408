import type { ResolvedConfig } from '../config/load.js';
import { inTransaction } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { listMigrations } from '../migrate/files.js';
import { deleteApplied, ensureHistory, readHistory, recordApplied } from '../migrate/history.js';
import { withMigrationLock } from '../migrate/lock.js';
import { deleteSupabaseApplied, ensureSupabaseHistory, recordSupabaseApplied } from '../migrate/supabase-history.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';

/** RepairOptions: versions to mark applied (without running them) or reverted (to run again). */
export interface RepairOptions {
  applied?: string[];
  reverted?: string[];
}

export interface RepairResult {
  database: string;
  /** Files newly recorded as applied. */
  applied: string[];
  /** History rows removed, by file name (or version, for a row the folder has no file for). */
  reverted: string[];
}

/**
 * Rewrites the history only, as `supabase migration repair` does: nothing of a file runs. For a
 * database changed by hand (a file applied in the SQL editor, a failed run cleaned up), so that
 * `migrate` and `status` tell the truth again. Both histories change when the preset keeps both.
 */
export async function repairCommand(config: ResolvedConfig, options: RepairOptions): Promise<RepairResult> {
  const applied = options.applied ?? [];
  const reverted = options.reverted ?? [];
  if (applied.length + reverted.length === 0) throw new PgformError('USAGE', 'nothing to repair', { field: '--applied/--reverted' }, 'pass --applied <version...> or --reverted <version...>');
  const both = applied.filter((version) => reverted.includes(version));
  if (both.length) throw new PgformError('USAGE', `version ${both[0]} is both --applied and --reverted`, { field: '--applied/--reverted' });
  for (const version of [...applied, ...reverted]) {
    if (!/^\d+$/.test(version)) throw new PgformError('USAGE', `invalid version "${version}"`, { field: '--applied/--reverted' }, 'give the leading digits of a migration file name');
  }
  const files = listMigrations(config.root, config.migrations);
  const toApply = applied.map((version) => {
    const file = files.find((f) => f.version === version);
    if (!file) throw new PgformError('USAGE', `no migration file has version ${version}`, { field: '--applied' }, 'a version is marked applied only when its file is in the folder');
    return file;
  });
  const supabase = presetOf(config).supabaseHistory;
  return withConnection(
    () => openDatabase(config),
    (conn) =>
      withMigrationLock(conn, async () => {
        await ensureHistory(conn);
        if (supabase) await ensureSupabaseHistory(conn);
        return inTransaction(conn, async () => {
          const history = await readHistory(conn);
          const done = new Set(history.map((row) => row.name));
          const recorded: string[] = [];
          for (const file of toApply) {
            if (!done.has(file.name)) {
              await recordApplied(conn, file.name, file.checksum, 0);
              recorded.push(file.name);
            }
            if (supabase) await recordSupabaseApplied(conn, file);
          }
          const removed: string[] = [];
          for (const version of reverted) {
            const names = history.filter((row) => row.name.startsWith(`${version}_`)).map((row) => row.name);
            for (const name of names) await deleteApplied(conn, name);
            if (supabase) await deleteSupabaseApplied(conn, version);
            removed.push(...(names.length ? names : [files.find((f) => f.version === version)?.name ?? version]));
          }
          return { database: databaseLabel(config), applied: recorded, reverted: removed };
        });
      }),
  );
}
