import type { ResolvedConfig } from '../config/load.js';
import { checkSettings, lintMigrations, lintSchema, migrationRules, schemaRules, type LintReport, type LintSettings, type RuleInfo } from '../lint/index.js';
import type { DefaultPrivilege, DefaultPrivilegeObjects, Schema } from '../model/schema.js';
import type { Preset } from '../engine/presets.js';
import { presetOf } from './database.js';

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

/** What ALL grants on each kind of object, as the model spells privileges. */
const allPrivileges: Partial<Record<DefaultPrivilegeObjects, string[]>> = {
  tables: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'],
  sequences: ['SELECT', 'UPDATE', 'USAGE'],
  functions: ['EXECUTE'],
};

/** The preset's default privileges (`tables in public` -> anon, authenticated, service_role) as model entries. */
export function platformDefaults(config: ResolvedConfig): DefaultPrivilege[] {
  return presetDefaults(presetOf(config));
}

export function presetDefaults(preset: Preset): DefaultPrivilege[] {
  return Object.entries(preset.defaultPrivilegeGrantees).flatMap(([key, grantees]) => {
    const match = /^(\w+) in (.+)$/.exec(key);
    const on = match?.[1] as DefaultPrivilegeObjects | undefined;
    const privileges = on ? allPrivileges[on] : undefined;
    if (!match || !on || !privileges) return [];
    return [{ on, inSchema: match[2]!, grants: grantees.map((grantee) => ({ grantee, privileges })), external: true }];
  });
}

/** Rule set 1 on a model under the project's settings; a model of definitions gets the platform's default grants. */
export function lintModel(config: ResolvedConfig, schema: Schema, fromDefinitions: boolean): LintReport {
  return lintSchema(schema, lintSettings(config), fromDefinitions ? { platformDefaults: platformDefaults(config) } : {});
}
