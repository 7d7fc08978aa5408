import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { PgformError } from '../errors.js';
import { introspect } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import type { Printer } from './printer.js';
import { openScratch, presetOf, withConnection } from './database.js';

/**
 * The schema the migration files build: every file replayed, in name order, into a fresh
 * in-process shadow database, then read back. No Docker, no server.
 */
export async function replayMigrations(config: ResolvedConfig, onProgress?: (done: number, total: number) => void): Promise<{ schema: Schema; printer: Printer }> {
  const folder = config.migrations;
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.sql')).sort() : [];
  return withConnection(
    () => openScratch(config),
    async (conn) => {
      for (const [i, file] of files.entries()) {
        const path = join(folder, file);
        try {
          await conn.exec(readFileSync(path, 'utf8'));
        } catch (error) {
          throw new PgformError('MIGRATION_INVALID', `replaying ${file} failed: ${error instanceof Error ? error.message : String(error)}`, { file: relative(config.root, path) }, undefined, { cause: error });
        }
        onProgress?.(i + 1, files.length);
      }
      const schema = await introspect(conn, { externalNamespaces: presetOf(config).externalNamespaces });
      return { schema, printer: { engine: conn.engine, version: await conn.serverVersion() } };
    },
  );
}
