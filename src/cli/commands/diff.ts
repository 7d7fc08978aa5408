import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import { lintLines } from '../lint-lines.js';
import { err, out, paint } from '../output.js';
import { fleetOptions, isFleetRun, type FleetCliOptions } from '../fleet.js';
import { action, common, planForms } from '../program.js';
import { version } from '../version.js';

type DiffOptions = FleetCliOptions & { schemas?: string; from?: string; to?: string; json?: boolean; sql?: boolean; schema?: string[]; format?: string };

export function registerDiff(program: Command): void {
  fleetOptions(planForms(common(program.command('diff'))))
    .description('report drift between two states; exit 0 no drift, 1 drift, 2 error')
    .option('--from <state>', 'database URL, definitions, migrations or database (default: the configured database)')
    .option('--to <state>', 'database URL, definitions, migrations or database (default: definitions)')
    .option('--json', 'the report as JSON')
    .option('--sql', 'print the SQL that turns --from into --to, hazards marked')
    .option('--schema <name...>', 'compare only these schemas')
    .option('--format <format>', 'text, json, github (annotations) or sarif', 'text')
    .option('--schemas <names>', "per-tenant schemas: compare each of these schemas (names or patterns, comma-separated: 'tenant_*') with the definitions' one schema")
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
        if (options.schemas) {
          if (options.from || options.to || options.sql || isFleetRun(options)) throw new PgformError('USAGE', '--schemas compares the tenant schemas of one database with the definitions', { field: '--schemas' }, 'drop --from/--to/--sql/--targets');
          const { runTenantDiff } = await import('../tenants.js');
          return runTenantDiff(config, options.schemas, format);
        }
        if (isFleetRun(options)) {
          if (options.from || options.to || options.sql) throw new PgformError('USAGE', `${options.sql ? '--sql' : '--from/--to'} compares one pair of states`, { field: '--targets' }, 'a fleet diff compares every target with the definitions');
          const { runFleetDiff } = await import('../fleet.js');
          return runFleetDiff(config, { ...options, format });
        }
        const result = await diffCommand(config, { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(options.schema ? { schemas: options.schema } : {}) });
        const labels = { from: result.from, to: result.to };
        if (options.sql) {
          const leftAlone = unmanagedSqlComment(result.unmanaged);
          const header = `-- pgform diff: SQL turning ${result.from} into ${result.to}\n${leftAlone ? `${leftAlone}\n` : ''}`;
          const script = result.plan.steps.length ? planScript(result.plan, { header }) : `${header}-- no changes\n`;
          out(script);
          const { lintPlanText } = await import('../../commands/lint-settings.js');
          for (const line of lintLines(lintPlanText(config, 'plan', script).findings)) err(line);
        } else if (format === 'json') out(renderDriftJson(result.items, labels, result.hazards, result.unmanaged));
        else if (format === 'github') out(renderDriftGithub(result.items, result.unmanaged) || 'no drift');
        else if (format === 'sarif') out(renderDriftSarif(result.items, version(), result.unmanaged, result.hazards));
        else out(`${renderDriftText(result.items, labels, paint, result.hazards)}${result.unmanaged.length ? `\n${renderUnmanagedText(result.unmanaged, labels)}` : ''}`);
        return result.items.length > 0 ? 1 : 0;
      }),
    );
}
