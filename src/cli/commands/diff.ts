import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import { out, paint } from '../output.js';
import { action, common, planForms, type CliOptions } from '../program.js';
import { version } from '../version.js';

type DiffOptions = CliOptions & { from?: string; to?: string; json?: boolean; sql?: boolean; schema?: string[]; format?: string };

export function registerDiff(program: Command): void {
  planForms(common(program.command('diff')))
    .description('report drift between two states; exit 0 no drift, 1 drift, 2 error')
    .option('--from <state>', 'database URL, definitions, migrations or database (default: the configured database)')
    .option('--to <state>', 'database URL, definitions, migrations or database (default: definitions)')
    .option('--json', 'the report as JSON')
    .option('--sql', 'print the SQL that turns --from into --to, hazards marked')
    .option('--schema <name...>', 'compare only these schemas')
    .option('--format <format>', 'text, json, github (annotations) or sarif', 'text')
    .action(
      action(async (options: DiffOptions) => {
        const { diffCommand } = await import('../../commands/diff.js');
        const { renderDriftGithub, renderDriftJson, renderDriftSarif } = await import('../../emit/drift/formats.js');
        const { renderDriftText } = await import('../../emit/drift/text.js');
        const { renderUnmanagedText, unmanagedSqlComment } = await import('../../emit/drift/unmanaged.js');
        const { planScript } = await import('../../plan/index.js');
        const format = options.json ? 'json' : options.format ?? 'text';
        if (!['text', 'json', 'github', 'sarif'].includes(format)) throw new PgformError('USAGE', `unknown format "${format}"`, { field: '--format' });
        const config = await resolveConfig(options);
        const result = await diffCommand(config, { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(options.schema ? { schemas: options.schema } : {}) });
        const labels = { from: result.from, to: result.to };
        if (options.sql) {
          const leftAlone = unmanagedSqlComment(result.unmanaged);
          const header = `-- pgform diff: SQL turning ${result.from} into ${result.to}\n${leftAlone ? `${leftAlone}\n` : ''}`;
          out(result.plan.steps.length ? planScript(result.plan, { header }) : `${header}-- no changes\n`);
        } else if (format === 'json') out(renderDriftJson(result.items, labels, result.hazards, result.unmanaged));
        else if (format === 'github') out(renderDriftGithub(result.items, result.unmanaged) || 'no drift');
        else if (format === 'sarif') out(renderDriftSarif(result.items, version(), result.unmanaged, result.hazards));
        else out(`${renderDriftText(result.items, labels, paint, result.hazards)}${result.unmanaged.length ? `\n${renderUnmanagedText(result.unmanaged, labels)}` : ''}`);
        return result.items.length > 0 ? 1 : 0;
      }),
    );
}
