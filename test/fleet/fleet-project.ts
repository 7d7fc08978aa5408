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
 * Runs work with `size` fresh databases (made from one empty template, so creating them is cheap)
 * in a project folder inside the repository (definitions import 'pgform'); drops them all after.
 */
export async function withFleet<T>(size: number, work: (fleet: FleetProject) => Promise<T>): Promise<T> {
  const prefix = uniqueName('pgform_fleet');
  const root = join(repo, 'test', `.tmp-${prefix}`);
  mkdirSync(join(root, 'migrations'), { recursive: true });
  writeFileSync(join(root, 'definitions.ts'), fleetDefinitions);
  writeFileSync(join(root, 'pgform.config.ts'), "export default { preset: 'none', definitions: 'definitions.ts' };\n");
  const admin = await connectPostgres(serverUrl);
  const names = Array.from({ length: size }, (_, i) => `${prefix}_${String(i + 1).padStart(3, '0')}`);
  const template = `${prefix}_tpl`;
  try {
    await admin.exec(`CREATE DATABASE ${template} TEMPLATE template0`);
    for (const name of names) await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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
    for (const name of [...names, template]) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
    rmSync(root, { recursive: true, force: true });
  }
}
