import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** pgform's own entry, so user files that `import ... from 'pgform'` load this very copy. */
function ownEntry(): string {
  const here = fileURLToPath(new URL('..', import.meta.url));
  const ts = join(here, 'index.ts');
  return existsSync(ts) ? ts : join(here, 'index.js');
}

let loader: Awaited<ReturnType<typeof makeLoader>> | undefined;

async function makeLoader() {
  const { createJiti } = await import('jiti');
  // pgform itself is handed over as the module already loaded natively: resolving and evaluating
  // a second copy of the library through the transpiler cost most of a warm run's second.
  const pgform: unknown = await import(pathToFileURL(ownEntry()).href);
  // The transpile cache is keyed by file content; modules are re-evaluated so edited files are seen.
  return createJiti(import.meta.url, { virtualModules: { pgform }, moduleCache: false, fsCache: true });
}

/** Imports a user's TypeScript file (definitions, config) without a build step. */
export async function importTypeScript(path: string): Promise<Record<string, unknown>> {
  loader ??= await makeLoader();
  return (await loader.import(path)) as Record<string, unknown>;
}
