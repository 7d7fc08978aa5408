import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderSupabaseTypes } from '../../src/emit/supabase/index.js';
import { renderTypes } from '../../src/emit/types/index.js';
import { canonicalModel, casesRoot, typeCases } from './support.js';

const cases = typeCases();

/**
 * One folder per feature of the types emitters: its definitions, made canonical on an embedded
 * database, must render exactly `expected.ts` (Kysely) and `expected.supabase.ts` (supabase-js)
 * (PGFORM_UPDATE=1 rewrites them), and the text must already be what prettier prints, since the
 * emitters lay it out themselves.
 */
describe('types emitter goldens', () => {
  it.each(cases)('%s', async (name) => {
    const model = await canonicalModel(join(casesRoot, name, 'definitions.ts'));
    for (const [file, render] of [['expected.ts', renderTypes], ['expected.supabase.ts', renderSupabaseTypes]] as const) {
      const output = render(model);
      const expectedPath = join(casesRoot, name, file);
      if (process.env.PGFORM_UPDATE === '1') writeFileSync(expectedPath, output);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with PGFORM_UPDATE=1`).toBe(true);
      expect(output).toBe(readFileSync(expectedPath, 'utf8'));
      expect(await format(output, { parser: 'typescript' })).toBe(output);
    }
  });
});
