import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../src/canonical/apply.js';
import { compareSchemas } from '../src/commands/diff.js';
import { inTransaction, type Connection } from '../src/engine/connection.js';
import { presets } from '../src/engine/presets.js';
import { isPgformError } from '../src/errors.js';
import { introspect } from '../src/introspect/index.js';
import type { Schema } from '../src/model/schema.js';
import { planScript, type Plan } from '../src/plan/index.js';
import { engines, withDatabase, type TestEngine } from './support/engines.js';
import { fingerprint, linesExcept, linesOf } from './support/fingerprint.js';

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
 * they are instead of matching B: A keeps its own).
 */
interface CaseOptions {
  engines?: TestEngine['name'][];
  reverse?: boolean;
  why?: string;
  error?: string;
  unmanaged?: string[];
}

const root = join(import.meta.dirname, 'cases', 'diff');
const selected = process.env.PGFORM_CASE?.replace(/^diff\//, '');

function caseFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, 'before.sql'))) return [relative(root, dir)];
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .flatMap((entry) => caseFolders(join(dir, entry)));
}

const cases = caseFolders(root).filter((name) => !selected || name.startsWith(selected));
const externalNamespaces = presets.supabase.externalNamespaces;

const read = (folder: string, file: string) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : undefined);

function optionsOf(folder: string): CaseOptions {
  const text = read(folder, 'case.json');
  return text ? (JSON.parse(text) as CaseOptions) : {};
}

/** The model as `pgform diff` reads a live database: every schema but the preset's. */
const readModel = (conn: Connection): Promise<Schema> => introspect(conn, { externalNamespaces });

/** Applies a plan as `migrate` would: transactional runs in a transaction, the others statement by statement. */
async function apply(conn: Connection, plan: Plan): Promise<void> {
  let run: Plan['steps'] = [];
  const flush = async () => {
    if (run.length) {
      const steps = run;
      await inTransaction(conn, () => applyPlan(conn, { steps }));
    }
    run = [];
  };
  for (const step of plan.steps) {
    if (step.transactional) run.push(step);
    else {
      await flush();
      await conn.exec(`${step.sql};`);
    }
  }
  await flush();
}

function seededTables(seed: string): string[] {
  return [...new Set([...seed.matchAll(/INSERT INTO\s+([\w."]+)/gi)].map((m) => m[1]!))];
}

async function counts(conn: Connection, tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  return result;
}

/** Checks the plan text against its golden file, written when missing or with PGFORM_UPDATE=1. */
function checkGolden(folder: string, engine: TestEngine['name'], script: string): void {
  const common = join(folder, 'plan.sql');
  const own = join(folder, 'plan.postgres.sql');
  if (engine === 'pglite') {
    if (process.env.PGFORM_UPDATE || !existsSync(common)) writeFileSync(common, script);
    expect(script).toBe(readFileSync(common, 'utf8'));
    return;
  }
  const golden = existsSync(own) ? own : common;
  if (process.env.PGFORM_UPDATE || !existsSync(golden)) {
    if (!existsSync(common)) writeFileSync(common, script);
    else if (readFileSync(common, 'utf8') !== script) writeFileSync(own, script);
    return;
  }
  expect(script).toBe(readFileSync(golden, 'utf8'));
}

/** Plans `from` into `target`, applies it, and checks that `conn` then holds what `expected` lines say. */
async function migrateAndCheck(conn: Connection, target: Schema, expected: string[], options: CaseOptions, golden?: (script: string, hazards: string[]) => void) {
  const before = await fingerprint(conn);
  const { plan } = compareSchemas(await readModel(conn), target);
  golden?.(planScript(plan), [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))].sort());
  await apply(conn, plan);
  const after = await fingerprint(conn);
  const unmanaged = options.unmanaged ?? [];
  expect(linesExcept(after, unmanaged)).toEqual(linesExcept(expected, unmanaged));
  // What pgform does not manage stays as it was, whatever the other side holds.
  expect(linesOf(after, unmanaged)).toEqual(linesOf(before, unmanaged));
  expect(compareSchemas(await readModel(conn), target).changes).toEqual([]);
}

describe.each(engines)('diff cases on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s', async (name) => {
    const folder = join(root, name);
    const options = optionsOf(folder);
    if (options.engines && !options.engines.includes(engine.name)) return;
    const seed = read(folder, 'seed.sql') ?? '';
    await withDatabase(engine, async (a) => {
      await withDatabase(engine, async (b) => {
        await a.conn.exec(read(folder, 'before.sql')!);
        await b.conn.exec(read(folder, 'after.sql')!);
        const [modelA, modelB] = [await readModel(a.conn), await readModel(b.conn)];
        const [printA, printB] = [await fingerprint(a.conn), await fingerprint(b.conn)];
        if (options.error) {
          let failure: unknown;
          try {
            compareSchemas(modelA, modelB);
          } catch (error) {
            failure = error;
          }
          expect(isPgformError(failure), 'planning must fail with a PgformError').toBe(true);
          expect((failure as Error).message).toContain(options.error);
          return;
        }
        if (seed) await a.conn.exec(seed);
        const seeded = await counts(a.conn, seededTables(seed));
        await migrateAndCheck(a.conn, modelB, printB, options, (script, hazards) => {
          checkGolden(folder, engine.name, script);
          expect(hazards).toEqual(JSON.parse(read(folder, 'hazards.json') ?? '[]'));
        });
        expect(await counts(a.conn, Object.keys(seeded))).toEqual(seeded);
        if (options.reverse !== false) await migrateAndCheck(b.conn, modelA, printA, options);
      });
    });
  });
});
