import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, runCli, scratchDir } from './hostile/cli.js';
import { engines, withDatabase, type TestEngine } from './support/engines.js';

const definitions = `import { table, text, uuid } from 'pgform';

export const notes = table('notes', { columns: { id: uuid().primaryKey().defaultRandom(), body: text().notNull() } });
`;

/** Runs push in a scratch project: against the engine's database by URL, or the embedded one. */
async function withProject(engine: TestEngine, work: (push: (...args: string[]) => ReturnType<typeof runCli>) => Promise<void>): Promise<void> {
  const cwd = scratchDir();
  writeFileSync(join(cwd, 'notes.ts'), definitions);
  try {
    if (engine.name === 'postgres') {
      await withDatabase(engine, ({ url }) => work((...args) => runCli(['push', '--definitions', 'notes.ts', '--url', url!, ...args], { cwd })), { preset: true });
    } else {
      await work((...args) => runCli(['push', '--definitions', 'notes.ts', ...args], { cwd }));
    }
  } finally {
    removeDir(cwd);
  }
}

describe.each(engines)('pgform push --dry-run on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('prints the plan, applies nothing, and exits like diff', async () => {
    await withProject(engine, async (push) => {
      const planned = await push('--dry-run');
      expect(planned.code, planned.stderr).toBe(1);
      expect(planned.stdout).toContain('-- pgform push --dry-run');
      expect(planned.stdout).toContain('CREATE TABLE "public"."notes"');
      // Nothing was applied: the same plan again.
      const again = await push('--dry-run');
      expect(again.code).toBe(1);
      expect(again.stdout).toBe(planned.stdout);
      expect((await push()).code).toBe(0);
      const after = await push('--dry-run');
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toContain('already matches the definitions');
    });
  }, 120_000);
});
