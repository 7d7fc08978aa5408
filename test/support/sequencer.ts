import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that run longest, with their seconds in a whole run on a 2-core machine (last measured), put
 * first, longest first. Vitest orders files it has no timings for by size, largest first, and has
 * none on a fresh checkout (CI): the case runners are a few lines long and run hundreds of cases,
 * so the longest files started last and ran on alone while the other workers sat idle. Update the
 * figures when a file's time changes much; files not listed follow in vitest's own order.
 */
const longest: Record<string, number> = {
  'test/diff-cases.pglite.test.ts': 263,
  'test/diff-cases.postgres.test.ts': 177,
  'test/hostile/secrets.test.ts': 149,
  'test/drift.test.ts': 143,
  'test/online/online.test.ts': 139,
  'test/pull/roundtrip.test.ts': 133,
  'test/property/zod.test.ts': 125,
  'test/types/supabase.test.ts': 124,
  'test/supabase/adopt.test.ts': 104,
  'test/migrate/generate-migrate.test.ts': 96,
  'test/dev/incremental-printer.test.ts': 110,
  'test/citus/standin.test.ts': 66,
  'test/migrate/kept-print.test.ts': 65,
  'test/migrate/incremental.test.ts': 65,
  'test/systems.test.ts': 62,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => longest[relative(file.project.config.root, file.moduleId).split('\\').join('/')] ?? 0;
    const rest = await super.sort(files.filter((file) => seconds(file) === 0));
    return [...files.filter((file) => seconds(file) > 0).sort((a, b) => seconds(b) - seconds(a)), ...rest];
  }
}
