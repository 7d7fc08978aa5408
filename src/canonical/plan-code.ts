import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose code turns a model into the SQL a printing server runs (none reads outside them). */
const planFolders = ['diff', 'plan', 'model', 'sql'];
const planFile = /^from-scratch\.(js|ts)$/;

let fingerprint: string | undefined;

/**
 * The hash of the code that writes a model's creating SQL. The canonical cache is keyed by the
 * model itself (computing the whole plan only to hash it cost seconds at thousands of tables),
 * so a change to that code, which would print the same model differently, must change the key.
 * Read once per process: a few hundred files, tens of milliseconds.
 */
export function planCodeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const code = /\.(js|ts)$/;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (code.test(entry.name) && !entry.name.endsWith('.d.ts')) add(file);
    }
  };
  for (const folder of planFolders) walk(folder);
  for (const name of readdirSync(join(root, 'canonical')).filter((name) => planFile.test(name))) add(join('canonical', name));
  fingerprint = hash.digest('hex');
  return fingerprint;
}
