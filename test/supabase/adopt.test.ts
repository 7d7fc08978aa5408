import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, withConnection } from '../../src/commands/database.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import type { Connection } from '../../src/engine/connection.js';
import { listMigrations } from '../../src/migrate/files.js';
import { runCli, type CliRun } from '../hostile/cli.js';
import { engines, withDatabase, type TestEngine } from '../support/engines.js';
import { pushAsSupabase, starterFolder } from './project.js';

const last = '20240105090200';
/** Thirteen commands, each a process of its own opening the embedded engine: more than the default budget on a busy machine. */
const endToEnd = 600_000;
const supabaseVersions = 'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version';
const supabaseConfig = 'project_id = "starter"\n\n[api]\nport = 54321\n\n[db]\nport = 54322\nshadow_port = 54320\n';

/**
 * The scripted adoption, command by command as a user types them: an existing Supabase
 * project (its `supabase/` folder and a database built from its migrations in the SQL editor, so
 * with no history at all) is wired in with `init --supabase`, its definitions pulled from the
 * migrations folder alone, the database adopted with `migrate --baseline`; then a hand edit is
 * pulled back into the files and a definition change goes out through generate and migrate, with
 * `diff` exiting 0 at every step.
 */
describe.each(engines)('the scripted adoption of a Supabase project on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('init --supabase, pull --from migrations, migrate --baseline, diff; pull a hand edit; generate, migrate, diff', async () => {
    await withCliProject(engine, async ({ root, pgform, db, read, write }) => {
      const init = await pgform('init', '--supabase');
      expect(init.stdout).toContain('pgform.config.ts');

      const pulled = await pgform('pull', '--from', 'supabase/migrations');
      expect(pulled.stdout).toContain('schemas/public.ts');
      const pulledPublic = read('schemas/public.ts');
      expect(pulledPublic).toContain("trigger('on_auth_user_created', {\n  on: 'auth.users',");
      expect(pulledPublic).toContain("policy('users upload their own avatar', {\n  on: 'storage.objects',");
      expect(pulledPublic).not.toMatch(/extension\('(pgcrypto|uuid-ossp)'/);

      // The files ran, but nothing recorded them: adopted once the database matches their replay.
      await pgform('migrate', '--baseline', last);
      expect(await db((conn) => conn.query(supabaseVersions))).toEqual(versions(root));
      const status = await pgform('status');
      expect(status.stdout).toContain(': 3 applied, 0 pending, 0 changed, 0 missing');
      await pgform('diff');

      // A hand edit on the live database, pulled back: merged into the file, which keeps the rest.
      await db((conn) => conn.exec(`COMMENT ON COLUMN public.organisations.name IS 'Shown on invoices'`));
      await pgform('pull');
      const merged = read('schemas/public.ts');
      expect(changedLines(pulledPublic, merged)).toEqual({ removed: ['    name: text().notNull(),'], added: ["    name: text().notNull().describe('Shown on invoices'),"] });
      await pgform('diff');

      // A definition change: a column, Realtime for the table and a Storage policy, out through a migration file.
      const organisationsAt = merged.indexOf("table('organisations'");
      const rlsAt = merged.indexOf('  rls: true,\n', organisationsAt);
      expect(rlsAt).toBeGreaterThan(organisationsAt);
      const edited = `${merged.slice(0, rlsAt)}  rls: true,\n  realtime: true,\n${merged.slice(rlsAt + '  rls: true,\n'.length)}`.replace(
        "    name: text().notNull().describe('Shown on invoices'),\n",
        "    name: text().notNull().describe('Shown on invoices'),\n    website: text(),\n",
      );
      expect(edited).toContain('website: text(),');
      const avatarsDelete = "\nexport const usersDeleteTheirOwnAvatar = policy('users delete their own avatar', {\n  on: 'storage.objects',\n  for: 'delete',\n  to: 'authenticated',\n  using: sql`bucket_id = 'avatars' and owner = auth.uid()`,\n});\n";
      write('schemas/public.ts', edited + avatarsDelete);
      await pgform('generate', '--name', 'website and realtime');
      const written = listMigrations(root, 'supabase/migrations').at(-1)!;
      expect(written.name).toMatch(/^\d{14}_website_and_realtime\.sql$/);
      expect(written.sql).toContain('ALTER TABLE "public"."organisations" ADD COLUMN "website" text;');
      expect(written.sql).toContain('ALTER PUBLICATION "supabase_realtime" ADD TABLE "public"."organisations";');
      expect(written.sql).toContain('CREATE POLICY "users delete their own avatar" ON "storage"."objects"');
      expect((await pgform('migrate')).stdout).toContain(written.name);
      await pgform('diff');
      // The CLI's history has it too: a later `supabase db push` would not apply it again.
      expect(await db((conn) => conn.query(supabaseVersions))).toEqual(versions(root));
      const realtimeTables = "SELECT tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1";
      expect(await db((conn) => conn.query(realtimeTables))).toEqual([{ tablename: 'organisations' }]);

      // Deployed by `supabase db push` alone (pgform's own history gone): its history is read, nothing runs twice.
      await db((conn) => conn.exec('DROP TABLE pgform.migrations'));
      const again = await pgform('migrate');
      expect(again.stdout).not.toContain(written.name);
      expect((await pgform('status')).stdout).toContain(': 4 applied, 0 pending, 0 changed, 0 missing');
    });
  }, endToEnd);
});

interface CliProject {
  root: string;
  /** Runs `pgform …` in the project and expects exit 0, printing its output when it differs. */
  pgform(...args: string[]): Promise<CliRun>;
  db<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  read(path: string): string;
  write(path: string, content: string): void;
}

/** The versions of the project's migration files, as Supabase's history holds them. */
const versions = (root: string) => listMigrations(root, 'supabase/migrations').map((file) => ({ version: file.version }));

/**
 * A project laid out as `supabase init` makes one, in a scratch folder (removed afterwards), whose
 * database had the starter's migrations pasted in: the embedded one on PGlite, a fresh bootstrapped
 * database on PostgreSQL (reached through DATABASE_URL, as a user's CI would).
 */
async function withCliProject(engine: TestEngine, work: (project: CliProject) => Promise<void>): Promise<void> {
  const root = starterFolder('supabase-cli');
  writeFileSync(join(root, 'supabase', 'config.toml'), supabaseConfig);
  const run = async (url?: string) => {
    const config: ResolvedConfig = { root, definitions: join(root, 'schemas'), migrations: 'supabase/migrations', out: 'generated', embeddedDir: join(root, '.pgform', 'default', 'db'), preset: 'supabase', systems: {}, ...(url ? { url } : {}) };
    const db: CliProject['db'] = (task) => withConnection(() => openDatabase(config), task);
    await db((conn) => pushAsSupabase(conn, listMigrations(root, config.migrations), false));
    await work({
      root,
      db,
      read: (path) => readFileSync(join(root, path), 'utf8'),
      write: (path, content) => writeFileSync(join(root, path), content),
      pgform: async (...args) => {
        const result = await runCli(args, { cwd: root, env: url ? { DATABASE_URL: url } : {}, timeoutMs: 180_000 });
        expect(result.code, `pgform ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
        return result;
      },
    });
  };
  try {
    if (engine.name === 'postgres') await withDatabase(engine, ({ url }) => run(url));
    else await run();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The lines one text has that the other has not (a `git diff` of a file, without the positions). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((line) => !b.includes(line)), added: b.filter((line) => !a.includes(line)) };
}
