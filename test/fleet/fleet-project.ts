import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../src/config/load.js';
import { connectPostgres } from '../../src/engine/pg.js';
import type { Target } from '../../src/fleet/targets.js';
import { databaseUrl, serverUrl, uniqueName } from '../support/engines.js';

const repo = join(import.meta.dirname, '..', '..');

/** A FleetProject is a throwaway project (definitions, migrations) and a fleet of fresh databases on the local server. */
export interface FleetProject {
  root: string;
  config: ResolvedConfig;
  targets: Target[];
  writeMigration(name: string, sql: string): void;
  /** Runs a query on one target's database. */
  query<Row = Record<string, unknown>>(target: Target, sql: string): Promise<Row[]>;
}

/** The fleet's migrations: each logs its own name, so a file applied twice shows as two rows. */
export const fleetMigrations: [string, string][] = [
  ['20240101000000_items.sql', "CREATE TABLE public.items (id integer PRIMARY KEY, label text NOT NULL);\nCREATE TABLE public.fleet_log (name text NOT NULL);\nINSERT INTO public.fleet_log VALUES ('m1');\n"],
  ['20240102000000_index.sql', "CREATE INDEX items_label_idx ON public.items (label);\nINSERT INTO public.fleet_log VALUES ('m2');\n"],
  ['20240103000000_note.sql', "ALTER TABLE public.items ADD COLUMN note text;\nINSERT INTO public.fleet_log VALUES ('m3');\n"],
];

/** The definitions the migrations build. */
export const fleetDefinitions = `import { table, integer, text } from 'pgform';
export const items = table('items', {
  columns: { id: integer().primaryKey(), label: text().notNull(), note: text() },
  indexes: { items_label_idx: { on: ['label'] } },
});
export const fleetLog = table('fleet_log', { columns: { name: text().notNull() } });
`;

/**
 * Runs statements on the server over a few sessions at once. CREATE DATABASE … STRATEGY FILE_COPY
 * and DROP DATABASE each wait for a checkpoint; run side by side they share one, so a fleet of 50
 * is made and dropped in seconds (the default WAL_LOG copy leaves each new database's pages dirty
 * for the drop's checkpoint to write: over a minute for 50 dropped one by one).
 */
async function onServer(statements: string[], sessions = 8): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    Array.from({ length: Math.min(sessions, queue.length) }, async () => {
      const conn = await connectPostgres(serverUrl);
      try {
        for (let sql = queue.shift(); sql !== undefined; sql = queue.shift()) await conn.exec(sql);
      } finally {
        await conn.close();
      }
    }),
  );
}

/**
 * Runs work with `size` fresh databases (made from one empty template, so creating them is cheap)
 * in a project folder inside the repository (definitions import 'pgform'); drops them all after.
 */
export async function withFleet<T>(size: number, work: (fleet: FleetProject) => Promise<T>): Promise<T> {
  const prefix = uniqueName('pgform_fleet');
  const root = join(repo, 'test', `.tmp-${prefix}`);
  mkdirSync(join(root, 'migrations'), { recursive: true });
  writeFileSync(join(root, 'definitions.ts'), fleetDefinitions);
  writeFileSync(join(root, 'pgform.config.ts'), "export default { preset: 'none', definitions: 'definitions.ts' };\n");
  const names = Array.from({ length: size }, (_, i) => `${prefix}_${String(i + 1).padStart(3, '0')}`);
  const template = `${prefix}_tpl`;
  try {
    await onServer([`CREATE DATABASE ${template} TEMPLATE template0 STRATEGY FILE_COPY`]);
    await onServer(names.map((name) => `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`));
    const config: ResolvedConfig = { root, configFile: 'pgform.config.ts', definitions: join(root, 'definitions.ts'), migrations: 'migrations', out: 'generated', embeddedDir: join(root, '.pgform', 'db'), preset: 'none', systems: {} };
    const targets = names.map((name, i) => ({ name: `t${String(i + 1).padStart(3, '0')}`, url: databaseUrl(name) }));
    return await work({
      root,
      config,
      targets,
      writeMigration: (name, sql) => writeFileSync(join(root, 'migrations', name), sql),
      query: async (target, sql) => {
        const conn = await connectPostgres(target.url);
        try {
          return await conn.query(sql);
        } finally {
          await conn.close();
        }
      },
    });
  } finally {
    await onServer([...names, template].map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}
