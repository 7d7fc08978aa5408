/*
 * The schema shapes the benchmark can run on (`--shape`): the Supabase-style one of
 * generate.mjs (the default) and the wide one of generate-wide.mjs. Each writes to its own work
 * folders and its own results files, so the two sets of figures never mix.
 */
import { generate } from '../generate.mjs';
import { generateWide } from '../generate-wide.mjs';

export const shapes = {
  supabase: { generate, folder: 'n', results: 'results', title: 'Supabase-style schemas (bench/generate.mjs)' },
  wide: { generate: generateWide, folder: 'wide', results: 'results-wide', title: 'wide schemas (bench/generate-wide.mjs: 5 schemas, 30-60 columns a table, N/8 enums, 1.5×N functions)' },
};

/** The shape named by `--shape`; throws with the choices on an unknown name. */
export function shapeNamed(name) {
  const shape = shapes[name];
  if (!shape) throw new Error(`unknown --shape ${name}: use ${Object.keys(shapes).join(' or ')}`);
  return { name, ...shape };
}
