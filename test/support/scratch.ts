import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { scratchRoot } from '../../src/engine/pglite.js';

/**
 * A new empty folder for a test's throwaway project or embedded database, where pgform puts its
 * own scratch databases (a RAM disk when there is one): creating and removing a data directory
 * there costs a fraction of what it costs on disk.
 */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(scratchRoot(), `pgform-test-${prefix}-${process.pid}-`));
}
