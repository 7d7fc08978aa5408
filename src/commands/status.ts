import type { ResolvedConfig } from '../config/load.js';
import { listMigrations, migrationsFolder } from '../migrate/files.js';
import { appliedHistory } from '../migrate/supabase-history.js';
import { progressByFile } from '../migrate/progress.js';
import { countStates, migrationStatus, type MigrationState, type MigrationStatus } from '../migrate/status.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';


/** A StatusResult is every migration with where it stands on one database. */
export interface StatusResult {
  database: string;
  folder: string;
  migrations: MigrationStatus[];
  counts: Record<MigrationState, number>;
}

/** Compares the migrations folder with a database's history; reads only, creates nothing. */
export async function statusCommand(config: ResolvedConfig): Promise<StatusResult> {
  const files = listMigrations(config.root, config.migrations);
  const { history, progress } = await withConnection(
    () => openDatabase(config),
    async (conn) => ({ history: await appliedHistory(conn, files, presetOf(config).supabaseHistory), progress: await progressByFile(conn) }),
  );
  const migrations = migrationStatus(files, history, progress);
  return { database: databaseLabel(config), folder: migrationsFolder(config.root, config.migrations).display, migrations, counts: countStates(migrations) };
}
