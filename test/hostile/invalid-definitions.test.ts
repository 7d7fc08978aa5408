import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanError, filesBelow, removeDir, repoRoot, runCli, scratchDir } from './cli.js';

/** What a case expects on stderr; `file` is relative to the case folder. */
interface Expected {
  /** `sql` (default): caught while building; `diff`: caught when the SQL is applied. */
  command?: 'sql' | 'diff';
  code: string;
  file: string;
  line?: number;
  object?: string;
  field?: string;
  message: string;
  /** A pinned bug: the case must fail until the bug is fixed, then the pin must go. */
  knownFailure?: string;
}

const root = join(import.meta.dirname, '..', 'cases', 'invalid');
const selected = process.env.PGFORM_CASE;

function findCases(dir: string): string[] {
  if (existsSync(join(dir, 'expected.json'))) return [relative(root, dir)];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => findCases(join(dir, entry.name)))
    .sort();
}

const cases = findCases(root).filter((name) => !selected || `invalid/${name}`.startsWith(selected) || name.startsWith(selected));

const commands = {
  sql: (definitions: string) => ['sql', '--definitions', definitions],
  // Only applying the SQL finds these: diff prints the definitions on an embedded database.
  diff: (definitions: string) => ['diff', '--to', 'definitions', '--from', 'database', '--definitions', definitions],
};

async function check(name: string): Promise<void> {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
  const definitions = join(root, name, expected.file);
  const command = expected.command ?? 'sql';
  const cwd = scratchDir();
  try {
    const run = await runCli(commands[command](definitions), { cwd });
    expectCleanError(run);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`error ${expected.code}: `);
    expect(run.stderr).toContain(expected.message);
    const file = relative(repoRoot, definitions);
    expect(run.stderr).toContain(expected.line ? `${file}:${expected.line}` : file);
    if (expected.object) expect(run.stderr).toContain(expected.field ? `${expected.object} (${expected.field})` : expected.object);
    // Nothing written: sql writes nothing at all; diff only opens the embedded database.
    expect(filesBelow(cwd, ['.pgform/default/db'])).toEqual([]);
  } finally {
    removeDir(cwd);
  }
}

/**
 * Each folder under test/cases/invalid holds a bad definitions file and the error it must give:
 * exit code 2, the code, file (and line), object and field on stderr, no stack trace, nothing on
 * stdout and nothing written. `PGFORM_CASE=invalid/name-too-long` selects.
 */
describe('invalid definitions through the CLI', () => {
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const test = expected.knownFailure ? it.fails : it;
    test.concurrent(expected.knownFailure ? `${name} (pinned: ${expected.knownFailure})` : name, () => check(name));
  }
});
