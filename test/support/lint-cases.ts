import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { presetDefaults } from '../../src/commands/lint-settings.js';
import { presets } from '../../src/engine/presets.js';
import { introspect } from '../../src/introspect/index.js';
import { lintMigrations, lintSchema, type LintReport } from '../../src/lint/index.js';
import { loadSchema } from '../../src/load/definitions.js';
import type { TestEngine } from './engines.js';

/**
 * Lint cases: `test/cases/lint/<rule>/<case>/` holds `definitions.ts` (schema rules on
 * definitions), `schema.sql` (schema rules on a live database, both engines) or `migration.sql`
 * (migration rules), and `expected.json`: what the folder's rule reports, suppresses and finds
 * unused there. `PGFORM_CASE=<rule>/` selects; `PGFORM_UPDATE=1` rewrites expected.json.
 */
export const lintCasesRoot = join(import.meta.dirname, '..', 'cases', 'lint');

const selected = process.env.PGFORM_CASE?.replace(/^lint\//, '');

export type CaseKind = 'definitions' | 'database' | 'migration';

/** The case folders of one kind, as `rule/case`. */
export function lintCases(kind: CaseKind): string[] {
  const file = { definitions: 'definitions.ts', database: 'schema.sql', migration: 'migration.sql' }[kind];
  return readdirSync(lintCasesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .flatMap((rule) => readdirSync(join(lintCasesRoot, rule)).map((name) => `${rule}/${name}`))
    .filter((name) => existsSync(join(lintCasesRoot, name, file)))
    .filter((name) => !selected || name.startsWith(selected))
    .sort();
}

/** What expected.json records: the folder's rule only, so another rule's change never breaks this case. */
function observed(report: LintReport, rule: string) {
  const place = (source: { file: string; line: number } | undefined) => (source ? `${source.file.split('/').pop()}:${source.line}` : null);
  return {
    findings: report.findings.filter((f) => f.rule === rule).map((f) => ({ level: f.level, category: f.category, object: f.object, at: place(f.source), message: f.message })),
    suppressed: report.suppressed.filter((f) => f.rule === rule).map((f) => ({ object: f.object, at: place(f.source), reason: f.reason })),
    unused: report.unusedSuppressions.filter((u) => u.rule === rule).map((u) => ({ object: u.object, at: place(u.source), reason: u.reason })),
  };
}

function check(name: string, report: LintReport, engine?: TestEngine['name']): void {
  const rule = name.split('/')[0]!;
  const folder = join(lintCasesRoot, name);
  const result = observed(report, rule);
  const golden = join(folder, engine && existsSync(join(folder, `expected.${engine}.json`)) ? `expected.${engine}.json` : 'expected.json');
  if (process.env.PGFORM_UPDATE || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
  expect(result).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  // A triggering case must trigger and a clean one must not: the golden alone could be rewritten empty.
  if (/(^|-)triggers$/.test(name.split('/')[1]!)) expect(result.findings.length).toBeGreaterThan(0);
  if (/(^|-)clean$/.test(name.split('/')[1]!)) expect(result.findings).toEqual([]);
}

const externalNamespaces = presets.supabase.externalNamespaces;

export async function runDefinitionsCase(name: string): Promise<void> {
  const file = join(lintCasesRoot, name, 'definitions.ts');
  // As `pgform lint` reads definitions: with the grants Supabase's default privileges add.
  const report = lintSchema(await loadSchema(relative(process.cwd(), file), { externalNamespaces }), {}, { platformDefaults: presetDefaults(presets.supabase) });
  // Every finding from definitions points at the definition's file and line.
  for (const finding of report.findings) expect(finding.source, `${finding.rule}: ${finding.message}`).toMatchObject({ file: expect.stringMatching(/definitions\.ts$/), line: expect.any(Number) });
  check(name, report);
}

export async function runMigrationCase(name: string): Promise<void> {
  const text = readFileSync(join(lintCasesRoot, name, 'migration.sql'), 'utf8');
  check(name, lintMigrations([{ file: `${name}/migration.sql`, text }]));
}

export async function runDatabaseCase(engine: TestEngine, name: string): Promise<void> {
  const { conn, dispose } = await engine.open();
  try {
    await conn.exec(readFileSync(join(lintCasesRoot, name, 'schema.sql'), 'utf8'));
    check(name, lintSchema(await introspect(conn, { externalNamespaces })), engine.name);
  } finally {
    await dispose();
  }
}
