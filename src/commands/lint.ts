import { readFileSync, existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { checkDatabaseUrl } from '../config/url.js';
import { PgformError } from '../errors.js';
import { lintMigrations, mergeReports, type LintReport } from '../lint/index.js';
import { listMigrations } from '../migrate/files.js';
import type { Schema } from '../model/schema.js';
import { redactUrl } from '../engine/redact.js';
import { migrationsState } from './generate.js';
import { loadConfiguredSchema } from './sql.js';
import { lintModel, lintSettings } from './lint-settings.js';
import { databaseState } from './states.js';

export { allRules, lintSettings } from './lint-settings.js';

export interface LintCommandOptions {
  /** Where the model comes from: `definitions` (default), `migrations`, `database` or a URL. */
  from?: string;
  /** SQL files to lint with the migration rules instead of the project's state and migrations folder. */
  files?: string[];
  /** Run one rule set only. */
  only?: 'schema' | 'migrations';
}

/** A LintResult is the report of one run and what was read. */
export interface LintResult {
  /** What the schema rules read: `definitions (schemas/crm)`, a redacted URL, ...; absent when they did not run. */
  schemaSource?: string;
  /** How many migration files (or given SQL files) the migration rules read. */
  migrationFiles: number;
  report: LintReport;
}

async function stateOf(config: ResolvedConfig, from: string): Promise<{ label: string; schema: Schema }> {
  if (from === 'definitions') return { label: `definitions (${config.definitions})`, schema: await loadConfiguredSchema(config) };
  if (from === 'migrations') return { label: `migrations (${config.migrations})`, schema: (await migrationsState(config)).schema };
  if (from === 'database') return { label: config.url ? redactUrl(config.url) : 'the embedded database', schema: await databaseState(config) };
  if (/^postgres(ql)?:\/\//i.test(from)) return { label: redactUrl(from), schema: await databaseState(config, checkDatabaseUrl(from, '--from')) };
  throw new PgformError('USAGE', `unknown state "${redactUrl(from)}"`, { field: '--from' }, 'use definitions, migrations, database or a postgres:// URL');
}

/** Rule set 1 on the chosen state and rule set 2 on the migrations folder, or rule set 2 on the given SQL files. */
export async function lintCommand(config: ResolvedConfig, options: LintCommandOptions = {}): Promise<LintResult> {
  const settings = lintSettings(config);
  if (options.files?.length) {
    const texts = options.files.map((file) => {
      const absolute = resolve(config.root, file);
      if (!existsSync(absolute)) throw new PgformError('USAGE', `file not found: ${file}`, { file });
      return { file: relative(config.root, absolute), text: readFileSync(absolute, 'utf8') };
    });
    return { migrationFiles: texts.length, report: lintMigrations(texts, settings) };
  }
  const empty: LintReport = { findings: [], suppressed: [], unusedSuppressions: [] };
  let schemaReport = empty;
  let schemaSource: string | undefined;
  if (options.only !== 'migrations') {
    const from = options.from ?? (config.url ? 'database' : 'definitions');
    const state = await stateOf(config, from);
    schemaSource = state.label;
    schemaReport = lintModel(config, state.schema, from === 'definitions');
  }
  const files = options.only === 'schema' ? [] : listMigrations(config.root, config.migrations);
  const migrationReport = files.length ? lintMigrations(files.map((file) => ({ file: file.path, text: file.sql })), settings) : empty;
  return { ...(schemaSource ? { schemaSource } : {}), migrationFiles: files.length, report: mergeReports(schemaReport, migrationReport) };
}
