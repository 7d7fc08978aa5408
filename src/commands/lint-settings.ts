import type { ResolvedConfig } from '../config/load.js';
import { checkSettings, lintMigrations, lintSchema, mergeReports, migrationRules, schemaRules, type LintReport, type LintSettings, type RuleInfo } from '../lint/index.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DefaultPrivilege, DefaultPrivilegeObjects, Schema, SourceLocation } from '../model/schema.js';
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
  const report = lintSchema(schema, lintSettings(config), fromDefinitions ? { platformDefaults: platformDefaults(config) } : {});
  return fromDefinitions ? locatePolicies(report, config.root) : report;
}

/**
 * A policy declared inside its table's `policies` has no call site of its own, so the model
 * places it at its table's line. The line that names it (`'owner reads own': {`), between the
 * table's line and the next top-level declaration, is where it is written: findings move there.
 * Policies a helper builds (`...dashboardPolicies('deals')`) keep the table's line.
 */
function locatePolicies(report: LintReport, root: string): LintReport {
  const files = new Map<string, string[]>();
  const lines = (file: string) => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(resolve(root, file), 'utf8').split('\n'));
      } catch {
        files.set(file, []);
      }
    }
    return files.get(file)!;
  };
  const move = <T extends { kind?: string; object: string; source?: SourceLocation }>(item: T): T => {
    const name = /policy "(.*)"$/.exec(item.object)?.[1];
    if (!name || !item.source) return item;
    const text = lines(item.source.file);
    const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
    const bare = /^\w+$/.test(name) ? new RegExp(`^\\s*${name}\\s*:`) : undefined;
    for (let i = item.source.line; i < text.length && !/^(export |\}\);)/.test(text[i]!); i++) {
      if (quoted.some((q) => text[i]!.includes(q)) || bare?.test(text[i]!)) return { ...item, source: { file: item.source.file, line: i + 1 } };
    }
    return item;
  };
  // Merging with an empty report sorts the moved findings back into file and line order.
  return mergeReports({ findings: report.findings.map(move), suppressed: report.suppressed.map(move), unusedSuppressions: report.unusedSuppressions.map(move) }, { findings: [], suppressed: [], unusedSuppressions: [] });
}
