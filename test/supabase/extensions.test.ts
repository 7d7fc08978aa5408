import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.js';
import { generateCommand } from '../../src/commands/generate.js';
import { migrateCommand } from '../../src/commands/migrate.js';
import { sqlCommand } from '../../src/commands/sql.js';
import { engines } from '../support/engines.js';
import { withProject } from '../migrate/project.js';

/**
 * Supabase's roles have `search_path = "$user", public, extensions`, and a new project has
 * pgcrypto and uuid-ossp in schema extensions: definitions and migrations call their functions
 * unqualified. Every database pgform builds (shadow replay, canonical form, bootstrap) must
 * accept them, and their printed, qualified form must not read as drift.
 */
const definitions = `import { extension, rpc, sql, table, text, uuid } from 'pgform';
// Declared as the platform example does (schema public); the preset's pgcrypto stands for it.
export const pgcrypto = extension('pgcrypto');
export const apiKeys = table('api_keys', {
  columns: {
    id: uuid().primaryKey().default(sql\`uuid_generate_v4()\`),
    secret: text().notNull().default(sql\`encode(gen_random_bytes(24), 'hex')\`),
  },
});
export const hashSecret = rpc('hash_secret', {
  args: { secret: 'text' },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  body: sql\`select encode(digest(secret, 'sha256'), 'hex')\`,
});
`;

const handWritten = `create table public.api_keys (
  id uuid primary key default uuid_generate_v4(),
  secret text not null default encode(gen_random_bytes(24), 'hex')
);
create function public.hash_secret(secret text) returns text language sql immutable as $$select encode(digest(secret, 'sha256'), 'hex')$$;
`;

describe.each(engines)("the preset's extensions on $name", (engine) => {
  it.skipIf(Boolean(engine.unavailable))('unqualified calls generate, replay, apply and compare with no drift; the extensions are never planned', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.define(definitions);
      const written = await generateCommand(config, { now: new Date('2024-03-01T00:00:00Z') });
      expect(written).toMatchObject({ status: 'written' });
      const text = project.readMigration('20240301000000_init.sql');
      expect(text).not.toMatch(/EXTENSION/);
      expect(text).toContain("DEFAULT extensions.uuid_generate_v4()");
      await migrateCommand(config);
      // The extensions' libraries load when first called (the embedded engine compiles them then).
      const [key] = await project.query<{ secret: string; hashed: string }>('insert into public.api_keys default values returning secret, public.hash_secret(secret) as hashed');
      expect(key!.secret).toMatch(/^[0-9a-f]{48}$/);
      expect(key!.hashed).toMatch(/^[0-9a-f]{64}$/);
      expect((await diffCommand(config, {})).items).toEqual([]);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 1 });
      expect(await project.remaining()).toEqual([]);
      const bootstrapped = await sqlCommand(config, { bootstrap: true });
      expect(bootstrapped.script).toContain('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA extensions');
      expect(bootstrapped.script).toContain('SET search_path = "$user", public, extensions;');
    });
  });

  it.skipIf(Boolean(engine.unavailable))("a project's own migration file calling them unqualified replays in the shadow and matches its definitions", async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.writeMigration('20240301000000_keys.sql', handWritten);
      project.define(definitions);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 1, reused: 0 });
      await migrateCommand(config);
      expect((await diffCommand(config, {})).items).toEqual([]);
      expect((await diffCommand(config, { from: 'migrations', to: 'definitions' })).items).toEqual([]);
    });
  });
});
