import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../src/config/load.js';
import { scratchFolder } from './scratch.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * A ResolvedConfig for a test: the given definitions, a database URL or a private embedded
 * database in a scratch folder; migrations and output in a temporary folder inside the
 * repository (both removed by `dispose`).
 */
export function testConfig(options: { definitions: string; url?: string; migrations?: string }): ResolvedConfig & { dispose(): void } {
  const dir = mkdtempSync(join(repoRoot, 'test', '.tmp-config-'));
  const db = scratchFolder('db');
  return {
    root: repoRoot,
    definitions: options.definitions,
    migrations: options.migrations ?? join(dir, 'migrations'),
    out: join(dir, 'generated'),
    ...(options.url ? { url: options.url } : {}),
    embeddedDir: join(db, 'db'),
    preset: 'supabase',
    systems: {},
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(db, { recursive: true, force: true });
    },
  };
}
