import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PgformError } from '../errors.js';

/** A file a definitions folder loads: TypeScript or JavaScript, not declarations or tests. */
export function isDefinitionFileName(name: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(name) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(name);
}

/** The definition files of a path: the file itself, or every `.ts` file below a folder, sorted. */
export function definitionFiles(path: string): string[] {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new PgformError('DEFINITION_LOAD_FAILED', `definitions not found: ${path}`, { file: path });
  if (statSync(absolute).isFile()) return [absolute];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (isDefinitionFileName(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(absolute);
  return files;
}
