// The everyday loop on the example systems under schemas/, on the embedded database (no server):
// generate -> migrate -> diff -> lint -> gen types (Kysely, supabase-js), Zod validators and docs, with a short summary of each step.
import { resolveConfig } from '../dist/config/load.js';
import { generateCommand } from '../dist/commands/generate.js';
import { migrateCommand } from '../dist/commands/migrate.js';
import { diffCommand } from '../dist/commands/diff.js';
import { allGenerators, genCommand } from '../dist/commands/gen.js';
import { describeCounts } from '../dist/cli/summary.js';
import { reportError } from '../dist/cli/output.js';
import { loadConfiguredSchema } from '../dist/commands/sql.js';
import { lintCommand } from '../dist/commands/lint.js';
import { lintSummary } from '../dist/emit/lint/formats.js';

const base = await resolveConfig({});
const systems = Object.keys(base.systems);
let failed = 0;
const started = Date.now();

for (const system of systems) {
  const t0 = Date.now();
  try {
    // The embedded database is the default: a configured DATABASE_URL would point the loop elsewhere.
    const config = { ...(await resolveConfig({ system })), url: undefined };
    console.log(`\n${system} (${config.definitions})`);
    console.log(`  definitions  ${describeCounts(await loadConfiguredSchema(config))}`);
    const generated = await generateCommand(config, {});
    if (generated.status === 'written') console.log(`  generate     wrote ${generated.files.map((f) => f.file).join(', ')}`);
    else if (generated.status === 'unchanged') console.log(`  generate     no changes: ${generated.replayed} migration file(s) match the definitions`);
    else console.log(`  generate     refused: ${generated.refused.length} statement(s) would delete data`);
    const migrated = await migrateCommand(config, {});
    console.log(`  migrate      ${migrated.applied.length} applied, ${migrated.upToDate} already up to date (${migrated.database})`);
    const drift = await diffCommand(config, {});
    console.log(`  diff         ${drift.items.length === 0 ? 'no drift: the embedded database matches the definitions' : `${drift.items.length} difference(s)`}`);
    if (drift.items.length) failed++;
    const lint = await lintCommand(config, { from: 'definitions' });
    const suppressed = lint.report.suppressed.length ? `, ${lint.report.suppressed.length} suppressed` : '';
    console.log(`  lint         ${lintSummary(lint.report.findings)}${suppressed} (pgform lint --system ${system} lists them)`);
    const files = await genCommand(config, { generators: allGenerators(config), check: false, fromDatabase: false });
    console.log(`  gen          ${files.map((f) => `${f.path} (${f.status === 'unchanged' ? 'fresh' : f.status})`).join(', ')}`);
    console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    reportError(error);
  }
}
console.log(`\n${systems.length} systems in ${((Date.now() - started) / 1000).toFixed(1)} s${failed ? `, ${failed} with problems` : ''}`);
process.exitCode = failed ? 1 : 0;
