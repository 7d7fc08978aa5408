import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import type { MigrationStatus } from '../../migrate/status.js';
import { out, paint } from '../output.js';
import { fleetOptions, isFleetRun, type FleetCliOptions } from '../fleet.js';
import { action, common } from '../program.js';

const colour: Record<MigrationStatus['status'], (text: string) => string> = {
  applied: paint.green,
  pending: paint.yellow,
  changed: paint.red,
  missing: paint.red,
};

/** How far a stopped run got inside a no-transaction file. */
function stopped(partial: NonNullable<MigrationStatus['partial']>): string {
  const ran = `${partial.done} of ${partial.statements} statements ran`;
  return partial.changed ? `(${ran}; the file changed since: restore it to resume)` : `(${ran}; migrate resumes after them)`;
}

function table(rows: MigrationStatus[]): string[] {
  const label = (row: MigrationStatus) => [row.status, ...(row.outOfOrder ? ['(out of order)'] : []), ...(row.partial ? [stopped(row.partial)] : [])].join(' ');
  const cells = rows.map((row) => [label(row), row.name, row.appliedAt ?? '']);
  const widths = [0, 1].map((i) => Math.max(i === 0 ? 6 : 4, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[], paintFirst: (t: string) => string = (t) => t) => `${paintFirst(c[0]!.padEnd(widths[0]!))}  ${c[1]!.padEnd(widths[1]!)}  ${c[2]}`.trimEnd();
  return [line(['STATUS', 'NAME', 'APPLIED AT']), ...cells.map((c, i) => line(c, colour[rows[i]!.status]))];
}

export function registerStatus(program: Command): void {
  fleetOptions(common(program.command('status')))
    .description('applied, pending, changed and missing migrations (exit 1 unless all are applied)')
    .option('--json', 'print the status as JSON')
    .option('--schemas <names>', "per-tenant schemas: where each of these schemas (names or patterns, comma-separated: 'tenant_*') stands, from one read of their histories")
    .action(
      action(async (options: FleetCliOptions & { schemas?: string; json?: boolean }) => {
        if (options.schemas) {
          if (isFleetRun(options)) throw new PgformError('USAGE', '--schemas reports the tenant schemas of one database', { field: '--schemas' }, 'drop --targets');
          const { runTenantStatus } = await import('../tenants.js');
          return runTenantStatus(await resolveConfig(options), options.schemas, options);
        }
        if (isFleetRun(options)) {
          const { runFleetStatus } = await import('../fleet.js');
          return runFleetStatus(await resolveConfig(options), options);
        }
        const { statusCommand } = await import('../../commands/status.js');
        const result = await statusCommand(await resolveConfig(options));
        const settled = result.counts.pending + result.counts.changed + result.counts.missing === 0;
        if (options.json) {
          out(JSON.stringify(result, null, 2));
          return settled ? 0 : 1;
        }
        if (result.migrations.length) for (const line of table(result.migrations)) out(line);
        else out(`no migrations in ${result.folder}`);
        const counts = Object.entries(result.counts).map(([state, n]) => `${n} ${state}`).join(', ');
        out(`${result.database}: ${counts}`);
        return settled ? 0 : 1;
      }),
    );
}
