import { describe, expect, it } from 'vitest';
import { generateCommand } from '../../src/commands/generate.js';
import { migrateCommand } from '../../src/commands/migrate.js';
import { pushCommand } from '../../src/commands/push.js';
import { engines } from '../support/engines.js';
import { withProject } from './project.js';

/** Definitions that declare no table grants: Supabase's default privileges give them. */
const app = `import { bigint, rpc, sequence, sql, table, text } from 'pgform';
export const postNumbers = sequence('post_numbers');
export const posts = table('posts', {
  columns: { id: bigint().primaryKey(), body: text() },
  rls: true,
  policies: { 'read all': { for: 'select', to: 'anon', using: sql\`true\` } },
});
export const postCount = rpc('post_count', {
  returns: 'bigint', language: 'sql', volatility: 'stable',
  body: 'SELECT count(*) FROM public.posts',
  grants: ['authenticated'],
});
`;
const privilege = (fn: string, role: string, object: string, what: string) => `SELECT ${fn}('${role}', '${object}', '${what}') AS ok`;

describe.each(engines)('default privileges on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('a table pgform creates under Supabase default privileges shows no drift and is never revoked', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.define(app);
      const generated = await generateCommand(config);
      expect(generated.status).toBe('written');
      const [file] = project.migrationNames();
      const text = project.readMigration(file!);
      // The API roles keep what the defaults give: the only revoke is the function's PUBLIC one.
      expect(text.match(/^REVOKE .*$/gm)).toEqual(['REVOKE EXECUTE ON FUNCTION "public"."post_count"() FROM PUBLIC;']);
      expect(text).not.toMatch(/hazard/);
      expect((await migrateCommand(config)).applied).toHaveLength(1);
      expect(await project.remaining()).toEqual([]);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged' });
      expect(await project.query(privilege('has_table_privilege', 'anon', 'public.posts', 'SELECT'))).toEqual([{ ok: true }]);
      expect(await project.query(privilege('has_sequence_privilege', 'authenticated', 'public.post_numbers', 'USAGE'))).toEqual([{ ok: true }]);
      // Supabase grants functions in public to anon as well: declaring ['authenticated'] only revokes PUBLIC.
      expect(await project.query(privilege('has_function_privilege', 'authenticated', 'public.post_count()', 'EXECUTE'))).toEqual([{ ok: true }]);
    });
  });

  it.skipIf(Boolean(engine.unavailable))('push refuses security changes unless allowed', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.define(app);
      expect(await pushCommand(config)).toMatchObject({ status: 'applied' });
      expect(await project.remaining()).toEqual([]);

      // The policy dropped and row level security off: both weaken security.
      project.define(app.replace(/  rls: true,\n  policies: .*\n/, ''));
      const refused = await pushCommand(config);
      expect(refused).toMatchObject({ status: 'refused' });
      const guarded = refused.status === 'refused' ? refused.refused : [];
      expect(guarded.map((s) => [s.guard, s.sql])).toEqual([
        ['security', 'DROP POLICY "read all" ON "public"."posts"'],
        ['security', 'ALTER TABLE "public"."posts" DISABLE ROW LEVEL SECURITY'],
      ]);
      expect(guarded.every((s) => s.reasons.every((r) => r.startsWith('WEAKENS_SECURITY')))).toBe(true);
      expect(await project.query(`SELECT relrowsecurity AS ok FROM pg_class WHERE oid = 'public.posts'::regclass`)).toEqual([{ ok: true }]);
      // Data loss allowed is not security allowed.
      expect(await pushCommand(config, { allowDataLoss: true })).toMatchObject({ status: 'refused' });
      const applied = await pushCommand(config, { allowSecurityChanges: true });
      expect(applied).toMatchObject({ status: 'applied', hazards: [expect.stringMatching(/^WEAKENS_SECURITY/), expect.stringMatching(/^WEAKENS_SECURITY/)] });
      expect(await project.remaining()).toEqual([]);
    });
  });
});
