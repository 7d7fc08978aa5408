import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const code = /\.(js|ts)$/;
const fingerprints = new Map<string, string>();

/**
 * The hash of pgform's own code files whose path below src/ (or dist/) `include` matches, such as
 * `^(dsl|model)/`: a cache whose values that code computes keys on it, so an upgrade or an edit of
 * pgform never reads what an older version stored. Read once per process and pattern: a few
 * hundred small files, tens of milliseconds.
 */
export function codeFingerprint(include: RegExp): string {
  const known = fingerprints.get(include.source);
  if (known) return known;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file);
      else if (code.test(entry.name) && !entry.name.endsWith('.d.ts') && include.test(file)) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
    }
  };
  walk('');
  const fingerprint = hash.digest('hex');
  fingerprints.set(include.source, fingerprint);
  return fingerprint;
}
