import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.js';
import { canonicalOnServer } from '../../src/commands/canonical-on-server.js';
import { generateCommand } from '../../src/commands/generate.js';
import { migrateCommand } from '../../src/commands/migrate.js';
import { cacheDir } from '../../src/commands/states.js';
import { engines, postgresEngine } from '../support/engines.js';
import { asFinishedCommand, saveAWhileAgo } from '../support/finished-command.js';
import { withProject, type Project } from './project.js';

const definitions = `import { table, integer, text, sql } from 'pgform';
export const items = table('items', {
  columns: { id: integer().primaryKey(), label: text().notNull().default('none') },
  checks: { label_short: sql\`length(label) < 40\` },
});
`;

const kinds = (result: { changes: { kind: string }[] }) => result.changes.map((change) => change.kind);

/** The states the shadow stored for the migration files (the embedded engine's reading of them). */
const shadowStates = (config: Parameters<typeof cacheDir>[0]) => {
  const dir = cacheDir(config, 'shadow');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
};

// A server's database against the migration files: the files' state is printed by that server.
// While the files are unchanged, the printed state is read from the store alone, and any new file
// must be seen.
describe('diff between a server database and the migration files', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('reads the files as the server prints them from the store, and sees a new file', async () => {
    await withProject(postgresEngine, async (project) => {
      const { config } = project;
      project.define(definitions);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      const ask = () => diffCommand(config, { from: 'database', to: 'migrations' });

      const first = await ask();
      expect(kinds(first)).toEqual(['create table']);
      // Without the shadow's stored states, an answer that needed the files' model would replay them and store it again.
      rmSync(cacheDir(config, 'shadow'), { recursive: true, force: true });
      rmSync(cacheDir(config, 'shadow-data'), { recursive: true, force: true });
      expect(await ask()).toEqual(first);
      expect(shadowStates(config)).toEqual([]);
      expect(kinds(await diffCommand(config, { from: 'migrations', to: 'database' }))).toEqual(['drop table']);
      expect(shadowStates(config)).toEqual([]);

      // Applied, the database and the files agree: the server prints the default and the check as the store holds them.
      await migrateCommand(config);
      expect(await ask()).toMatchObject({ changes: [], unmanaged: [] });

      // A new file changes the files' state: it is replayed, printed and seen from both sides.
      const statesBefore = shadowStates(config);
      project.writeMigration('20240131120005_note.sql', 'ALTER TABLE public.items ADD COLUMN note text;\n');
      expect(kinds(await ask())).toEqual(['add column']);
      expect(shadowStates(config).length).toBeGreaterThan(statesBefore.length);
      expect(kinds(await diffCommand(config, { from: 'migrations', to: 'database' }))).toEqual(['drop column']);
      // The files up to the first: the state before the new file, not the stored print of all of them.
      expect(await diffCommand(config, { from: 'database', to: 'migrations', migrationsUpTo: '20240131120000' })).toMatchObject({ changes: [] });
      expect(kinds(await ask())).toEqual(['add column']);

      // A spec that is no URL is refused as such, whatever the other side holds.
      await expect(diffCommand(config, { from: 'me@localhost:5432/x', to: 'migrations' })).rejects.toThrow(/is not a database URL/);
    });
  });
});

/** Saves the definitions a while ago (a file saved while a load runs is not stored), logging each evaluation of them. */
function savedDefinitions(project: Project) {
  const log = join(project.root, 'evaluated.log');
  return {
    save(source: string) {
      saveAWhileAgo(project.config.definitions, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, 'evaluated\\n');\n${source}`);
    },
    evaluations: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0),
    /** Spoils the stored model of the definitions: a run that read it would evaluate them again. */
    spoilStoredModel() {
      const modelDir = cacheDir(project.config, 'model');
      for (const name of readdirSync(modelDir)) if (!readFileSync(join(modelDir, name), 'utf8').startsWith('{"modules"')) writeFileSync(join(modelDir, name), 'spoilt');
    },
  };
}

// The definitions against a live database: once printed by that database's server, the print is
// stored under the files' key and read alone while they are unchanged; every edit must be seen.
describe.each(engines)('diff between a live database and the definitions on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('reads the stored print of unchanged definitions without loading them, and sees each edit', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      const { save, evaluations, spoilStoredModel } = savedDefinitions(project);
      const ask = (from = 'database', to = 'definitions') => asFinishedCommand(() => diffCommand(config, { from, to }));
      save(definitions);
      const first = await ask();
      expect(kinds(first)).toEqual(['create table']);
      expect(evaluations()).toBe(1);
      spoilStoredModel();
      expect(await ask()).toEqual(first);
      expect(kinds(await ask('definitions', 'database'))).toEqual(['drop table']);
      expect(evaluations()).toBe(1);
      // A spec that is no URL is refused as such, even when the definitions cannot be read.
      await expect(diffCommand({ ...config, definitions: join(project.root, 'missing.ts') }, { from: 'me@localhost:5432/x', to: 'definitions' })).rejects.toThrow(/is not a database URL/);

      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      await migrateCommand(config);
      expect(await ask()).toMatchObject({ changes: [], unmanaged: [] });
      save(definitions.replace("default('none')", "default('none'), note: text()"));
      expect(kinds(await ask())).toEqual(['add column']);
      expect(kinds(await ask())).toEqual(['add column']);
      save(definitions);
      expect(await ask()).toMatchObject({ changes: [], unmanaged: [] });
    });
  });
});

// Commands that compare the definitions with a server (push, tenants) print them there the same way.
describe('the definitions printed by a server for push', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('are read from the stored print while unchanged, and printed again after an edit', async () => {
    await withProject(postgresEngine, async (project) => {
      const { config } = project;
      const { save, evaluations, spoilStoredModel } = savedDefinitions(project);
      const print = () => asFinishedCommand(() => canonicalOnServer(config, config.url!));
      save(definitions);
      const first = await print();
      expect(first.tables['public.items']?.constraints.label_short).toBeDefined();
      spoilStoredModel();
      expect(await print()).toEqual(first);
      expect(evaluations()).toBe(1);
      save(definitions.replace("default('none')", "default('none'), note: text()"));
      expect((await print()).tables['public.items']?.columns.map((column) => column.name)).toEqual(['id', 'label', 'note']);
      expect(evaluations()).toBe(2);
    });
  });
});
