import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/canonical/index.js';
import { buildSchema } from '../../src/dsl/build.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { presets } from '../../src/engine/presets.js';
import { isPgformError } from '../../src/errors.js';
import { pgliteEngine, postgresEngine, withDatabase } from '../support/engines.js';
import { expectCleanError, filesBelow, removeDir, runCli, scratchDir } from './cli.js';
import { baseInput, materialize } from './mutation/base.js';
import { applyMutations, describeMutation, mutationArbitrary, type Mutation } from './mutation/mutate.js';
import { bugKind, run, type Outcome } from './mutation/outcome.js';
import { definitionsSource } from './mutation/source.js';

const base = baseInput();
const externalNamespaces = presets.supabase.externalNamespaces;
const numRuns = process.env.PGFORM_FUZZ ? 20_000 : 400;
const mutations = (typed: boolean) => fc.array(mutationArbitrary(base, { typed }), { minLength: 1, maxLength: 3 });

/** Fails with the mutations and what went wrong, so a counterexample reads as a repro. */
function expectNoBug(list: Mutation[]): Outcome {
  const outcome = run(applyMutations(base, list));
  if (outcome.kind === 'bug') throw new Error(`${bugKind(outcome)}\n  after: ${list.map(describeMutation).join(' ; ')}\n  error: ${outcome.message}`);
  return outcome;
}

/**
 * A valid system (every builder, most options) mutated at random: values replaced, fields
 * removed, entries copied (duplicate names), keys renamed, declarations dropped (dangling
 * references). Whatever comes out must be SQL or a PgformError naming its code and location.
 */
describe('mutated definitions, in-process', () => {
  it('the unmutated base builds', () => {
    expect(run(base).kind).toBe('sql');
  });

  it('typed mutations (what a type-checked file can say) give SQL or a located PgformError', () => {
    fc.assert(fc.property(mutations(true), (list) => void expectNoBug(list)), { numRuns });
  });

  it('typed mutations reach both outcomes', () => {
    const outcomes = fc.sample(mutations(true), { numRuns: 300, seed: 1 }).map((list) => run(applyMutations(base, list)).kind);
    expect(outcomes).toContain('sql');
    expect(outcomes).toContain('error');
  });

  // Builders and buildSchema trust their input's types: wrong types throw TypeErrors (from the
  // user's file or, worse, from buildSchema, printed as "error INTERNAL" with no location).
  it('any mutation (wrong types, undefined, functions, 1n) gives SQL or a located PgformError', () => {
    fc.assert(fc.property(mutations(false), (list) => void expectNoBug(list)), { numRuns });
  });
});

/**
 * SQL that builds must apply, or fail naming the definition's file and line: canonicalising
 * applies it on PGlite in a rolled-back transaction, as `diff` and `push` do. Pinned: routines,
 * trigger(), extensions and view column comments fail with no file (FINDINGS.md 1).
 */
describe('mutated definitions, applied', () => {
  it('typed mutations that build apply, or fail with a file and line', async () => {
    const db = await pgliteEngine.open();
    const unlocated: string[] = [];
    try {
      for (const list of fc.sample(mutations(true), { numRuns: 80, seed: 3 })) {
        let schema;
        try {
          schema = buildSchema(materialize(applyMutations(base, list)), { externalNamespaces, file: 'definitions.ts' });
        } catch {
          continue;
        }
        try {
          await canonicalize(schema, db.conn, { externalNamespaces });
        } catch (error) {
          if (!isPgformError(error) || !error.location.file || !error.location.line) {
            unlocated.push(`${list.map(describeMutation).join(' ; ')}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    } finally {
      await db.dispose();
    }
    expect(unlocated).toEqual([]);
  });
});

/** A few mutated systems through the CLI as a user's file: the same outcome as in-process. */
describe('mutated definitions through the CLI', () => {
  const samples = fc
    .sample(mutations(true), { numRuns: 60, seed: 7 })
    .map((list) => ({ list, input: applyMutations(base, list) }))
    .map((sample) => ({ ...sample, outcome: run(sample.input) }));
  const picked = [...samples.filter((s) => s.outcome.kind === 'error').slice(0, 4), ...samples.filter((s) => s.outcome.kind === 'sql').slice(0, 2)];

  it.concurrent.each(picked.map((s) => [s.list.map(describeMutation).join(' ; '), s] as const))('%s', async (_, sample) => {
    const cwd = scratchDir();
    try {
      writeFileSync(join(cwd, 'definitions.ts'), definitionsSource(sample.input));
      const result = await runCli(['sql', '--definitions', 'definitions.ts'], { cwd });
      if (sample.outcome.kind === 'sql') {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain(sample.outcome.script.trim().split('\n')[0]);
      } else {
        expectCleanError(result);
        expect(result.stdout).toBe('');
        if (sample.outcome.kind === 'error') expect(result.stderr).toContain(`error ${sample.outcome.code}: ${sample.outcome.message}`);
      }
      expect(filesBelow(cwd)).toEqual(['definitions.ts']);
    } finally {
      removeDir(cwd);
    }
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('push of invalid definitions applies nothing', async () => {
    const invalid = picked.filter((s) => s.outcome.kind === 'error').slice(0, 2);
    expect(invalid.length).toBeGreaterThan(0);
    await withDatabase(postgresEngine, async ({ url }) => {
      for (const sample of invalid) {
        const cwd = scratchDir();
        try {
          writeFileSync(join(cwd, 'definitions.ts'), definitionsSource(sample.input));
          const result = await runCli(['push', '--definitions', 'definitions.ts', '--url', url!], { cwd });
          expectCleanError(result);
          expect(filesBelow(cwd)).toEqual(['definitions.ts']);
        } finally {
          removeDir(cwd);
        }
      }
      const conn = await connectPostgres(url!);
      try {
        const rows = await conn.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'crm'");
        const relations = await conn.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
        expect(rows[0]!.n + relations[0]!.n).toBe(0);
      } finally {
        await conn.close();
      }
    });
  });
});

