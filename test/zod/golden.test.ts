import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderZod } from '../../src/emit/zod/index.js';
import { canonicalModel, repoRoot } from '../types/support.js';

const casesRoot = join(repoRoot, 'test', 'cases', 'zod');
const cases = readdirSync(casesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The layout prettier gives the file, as it does pulled definitions. */
const prettierOptions = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;

/**
 * One folder per feature of the Zod emitter: its definitions, made canonical on an embedded
 * database, render exactly `expected.ts` (PGFORM_UPDATE=1 rewrites it), already in prettier's layout.
 */
describe('zod emitter goldens', () => {
  it.each(cases)('%s', async (name) => {
    const output = renderZod(await canonicalModel(join(casesRoot, name, 'definitions.ts')));
    const expectedPath = join(casesRoot, name, 'expected.ts');
    if (process.env.PGFORM_UPDATE === '1') writeFileSync(expectedPath, output);
    expect(existsSync(expectedPath), `${expectedPath} is missing: run with PGFORM_UPDATE=1`).toBe(true);
    expect(output).toBe(readFileSync(expectedPath, 'utf8'));
    expect(await format(output, prettierOptions)).toBe(output);
  });
});
