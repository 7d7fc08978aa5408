import { PgformError } from '../errors.js';
import type { LintLevel, RuleInfo } from './rule.js';

/** A RuleSetting is what a project says of one rule: off, or the level to report it at. */
export type RuleSetting = 'off' | 'error' | 'warn' | 'info';

/** LintSettings are the `lint` block of pgform.config.ts. */
export interface LintSettings {
  /** Rule id -> off or a level. */
  rules?: Record<string, RuleSetting>;
  /** Schemas the Data API exposes (Supabase's `db_schemas`); default `public`. */
  exposedSchemas?: string[];
}

/** The level a rule reports at under the settings, or undefined when it is off. */
export function levelOf(rule: RuleInfo, settings: LintSettings, raised?: LintLevel): LintLevel | undefined {
  const setting = settings.rules?.[rule.id];
  if (setting === 'off') return undefined;
  return setting ? (setting.toUpperCase() as LintLevel) : (raised ?? rule.level);
}

/** Refuses settings naming rules that do not exist: a typo would silently keep a rule on. */
export function checkSettings(settings: LintSettings, known: Set<string>, file?: string): void {
  for (const id of Object.keys(settings.rules ?? {})) {
    if (!known.has(id)) throw new PgformError('CONFIG_INVALID', `unknown lint rule "${id}"`, { ...(file ? { file } : {}), field: `lint.rules.${id}` }, 'pgform lint --rules lists them');
  }
}
