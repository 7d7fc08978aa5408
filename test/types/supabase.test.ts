import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/canonical/apply.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { canonicalize } from '../../src/canonical/index.js';
import { renderSupabaseTypes } from '../../src/emit/supabase/index.js';
import { inTransaction } from '../../src/engine/connection.js';
import { loadSchema } from '../../src/load/definitions.js';
import { postgresEngine, withDatabase } from '../support/engines.js';
import { supabaseChecks } from './supabase-compat.js';
import { casesRoot, compatFailures, externalNamespaces, repoRoot, scratchFolder, typeCases } from './support.js';

const selected = process.env.PGFORM_CASE;
const cases = typeCases();
const systems = readdirSync(join(repoRoot, 'schemas'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !selected || name.startsWith(selected))
  .sort();

function runSupabaseCli(url: string, namespaces: string[]): string {
  const bin = join(repoRoot, 'node_modules', '.bin', 'supabase');
  const env = { ...process.env, PGSSLMODE: 'disable' };
  const result = spawnSync(bin, ['gen', 'types', 'typescript', '--db-url', url, '--schema', namespaces.join(',')], { cwd: repoRoot, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`supabase gen types failed: ${result.stderr}`);
  // The CLI may print connection notices on stdout before the file.
  const start = result.stdout.indexOf('export type Json');
  if (start === -1) throw new Error(`supabase gen types printed no types: ${result.stdout.slice(0, 500)}`);
  return result.stdout.slice(start);
}

/**
 * The same PostgreSQL database typed by the Supabase CLI and by pgform (from the definitions):
 * every table's Row, Insert and Update column and every function's Args and Returns must be
 * mutually assignable, except for the deliberate differences the README lists, which must show
 * up exactly where expected.
 */
describe('compatibility with the Supabase CLI', () => {
  const targets = [...cases.filter((name) => name !== 'empty').map((name) => ({ label: `types/${name}`, definitions: join(casesRoot, name, 'definitions.ts') })),
    ...systems.map((name) => ({ label: `system ${name}`, definitions: join(repoRoot, 'schemas', name) }))];
  it.skipIf(Boolean(postgresEngine.unavailable)).each(targets)('$label', async ({ label, definitions }) => {
    await withDatabase(postgresEngine, async ({ conn, url }) => {
      const declared = await loadSchema(definitions, { externalNamespaces });
      const canonical = await canonicalize(declared, conn, { externalNamespaces });
      await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
      const namespaces = [...new Set(['public', ...Object.values(declared.namespaces).filter((n) => !n.external).map((n) => n.name)])].sort();
      const folder = scratchFolder(`supabase-${label.replace(/\W+/g, '-')}`);
      try {
        writeFileSync(join(folder.dir, 'ours.ts'), renderSupabaseTypes(canonical));
        writeFileSync(join(folder.dir, 'theirs.ts'), runSupabaseCli(url!, namespaces));
        const { source, labels } = supabaseChecks(canonical, namespaces);
        writeFileSync(join(folder.dir, 'compat.ts'), source);
        const result = compatFailures(folder.dir, labels);
        expect(result.failing).toEqual([]);
        expect(result.output).toBe('');
      } finally {
        if (!process.env.PGFORM_KEEP) folder.dispose();
      }
    });
  }, 600_000);
});
