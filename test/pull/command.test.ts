import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullCommand, pullFolder } from '../../src/commands/pull.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import { openEmbeddedPglite } from '../../src/engine/pglite.js';
import { presets } from '../../src/engine/presets.js';
import { isPgformError } from '../../src/errors.js';
import { engines, withDatabase, type TestEngine } from '../support/engines.js';
import { withPullFolder } from './support.js';

const root = join(import.meta.dirname, '..', '..');
const schemaSql = `
CREATE SCHEMA app;
CREATE TABLE app.teams (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL UNIQUE);
CREATE TABLE public.notes (id serial PRIMARY KEY, team_id uuid REFERENCES app.teams (id), body text);
`;

function config(folder: string, url?: string): ResolvedConfig {
  return {
    root,
    definitions: 'schemas',
    migrations: 'migrations',
    out: 'generated',
    ...(url ? { url } : {}),
    embeddedDir: join(folder, 'db'),
    preset: 'supabase',
    systems: {},
  };
}

/** A database holding `schemaSql`: PostgreSQL by URL, or an embedded PGlite directory (the default). */
async function withSource<T>(engine: TestEngine, folder: string, work: (config: ResolvedConfig) => Promise<T>): Promise<T> {
  if (engine.name === 'postgres') {
    return withDatabase(engine, async ({ conn, url }) => {
      await conn.exec(schemaSql);
      return work(config(folder, url));
    });
  }
  const conn = await openEmbeddedPglite(join(folder, 'db'));
  await conn.exec(presets.supabase.bootstrapSql);
  await conn.exec(schemaSql);
  await conn.close();
  return work(config(folder));
}

const listing = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : []);

describe.each(engines)('pgform pull on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('writes, rewrites only what changed, and follows a layout change', async () => {
    await withPullFolder(async (folder) => {
      mkdirSync(folder, { recursive: true });
      await withSource(engine, folder, async (cfg) => {
        const out = relative(root, join(folder, 'defs'));
        const first = await pullCommand(cfg, { layout: 'group', out });
        expect(first.files.map((f) => [f.path, f.status])).toEqual([
          [join(out, 'app.ts'), 'written'],
          [join(out, 'public.ts'), 'written'],
        ]);
        expect(first.warnings).toEqual([]);
        expect(readFileSync(join(folder, 'defs', 'public.ts'), 'utf8')).toContain(`team_id: uuid().references('app.teams', 'id')`);
        const again = await pullCommand(cfg, { layout: 'group', out });
        expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
        const table = await pullCommand(cfg, { layout: 'table', out, rewrite: true });
        expect(table.files.filter((f) => f.status === 'removed')).toEqual([]);
        // public.ts keeps the sequence behind notes.id (serial); the tables move to their own files.
        expect(listing(join(folder, 'defs'))).toEqual(['app', 'app.ts', 'app/teams.ts', 'public', 'public.ts', 'public/notes.ts']);
        await pullCommand(cfg, { layout: 'single', out, rewrite: true });
        expect(listing(join(folder, 'defs'))).toEqual(['definitions.ts']);
      });
    });
  });

  it.skipIf(Boolean(engine.unavailable))('rewrites only a folder it wrote: with --rewrite, a folder holding other definitions is refused', async () => {
    await withPullFolder(async (folder) => {
      mkdirSync(join(folder, 'defs'), { recursive: true });
      writeFileSync(join(folder, 'defs', 'mine.ts'), `export const mine = 1;\n`);
      await withSource(engine, folder, async (cfg) => {
        const error = await pullCommand(cfg, { layout: 'group', out: relative(root, join(folder, 'defs')), rewrite: true }).catch((e: unknown) => e);
        expect(isPgformError(error) && error.code).toBe('USAGE');
        expect(listing(join(folder, 'defs'))).toEqual(['mine.ts']);
      });
    });
  });

  it.skipIf(Boolean(engine.unavailable))('merges into a folder with other files: they stay as they are, the database is added', async () => {
    await withPullFolder(async (folder) => {
      mkdirSync(join(folder, 'defs'), { recursive: true });
      writeFileSync(join(folder, 'defs', 'mine.ts'), `export const mine = 1;\n`);
      await withSource(engine, folder, async (cfg) => {
        const result = await pullCommand(cfg, { layout: 'group', out: relative(root, join(folder, 'defs')) });
        expect(result.warnings).toEqual([]);
        expect(listing(join(folder, 'defs'))).toEqual(['app.ts', 'mine.ts', 'public.ts']);
        expect(readFileSync(join(folder, 'defs', 'mine.ts'), 'utf8')).toBe(`export const mine = 1;\n`);
        expect(readFileSync(join(folder, 'defs', 'public.ts'), 'utf8')).toContain(`team_id: uuid().references('app.teams', 'id')`);
      });
    });
  });
});

describe('the pull folder', () => {
  it('is --out, else schemas/<system>, else the definitions folder', () => {
    const base = config('/tmp/x');
    expect(pullFolder(base, 'elsewhere')).toBe(join(root, 'elsewhere'));
    expect(pullFolder({ ...base, system: 'proxe' })).toBe(join(root, 'schemas', 'proxe'));
    expect(pullFolder({ ...base, definitions: 'db/schema.ts' })).toBe(join(root, 'db'));
    expect(pullFolder(base)).toBe(join(root, 'schemas'));
  });
});
