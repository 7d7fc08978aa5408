#!/usr/bin/env node
/*
 * Writes a deterministic Supabase-style schema of N tables twice over: as pgform definitions (a
 * folder of .ts files using the DSL) and as plain SQL, the output of
 * `pgform sql --bootstrap` on those definitions, so pgform and its peers work on the same schema.
 *
 *   node bench/generate.mjs --tables 500 [--seed 42] [--out bench/.work/n500]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commonSource, functionsSource, generateEnums, viewsSource } from './lib/objects.mjs';
import { seeded } from './lib/random.mjs';
import { generateTable, tableNames } from './lib/tables.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(benchDir, '..');
const tablesPerFile = 50;
const dslImports = ['bigint', 'boolean', 'date', 'integer', 'jsonb', 'numeric', 'smallint', 'sql', 'table', 'text', 'timestamptz', 'uuid', 'varchar'];

/** The definition files of a schema of `tableCount` tables, by file name. */
export function definitionFiles(tableCount, seed = 42) {
  if (tableCount < 4) throw new Error('a generated schema has at least 4 tables');
  const random = seeded(seed * 100003 + tableCount);
  const enums = generateEnums(random, tableCount);
  const names = tableNames(tableCount);
  const tables = names.map((_, index) => generateTable(random, names, index, enums));
  const files = { 'common.ts': commonSource(enums) };
  for (let start = 0; start < tables.length; start += tablesPerFile) {
    const chunk = tables.slice(start, start + tablesPerFile);
    const body = chunk.map((t) => t.body).join('\n\n');
    const shared = ['auditRow', 'setUpdatedAt', 'userRole', ...enums.map((e) => e.varName)].filter((name) => new RegExp(`\\b${name}\\b`).test(body));
    const file = `tables-${String(start / tablesPerFile + 1).padStart(3, '0')}.ts`;
    files[file] = `/* Generated tables ${start + 1}-${start + chunk.length} of ${tables.length}. */
import { ${dslImports.join(', ')} } from 'pgform';
import { ${shared.join(', ')} } from './common.js';

${body}
`;
  }
  files['views.ts'] = viewsSource(random, tables);
  files['functions.ts'] = functionsSource(random, tables);
  return files;
}

/**
 * Writes `<out>/definitions/*.ts` and `<out>/schema.sql`. The SQL comes from pgform itself
 * (built dist/), so it is exactly what a user of psql would apply for these definitions.
 */
export function generate({ tables, seed = 42, out }) {
  return writeSchema(out, definitionFiles(tables, seed));
}

/**
 * Writes definition files (by name) to `<out>/definitions/` and the SQL pgform prints for them to
 * `<out>/schema.sql`, followed by `extraSql` (objects pgform does not model), if any.
 */
export function writeSchema(out, files, extraSql = '') {
  const definitions = join(out, 'definitions');
  rmSync(definitions, { recursive: true, force: true });
  mkdirSync(definitions, { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(join(definitions, name), source);
  const sql = execFileSync(process.execPath, [join(repoDir, 'bin/pgform.js'), 'sql', '--bootstrap', '--definitions', definitions], {
    cwd: out,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const sqlFile = join(out, 'schema.sql');
  writeFileSync(sqlFile, sql + extraSql);
  return { definitions, sqlFile, files: Object.keys(files).length };
}

export function parseArgs(argv, folder = 'n') {
  const args = { tables: 100, seed: 42, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--tables') args.tables = Number(value);
    else if (flag === '--seed') args.seed = Number(value);
    else if (flag === '--out') args.out = resolve(value);
    else throw new Error(`unknown flag ${flag} (use --tables N, --seed S, --out DIR)`);
    i++;
  }
  args.out ??= join(benchDir, '.work', `${folder}${args.tables}`);
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const result = generate(args);
  console.log(`wrote ${result.files} definition files to ${result.definitions} and ${result.sqlFile}`);
}
