// Runs pgform's migration rules and squawk (the squawk-cli dev dependency) on the same migration
// cases (test/cases/lint/<rule>/<case>/migration.sql) and prints, rule by rule, whether each tool
// reports the case: the table in README's lint section. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintMigrations } from '../dist/lint/index.js';

/** pgform rule -> the squawk rules that look for the same mistake. */
export const squawkRules = {
  require_concurrent_index: ['require-concurrent-index-creation'],
  constraint_missing_not_valid: ['constraint-missing-not-valid', 'adding-foreign-key-constraint'],
  set_not_null_scan: ['adding-not-nullable-field'],
  changing_column_type: ['changing-column-type'],
  volatile_default_on_existing_table: ['adding-field-with-default'],
  add_column_not_null_without_default: ['adding-required-field'],
  drop_column: ['ban-drop-column'],
  rename_column: ['renaming-column'],
  rename_table: ['renaming-table'],
  missing_lock_timeout: ['require-lock-timeout'],
  int_primary_key: ['prefer-bigint-over-int', 'prefer-identity'],
  prefer_text: ['prefer-text-field', 'ban-char-field'],
  prefer_timestamptz: ['prefer-timestamp-tz'],
};

const root = join(import.meta.dirname, '..', 'test', 'cases', 'lint');
const squawkBin = join(import.meta.dirname, '..', 'node_modules', '.bin', 'squawk');

function squawk(file) {
  try {
    return JSON.parse(execFileSync(squawkBin, ['--reporter', 'json', file], { encoding: 'utf8' }));
  } catch (error) {
    // squawk exits 1 when it reports something; its JSON is still on stdout.
    return JSON.parse(error.stdout);
  }
}

const rows = [];
for (const [rule, theirs] of Object.entries(squawkRules)) {
  for (const name of readdirSync(join(root, rule)).sort()) {
    const file = join(root, rule, name, 'migration.sql');
    if (!existsSync(file)) continue;
    const ours = lintMigrations([{ file, text: readFileSync(file, 'utf8') }]).findings.some((f) => f.rule === rule);
    const reported = squawk(file).map((v) => v.rule_name);
    const them = theirs.some((r) => reported.includes(r));
    rows.push({ rule, case: name, pgform: ours, squawk: them, squawkRules: [...new Set(reported)].sort() });
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('| pgform rule | squawk rule | case | pgform | squawk | agree |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| \`${row.rule}\` | ${squawkRules[row.rule].map((r) => `\`${r}\``).join(', ')} | ${row.case} | ${row.pgform ? 'reports' : '—'} | ${row.squawk ? 'reports' : '—'} | ${row.pgform === row.squawk ? 'yes' : '**no**'} |`);
}
