import { describe, expect, it } from 'vitest';
import { migrateCommand } from '../../src/commands/migrate.js';
import { repairCommand } from '../../src/commands/repair.js';
import { statusCommand } from '../../src/commands/status.js';
import { isPgformError } from '../../src/errors.js';
import { engines } from '../support/engines.js';
import { pushAsSupabase, withSupabaseProject } from './project.js';

const last = '20240105090200';
/** The test replays and migrates several times: more than the default budget on a busy machine. */
const endToEnd = 600_000;
const supabaseVersions = 'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version';

/**
 * A Supabase project's own, unchanged migrations (organisations and invitations, extension
 * functions called unqualified, RLS on auth.uid(), a trigger on auth.users, Storage policies) run
 * by hand with no history: `--baseline` refuses while the database differs from their replay and
 * records them once it matches; `repair` rewrites both histories. The whole adoption, command by
 * command, is adopt.test.ts.
 */
describe.each(engines)('adopting a Supabase project with --baseline on $name', (engine) => {
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
