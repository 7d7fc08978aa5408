import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { compareSchemas } from '../../src/commands/diff.js';
import { citusStandInSql } from '../../src/engine/citus-standin.js';
import type { Connection } from '../../src/engine/connection.js';
import { isPgformError } from '../../src/errors.js';
import { withDatabase, type TestEngine } from './engines.js';
import { withPooledDatabase } from './database-pool.js';
import { migrateAndCheck, readState, type CaseOptions } from './diff-case.js';

/**
 * Real schema changes as data: `test/cases/diff/<group>/<case>/` holds before.sql and after.sql.
 * On each engine, database A is built from before.sql (plus seed.sql rows) and B from after.sql;
 * the plan `diff --from A --to B --sql` prints is checked against plan.sql (PGlite's printing;
 * plan.postgres.sql where PostgreSQL 15 prints otherwise) and hazards.json, then applied to A.
 * A must then hold what B holds by the catalog fingerprint (read without pgform's model, so a
 * property the model loses still shows), a second diff must be empty and the seeded rows must
 * survive. Then the way back, B to A's first state, unless case.json says `"reverse": false`.
 *
 * case.json: `engines` (where the case can run), `reverse`, `why`, `error` (planning must fail
 * with a PgformError containing this text), `unmanaged` (fingerprint kinds pgform must leave as
 * they are instead of matching B: A keeps its own), `knownFailure` (the reason a case is pinned
 * as failing: it must keep failing until fixed), `preamble` (SQL run in both databases first:
 * what the server provides; a file beside the case, or `"citus stand-in"` for Citus's API, see
 * src/engine/citus-standin.ts), `applyError` (the seeded rows make applying the plan fail with
 * this text; the database must keep its first state and rows; the way back runs as usual).
 */

export const casesRoot = join(import.meta.dirname, '..', 'cases', 'diff');
/** The preamble name standing for Citus's coordinator API. */
const citusPreamble = 'citus stand-in';
const selected = process.env.PGFORM_CASE?.replace(/^diff\//, '');

function caseFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, 'before.sql'))) return [relative(casesRoot, dir)];
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .flatMap((entry) => caseFolders(join(dir, entry)));
}

/** The case folders under test/cases/diff, as `group/case`, narrowed by PGFORM_CASE. */
export const diffCases = caseFolders(casesRoot).filter((name) => !selected || name.startsWith(selected));

const read = (folder: string, file: string) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : undefined);

function optionsOf(folder: string): CaseOptions {
  const text = read(folder, 'case.json');
  return text ? (JSON.parse(text) as CaseOptions) : {};
}

function seededTables(seed: string): string[] {
  return [...new Set([...seed.matchAll(/INSERT INTO\s+([\w."]+)/gi)].map((m) => m[1]!))];
}

async function counts(conn: Connection, tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  return result;
}

/** Golden files this run wrote: a new case gets its PostgreSQL golden in the same run. */
const writtenNow = new Set<string>();

/**
 * Checks the plan text against its golden file, written when missing or with PGFORM_UPDATE=1.
 * plan.sql holds PGlite's printing; plan.postgres.sql exists only where PostgreSQL 15's differs.
 */
function checkGolden(folder: string, engine: TestEngine['name'], script: string): void {
  const common = join(folder, 'plan.sql');
  const own = join(folder, 'plan.postgres.sql');
  const update = Boolean(process.env.PGFORM_UPDATE);
  if (engine === 'pglite') {
    if (update || !existsSync(common)) {
      writeFileSync(common, script);
      writtenNow.add(common);
    }
    expect(script).toBe(readFileSync(common, 'utf8'));
    return;
  }
  if (!existsSync(common)) {
    writeFileSync(common, script);
    return;
  }
  if (update || writtenNow.has(common)) {
    if (readFileSync(common, 'utf8') === script) {
      if (existsSync(own)) unlinkSync(own);
    } else writeFileSync(own, script);
    return;
  }
  expect(script).toBe(readFileSync(existsSync(own) ? own : common, 'utf8'));
}


/**
 * Runs one case on one engine. A case whose case.json says `knownFailure` (with the reason) must
 * still fail: when it passes, the pin is stale and the test says so.
 */
export async function runDiffCase(engine: TestEngine, name: string): Promise<void> {
  const folder = join(casesRoot, name);
  const options = optionsOf(folder);
  if (options.engines && !options.engines.includes(engine.name)) return;
  if (!options.knownFailure) return checkCase(engine, folder, options);
  let failed = false;
  try {
    await checkCase(engine, folder, options);
  } catch {
    failed = true;
  }
  expect(failed, `${name} passes now: remove "knownFailure" from its case.json`).toBe(true);
}

async function checkCase(engine: TestEngine, folder: string, options: CaseOptions): Promise<void> {
  const seed = read(folder, 'seed.sql') ?? '';
  const preamble = options.preamble === citusPreamble ? citusStandInSql : options.preamble ? readFileSync(join(folder, options.preamble), 'utf8') : undefined;
  // A preamble may install what no reset removes (a stand-in in pg_catalog): its databases are not reused.
  const withCaseDatabase = preamble ? withDatabase : withPooledDatabase;
  await withCaseDatabase(engine, async (a) => {
    await withCaseDatabase(engine, async (b) => {
      if (preamble) for (const conn of [a.conn, b.conn]) await conn.exec(preamble);
      await a.conn.exec(read(folder, 'before.sql')!);
      await b.conn.exec(read(folder, 'after.sql')!);
      // Seeded rows change no catalog entry that a model or fingerprint reads: A's state holds after seeding.
      const [stateA, stateB] = [await readState(a.conn), await readState(b.conn)];
      if (options.error) {
        let failure: unknown;
        try {
          compareSchemas(stateA.model, stateB.model);
        } catch (error) {
          failure = error;
        }
        expect(isPgformError(failure), 'planning must fail with a PgformError').toBe(true);
        expect((failure as Error).message).toContain(options.error);
        return;
      }
      if (seed) await a.conn.exec(seed);
      const seeded = await counts(a.conn, seededTables(seed));
      await migrateAndCheck(a.conn, stateA, stateB, options, (script, hazards) => {
        checkGolden(folder, engine.name, script);
        if (process.env.PGFORM_UPDATE && engine.name === 'pglite') writeFileSync(join(folder, 'hazards.json'), `[${hazards.map((code) => JSON.stringify(code)).join(', ')}]\n`);
        expect(hazards).toEqual(JSON.parse(read(folder, 'hazards.json') ?? '[]'));
      });
      expect(await counts(a.conn, Object.keys(seeded))).toEqual(seeded);
      if (options.reverse !== false) await migrateAndCheck(b.conn, stateB, stateA, { ...options, applyError: undefined });
    });
  });
}
