import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * squawk (the squawk-cli dev dependency) and pgform's migration rules on the same migration cases,
 * rule by rule (scripts/squawk-compare.mjs, which runs the built dist/). The golden records where
 * they agree and differ, and README explains each difference; PGFORM_UPDATE=1 rewrites it.
 */
it('pgform and squawk on the migration cases: agreements and differences stay as documented', () => {
  const repo = join(import.meta.dirname, '..');
  const rows = JSON.parse(execFileSync(process.execPath, [join(repo, 'scripts', 'squawk-compare.mjs'), '--json'], { encoding: 'utf8' })) as { rule: string; case: string; pgform: boolean; squawk: boolean }[];
  const compared = rows.map(({ rule, case: name, pgform, squawk }) => ({ rule, case: name, pgform, squawk }));
  const golden = join(repo, 'test', 'cases', 'lint', 'squawk-comparison.json');
  if (process.env.PGFORM_UPDATE || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(compared, null, 2)}\n`);
  expect(compared).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  // Both tools report every triggering case: the differences are only where pgform knows more.
  for (const row of compared.filter((r) => r.case === 'triggers')) expect(row, row.rule).toMatchObject({ pgform: true, squawk: true });
});
