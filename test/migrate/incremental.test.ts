import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCommand, migrationsState } from '../../src/commands/generate.js';
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
});
