import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateCommand } from '../../src/commands/migrate.js';
import { statusCommand } from '../../src/commands/status.js';
import { PgformError } from '../../src/errors.js';
import { engines, postgresEngine } from '../support/engines.js';
import { withProject, type Project } from './project.js';

const first = ['20240101000000_first.sql', 'CREATE TABLE public.first (id int PRIMARY KEY);\n'] as const;
const third = ['20240103000000_third.sql', 'CREATE TABLE public.third (id int);\n'] as const;
const middle = '20240102000000_middle.sql';
/** The middle file, failing on line 4 while executing: the server gives no error position. */
const failsRunning = `-- two statements, the second divides by zero
CREATE TABLE public.middle (id int);
INSERT INTO public.middle VALUES (1);
INSERT INTO public.middle
  SELECT 1 / 0;
`;
/** The middle file, failing on line 5 at parse analysis: the server points at the bad name. */
const failsParsing = `CREATE TABLE public.middle (id int);

INSERT INTO public.middle VALUES (1);
INSERT INTO public.middle
  SELECT id FROM public.no_such_table;
`;

async function failure(run: Promise<unknown>): Promise<PgformError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PgformError);
  return error as PgformError;
}

async function states(project: Project): Promise<string[]> {
  return (await statusCommand(project.config)).migrations.map((m) => `${m.name} ${m.status}${m.outOfOrder ? ' out of order' : ''}`);
}

const exists = (project: Project, table: string) => project.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]).then((rows) => rows[0]!.t !== null);

describe.each(engines)('migrate failures on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('a failing migration is rolled back and named with its line; earlier ones stay applied', async () => {
    await withProject(engine, async (project) => {
      project.writeMigration(...first);
      project.writeMigration(middle, failsRunning);
      project.writeMigration(...third);

      const running = await failure(migrateCommand(project.config));
      expect(running.code).toBe('STATEMENT_FAILED');
      expect(running.message).toMatch(/^migration 20240102000000_middle\.sql failed at line 4: division by zero/);
      expect(running.location).toMatchObject({ file: join('migrations', middle), line: 4, statement: 'INSERT INTO public.middle\n  SELECT 1 / 0' });
      expect(await states(project)).toEqual(['20240101000000_first.sql applied', `${middle} pending`, '20240103000000_third.sql pending']);
      expect([await exists(project, 'public.first'), await exists(project, 'public.middle'), await exists(project, 'public.third')]).toEqual([true, false, false]);

      project.writeMigration(middle, failsParsing);
      const parsing = await failure(migrateCommand(project.config));
      expect(parsing.message).toMatch(/^migration 20240102000000_middle\.sql failed at line 5: relation "public.no_such_table" does not exist/);
      expect(parsing.location).toMatchObject({ file: join('migrations', middle), line: 5 });
      expect(parsing.location.statement).toMatch(/^INSERT INTO public.middle\n/);

      project.writeMigration(middle, failsParsing.replace('public.no_such_table', 'public.first'));
      const fixed = await migrateCommand(project.config);
      expect(fixed.applied.map((m) => m.name)).toEqual([middle, '20240103000000_third.sql']);
      expect(await project.query('SELECT id FROM public.middle')).toEqual([{ id: 1 }]);
    });
  });

  it.skipIf(Boolean(engine.unavailable))('refuses a changed applied file and out-of-order files; reports missing ones', async () => {
    await withProject(engine, async (project) => {
      project.writeMigration(...first);
      await migrateCommand(project.config);
      project.writeMigration(...third);
      project.writeMigration(first[0], `${first[1]}-- an afterthought\n`);

      const tampered = await failure(migrateCommand(project.config));
      expect(tampered.code).toBe('MIGRATION_INVALID');
      expect(tampered.message).toBe('an applied migration was changed after being applied: 20240101000000_first.sql');
      expect(tampered.location.file).toBe(join('migrations', first[0]));
      expect(await exists(project, 'public.third')).toBe(false);
      expect(await states(project)).toEqual(['20240101000000_first.sql changed', '20240103000000_third.sql pending']);

      // The same content with Windows line endings is not a change.
      project.writeMigration(first[0], first[1].replace(/\n/g, '\r\n'));
      await migrateCommand(project.config);
      expect(await exists(project, 'public.third')).toBe(true);

      project.writeMigration(middle, 'CREATE TABLE public.middle (id int);\n');
      const late = await failure(migrateCommand(project.config));
      expect(late.code).toBe('MIGRATION_INVALID');
      expect(late.message).toBe('pending migration 20240102000000_middle.sql is dated before the last applied one (20240103000000_third.sql)');
      expect(await states(project)).toContain(`${middle} pending out of order`);
      const allowed = await migrateCommand(project.config, { allowOutOfOrder: true });
      expect(allowed.applied.map((m) => m.name)).toEqual([middle]);

      rmSync(join(project.root, 'migrations', third[0]));
      expect(await states(project)).toEqual(['20240101000000_first.sql applied', `${middle} applied`, '20240103000000_third.sql missing']);
      expect((await migrateCommand(project.config)).missing).toEqual([third[0]]);
    });
  });

  it.skipIf(Boolean(engine.unavailable))('runs a no-transaction file statement by statement', async () => {
    await withProject(engine, async (project) => {
      project.writeMigration('20240101000000_mood.sql', "CREATE TYPE public.mood AS ENUM ('sad');\nCREATE TABLE public.days (id int, mood public.mood);\n");
      // A new enum value cannot be used in the transaction that adds it.
      const uses = "-- pgform:no-transaction\nALTER TYPE public.mood ADD VALUE 'ok';\nALTER TABLE public.days ALTER COLUMN mood SET DEFAULT 'ok';\nINSERT INTO public.days (id) VALUES (1);\n";
      project.writeMigration('20240102000000_ok.sql', uses.replace('-- pgform:no-transaction\n', ''));
      const refused = await failure(migrateCommand(project.config));
      expect(refused.message).toMatch(/^migration 20240102000000_ok\.sql failed at line 2: unsafe use of new value "ok"/);
      expect(refused.hint).toMatch(/^make the first line of the file -- pgform:no-transaction/);

      project.writeMigration('20240102000000_ok.sql', uses);
      const index = 'CREATE INDEX CONCURRENTLY days_id ON public.days (id);\n';
      project.writeMigration('20240103000000_index.sql', index);
      const inside = await failure(migrateCommand(project.config));
      expect(inside.message).toBe('migration 20240103000000_index.sql failed at line 1: CREATE INDEX CONCURRENTLY cannot run inside a transaction block');
      expect(inside.hint).toMatch(/^make the first line of the file -- pgform:no-transaction/);
      expect(await states(project)).toEqual(['20240101000000_mood.sql applied', '20240102000000_ok.sql applied', '20240103000000_index.sql pending']);

      project.writeMigration('20240103000000_index.sql', `-- pgform:no-transaction\n${index}`);
      expect((await migrateCommand(project.config)).applied.map((m) => m.name)).toEqual(['20240103000000_index.sql']);
      expect(await project.query('SELECT id, mood::text AS mood FROM public.days')).toEqual([{ id: 1, mood: 'ok' }]);
      expect(await exists(project, 'public.days_id')).toBe(true);
    });
  });
  it.skipIf(Boolean(engine.unavailable))('status shows how far a stopped no-transaction file got, and whether it can resume', async () => {
    await withProject(engine, async (project) => {
      project.writeMigration(...first);
      // The third statement needs a table nobody has created yet: the run stops after two.
      const indexes = '-- pgform:no-transaction\nCREATE INDEX CONCURRENTLY first_id ON public.first (id);\nCREATE TABLE public.second (id int);\nINSERT INTO public.later VALUES (1);\n';
      project.writeMigration('20240102000000_indexes.sql', indexes);
      await failure(migrateCommand(project.config));
      const stopped = (await statusCommand(project.config)).migrations.find((m) => m.name === '20240102000000_indexes.sql');
      expect(stopped).toMatchObject({ status: 'pending', partial: { done: 2, statements: 3 } });
      expect(stopped?.partial?.changed).toBeUndefined();

      // Edited since: status says it cannot resume (migrate refuses, as it always did).
      project.writeMigration('20240102000000_indexes.sql', indexes.replace('VALUES (1)', 'VALUES (2)'));
      expect((await statusCommand(project.config)).migrations[1]).toMatchObject({ status: 'pending', partial: { done: 2, statements: 3, changed: true } });

      // Restored, with what it needs: migrate resumes after the two, and the progress is gone.
      project.writeMigration('20240102000000_indexes.sql', indexes);
      await project.query('CREATE TABLE public.later (id int)');
      expect((await migrateCommand(project.config)).applied.map((m) => m.name)).toEqual(['20240102000000_indexes.sql']);
      expect((await statusCommand(project.config)).migrations.map((m) => [m.status, m.partial])).toEqual([
        ['applied', undefined],
        ['applied', undefined],
      ]);
    });
  });
});

describe('migrate on a database the preset was never bootstrapped in', () => {
  // The embedded database is made from the preset's template, so only a server database can lack it.
  it.skipIf(Boolean(postgresEngine.unavailable))('a file failing on a schema the bootstrap creates is told to run pgform bootstrap', async () => {
    await withProject(
      postgresEngine,
      async (project) => {
        project.writeMigration('20240101000000_profiles.sql', 'CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));\n');
        project.writeMigration('20240102000000_vault.sql', 'CREATE TABLE public.secrets (id uuid PRIMARY KEY REFERENCES vault.secrets (id));\n');
        const missing = await failure(migrateCommand(project.config));
        expect(missing.message).toMatch(/^migration 20240101000000_profiles\.sql failed at line 1: schema "auth" does not exist/);
        expect(missing.hint).toBe('the database lacks what the supabase platform provides (schema auth): run pgform bootstrap on it, then migrate again; nothing of it was applied');
        // A schema the bootstrap does not create is the file's own mistake.
        project.writeMigration('20240101000000_profiles.sql', 'CREATE TABLE public.profiles (id uuid PRIMARY KEY);\n');
        const other = await failure(migrateCommand(project.config));
        expect(other.message).toMatch(/^migration 20240102000000_vault\.sql failed at line 1: schema "vault" does not exist/);
        expect(other.hint).toBe('fix the file and run migrate again; nothing of it was applied');
      },
      { preset: false },
    );
  });
});
