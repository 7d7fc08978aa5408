import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initCommand } from '../src/commands/init.js';
import { resolveConfig } from '../src/config/load.js';
import { isPgformError } from '../src/errors.js';
import { loadSchema } from '../src/load/definitions.js';
import { runCli, scratchDir } from './hostile/cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function fresh(): string {
  const folder = scratchDir('pgform-init-');
  folders.push(folder);
  return folder;
}

describe('pgform init', () => {
  it('writes a config, one example, a .gitignore entry and a drift job; the example loads', async () => {
    const root = fresh();
    writeFileSync(join(root, '.gitignore'), 'node_modules');
    const result = initCommand(root);
    expect(result.files).toEqual([
      { path: 'pgform.config.ts', status: 'written' },
      { path: 'schemas/example.ts', status: 'written' },
      { path: 'migrations/', status: 'written' },
      { path: '.gitignore', status: 'updated' },
      { path: '.github/workflows/pgform-drift.yml', status: 'written' },
    ]);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe("node_modules\n# pgform's embedded database and caches\n.pgform/\n");
    expect(readFileSync(join(root, '.github/workflows/pgform-drift.yml'), 'utf8')).toContain('npx pgform diff --from migrations --to definitions --format github');
    const schema = await loadSchema(join(root, 'schemas'));
    expect(Object.keys(schema.tables)).toEqual(['public.notes']);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const config = await resolveConfig({});
      expect([config.definitions, config.migrations, config.preset]).toEqual(['schemas', 'migrations', 'none']);
    } finally {
      process.chdir(cwd);
    }
    // A second run refuses: the config is the user's now.
    const again = (() => {
      try {
        return initCommand(root);
      } catch (error) {
        return error;
      }
    })();
    expect(isPgformError(again) && again.code).toBe('USAGE');
  });

  it('--supabase wires in supabase/migrations and the supabase preset, and reads the local port', async () => {
    const root = fresh();
    mkdirSync(join(root, 'supabase', 'migrations'), { recursive: true });
    writeFileSync(join(root, 'supabase', 'config.toml'), 'project_id = "shop"\n\n[api]\nport = 54321\n\n[db]\nport = 54322\nshadow_port = 54320\n');
    writeFileSync(join(root, '.gitignore'), '.pgform/\n');
    const result = initCommand(root, { supabase: true });
    expect(result.localPort).toBe(54322);
    expect(result.files).toEqual([
      { path: 'pgform.config.ts', status: 'written' },
      { path: '.gitignore', status: 'kept' },
      { path: '.github/workflows/pgform-drift.yml', status: 'written' },
    ]);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const config = await resolveConfig({});
      expect([config.definitions, config.migrations, config.preset]).toEqual(['schemas', 'supabase/migrations', 'supabase']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('--supabase without supabase/config.toml exits 2 and writes nothing', async () => {
    const root = fresh();
    const run = await runCli(['init', '--supabase'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no supabase/config.toml here');
    expect(() => readFileSync(join(root, 'pgform.config.ts'))).toThrow();
  });

  it('--version prints the package version', async () => {
    const run = await runCli(['--version'], { cwd: fresh() });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version);
  });
});
