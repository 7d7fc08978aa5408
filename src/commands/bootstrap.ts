import type { ResolvedConfig } from '../config/load.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';

export interface BootstrapResult {
  database: string;
  preset: string;
}

/** Creates the preset's external objects (roles, auth schema and functions) in a database. */
export async function bootstrapCommand(config: ResolvedConfig): Promise<BootstrapResult> {
  const preset = presetOf(config);
  await withConnection(
    () => openDatabase(config),
    async (conn) => {
      if (preset.bootstrapSql) await conn.exec(preset.bootstrapSql);
    },
  );
  return { database: databaseLabel(config), preset: preset.name };
}
