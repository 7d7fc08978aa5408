import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocs } from '../../src/emit/docs/index.js';
import { canonicalModel } from './canonical.js';

const root = join(import.meta.dirname, '..', 'cases', 'docs');
const update = process.env.PGFORM_UPDATE === '1';
const selected = process.env.PGFORM_CASE;
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !selected || `docs/${name}`.startsWith(selected) || name.startsWith(selected))
  .sort();

/**
 * Goldens as data: each folder's definitions.ts becomes a canonical model on a scratch PGlite,
 * and its SCHEMA.md must equal expected.md byte for byte (PGFORM_UPDATE=1 rewrites it).
 */
describe('docs goldens', () => {
  it.each(cases)('%s', async (name) => {
    const schema = await canonicalModel(join(root, name, 'definitions.ts'));
    const actual = renderDocs(schema);
    const expectedPath = join(root, name, 'expected.md');
    if (update) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${expectedPath} is missing: run with PGFORM_UPDATE=1`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
