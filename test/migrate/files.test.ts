import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgformError } from '../../src/errors.js';
import { checksum, listMigrations, nextVersion, slugify } from '../../src/migrate/files.js';
import { isTransactionControl, splitStatements } from '../../src/migrate/split.js';

const root = join(import.meta.dirname, '..', '..', 'test', `.tmp-migrate-${process.pid}-files`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding exactly the given files; returns its path relative to root. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return name;
}

function listError(files: Record<string, string | Buffer>): PgformError {
  try {
    listMigrations(root, folder('bad', files));
  } catch (error) {
    expect(error).toBeInstanceOf(PgformError);
    return error as PgformError;
  }
  throw new Error('expected an error');
}

describe('migration files', () => {
  it('lists .sql files by name, reads the no-transaction marker, ignores other files', () => {
    const files = listMigrations(
      root,
      folder('ok', {
        '20240102000000_b.sql': '-- pgform:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n',
        '20240101000000_a.sql': '\uFEFFCREATE TABLE t (a int);',
        'README.md': 'not a migration',
      }),
    );
    expect(files.map((f) => [f.name, f.version, f.slug, f.transactional, f.statements.length])).toEqual([
      ['20240101000000_a.sql', '20240101000000', 'a', true, 1],
      ['20240102000000_b.sql', '20240102000000', 'b', false, 1],
    ]);
    expect(files[0]!.path).toBe(join('ok', '20240101000000_a.sql'));
    expect(files[0]!.sql).toBe('CREATE TABLE t (a int);');
    expect(listMigrations(root, 'no-such-folder')).toEqual([]);
  });

  it.each([
    ['an empty file', { '20240101000000_empty.sql': '  -- only a comment\n/* and this */\n' }, 'the migration file is empty: it holds no SQL statement', undefined],
    ['a file that is not UTF-8', { '20240101000000_latin1.sql': Buffer.from('SELECT 1;\nSELECT \'caf\xe9\';\n', 'latin1') }, 'the migration file is not valid UTF-8', 2],
    ['a badly named file', { '2024_x.sql': 'SELECT 1;' }, 'a migration file name must be <UTC timestamp YYYYMMDDHHMMSS>_<name>.sql', undefined],
    ['a file with its own COMMIT', { '20240101000000_tx.sql': 'BEGIN;\nSELECT 1;\nCOMMIT;\n' }, 'the migration controls its own transaction, but pgform already runs each file in one', 1],
  ])('names %s', (_, files, message, line) => {
    const error = listError(files);
    expect(error.code).toBe('MIGRATION_INVALID');
    expect(error.message).toBe(message);
    expect(error.location.file).toBe(join('bad', Object.keys(files)[0]!));
    expect(error.location.line).toBe(line);
  });

  it('checksums ignore CRLF line endings only', () => {
    expect(checksum('a;\r\nb;\r\n')).toBe(checksum('a;\nb;\n'));
    expect(checksum('a;\nb;\n')).not.toBe(checksum('a;\nb; \n'));
  });

  it('dates new files now, or just after the last one', () => {
    const now = new Date('2024-03-05T06:07:08.900Z');
    expect(nextVersion(now)).toBe('20240305060708');
    expect(nextVersion(now, '20240101000000')).toBe('20240305060708');
    expect(nextVersion(now, '20240305060708')).toBe('20240305060709');
    expect(nextVersion(now, '20241231235959')).toBe('20250101000000');
    expect(slugify('Add Leads — v2!')).toBe('add_leads_v2');
  });
});

describe('statement splitter', () => {
  it.each([
    ['plain statements', 'SELECT 1;\n\nSELECT 2;', [['SELECT 1', 1], ['SELECT 2', 3]]],
    ['semicolons in strings and identifiers', `SELECT 'a;b', "c;d", E'e\\';f';SELECT 2`, [[`SELECT 'a;b', "c;d", E'e\\';f'`, 1], ['SELECT 2', 1]]],
    ['comments', '-- a; b\nSELECT 1 /* c; /* nested; */ d; */;\n-- trailing;', [['SELECT 1 /* c; /* nested; */ d; */', 2]]],
    ['dollar quotes', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nDO $x$ BEGIN PERFORM 1; END $x$;', [['CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql', 1], ['DO $x$ BEGIN PERFORM 1; END $x$', 2]]],
    ['parameters are not dollar quotes', 'PREPARE p AS SELECT $1;\nSELECT 2;', [['PREPARE p AS SELECT $1', 1], ['SELECT 2', 2]]],
    [
      'SQL-standard routine bodies',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END;\nSELECT 3;',
      [['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END', 1], ['SELECT 3', 2]],
    ],
    ['empty statements', ';;\n;SELECT 1;;', [['SELECT 1', 2]]],
  ])('splits %s', (_, text, expected) => {
    expect(splitStatements(text).map((s) => [s.sql, s.line])).toEqual(expected);
  });

  it('knows transaction control statements', () => {
    expect(['BEGIN', 'begin transaction', 'COMMIT', 'END', 'ROLLBACK', 'START TRANSACTION', 'ABORT'].every(isTransactionControl)).toBe(true);
    expect(['BEGIN ATOMIC', 'ROLLBACK TO SAVEPOINT a', 'SELECT 1', 'ENDPOINT'].some(isTransactionControl)).toBe(false);
  });
});
