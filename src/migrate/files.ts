import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PgformError } from '../errors.js';
import { isTransactionControl, splitStatements, type SqlStatement } from './split.js';

/** The name every migration file has: `<UTC timestamp YYYYMMDDHHMMSS>_<slug>.sql`, as Supabase names them. */
export const migrationName = /^(\d{14})_(.+)\.sql$/;

/** The first-line marker of a file whose statements run one by one, outside a transaction. */
export const noTransactionMarker = '-- pgform:no-transaction';

/** A MigrationFile is one SQL file of the migrations folder, read and checked. */
export interface MigrationFile {
  /** The file name, which is also its key in the history table. */
  name: string;
  /** The timestamp part of the name. */
  version: string;
  slug: string;
  /** The path as printed in messages (relative to the project root). */
  path: string;
  sql: string;
  /** sha256 of the content, line endings normalised, hex. */
  checksum: string;
  /** False when the file starts with `-- pgform:no-transaction`. */
  transactional: boolean;
  statements: SqlStatement[];
}

/** The folder's absolute path and the form messages print it in. */
export function migrationsFolder(root: string, folder: string): { absolute: string; display: string } {
  const absolute = resolve(root, folder);
  return { absolute, display: relative(root, absolute) || '.' };
}

/**
 * Every migration file of a folder, sorted by name (the timestamp first, so by time). A missing
 * folder has none. Other files (README.md...) are left alone; a `.sql` file with another name is
 * an error, since it would otherwise be silently skipped.
 */
export function listMigrations(root: string, folder: string): MigrationFile[] {
  return listMigrationEntries(root, folder).map(parseMigration);
}

/**
 * A MigrationEntry is a migration file read and named, its statements not split yet: what says
 * which state the files build (names and checksums) costs no parsing.
 */
export type MigrationEntry = Omit<MigrationFile, 'transactional' | 'statements'>;

/** The files of listMigrations, checked by name only: parseMigration checks and splits one. */
export function listMigrationEntries(root: string, folder: string): MigrationEntry[] {
  const { absolute } = migrationsFolder(root, folder);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) throw new PgformError('MIGRATION_INVALID', 'the migrations path is not a folder', { file: relative(root, absolute) });
  const names = readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.sql'))
    .map((entry) => entry.name)
    .sort(byName);
  return names.map((name) => readEntry(root, join(absolute, name)));
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads one migration file and checks its name, encoding and content. */
export function readMigration(root: string, absolute: string): MigrationFile {
  return parseMigration(readEntry(root, absolute));
}

function readEntry(root: string, absolute: string): MigrationEntry {
  const path = relative(root, absolute);
  const name = absolute.slice(absolute.lastIndexOf('/') + 1);
  const match = migrationName.exec(name);
  if (!match) {
    throw new PgformError('MIGRATION_INVALID', 'a migration file name must be <UTC timestamp YYYYMMDDHHMMSS>_<name>.sql', { file: path }, 'rename it, e.g. 20240131120000_add_leads.sql');
  }
  const bytes = readFileSync(absolute);
  const sql = decodeUtf8(bytes, path).replace(/^\uFEFF/, '');
  return { name, version: match[1]!, slug: match[2]!, path, sql, checksum: checksum(sql) };
}

/** Splits a migration file into statements and checks them. */
export function parseMigration(entry: MigrationEntry): MigrationFile {
  const { sql, path } = entry;
  const statements = splitStatements(sql);
  if (statements.length === 0) {
    throw new PgformError('MIGRATION_INVALID', 'the migration file is empty: it holds no SQL statement', { file: path }, 'delete it, or write the statements it should run');
  }
  const transactional = sql.split('\n', 1)[0]!.trim().toLowerCase() !== noTransactionMarker;
  if (transactional) {
    const control = statements.find((s) => isTransactionControl(s.sql));
    if (control) {
      throw new PgformError(
        'MIGRATION_INVALID',
        'the migration controls its own transaction, but pgform already runs each file in one',
        { file: path, line: control.line, statement: control.sql },
        `remove BEGIN/COMMIT, or make the first line ${noTransactionMarker} to run its statements as written`,
      );
    }
  }
  return { ...entry, transactional, statements };
}

/** A file's checksum: CRLF and LF checkouts of the same file must not read as tampering. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Decodes UTF-8 strictly; a bad byte is reported with the line it sits on. */
function decodeUtf8(bytes: Buffer, path: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    throw new PgformError('MIGRATION_INVALID', 'the migration file is not valid UTF-8', { file: path, line }, 'save it as UTF-8');
  }
}

/** A UTC timestamp as migration names spell it: YYYYMMDDHHMMSS. */
export function formatVersion(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The version for a new file: now, or one second after the last file so names stay in order. */
export function nextVersion(now: Date, last?: string): string {
  const version = formatVersion(now);
  if (!last || version > last) return version;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(last);
  if (!m) return version;
  const after = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]! + 1));
  return formatVersion(after);
}

/** A file-name slug: lower case letters, digits and underscores. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (!slug) throw new PgformError('USAGE', `"${name}" makes no file name: use letters or digits`, { field: 'name' });
  return slug;
}

/** Writes a new migration file, never over an existing one. */
export function writeMigration(root: string, folder: string, name: string, text: string): string {
  const { absolute } = migrationsFolder(root, folder);
  mkdirSync(absolute, { recursive: true });
  const path = join(absolute, name);
  writeFileSync(path, text, { flag: 'wx' });
  return relative(root, path);
}
