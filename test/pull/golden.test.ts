import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/emit/pull/index.js';
import { drainPool } from '../support/database-pool.js';
import { engines } from '../support/engines.js';
import { formatPulled, pullRoundTrip } from './support.js';

const root = join(import.meta.dirname, '..', 'cases', 'pull');
const selected = process.env.PGFORM_CASE;
const update = Boolean(process.env.PGFORM_UPDATE);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !selected || `pull/${name}`.startsWith(selected) || name.startsWith(selected))
  .sort();

/** A case's options: the layout, and whether the pulled files must load back to the database's model (not when it warns). */
interface CaseOptions {
  layout?: Layout;
  roundTrip?: boolean;
}

function readTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(folder)) walk(folder);
  return files;
}

function writeTree(folder: string, files: Record<string, string>): void {
  rmSync(folder, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
}

/**
 * Goldens: `before.sql` builds a database; what `pull` writes for it must equal `expected/`
 * (PGFORM_UPDATE=1 rewrites it) on both engines and be what prettier leaves as it is, warnings
 * must equal `warnings.json` (absent: none), and the pulled files must load back to the same model.
 */
describe.each(engines)('pull goldens on $name', (engine) => {
  afterAll(() => drainPool(engine));
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s', async (name) => {
    const dir = join(root, name);
    const options: CaseOptions = existsSync(join(dir, 'case.json')) ? JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) : {};
    const roundTrip = options.roundTrip !== false;
    const result = await pullRoundTrip(engine, { sql: readFileSync(join(dir, 'before.sql'), 'utf8') }, options.layout ?? 'group', { load: roundTrip });
    const files = Object.fromEntries(result.render.files.map((file) => [file.path, file.content]));
    const warningsPath = join(dir, 'warnings.json');
    if (update && engine.name === 'pglite') {
      writeTree(join(dir, 'expected'), files);
      if (result.render.warnings.length) writeFileSync(warningsPath, `${JSON.stringify(result.render.warnings, null, 2)}\n`);
      else rmSync(warningsPath, { force: true });
    }
    expect(files).toEqual(readTree(join(dir, 'expected')));
    for (const [path, content] of Object.entries(files)) {
      expect(await formatPulled(content), path).toBe(content);
    }
    expect(result.render.warnings).toEqual(existsSync(warningsPath) ? JSON.parse(readFileSync(warningsPath, 'utf8')) : []);
    expect(result.differences).toEqual([]);
  });
});
