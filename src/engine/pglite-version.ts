import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed PGlite package version. It fixes the embedded server's version, so it keys
 * caches without starting (or even loading) the engine.
 */
export const pgliteVersion: string = (() => {
  try {
    return JSON.parse(readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
})();
