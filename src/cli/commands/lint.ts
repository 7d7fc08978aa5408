import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import { out, paint } from '../output.js';
import { action, common, type CliOptions } from '../program.js';
import { version } from '../version.js';

type LintCliOptions = CliOptions & { from?: string; json?: boolean; format?: string; failOn?: string; only?: string; rules?: boolean };

/** Reads definition lines for the text report, each file once. */
function lineReader(root: string) {
  const files = new Map<string, string[] | undefined>();
  return (file: string, line: number) => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(resolve(root, file), 'utf8').split('\n'));
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file)?.[line - 1];
  };
}

export function registerLint(program: Command): void {
  common(program.command('lint'))
    .description('security and performance advisor on definitions and migrations; exit 0 clean, 1 findings at --fail-on or above, 2 error')
    .argument('[files...]', 'SQL files to check with the migration rules (default: the state of --from and the migrations folder)')
    .option('--from <state>', 'where the schema rules read the model: definitions (default), migrations, database or a postgres:// URL')
    .option('--only <set>', 'run one rule set: schema or migrations')
    .option('--json', 'the report as JSON')
    .option('--format <format>', 'text, json, github (annotations) or sarif', 'text')
    .option('--fail-on <level>', 'lowest level that fails the run: error, warn or info', 'warn')
    .option('--rules', 'list the rules with their levels under the config, and exit')
    .action((files: string[], cliOptions: LintCliOptions) =>
      action(async (options: LintCliOptions) => {
        const { allRules, lintCommand, lintSettings } = await import('../../commands/lint.js');
        const { atLeast } = await import('../../lint/index.js');
        const { renderLintGithub, renderLintJson, renderLintSarif, renderLintText, renderRuleList } = await import('../../emit/lint/formats.js');
        const format = options.json ? 'json' : options.format ?? 'text';
        if (!['text', 'json', 'github', 'sarif'].includes(format)) throw new PgformError('USAGE', `unknown format "${format}"`, { field: '--format' });
        const failOn = (options.failOn ?? 'warn').toUpperCase();
        if (!['ERROR', 'WARN', 'INFO'].includes(failOn)) throw new PgformError('USAGE', `unknown level "${options.failOn}"`, { field: '--fail-on' }, 'use error, warn or info');
        if (options.only !== undefined && options.only !== 'schema' && options.only !== 'migrations') throw new PgformError('USAGE', `unknown rule set "${options.only}"`, { field: '--only' }, 'use schema or migrations');
        const config = await resolveConfig(options);
        if (options.rules) {
          const settings = lintSettings(config);
          out(renderRuleList(allRules, (rule) => settings.rules?.[rule.id]?.toUpperCase() ?? rule.level));
          return 0;
        }
        const result = await lintCommand(config, { ...(options.from ? { from: options.from } : {}), ...(files.length ? { files } : {}), ...(options.only ? { only: options.only as 'schema' | 'migrations' } : {}) });
        const { report } = result;
        if (format === 'json') out(renderLintJson(report));
        else if (format === 'github') out(renderLintGithub(report) || 'pgform lint: no findings');
        else if (format === 'sarif') out(renderLintSarif(report, allRules, version()));
        else out(renderLintText(report, { ...(result.schemaSource ? { schemaSource: result.schemaSource } : {}), migrationFiles: result.migrationFiles }, paint, lineReader(config.root)));
        return report.findings.some((finding) => atLeast(finding.level, failOn as 'ERROR' | 'WARN' | 'INFO')) ? 1 : 0;
      })(cliOptions),
    );
}
