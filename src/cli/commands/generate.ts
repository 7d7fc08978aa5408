import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../../config/load.js';
import type { GenerateResult } from '../../commands/generate.js';
import type { RefusedStatement } from '../../migrate/guard.js';
import { lintLines } from '../lint-lines.js';
import { err, out, paint } from '../output.js';
import { action, common, planForms, type CliOptions } from '../program.js';

type GenerateCliOptions = CliOptions & { name?: string; allowDataLoss?: boolean; allowSecurityChanges?: boolean };

/** How many summary lines a written file lists before "… and N more". */
const shown = 25;

/** Prints the statements the guards stopped and the flags that let them through; shared with push. */
export function printRefused(refused: RefusedStatement[], what: string): void {
  const plural = (n: number) => `${n} statement${n === 1 ? '' : 's'}`;
  const dataLoss = refused.filter((s) => s.guard === 'data loss').length;
  const security = refused.length - dataLoss;
  const whys = [dataLoss ? `${plural(dataLoss)} would delete data` : '', security ? `${plural(security)} would take access away or weaken security` : ''].filter(Boolean);
  err(`${paint.red('refused')}: ${whys.join(', ')}; ${what}`);
  for (const statement of refused) {
    err(`  ${statement.object}: ${statement.reasons.join('; ')}`);
    err(`    ${statement.sql.split('\n').join('\n    ')}`);
  }
  const flags = [dataLoss ? '--allow-data-loss' : '', security ? '--allow-security-changes' : ''].filter(Boolean);
  err(`pass ${flags.join(' and ')} to go ahead anyway`);
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How the existing files' state was reached: replayed in a shadow database, on top of a stored state, or stored whole. */
function shadowLine(result: GenerateResult, replayMs: number): string | undefined {
  const { replayed, reused, folder } = result;
  if (replayed === 0 && reused === 0) return undefined;
  if (replayed === 0) return `${count(reused, 'migration')} in ${folder}: their stored shadow state, nothing replayed`;
  const base = reused ? ` on the stored state of ${count(reused, 'earlier one')}` : '';
  return `replayed ${count(replayed, 'migration')} from ${folder} into a shadow database${base} (${Math.round(replayMs)} ms)`;
}

export function registerGenerate(program: Command): void {
  planForms(common(program.command('generate')))
    .description('write the next migration file: the migrations replayed in a shadow database vs the definitions')
    .option('--name <slug>', 'the name part of the file (default: derived from the changes)')
    .option('--allow-data-loss', 'write statements that delete data (dropped tables, columns...)')
    .option('--allow-security-changes', 'write statements that revoke from API roles, disable row level security, drop policies or security_invoker')
    .action(
      action(async (options: GenerateCliOptions) => {
        const { generateCommand } = await import('../../commands/generate.js');
        const config = await resolveConfig(options);
        const started = performance.now();
        let replayMs = 0;
        const live = Boolean(process.stderr.isTTY);
        const result = await generateCommand(config, {
          ...(options.name ? { name: options.name } : {}),
          allowDataLoss: options.allowDataLoss ?? false,
          allowSecurityChanges: options.allowSecurityChanges ?? false,
          onProgress: (done, total) => {
            if (live && total >= 10) process.stderr.write(`\rreplaying migrations ${done}/${total}`);
            if (done === total) replayMs = performance.now() - started;
          },
        });
        if (live && result.replayed >= 10) process.stderr.write('\r\u001b[2K');
        const shadow = shadowLine(result, replayMs);
        if (shadow) err(paint.dim(shadow));
        if (result.status === 'unchanged') {
          out(`no changes: the migrations in ${result.folder} already match ${config.definitions}; no file written`);
          return 0;
        }
        if (result.status === 'refused') {
          printRefused(result.refused, 'no file written');
          return 2;
        }
        for (const file of result.files) {
          out(`${paint.green('wrote')} ${file.file} (${file.statements} statement${file.statements === 1 ? '' : 's'}${file.transactional ? '' : ', runs outside a transaction'})`);
          for (const line of file.summary.slice(0, shown)) out(`  ${line}`);
          if (file.summary.length > shown) out(`  … and ${file.summary.length - shown} more`);
          for (const hazard of file.hazards) out(`  ${paint.yellow('hazard')} ${hazard}`);
          for (const line of lintLines(file.lint)) out(`  ${line}`);
        }
        if (result.after.remaining > 0) {
          err(`${paint.yellow('warning')}: replayed, the files written leave ${count(result.after.remaining, 'difference')} from ${config.definitions}; see pgform diff --from migrations --to definitions`);
        }
        return 0;
      }),
    );
}
