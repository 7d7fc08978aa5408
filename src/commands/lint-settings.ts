import type { ResolvedConfig } from '../config/load.js';
import { checkSettings, lintMigrations, migrationRules, schemaRules, type LintReport, type LintSettings, type RuleInfo } from '../lint/index.js';

/** Every rule of both sets: what `--rules` lists and what the config may name. */
export const allRules: RuleInfo[] = [...schemaRules, ...migrationRules];

/** The project's lint settings, checked against the known rules. */
export function lintSettings(config: ResolvedConfig): LintSettings {
  const settings: LintSettings = { ...(config.lint?.rules ? { rules: config.lint.rules } : {}), ...(config.lint?.exposedSchemas ? { exposedSchemas: config.lint.exposedSchemas } : {}) };
  checkSettings(settings, new Set(allRules.map((rule) => rule.id)), config.configFile);
  return settings;
}

/** The migration findings of SQL about to be written (a generated file, a diff's plan), under the project's settings. */
export function lintPlanText(config: ResolvedConfig, file: string, text: string): LintReport {
  return lintMigrations([{ file, text }], lintSettings(config));
}
