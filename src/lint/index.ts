export type { Finding, LintCategory, LintLevel, RuleInfo } from './rule.js';
export { atLeast, lintLevels } from './rule.js';
export { lintSchema } from './schema.js';
export { lintMigrations } from './migrations.js';
export { mergeReports, type LintReport, type Suppressed, type UnusedSuppression } from './run.js';
export { checkSettings, type LintSettings, type RuleSetting } from './settings.js';
export { schemaRules } from './schema-rules/index.js';
export { migrationRules } from './migration-rules/index.js';
