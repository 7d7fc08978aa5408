/**
 * Names in pulled code: variables and file names made from database names, and the names the DSL
 * gives constraints and indexes by default (so the shorthand is used exactly when it reproduces
 * the name the database has).
 */

/** The name the DSL's column shorthands give (PostgreSQL's own choice): see model/names.ts. */
export { objectName as defaultName } from '../../model/names.js';

/** Words of a database name in ASCII: `Weird "Name"` -> [Weird, Name]; accents are dropped, other scripts too. */
function words(name: string): string[] {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `lead_status` -> `leadStatus`; empty when the name has no ASCII letters or digits. */
export function camelCase(name: string): string {
  return words(name)
    .map((word, i) => {
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** `Odd Schema.v2` -> `odd-schema-v2`. */
export function kebabCase(name: string): string {
  return words(name)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Names a pulled variable must not take: reserved words, and the builders files import from 'pgform'. */
const reserved = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of arguments eval undefined NaN Infinity'.split(' '),
  ...'collation table trigger view materializedView rpc procedure triggerFunction enumType domain compositeType rangeType sequence extension schema system sql column uuid text varchar char smallint integer bigint numeric real doublePrecision boolean date time timestamp timestamptz interval json jsonb bytea inet cidr tsvector'.split(' '),
]);

/** Hands out distinct names: the first candidate that is valid and free, else the last one numbered. */
export class NamePool {
  private readonly taken = new Set<string>();

  constructor(
    private readonly valid: (name: string) => boolean,
    private readonly separator: string,
  ) {}

  claim(candidates: string[], fallback: string): string {
    for (const candidate of candidates) {
      if (candidate && this.valid(candidate) && !this.taken.has(candidate.toLowerCase())) return this.take(candidate);
    }
    const base = candidates.find((candidate) => candidate && this.valid(candidate)) ?? fallback;
    for (let n = 2; ; n++) {
      const candidate = `${base}${this.separator}${n}`;
      if (this.valid(candidate) && !this.taken.has(candidate.toLowerCase())) return this.take(candidate);
    }
  }

  private take(name: string): string {
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** A pool for variables: identifiers that start with a letter and are not reserved. */
export function variablePool(): NamePool {
  return new NamePool((name) => /^[a-z][A-Za-z0-9]*$/.test(name) && !reserved.has(name), '');
}

/** A pool for file names, compared case-insensitively so they survive case-insensitive disks. */
export function filePool(): NamePool {
  return new NamePool((name) => /^[a-z0-9][a-z0-9-]*$/.test(name), '-');
}
