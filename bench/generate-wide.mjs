#!/usr/bin/env node
/*
 * Writes a deterministic "wide" schema of N tables (bench/lib/wide.mjs: five schemas, 30-60
 * columns a table, hundreds of enums, thousands of functions, domains, composite types) in the
 * layout of generate.mjs: pgform definitions and the SQL `pgform sql --bootstrap` prints for
 * them, plus the composite types pgform does not model, as SQL.
 *
 *   node bench/generate-wide.mjs --tables 500 [--seed 42] [--out bench/.work/wide500]
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, writeSchema } from './generate.mjs';
import { seeded } from './lib/random.mjs';
import { compositeTypesSql, wideDefinitionFiles } from './lib/wide.mjs';

/** Same contract as generate.mjs's generate(): { definitions, sqlFile, files }. */
export function generateWide({ tables, seed = 42, out }) {
  if (tables < 4) throw new Error('a generated schema has at least 4 tables');
  const random = seeded(seed * 100019 + tables);
  const files = wideDefinitionFiles(random, tables);
  return writeSchema(out, files, compositeTypesSql(random, tables));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2), 'wide');
  mkdirSync(args.out, { recursive: true });
  const result = generateWide(args);
  console.log(`wrote ${result.files} definition files to ${result.definitions} and ${result.sqlFile}`);
}
