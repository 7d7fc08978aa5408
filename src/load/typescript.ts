import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

/** pgform's own entry, so user files that `import ... from 'pgform'` load this very copy. */
function ownEntry(): string {
  const here = fileURLToPath(new URL('..', import.meta.url));
  const ts = join(here, 'index.ts');
  return existsSync(ts) ? ts : join(here, 'index.js');
}

let loader: ReturnType<typeof createJiti> | undefined;

/** Imports a user's TypeScript file (definitions, config) without a build step. */
export async function importTypeScript(path: string): Promise<Record<string, unknown>> {
  // The transpile cache is keyed by file content; modules are re-evaluated so edited files are seen.
  loader ??= createJiti(import.meta.url, { alias: { pgform: ownEntry() }, moduleCache: false, fsCache: true });
  return (await loader.import(path)) as Record<string, unknown>;
}
