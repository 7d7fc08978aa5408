import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/canonical/apply.js';
import { canonicalize } from '../../src/canonical/index.js';
import { renderTypes } from '../../src/emit/types/index.js';
import { inTransaction } from '../../src/engine/connection.js';
import { introspect } from '../../src/introspect/index.js';
import { loadSchema } from '../../src/load/definitions.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { postgresEngine, withDatabase } from '../support/engines.js';
import { compatChecks } from './compat-checks.js';
import { casesRoot, compatFailures, externalNamespaces, repoRoot, scratchFolder } from './support.js';

const cases = readdirSync(casesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'empty')
  .map((entry) => entry.name)
  .sort();

function runKyselyCodegen(url: string, outFile: string): void {
  const bin = join(repoRoot, 'node_modules', 'kysely-codegen', 'dist', 'cli', 'bin.js');
  const result = spawnSync(process.execPath, [bin, '--dialect', 'postgres', '--url', url, '--out-file', outFile], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kysely-codegen failed: ${result.stderr}`);
}

/**
 * The same database typed by kysely-codegen and by pgform: for every column of every table and
 * view, the select, insert and update types must be mutually assignable, except for the
 * deliberate differences listed in the README ("Kysely types"), which must show up exactly where expected.
 * The file generated from the live database, by a full read and by a types read, must also equal
 * the one from the definitions.
 */
describe('compatibility with kysely-codegen', () => {
  it.skipIf(Boolean(postgresEngine.unavailable)).each(cases)('%s', async (name) => {
    await withDatabase(postgresEngine, async ({ conn, url }) => {
      const declared = await loadSchema(join(casesRoot, name, 'definitions.ts'), { externalNamespaces });
      const canonical = await canonicalize(declared, conn, { externalNamespaces });
      await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
      const ours = renderTypes(canonical);
      const namespaces = Object.values(declared.namespaces).filter((n) => !n.external).map((n) => n.name);
      expect(renderTypes(await introspect(conn, { namespaces, externalNamespaces }))).toBe(ours);
      // `gen types --url` reads tables by their shape alone, in parts on parallel sessions: the same file.
      expect(renderTypes(await introspect(conn, { namespaces, externalNamespaces, tableParts: false }))).toBe(ours);

      const folder = scratchFolder(`codegen-${name}`);
      try {
        writeFileSync(join(folder.dir, 'ours.ts'), ours);
        runKyselyCodegen(url!, join(folder.dir, 'theirs.ts'));
        const { source, labels } = compatChecks(canonical);
        writeFileSync(join(folder.dir, 'compat.ts'), source);
        const result = compatFailures(folder.dir, labels);
        expect(result.failing).toEqual([]);
        expect(result.output).toBe('');
      } finally {
        folder.dispose();
      }
    });
  });
});
