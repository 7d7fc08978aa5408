import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.js';
import { generateCommand } from '../../src/commands/generate.js';
import { migrateCommand } from '../../src/commands/migrate.js';
import { pullCommand } from '../../src/commands/pull.js';
import { repairCommand } from '../../src/commands/repair.js';
import { statusCommand } from '../../src/commands/status.js';
import { isPgformError } from '../../src/errors.js';
import { engines } from '../support/engines.js';
import { pushAsSupabase, withSupabaseProject } from './project.js';

const last = '20240105090200';
/** Each test replays, prints and migrates several times: more than the default budget on a busy machine. */
const endToEnd = 600_000;
const supabaseVersions = 'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version';

/**
 * The "done when": a Supabase project's own, unchanged migrations (organisations and
 * invitations, extension functions called unqualified, RLS on auth.uid(), a trigger on auth.users,
 * Storage policies) adopted as they are, on both engines, with no false drift at any step.
 */
describe.each(engines)('adopting a Supabase project on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('pull --from migrations, migrate after supabase db push, diff, then generate and migrate a change', async () => {
    await withSupabaseProject(engine, async (project) => {
      const { config } = project;
      await project.db((conn) => pushAsSupabase(conn, project.files()));

      // No live database: the folder is replayed in the embedded engine with the preset in place.
      const pulled = await pullCommand(config, { layout: 'group', from: 'supabase/migrations', out: 'supabase/schemas' });
      expect(pulled.database).toBe('migrations (supabase/migrations)');
      expect(pulled.files.map((file) => file.path)).toEqual(['supabase/schemas/public.ts', 'supabase/schemas/starter.ts']);
      const pulledPublic = project.read('supabase/schemas/public.ts');
      expect(pulledPublic).toContain("trigger('on_auth_user_created', {\n  on: 'auth.users',");
      expect(pulledPublic).toContain("policy('users upload their own avatar', {\n  on: 'storage.objects',");
      expect(pulledPublic).not.toMatch(/extension\('(pgcrypto|uuid-ossp)'/);

      // What `supabase db push` applied is applied: nothing runs twice.
      expect(await migrateCommand(config)).toMatchObject({ applied: [], pending: [], upToDate: 3 });
      expect((await statusCommand(config)).counts).toEqual({ applied: 3, pending: 0, changed: 0, missing: 0 });
      expect((await diffCommand(config, {})).items).toEqual([]);
      expect((await diffCommand(config, { from: 'migrations', to: 'definitions' })).items).toEqual([]);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 3 });

      // A change to the definitions: a column, and one more Storage policy.
      const edited = pulledPublic
        .replace('    name: text().notNull(),\n', '    name: text().notNull(),\n    website: text(),\n')
        .concat(
          "\nexport const usersDeleteTheirOwnAvatar = policy('users delete their own avatar', {\n  on: 'storage.objects',\n  for: 'delete',\n  to: 'authenticated',\n  using: sql`bucket_id = 'avatars' and owner = auth.uid()`,\n});\n",
        );
      expect(edited).toContain('website: text(),');
      // Realtime for organisations: membership of the platform's publication, declared on the table.
      const organisationsAt = edited.indexOf("table('organisations'");
      const rlsAt = edited.indexOf('  rls: true,\n', organisationsAt);
      expect(organisationsAt).toBeGreaterThan(-1);
      const withRealtime = `${edited.slice(0, rlsAt)}  rls: true,\n  realtime: true,\n${edited.slice(rlsAt + '  rls: true,\n'.length)}`;
      project.write('supabase/schemas/public.ts', withRealtime);
      const written = await generateCommand(config, { now: new Date('2024-02-01T10:00:00Z') });
      expect(written).toMatchObject({ status: 'written', files: [{ name: '20240201100000_schema_changes.sql' }] });
      const text = project.read('supabase/migrations/20240201100000_schema_changes.sql');
      expect(text).toContain('ALTER TABLE "public"."organisations" ADD COLUMN "website" text;');
      expect(text).toContain('CREATE POLICY "users delete their own avatar" ON "storage"."objects"');
      expect(text).toContain('ALTER PUBLICATION "supabase_realtime" ADD TABLE "public"."organisations";');
      expect(await migrateCommand(config)).toMatchObject({ applied: [{ name: '20240201100000_schema_changes.sql' }], upToDate: 3 });
      expect((await diffCommand(config, {})).items).toEqual([]);
      // The CLI's history has it too: a later `supabase db push` would not apply it again.
      expect(await project.db((conn) => conn.query(supabaseVersions))).toEqual([...project.files().map((file) => ({ version: file.version }))]);
      const realtimeTables = "SELECT tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1";
      expect(await project.db((conn) => conn.query(realtimeTables))).toEqual([{ tablename: 'organisations' }]);

      // A hand edit on the live database, pulled back: merged into the edited file, which keeps the rest.
      await project.db((conn) => conn.exec(`COMMENT ON COLUMN public.organisations.website IS 'Public site'`));
      const merged = await pullCommand(config, { layout: 'group', out: 'supabase/schemas' });
      expect(merged.files.filter((file) => file.status === 'written').map((file) => file.path)).toEqual(['supabase/schemas/public.ts']);
      const mergedPublic = project.read('supabase/schemas/public.ts');
      expect(mergedPublic).toContain("website: text().describe('Public site'),");
      expect(mergedPublic).toContain('  realtime: true,\n');
      expect(mergedPublic).toContain("policy('users delete their own avatar'");
      expect((await diffCommand(config, {})).items).toEqual([]);
    });
  }, endToEnd);

  it.skipIf(Boolean(engine.unavailable))('a database built without history is adopted with --baseline once it matches, and repaired', async () => {
    await withSupabaseProject(engine, async (project) => {
      const { config } = project;
      await project.db((conn) => pushAsSupabase(conn, project.files(), false));

      const failed = await migrateCommand(config).catch((error: unknown) => error);
      expect(isPgformError(failed) && failed.code).toBe('STATEMENT_FAILED');
      expect(String((failed as Error).message)).toMatch(/already exists/);
      expect(isPgformError(failed) && failed.hint).toMatch(/--baseline/);

      // A database that drifted from the files is refused, with the drift, and nothing recorded.
      await project.db((conn) => conn.exec('DROP POLICY "avatars are public" ON storage.objects'));
      const refused = await migrateCommand(config, { baseline: last });
      expect(refused.baseline?.status).toBe('refused');
      const drift = refused.baseline?.status === 'refused' ? refused.baseline.drift : undefined;
      expect(drift?.items.map((item) => [item.change, item.object])).toEqual([['missing', 'storage.objects (policy "avatars are public")']]);
      expect((await statusCommand(config)).counts.pending).toBe(3);

      await project.db((conn) => conn.exec(`CREATE POLICY "avatars are public" ON storage.objects FOR SELECT USING (bucket_id = 'avatars')`));
      const adopted = await migrateCommand(config, { baseline: last });
      expect(adopted.baseline).toEqual({ status: 'recorded', recorded: project.files().map((file) => file.name) });
      expect(adopted.applied).toEqual([]);
      expect((await statusCommand(config)).counts).toEqual({ applied: 3, pending: 0, changed: 0, missing: 0 });
      expect(await project.db((conn) => conn.query(supabaseVersions))).toEqual(project.files().map((file) => ({ version: file.version })));

      // repair rewrites both histories and runs nothing.
      expect(await repairCommand(config, { reverted: [last] })).toMatchObject({ reverted: ['20240105090200_avatars.sql'] });
      expect((await statusCommand(config)).migrations.map((m) => m.status)).toEqual(['applied', 'applied', 'pending']);
      expect(await project.db((conn) => conn.query(supabaseVersions))).toHaveLength(2);
      expect(await repairCommand(config, { applied: [last] })).toMatchObject({ applied: ['20240105090200_avatars.sql'] });
      expect((await statusCommand(config)).counts.applied).toBe(3);
      expect(await migrateCommand(config)).toMatchObject({ applied: [] });
    });
  }, endToEnd);
});
