import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../src/config/load.js';
import { openDatabase, withConnection } from '../../src/commands/database.js';
import type { Connection } from '../../src/engine/connection.js';
import { listMigrations, type MigrationFile } from '../../src/migrate/files.js';
import { scratchFolder } from '../support/scratch.js';
import { withDatabase, type TestEngine } from '../support/engines.js';


/** The realistic SaaS starter's migration files, written as a Supabase project keeps them. */
export const starterMigrations = join(import.meta.dirname, 'starter', 'migrations');

/** A scratch folder (the caller removes it) holding `supabase/migrations` with the starter's files. */
export function starterFolder(prefix: string): string {
  const root = scratchFolder(prefix);
  mkdirSync(join(root, 'supabase'), { recursive: true });
  cpSync(starterMigrations, join(root, 'supabase', 'migrations'), { recursive: true });
  return root;
}

/** A SupabaseProject is a throwaway project laid out as `supabase init` makes one. */
export interface SupabaseProject {
  root: string;
  config: ResolvedConfig;
  files(): MigrationFile[];
  /** Runs work on the project's database (a connection of its own). */
  db<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  read(path: string): string;
  write(path: string, content: string): void;
}

/**
 * Runs work in a fresh project in a scratch folder (removed afterwards) whose
 * `supabase/migrations` holds the starter's files: on PGlite its database is the embedded one; on
 * PostgreSQL a fresh database with the preset bootstrapped (Supabase's roles, schemas, extensions
 * and search_path).
 */
export async function withSupabaseProject<T>(engine: TestEngine, work: (project: SupabaseProject) => Promise<T>): Promise<T> {
  const root = starterFolder('supabase');
  const run = (url?: string) => {
    const config: ResolvedConfig = {
      root,
      definitions: join(root, 'supabase', 'schemas'),
      migrations: 'supabase/migrations',
      out: 'generated',
      embeddedDir: join(root, '.pgform', 'db'),
      preset: 'supabase',
      systems: {},
      ...(url ? { url } : {}),
    };
    return work({
      root,
      config,
      files: () => listMigrations(root, config.migrations),
      db: (task) => withConnection(() => openDatabase(config), task),
      read: (path) => readFileSync(join(root, path), 'utf8'),
      write: (path, content) => writeFileSync(join(root, path), content),
    });
  };
  try {
    return engine.name === 'postgres' ? await withDatabase(engine, ({ url }) => run(url)) : await run();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Applies files as `supabase db push` does: each in one transaction with its row in
 * `supabase_migrations.schema_migrations` (version, name, statements). Without `history`, as
 * someone pasting them into the SQL editor would: no history at all.
 */
export async function pushAsSupabase(conn: Connection, files: MigrationFile[], history = true): Promise<void> {
  if (history) {
    await conn.exec(`CREATE SCHEMA IF NOT EXISTS supabase_migrations;
      CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY, statements text[], name text)`);
  }
  for (const file of files) {
    await conn.exec('BEGIN');
    await conn.exec(file.sql);
    if (history) {
      await conn.query('INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES ($1, $2, $3)', [file.version, file.slug, file.statements.map((s) => s.sql)]);
    }
    await conn.exec('COMMIT');
  }
}
