import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '../../src/canonical/index.js';
import type { Connection } from '../../src/engine/connection.js';
import { openScratchPglite } from '../../src/engine/pglite.js';
import { presets } from '../../src/engine/presets.js';
import { loadSchema } from '../../src/load/definitions.js';
import type { Schema } from '../../src/model/schema.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const casesRoot = join(repoRoot, 'test', 'cases', 'types');

/** The type case folders by name, narrowed by PGFORM_CASE (`types/<name>` or the bare name). */
export function typeCases(): string[] {
  const selected = process.env.PGFORM_CASE;
  return readdirSync(casesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => !selected || `types/${name}`.startsWith(selected) || name.startsWith(selected))
    .sort();
}
export const externalNamespaces = presets.supabase.externalNamespaces;

/** The canonical model of a definitions path, printed by `conn` or by a scratch embedded database. */
export async function canonicalModel(definitions: string, conn?: Connection): Promise<Schema> {
  const declared = await loadSchema(definitions, { externalNamespaces });
  if (conn) return canonicalize(declared, conn, { externalNamespaces });
  const scratch = await openScratchPglite();
  try {
    await scratch.exec(presets.supabase.bootstrapSql!);
    return await canonicalize(declared, scratch, { externalNamespaces });
  } finally {
    await scratch.close();
  }
}

/** A scratch folder inside the repository (so `kysely` resolves from node_modules), removed by `dispose`. */
export function scratchFolder(label: string): { dir: string; dispose: () => void } {
  const dir = join(repoRoot, 'test', `.tmp-types-${process.pid}-${label}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Type-checks files with the repository's TypeScript, strict, as an ESM Node project would. */
export function typecheck(dir: string, files: string[]): { ok: boolean; output: string } {
  const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
  const flags = ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'];
  const result = spawnSync(tsc, [...flags, ...files], { cwd: dir, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Type-checks `compat.ts` in `dir` and names each failing assertion by its label (see compat-checks.ts). */
export function compatFailures(dir: string, labels: Map<number, string>): { failing: string[]; output: string } {
  const result = typecheck(dir, ['compat.ts']);
  const failing = [...result.output.matchAll(/compat\.ts\((\d+),\d+\): (.*)/g)].map(([, line, message]) => `${labels.get(Number(line)) ?? `line ${line}`}: ${message}`);
  return { failing, output: result.output };
}
