import type { ResolvedConfig } from '../config/load.js';
import { introspect } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';

export interface InspectResult {
  database: string;
  schema: Schema;
}

/** Reads a database into the model. */
export async function inspectCommand(config: ResolvedConfig): Promise<InspectResult> {
  const schema = await withConnection(
    () => openDatabase(config),
    (conn) => introspect(conn, { externalNamespaces: presetOf(config).externalNamespaces, externalRoles: presetOf(config).externalRoles, ...(config.schemas ? { namespaces: config.schemas } : {}) }),
  );
  return { database: databaseLabel(config), schema };
}
