import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeWith } from '../../src/canonical/index.js';
import { openScratch, presetOf, withConnection } from '../../src/commands/database.js';
import { generateCommand, migrationsState } from '../../src/commands/generate.js';
import { loadConfiguredSchema } from '../../src/commands/sql.js';
import type { Connection } from '../../src/engine/connection.js';
import { pgliteVersion } from '../../src/engine/pglite-version.js';
import { diffSchemas } from '../../src/diff/index.js';
import { scratchRoot } from '../../src/engine/pglite.js';
import { pgliteEngine } from '../support/engines.js';
import { withProject } from './project.js';

const v1 = `import { table, integer, text } from 'pgform';
export const items = table('items', {
  columns: { id: integer().primaryKey(), label: text().notNull() },
});
`;
const v2 = v1.replace('label: text().notNull()', 'label: text().notNull(), note: text()');
const v3 = v2.replace('note: text()', "note: text(), kind: text().notNull().default('plain')");

const printing = `import { enumType, integer, numeric, rpc, sql, table, text, timestamptz, view } from 'pgform';
export const stage = enumType('stage', ['new', 'won']);
export const deals = table('deals', {
  columns: { id: integer().primaryKey(), stage: stage.column().notNull().default('new'), amount: numeric(12, 2).default(0), created_at: timestamptz().defaultNow() },
});
export const notes = table('notes', {
  columns: { id: integer().primaryKey(), note: text(), },
});
export const noteCount = rpc('note_count', { args: {}, returns: 'bigint', language: 'sql', body: sql\`SELECT count(*) FROM public.notes\` });
export const openDeals = view('open_deals', { query: sql\`SELECT * FROM public.deals\` });
`;

// The shadow is always the embedded engine, whatever database the project targets.
describe('generate on the stored shadow state', () => {
  it('replays only the new files, on top of the state the earlier ones built; the same state as a replay from the first file', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      const first = await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      // Written, then applied to the shadow and stored: the next run opens no database.
      expect(first).toMatchObject({ status: 'written', replayed: 0, reused: 0, after: { replayed: 1, reused: 0, remaining: 0 } });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 1 });

      project.define(v2);
      const second = await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      expect(second).toMatchObject({ status: 'written', replayed: 0, reused: 1, after: { replayed: 1, reused: 1, remaining: 0 } });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 2 });

      // A teammate's file at the end of the folder: that file alone is replayed.
      project.writeMigration('20240131120005_teammate.sql', 'ALTER TABLE public.items ADD COLUMN kind text NOT NULL DEFAULT \'plain\';\n');
      project.define(v3);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 1, reused: 2 });
      const incremental = await migrationsState(config);
      expect(incremental).toMatchObject({ replayed: 0, reused: 3 });

      // The same files replayed from the first one, with no stored state at all.
      const cold = mkdtempSync(join(scratchRoot(), 'pgform-test-cold-cache-'));
      try {
        const fromScratch = await migrationsState({ ...config, root: cold, migrations: join(project.root, 'migrations') });
        expect(fromScratch).toMatchObject({ replayed: 3, reused: 0 });
        expect(diffSchemas(fromScratch.schema, incremental.schema)).toEqual([]);
        expect(fromScratch.schema.tables).toEqual(incremental.schema.tables);
      } finally {
        rmSync(cold, { recursive: true, force: true });
      }
    });
  });

  it('replays every file again when an earlier file was edited, and sees what the edit did', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      project.define(v2);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 2 });

      // The first file edited after the fact: its state and every one after it are not the stored ones.
      appendFileSync(join(project.root, 'migrations', project.migrationNames()[0]!), 'ALTER TABLE public.items ADD COLUMN tampered text;\n');
      const edited = await generateCommand(config);
      expect(edited).toMatchObject({ status: 'refused', replayed: 2, reused: 0 });
      if (edited.status !== 'refused') return;
      expect(edited.refused.map((statement) => statement.object)).toEqual(['public.items.tampered']);
      expect(await migrationsState(config)).toMatchObject({ replayed: 0, reused: 2 });
    });
  });

  it('prints a column added like one printed before with no server, as a server prints it; other changes go to a server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const opened: string[] = [];
      const canonical = async (cacheDir: string) =>
        canonicalizeWith(
          await loadConfiguredSchema(config),
          `pglite package ${pgliteVersion}`,
          <T>(work: (conn: Connection) => Promise<T>) => {
            opened.push(cacheDir);
            return withConnection(() => openScratch(config), work);
          },
          { externalNamespaces: presetOf(config).externalNamespaces, cacheDir },
        );
      const warm = join(project.root, 'warm');
      project.define(printing);
      await canonical(warm);
      expect(opened).toHaveLength(1);

      project.define(printing.replace('note: text(),', "note: text(), stage2: stage.column().notNull().default('new'), amount2: numeric(12, 2).default(0), seen_at: timestamptz().defaultNow(), extra: text(),"));
      const added = await canonical(warm);
      expect(opened).toHaveLength(1);
      expect(added.tables['public.notes']!.columns.map((c) => [c.name, c.type, c.default ?? null])).toEqual([
        ['id', 'integer', null],
        ['note', 'text', null],
        ['stage2', 'public.stage', "'new'::public.stage"],
        ['amount2', 'numeric(12,2)', '0'],
        ['seen_at', 'timestamp with time zone', 'now()'],
        ['extra', 'text', null],
      ]);
      const cold = join(project.root, 'cold');
      expect(await canonical(cold)).toEqual(added);
      expect(opened).toEqual([warm, cold]);

      // A changed default is printed by a server: no column declared before prints it. So is a
      // column added to a table a view reads: \`*\` takes it in when the view is created.
      project.define(printing.replace("default('new')", "default('won')"));
      await canonical(warm);
      expect(opened).toEqual([warm, cold, warm]);
      project.define(printing.replace("default('new')", "default('won')").replace('created_at: timestamptz().defaultNow()', 'created_at: timestamptz().defaultNow(), note: text()'));
      await canonical(warm);
      expect(opened).toEqual([warm, cold, warm, warm]);
    });
  });
});
