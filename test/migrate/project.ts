import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../src/config/load.js';
import { canonicalOnServer } from '../../src/commands/canonical-on-server.js';
import { openDatabase, presetOf, withConnection } from '../../src/commands/database.js';
import { definitionsState } from '../../src/commands/states.js';
import { diffSchemas } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Change } from '../../src/model/change.js';
import { scratchFolder } from '../support/scratch.js';
import { withDatabase, type TestEngine } from '../support/engines.js';


/** A Project is a throwaway pgform project: definitions, a migrations folder and one database. */
export interface Project {
  root: string;
  config: ResolvedConfig;
  /** Replaces the definitions file. */
  define(source: string): void;
  /** Writes a migration file by hand. */
  writeMigration(name: string, content: string | Buffer): string;
  migrationNames(): string[];
  readMigration(name: string): string;
  /** Runs a query on the project's database (a connection of its own). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** What is left between the database and the definitions. */
  remaining(): Promise<Change[]>;
}

/**
 * Runs work in a fresh project in a scratch folder (see scratchFolder; removed afterwards): on PGlite its embedded database lives in that folder; on PostgreSQL it is a fresh
 * database with the preset in place, unless `preset` is false (the embedded one always has it).
 */
export async function withProject<T>(engine: TestEngine, work: (project: Project) => Promise<T>, options?: { preset?: boolean }): Promise<T> {
  const root = scratchFolder('migrate');
  mkdirSync(join(root, 'migrations'), { recursive: true });
  const run = async (url?: string) => {
    const config: ResolvedConfig = {
      root,
      definitions: join(root, 'definitions.ts'),
      migrations: 'migrations',
      out: 'generated',
      embeddedDir: join(root, '.pgform', 'db'),
      preset: 'supabase',
      systems: {},
      ...(url ? { url } : {}),
    };
    const folder = join(root, 'migrations');
    const project: Project = {
      root,
      config,
      define: (source) => writeFileSync(config.definitions, source),
      writeMigration: (name, content) => {
        writeFileSync(join(folder, name), content);
        return join('migrations', name);
      },
      migrationNames: () => readdirSync(folder).filter((name) => name.endsWith('.sql')).sort(),
      readMigration: (name) => readFileSync(join(folder, name), 'utf8'),
      query: (sql, params) => withConnection(() => openDatabase(config), (conn) => conn.query(sql, params)),
      remaining: async () => {
        const definitions = config.url ? await canonicalOnServer(config, config.url) : await definitionsState(config);
        const live = await withConnection(() => openDatabase(config), (conn) => introspect(conn, { externalNamespaces: presetOf(config).externalNamespaces }));
        return diffSchemas(live, definitions);
      },
    };
    return work(project);
  };
  try {
    return engine.name === 'postgres' ? await withDatabase(engine, ({ url }) => run(url), options) : await run();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
