import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.js';
import { generateCommand } from '../../src/commands/generate.js';
import { cacheDir } from '../../src/commands/states.js';
import { pgliteEngine } from '../support/engines.js';
import { withProject } from './project.js';

const v1 = `import { table, integer, text } from 'pgform';
export const items = table('items', {
  columns: { id: integer().primaryKey(), label: text().notNull() },
});
`;
const v2 = v1.replace('label: text().notNull()', 'label: text().notNull(), note: text()');

/** What the shadow cache folder holds: stored states and remembered answers. */
const stored = (config: Parameters<typeof cacheDir>[0]) => readdirSync(cacheDir(config, 'shadow')).filter((name) => name.endsWith('.json')).sort();

// "No difference" between the definitions and the migration files is remembered under the text of
// both: an answer after any edit to either side must be worked out again, never read back.
describe('diff between definitions and migrations, remembered when nothing differs', () => {
  it('answers an unchanged question from the stored answer, and sees every edit to either side', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      const ask = () => diffCommand(config, { from: 'migrations', to: 'definitions' });

      const before = stored(config);
      const first = await ask();
      expect(first).toMatchObject({ changes: [], unmanaged: [], from: 'migrations (migrations)', to: expect.stringMatching(/^definitions \(/) });
      const remembered = stored(config).filter((name) => !before.includes(name));
      expect(remembered).toHaveLength(1);
      // The same answer, the same labels, from the stored one; nothing new is stored.
      expect(await ask()).toEqual(first);
      expect(stored(config)).toEqual([...before, ...remembered].sort());
      // The other direction is another question.
      expect(await diffCommand(config, { from: 'definitions', to: 'migrations' })).toMatchObject({ changes: [] });

      // An edit to the definitions: a column to add.
      project.define(v2);
      const edited = await ask();
      expect(edited.changes.map((change) => change.kind)).toEqual(['add column']);
      expect(edited.plan.steps.map((step) => step.sql)).toEqual(['ALTER TABLE "public"."items" ADD COLUMN "note" text']);

      // A migration file that brings the files level again, then one that adds what the definitions lack.
      project.writeMigration('20240131120005_note.sql', 'ALTER TABLE public.items ADD COLUMN note text;\n');
      expect(await ask()).toMatchObject({ changes: [] });
      // Up to a version, the files listed for the answer's key are the ones replayed: those up to it alone.
      const upTo = { from: 'migrations', to: 'definitions', migrationsUpTo: '20240131120000' };
      for (let run = 0; run < 2; run++) {
        const earlier = await diffCommand(config, upTo);
        expect(earlier.from).toBe('migrations (migrations up to 20240131120000)');
        expect(earlier.changes.map((change) => change.kind)).toEqual(['add column']);
      }
      project.writeMigration('20240131120006_extra.sql', 'ALTER TABLE public.items ADD COLUMN extra text;\n');
      expect((await ask()).changes.map((change) => change.kind)).toEqual(['drop column']);

      // Objects of kinds pgform does not model are reported on every run, never remembered away.
      project.writeMigration('20240131120007_unmodelled.sql', 'ALTER TABLE public.items DROP COLUMN extra;\nCREATE OPERATOR public.### (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4pl);\n');
      const unmanaged = await ask();
      expect(unmanaged.changes).toEqual([]);
      expect(unmanaged.unmanaged.length).toBeGreaterThan(0);
      expect((await ask()).unmanaged).toEqual(unmanaged.unmanaged);
    });
  });
});
