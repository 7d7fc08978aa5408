import { readFileSync } from 'node:fs';

/** pgform's version, from the package.json beside dist/ (or src/). */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
