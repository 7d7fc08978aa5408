import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanError, filesBelow, removeDir, runCli, scratchDir } from './cli.js';

const definitions = `import { table, uuid } from 'pgform';

export const notes = table('notes', { columns: { id: uuid().primaryKey() } });
`;

/**
 * Options given after a gen subcommand (`gen types --check --out x --url u`) must reach it, not
 * the parent `gen` (FINDINGS.md 4: `--check` used to write files and exit 0).
 */
describe('gen subcommand options', () => {
  it.each(['types', 'docs'])('gen %s --check --out writes nothing and reports stale', async (generator) => {
    const cwd = scratchDir();
    try {
      mkdirSync(join(cwd, 'schemas'));
      writeFileSync(join(cwd, 'schemas', 'notes.ts'), definitions);
      const run = await runCli(['gen', generator, '--check', '--out', 'elsewhere', '--definitions', 'schemas'], { cwd });
      expect(filesBelow(cwd, ['.pgform'])).toEqual(['schemas/notes.ts']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('elsewhere');
    } finally {
      removeDir(cwd);
    }
  });

  it('gen types --url reads that database (a closed port fails)', async () => {
    const cwd = scratchDir();
    try {
      mkdirSync(join(cwd, 'schemas'));
      writeFileSync(join(cwd, 'schemas', 'notes.ts'), definitions);
      const run = await runCli(['gen', 'types', '--url', 'postgres://postgres@127.0.0.1:1/none', '--definitions', 'schemas', '--out', 'out'], { cwd });
      expectCleanError(run);
      expect(run.stderr).toContain('DATABASE_UNREACHABLE');
      expect(filesBelow(cwd, ['.pgform'])).toEqual(['schemas/notes.ts']);
    } finally {
      removeDir(cwd);
    }
  });
});
