import { describe, expect, it } from 'vitest';
import { pushCommand } from '../../src/commands/push.js';
import { statusCommand } from '../../src/commands/status.js';
import { engines } from '../support/engines.js';
import { withProject } from './project.js';

const v1 = `import { table, integer, text, enumType, sql } from 'pgform';
export const mood = enumType('mood', ['sad']);
export const days = table('days', {
  columns: { id: integer().primaryKey(), mood: mood.column(), note: text() },
  rls: true,
  policies: { 'read all': { for: 'select', to: 'authenticated', using: sql\`true\` } },
});
`;
const v2 = v1.replace("['sad']", "['sad', 'ok']").replace('mood: mood.column()', "mood: mood.column().default('ok')");
const v3 = v2.replace(', note: text()', '');

describe.each(engines)('push on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('makes the database match the definitions, with the same data-loss guard', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.define(v1);
      expect(await pushCommand(config)).toMatchObject({ status: 'applied', summary: expect.arrayContaining(['create table public.days']) });
      expect(await project.remaining()).toEqual([]);
      expect(await pushCommand(config)).toMatchObject({ status: 'unchanged' });

      // A new enum value used as a default: two transactions, the value committed first.
      await project.query(`INSERT INTO public.days (id, mood, note) VALUES (1, 'sad', 'kept')`);
      project.define(v2);
      expect(await pushCommand(config)).toMatchObject({ status: 'applied' });
      expect(await project.remaining()).toEqual([]);

      project.define(v3);
      const refused = await pushCommand(config);
      expect(refused).toMatchObject({ status: 'refused', refused: [{ object: 'public.days.note', sql: 'ALTER TABLE "public"."days" DROP COLUMN "note"' }] });
      expect(await project.query('SELECT note FROM public.days')).toEqual([{ note: 'kept' }]);
      expect(await pushCommand(config, { allowDataLoss: true })).toMatchObject({ status: 'applied', hazards: [expect.stringMatching(/^DELETES_DATA public\.days\.note/)] });
      expect(await project.remaining()).toEqual([]);
      expect(await project.query(`SELECT id, mood::text AS mood FROM public.days`)).toEqual([{ id: 1, mood: 'sad' }]);
      // push records nothing in the migration history.
      expect((await statusCommand(config)).migrations).toEqual([]);
    });
  });
});
