import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** pgform's own entry, so user files that `import ... from 'pgform'` load this very copy. */
function ownEntry(): string {
  const here = fileURLToPath(new URL('..', import.meta.url));
  const ts = join(here, 'index.ts');
  return existsSync(ts) ? ts : join(here, 'index.js');
}

let loader: Awaited<ReturnType<typeof makeLoader>> | undefined;
/** Whether evaluated modules are kept between loads (a watching session, see keepModules). */
let keep = false;

async function makeLoader() {
  const { createJiti } = await import('jiti');
  // pgform itself is handed over as the module already loaded natively: resolving and evaluating
  // a second copy of the library through the transpiler cost most of a warm run's second.
  const pgform: unknown = await import(pathToFileURL(ownEntry()).href);
  // The transpile cache is keyed by file content; modules are re-evaluated so edited files are seen.
  return createJiti(import.meta.url, { virtualModules: { pgform }, moduleCache: keep, fsCache: true });
}

/**
 * For a session that loads the same definitions again and again (`pgform dev`): evaluated
 * modules are kept between loads, and only the files `forgetModules` names, with every module
 * that imports them, are evaluated again. Re-evaluating a hundred-table schema's every file
 * on each save costs more than transpiling the one that changed.
 */
export function keepModules(): void {
  keep = true;
  loader = undefined;
}

/** Forgets the modules of changed files and of everything that imports them, so the next load evaluates them again. */
export function forgetModules(files: string[]): void {
  const cache = createRequire(import.meta.url).cache;
  const gone = new Set(files.map((file) => resolve(file)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, module] of Object.entries(cache)) {
      if (gone.has(id) || !module?.children.some((child) => gone.has(child.id))) continue;
      gone.add(id);
      grew = true;
    }
  }
  for (const id of gone) delete cache[id];
}

/** Imports a user's TypeScript file (definitions, config) without a build step. */
export async function importTypeScript(path: string): Promise<Record<string, unknown>> {
  loader ??= await makeLoader();
  return (await loader.import(path)) as Record<string, unknown>;
}
