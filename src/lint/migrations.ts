import type { LintTarget } from './rule.js';
import { readMigrationText, type MigrationText } from './migration.js';
import { migrationRules } from './migration-rules/index.js';
import { settle, type LintReport } from './run.js';
import type { LintSettings } from './settings.js';

/** Rule set 2 on migration texts (files, or a plan about to be written), each read with its name. */
export function lintMigrations(texts: { file: string; text: string }[], settings: LintSettings = {}): LintReport {
  const migrations: MigrationText[] = texts.map(({ file, text }) => readMigrationText(text, file));
  const results = migrationRules.map((rule) => ({ rule, hits: migrations.flatMap((migration) => rule.check(migration)) }));
  const declared: LintTarget[] = migrations.flatMap((migration) =>
    migration.statements.filter((statement) => statement.allow).map((statement) => ({ kind: 'statement', object: `${migration.file}:${statement.line}`, source: { file: migration.file, line: statement.line }, allow: statement.allow! })),
  );
  return settle(results, declared, settings);
}
